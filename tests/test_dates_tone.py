"""Tone cues (rules/tone.yaml): promotional and sincere, per language, shared by the date and news
checks. Promotional on a day of mourning is held; sincere words excuse naming the day."""
from __future__ import annotations

import pytest

from safepost.rulebook import load_rulebook
from safepost.text import analyze
from safepost.text.tone import cues_for, is_promotional, is_sincere, promotional_cue


@pytest.fixture(scope="module")
def book():
    return load_rulebook()


def tone(book, text: str, language: str | None):
    analysis = analyze(text, language)
    cues = cues_for(book, language)
    return is_promotional(analysis, cues), is_sincere(analysis, cues)


@pytest.mark.parametrize("language, text", [
    ("en", "Flash sale: everything must go"),
    ("en", "Get 25% off with code AUTUMN"),
    ("en", "Pool party tonight, shop now"),
    ("pl", "Wielka wyprzedaż, kod rabatowy LATO"),
    ("pl", "Chrzanić przeszłość, liczy się impreza!"),
    ("uk", "Знижки на все до неділі"),
    ("ru", "Взрыв скидок! Только сегодня минус 50% на всё!"),
    ("nb", "Sommerfest i dag! Halv pris på alle drinker"),
    ("az", "Böyük endirim! Bütün məhsullara 50% endirim"),
    (None, "Böyük endirim!"),
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
    cue = promotional_cue(analyze(text, "en"), cues_for(book, "en"))
    assert (cue.text, text[cue.start:cue.end]) == ("30% off", "30% off")


def test_a_team_can_add_its_own_cues(tmp_path):
    extra = tmp_path / "tone.yaml"
    extra.write_text("tone:\n  - id: tone.en.mine\n    language: en\n    promotional: [doorbuster*]\n",
                     encoding="utf-8")
    assert not tone(load_rulebook(), "Doorbusters at 6am!", "en")[0]
    assert tone(load_rulebook([extra]), "Doorbusters at 6am!", "en")[0]
