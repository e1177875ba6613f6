"""Russian typed in Latin letters is read back as Russian: a post in translit meets the day's
story as the same post in Cyrillic would, and English words and brands in a Russian post stay
English."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from safepost.gate import check
from safepost.model import Headline, Post, Verdict
from safepost.news.detect import detect_incidents
from safepost.rulebook import load_rulebook
from safepost.text import analyze
from safepost.text.tone import cues_for, read_tone

NOW = datetime(2024, 5, 6, 12, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def rulebook():
    return load_rulebook()


@pytest.mark.parametrize("latin, cyrillic", [
    ("skidki", "скидка"), ("vzryvnye", "взрывной"), ("smartfony", "смартфон"), ("segodnya", "сегодня"),
    ("nastoyka", "настойка"), ("detskiy", "детский"), ("irkutsk", "иркутск"), ("zhdem", "ждать"),
])
def test_a_russian_word_in_latin_letters_has_its_cyrillic_keys(latin, cyrillic):
    [token] = analyze(latin, "ru").tokens
    assert cyrillic in token.keys, token.keys


@pytest.mark.parametrize("word", ["bar", "sale", "metro", "iphone", "coffee", "wifi"])
def test_an_english_word_or_a_brand_in_a_russian_post_stays_english(word):
    [token] = analyze(word, "ru").tokens
    assert token.keys == (word,)


def test_the_day_of_a_deadly_explosion_a_sale_in_translit_is_held_as_in_cyrillic(rulebook):
    headlines = [Headline("Взрыв газа в жилом доме в Магнитогорске: погибли 39 человек", source="Wire",
                          published=NOW - timedelta(hours=3))]
    incidents = detect_incidents(headlines, rulebook, NOW)
    posts = [Post(id=str(i), platform="vk", scheduled_at=NOW + timedelta(hours=1), text=text, language="ru",
                  region="RU")
             for i, text in enumerate(["Vzryvnye skidki v Magnitogorske! Vse smartfony −30% tolko segodnya!",
                                       "Взрывные скидки в Магнитогорске! Все смартфоны −30% только сегодня!",
                                       "Novye smartfony v Magnitogorske, zhdem vas!"])]
    latin, cyrillic, ordinary = check(posts, incidents, rulebook, NOW)
    assert latin.verdict == cyrillic.verdict == Verdict.HOLD, latin.findings
    assert any("Vzryvnye" in f.message for f in latin.findings), latin.findings
    assert ordinary.verdict != Verdict.HOLD, ordinary.findings


def test_a_promotion_taken_back_in_translit_sells_nothing(rulebook):
    """«net zhivoy muzyki» is «нет живой музыки»: "net" and "my" are English words too, and read
    back all the same in a Russian post."""
    tone = read_tone(analyze("Segodnya u nas net zhivoy muzyki: my skorbim vmeste s Minskom.", "ru"),
                     cues_for(rulebook, "ru"))
    assert tone.promotional is None and tone.declined is not None and tone.sincere is not None
