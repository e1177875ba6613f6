"""A post of the trade a deadly story happened in: a coach-trip sale the day after a coach crash
killed five at home is held in every language, and in another language than the headlines'; the
same sale is left alone when the crash was abroad, unless it names the crash's country, and when
one death made it a town's news."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from story_helpers import RULEBOOK, levels_of

from safepost.gate import check
from safepost.model import Headline, Post, Verdict
from safepost.news.detect import detect_incidents

NOW = datetime(2024, 3, 12, 12, 0, tzinfo=timezone.utc)

# language, audience, another country's audience, yesterday's headline (five dead in a bus crash),
# a sale of bus trips that names neither the crash nor its place
CASES = [
    ("en", "GB", "US", "Coach overturns on the M1 near Leicester, five dead",
     "Weekend coach trips to the seaside from £19, book now!"),
    ("ru", "RU", "UA", "Автобус перевернулся на трассе под Тверью, погибли пять человек",
     "Автобусные туры на выходные со скидкой 20%! Бронируйте сейчас."),
    ("uk", "UA", "PL", "Автобус перекинувся на трасі під Житомиром, загинули п'ятеро людей",
     "Автобусні тури на вихідні зі знижкою 20%! Бронюйте зараз."),
    ("pl", "PL", "GB", "Autokar przewrócił się na autostradzie pod Radomiem. Nie żyje pięć osób",
     "Wycieczki autokarowe na weekend 20% taniej! Rezerwuj teraz."),
    ("nb", "NO", "GB", "Buss veltet på E6 ved Hamar – fem døde",
     "Helgetur med buss til fjellet – 20 % rabatt, bestill nå!"),
    ("az", "AZ", "RU", "Şamaxıda avtobus aşıb, beş nəfər ölüb",
     "Həftəsonu avtobus turları 20% endirimlə! İndi sifariş edin."),
]


def trade_levels(language: str, region: str, headline: str, *texts: str) -> list[Verdict | None]:
    return levels_of("incident-trade", NOW, [(headline, 20)], language, region, *texts)


@pytest.mark.parametrize("language, region, abroad, headline, sale", CASES)
def test_a_sale_of_the_trade_of_a_deadly_story_at_home_is_held(language, region, abroad, headline, sale):
    assert trade_levels(language, region, headline, sale) == [Verdict.HOLD]


@pytest.mark.parametrize("language, region, abroad, headline, sale", CASES)
def test_the_same_sale_is_left_alone_when_the_crash_was_abroad(language, region, abroad, headline, sale):
    assert trade_levels(language, abroad, headline, sale) == [None]


@pytest.mark.parametrize("headline, language, post", [
    ("Şamaxıda avtobus aşıb, beş nəfər ölüb", "ru", "Автобусные туры по Азербайджану со скидкой 20%!"),
    ("Buss veltet på E6 ved Hamar – fem døde", "en", "Coach tours of the fjords, 20% off this week only!"),
    ("Автобус перекинувся на трасі під Житомиром, загинули п'ятеро людей", "pl",
     "Wycieczki autokarowe do Karpat 20% taniej!"),
])
def test_the_trade_is_read_across_languages(headline, language, post):
    region = {"Ş": "AZ", "B": "NO", "А": "UA"}[headline[0]]
    assert trade_levels(language, region, headline, post) == [Verdict.HOLD]


HAMAR = "Buss veltet på E6 ved Hamar – fem døde"
LEICESTER = "Coach overturns on the M1 near Leicester, five dead"


@pytest.mark.parametrize("why, headline, region, posts, levels", [
    ("abroad, a sale that names the crash's country is flagged", HAMAR, "GB",
     ["Coach tours of Norway, 20% off this week only!", "Coach tours of Scotland, 20% off this week only!"],
     [Verdict.FLAG, None]),
    ("abroad, a town of the crash's country is not its name", HAMAR, "GB",
     ["Coach tours from Bergen, 20% off this week only!"], [None]),
    ("at home, a sale for another town of the country is elsewhere", LEICESTER, "GB",
     ["Coach trips from Glasgow to the Highlands, 20% off, book now!",
      "Coach trips from Leicester to the seaside, 20% off, book now!"], [None, Verdict.HOLD]),
    ("one death is a town's news, but a joke on its trade is held", "Bus veers off the road near Leeds, one dead", "GB",
     ["Weekend coach trips to the seaside from £19, book now!",
      "Scared of buses? 😉 Our coaches never leave the road, haha"], [None, Verdict.HOLD]),
    ("a sincere word of the trade is flagged, a timetable left alone", LEICESTER, "GB",
     ["Our thoughts are with everyone on the coach. All our coaches are being checked today.",
      "Coach timetable for the spring season."], [Verdict.FLAG, None]),
])
def test_where_the_post_is_and_how_it_speaks(why, headline, region, posts, levels):
    assert trade_levels("en", region, headline, *posts) == levels, why


def test_abroad_a_joke_of_the_trade_on_a_story_many_report_is_flagged():
    headlines = [("Autokar z pielgrzymami spadł z wiaduktu pod Avellino. Nie żyje 38 osób", 20),
                 ("Włochy: 38 ofiar katastrofy autokaru pod Avellino, żałoba narodowa", 10)]
    assert levels_of("incident-trade", NOW, headlines, "en", "GB",
                     "Our coaches never leave the road 😉 Hire one for your school trip!",
                     "Hire a coach for your school trip!") == [Verdict.FLAG, None]


def test_abroad_the_trade_and_the_storys_own_words_are_held():
    headlines = [("Qazaxıstanda avtobus yanıb, 52 nəfər ölüb", 30), ("Aktobe: avtobusda yanğın, 52 ölü", 26)]
    post = "Alovlu qiymətlər! 🔥 Bakı–Moskva avtobus reysi, bilet 120 manatdan."
    assert levels_of("incident-words", NOW, headlines, "az", "AZ", post) == [Verdict.HOLD]
    assert levels_of("incident-words", NOW, headlines, "az", "AZ", post.replace("avtobus", "qatar")) == [Verdict.FLAG]


def test_a_trade_counts_only_in_the_stories_of_its_kinds():
    poisoned = "В Иркутске 40 человек погибли, отравившись суррогатным алкоголем"
    crashed = "Пьяный водитель без прав: под Тверью погибли пять человек, в крови нашли алкоголь"
    sale = "Водка по акции: две бутылки по цене одной!"
    assert trade_levels("ru", "RU", poisoned, sale) == [Verdict.HOLD]
    assert trade_levels("ru", "RU", crashed, sale) == [None]


def test_the_finding_says_the_trade_and_quotes_the_headline():
    headline = LEICESTER
    incidents = detect_incidents([Headline(headline, "Wire", published=NOW - timedelta(hours=20))], RULEBOOK, NOW)
    post = Post(id="1", text="Weekend coach trips to the seaside from £19, book now!", platform="facebook",
                scheduled_at=NOW + timedelta(hours=1), region="GB", language="en")
    [decision] = check([post], incidents, RULEBOOK, NOW)
    [finding] = [f for f in decision.findings if f.check == "incident-trade"]
    assert finding.rule == "incident.crash.trade"
    assert "buses and coaches ('coach trips')" in finding.message and headline in finding.message
    assert finding.evidence["trade"] == "trade.bus"


def test_rules_explain_shows_a_trades_words_in_each_language_and_its_kinds(run_cli):
    code, out, _ = run_cli("rules", "explain", "trade.spirits")
    assert code == 0
    assert "words (az):" in out and "водка" in out and "in stories of: poisoning" in out


def test_a_trade_that_names_an_unknown_kind_is_refused_with_a_suggestion(run_cli, write):
    write("acme.yaml", "trades:\n  - id: acme.trade.spa\n    terms: {en: [spa]}\n    kinds: [fyre]\n")
    code, out, err = run_cli("rules", "lint", "acme.yaml")
    assert code == 2 and "acme.yaml:2: error: unknown incident kind 'fyre' (did you mean 'fire'?)" in out + err


def test_at_home_the_storys_town_written_in_another_script_is_still_its_town():
    """A Russian-language post in Baku writes Binəqədi as «Бинагади» and Sumqayıt as «Сумгаит»:
    the first is where the bus burned, the second another town."""
    headline = "Binəqədidə avtobus yanıb, beş nəfər ölüb"
    posts = ["Автобусные экскурсии по Бинагади со скидкой 20%!", "Автобусные экскурсии по Сумгаиту со скидкой 20%!"]
    assert trade_levels("ru", "AZ", headline, *posts) == [Verdict.HOLD, None]


@pytest.mark.parametrize("headline, post", [
    ("Seks omkom i helikopterulykken i Finnmark", "Helikopterturer – 20 % rabatt hele uka!"),
    ("Fem døde i togulykken ved Hamar", "Togreiser til fjellet – halv pris i helgen!"),
    ("Tre omkom i hotellbrannen på Lillehammer", "Hotellopphold med spa, 30 % rabatt!"),
])
def test_norwegian_compounds_carry_their_trade(headline, post):
    """Norwegian writes the trade into one word with the accident ("helikopterulykken") or the
    offer ("helikopterturer"): the trade is its first part."""
    assert trade_levels("nb", "NO", headline, post) == [Verdict.HOLD]


@pytest.mark.parametrize("hours_ago, level", [(10, Verdict.FLAG), (40, None)])
def test_abroad_a_sale_of_the_trade_in_the_first_day_of_a_mass_casualty_toll_is_flagged(hours_ago, level):
    """The news of the Soma mine fire the next morning is all follow-ups (the toll passing 200),
    yet it is that day's news everywhere: a Baku club's mine party sells into it; two days on,
    it is a party."""
    headlines = [("Türkiyədə kömür mədənində faciə: Somada ölənlərin sayı 201-ə çatıb", hours_ago),
                 ("Taner Yıldız: Somada həlak olan mədənçilərin sayı 205-ə yüksəlib", hours_ago - 2)]
    assert levels_of("incident-trade", NOW, headlines, "az", "AZ",
                     "Mədən partisi! Mədənçi kaskaları girişdə pulsuz, kokteyllər 2+1, Bakı.") == [level]
