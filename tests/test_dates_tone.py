"""Tone cues (rules/tone.yaml): promotional, joking and sincere, per language, shared by the date
and news checks through the tone ladder. A promotion taken back ("no sale today") sells nothing."""
from __future__ import annotations

import pytest

from safepost.rulebook import load_rulebook
from safepost.text import analyze
from safepost.text.tone import cues_for, read_tone


@pytest.fixture(scope="module")
def book():
    return load_rulebook()


def tone(book, text: str, language: str | None):
    found = read_tone(analyze(text, language), cues_for(book, language))
    return found.promotional is not None, found.sincere is not None or found.declined is not None


@pytest.mark.parametrize("language, text", [
    ("en", "Flash sale: everything must go"),
    ("en", "Get 25% off with code AUTUMN"),
    ("en", "Pool party tonight, shop now"),
    ("pl", "Wielka wyprzedaż, kod rabatowy LATO"),
    ("pl", "Chrzanić przeszłość, liczy się impreza!"),
    ("uk", "Знижки на все до неділі"),
    ("ru", "Взрыв скидок! Только сегодня минус 50% на всё!"),
    ("nb", "Sommerfest i dag! Halv pris på alle drinker"),
    # an opening, a test drive, a first coffee on the house, a festival with fireworks
    ("en", "Sunday Funday on the lot! Come test drive the all-new Range Rover Sport."),
    ("uk", "Солом'янко, ми відкрилися! Перша кава безкоштовно до вечора."),
    ("pl", "Sezon jabłkowy w pełni! W sobotę darmowy bus z Rawy Mazowieckiej."),
    ("az", "Tovuzda yay festivalı! Bu həftəsonu konsert və atəşfəşanlıq."),
    ("az", "Böyük endirim! Bütün məhsullara 50% endirim"),
    (None, "Böyük endirim!"),
    ("en", "Not at our place 🥔 Unlimited chips with every burger this week"),  # the pictograph ends the "not"
    ("nb", "Alt du kan spise av pizza hver tirsdag"),
    # the last seats of a trip or a show, and a booking called for
    ("en", "Last seats on our Saturday coach to York! Book online."),
    ("nb", "Siste plasser til Madeira – avreise 25. april! Book i dag."),
    ("ru", "Последние места в автобусный тур по Золотому кольцу!"),
    ("uk", "Останні місця на поромі до Стамбула!"),
    ("pl", "Ostatnie miejsca na wycieczkę do Zakopanego!"),
    ("az", "Qəbələ turuna son yerlər! Zəng edin."),
    ("az", "Trabzon – Rize yayla turu: 5 gecə, otel və səhər yeməyi. Qeydiyyat davam edir!"),
])
def test_promotional_posts(book, language, text):
    assert tone(book, text, language)[0]


@pytest.mark.parametrize("language, text", [
    ("en", "Our thoughts are with everyone remembering today."),
    ("en", "Our stores are closed today in memory of the victims."),
    ("pl", "Pamiętamy. Cześć ich pamięci."),
    ("uk", "Пам'ятаємо. Вічна пам'ять загиблим."),
    ("ru", "Помним и скорбим."),
    ("nb", "Vi minnes de som ble drept. Butikken holder stengt."),
    ("az", "Şəhidlərimizi ehtiramla yad edirik."),
    # relief: collecting for, or giving to, the people a disaster hit
    ("en", "We're collecting blankets and water for families from Oso. Every dollar goes to the Red Cross."),
    ("nb", "Alle som er evakuert fra Kvam får gratis kaffe og rundstykker hos oss i dag."),
    ("pl", "Zbieramy dary dla powodzian: cały dochód z kawiarni przekażemy Czerwonemu Krzyżowi."),
    ("uk", "Збираємо допомогу для родин загиблих: весь прибуток передамо Червоному Хресту."),
    ("ru", "Собираем помощь пострадавшим: вся выручка за день уйдёт в Красный Крест."),
    ("az", "Həlak olanların ailələrinə yardım toplanır: bütün gəlir Qızıl Aypara Cəmiyyətinə veriləcək."),
    # prayer and silence: a procession or a service changed for the dead
    ("pl", "Orszak przejdzie dziś w ciszy, bez muzyki. Na Rynku pomodlimy się za zmarłych."),
    ("en", "Saturday's parade will walk in silence, without music. We will pray for the dead on the square."),
    ("uk", "Хода пройде в тиші, без музики. На площі помолимося за загиблих."),
    ("ru", "Шествие пройдёт в тишине, без музыки. На площади помолимся за погибших."),
    ("nb", "Toget går i stillhet, uten musikk. Vi ber for de omkomne på torget."),
    ("az", "Yürüş sükutla, musiqisiz keçəcək. Meydanda həlak olanlar üçün dua edəcəyik."),
])
def test_sincere_posts_that_sell_nothing(book, language, text):
    assert tone(book, text, language) == (False, True)


