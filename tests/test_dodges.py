"""Dodges that the shipped rulebook reads through, in every language, and the look-alikes it must
leave alone: what `safepost try` shows as "'fck' read as 'fuck'"."""
from __future__ import annotations

import pytest

from safepost.gate import dodges_read
from safepost.rulebook import load_rulebook

BOOK = load_rulebook()


@pytest.mark.parametrize("text, language, written, read", [
    # vowels left out of a swear word, a form of it, or a stem with its ending
    ("fck this heat, iced coffee is back", "en", "fck", "fuck"),
    ("What a fcking week. Pizza is on us.", "en", "fcking", "fucking"),
    ("sht happens, we fixed the app", "en", "sht", "shit"),
    ("krwa, jakie ceny!", "pl", "krwa", "kurwa"),
    ("Ну ты и прдурок, конечно", "ru", "прдурок", "придурок"),
    ("Хйня, а не погода", "ru", "Хйня", "хуйня"),
    # a pictograph in place of a letter
    ("WE WON THE F🏏CKING CUP", "en", "F🏏CKING", "fucking"),
    ("SH💩T, the printer again", "en", "SH💩T", "shit"),
    # a word broken over a line with a hyphen
    ("Це було ох-\nуєнно, дякуємо!", "uk", "ох-\nуєнно", "охуєнно"),
    # Russian written in Latin letters, by sound and by look
    ("prosto ohuennye цены на куртки", "ru", "ohuennye", "охуенне"),
    ("Blyat, какие скидки", "ru", "Blyat", "блят"),
    ("cyka, опять дождь", "ru", "cyka", "сука"),
    # masks not counted: three stars for four letters
    ("WYP***ALAMY starą kolekcję!", "pl", "WYP***ALAMY", "wypierdalamy"),
    # of the rule words a mask can hide, the one the rulebook spells out furthest (not "get...")
    ("Saçını belə uzatma, g*tveren kimi görünürsən", "az", "g*tveren", "götveren"),
    # a digit for a Cyrillic letter it looks like or stands for
    ("ЕГИПЕТ РАЗЪ3БАЛИ 3:1, пенное по 149 ₽", "ru", "РАЗЪ3БАЛИ", "разъебали"),
    ("Шева — заї6ісь, пиво 15 грн", "uk", "заї6ісь", "заїбісь"),
])
def test_a_dodge_is_read_as_the_word_it_hides(text, language, written, read):
    assert (written, read) in dodges_read(text, language, BOOK)


@pytest.mark.parametrize("text, language", [
    ("Christmas street party: mulled wine from 5 pm", "en"),  # three consonants open everyday words
    ("HTML, CSS and SQL workshops start in May", "en"),
    ("Oddaj krew: w krwi jest życie", "pl"),  # "krwi" is blood, not "kurwi"
    ("Взгляд изнутри: встреча с архитектором", "ru"),
    ("Скниловская трагедия: 77 погибших", "ru"),  # a place that opens like a swear word stays a place
    ("Скидки на eBay и Huawei по акции", "ru"),  # English words in Latin letters are English
    ("Pizza Mega за полцены", "ru"),
    ("Пиво 0,5 л за 149 ₽, код СКИДКА3 до 31.12", "ru"),  # a code and a price, not letters
    ("I❤️NY mugs are back", "en"),
    ("Gjør klar til jul: sprø\nkaker og brød", "nb"),
    ("Sprzedaż po-\nświąteczna trwa", "pl"),
    # a Polish post read with Azerbaijani rules too, when its language is unsure: "sklep" (a shop)
    # is a word of a language safepost reads, not "sikilep" with its vowels left out
    ("Rano klienci szukamy: sklep i park", "az"),
])
def test_ordinary_words_are_not_read_as_dodges(text, language):
    assert dodges_read(text, language, BOOK) == []


def test_a_languages_dodge_vocabulary_is_built_once_and_read_back_in_later_runs(tmp_path, monkeypatch):
    """Building a language's vocabulary of hidden words is a tenth of a second of a one-post
    check: the next run reads it from the user's cache, and reads the same dodges with it."""
    import safepost.gate as gate

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = dodges_read("What the f*ck, kurwa", "en", load_rulebook())
    assert list((tmp_path / "safepost" / "built").glob("dodges-en-*.pickle"))

    def refuse(*args, **kwargs):
        raise AssertionError("the vocabulary was built again")

    monkeypatch.setattr(gate, "build_vocabulary", refuse)
    assert dodges_read("What the f*ck, kurwa", "en", load_rulebook()) == first == [("f*ck", "fuck")]


def test_a_kept_vocabulary_belongs_to_its_rulebook(tmp_path, monkeypatch):
    """A team's own word rules make another rulebook: its dodges are its own, never the shipped
    rulebook's vocabulary read back."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert dodges_read("Such a gr*mblefritz", "en", load_rulebook()) == []
    extra = tmp_path / "words.yaml"
    extra.write_text("words:\n  - id: team.grumble\n    category: insult\n    language: en\n    level: flag\n"
                     "    message: An insult\n    terms: [grumblefritz]\n", encoding="utf-8")
    assert dodges_read("Such a gr*mblefritz", "en", load_rulebook([extra])) == [("gr*mblefritz", "grumblefritz")]