@pytest.mark.parametrize("language, text", [
    ("en", "We're hiring two backend engineers for our Lisbon office."),
    ("en", "We offer 100% cotton shirts in three sizes."),
    ("pl", "Nowy numer telefonu do biura obsługi klienta."),
    ("ru", "Рост продаж составил -3,5% за квартал"),
])
def test_ordinary_posts_are_neither(book, language, text):
    assert tone(book, text, language) == (False, False)


def test_the_cue_is_shown_where_it_stands(book):
    text = "Last chance: 30% off ends tonight"
    cue = read_tone(analyze(text, "en"), cues_for(book, "en")).promotional
    assert (cue.text, text[cue.start:cue.end]) == ("30% off", "30% off")


@pytest.mark.parametrize("language, text, shown", [
    ("nb", "Stort sommersalg på alle sykler!", "sommersalg"),  # the pattern matches the word's ending
    ("ru", "Всё по 500 рублей до воскресенья", "500 рублей"),  # ... and the word's opening
    ("nb", "Fredagsfesten starter klokka åtte", "Fredagsfesten"),
])
def test_a_pattern_cue_is_shown_as_the_whole_words_it_touches(book, language, text, shown):
    cue = read_tone(analyze(text, language), cues_for(book, language)).promotional
    assert (cue.text, text[cue.start:cue.end]) == (shown, shown)


@pytest.mark.parametrize("text", ["Nytt manifest for bærekraft", "Festningen holder åpent i kveld"])
def test_a_word_that_only_ends_like_a_sale_is_no_sale(book, text):
    assert not tone(book, text, "nb")[0]


def test_a_team_can_add_its_own_cues(tmp_path):
    extra = tmp_path / "tone.yaml"
    extra.write_text("tone:\n  - id: tone.en.mine\n    language: en\n    promotional: [megadeal*]\n",
                     encoding="utf-8")
    assert not tone(load_rulebook(), "Megadeals at 6am!", "en")[0]
    assert tone(load_rulebook([extra]), "Megadeals at 6am!", "en")[0]


@pytest.mark.parametrize("language, text", [
    ("en", "Out of respect, there will be no sale today."),
    ("en", "We are not running any promotions today."),
    ("pl", "Dziś nie będzie żadnych promocji."),
    ("uk", "Сьогодні жодних знижок і акцій."),
    ("ru", "Сегодня никаких скидок."),
    ("nb", "I dag blir det ingen tilbud fra oss."),
    ("az", "Bu gün endirim yoxdur."),
])
def test_a_promotion_taken_back_is_not_a_promotion(book, language, text):
    assert tone(book, text, language) == (False, True)


@pytest.mark.parametrize("text", ["Tube bombing? No, our prices are the bomb! 20% off",
                                  "No way! Half price on everything."])
def test_a_negation_in_another_clause_takes_nothing_back(book, text):
    assert tone(book, text, "en")[0]


@pytest.mark.parametrize("language, text", [
    ("en", "Who else needs coffee? lol"), ("en", "Mondays, am I right? ;)"),
    ("en", "Who's #notguilty about eating all the treats?!"), ("ru", "Кто ещё спит? Ахах)))"),
    ("pl", "Kto jeszcze śpi? xD"), ("nb", "Hvem andre trenger kaffe? Haha"),
])
def test_joking_posts(book, language, text):
    assert read_tone(analyze(text, language), cues_for(book, language)).joking is not None
