"""A joke on a word of a deadly story at home mocks it, however ordinary the word: "Tired of the
bus? 😉" the day after a bus crash that killed someone is held in every language, while a sale
that only says "bus", or the same joke about a crash abroad, is left to the other checks."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from story_helpers import RULEBOOK, levels_of

from safepost.gate import check
from safepost.model import Headline, Post, Verdict
from safepost.news.detect import detect_incidents

NOW = datetime(2024, 3, 12, 12, 0, tzinfo=timezone.utc)

# language, audience, another country's audience, yesterday's headline, a joke on its bus, a sale
# that names a bus and jokes about nothing
CASES = [
    ("en", "GB", "US", "Bus veers off the road and overturns near Leeds, one dead",
     "Sick of the bus? 😉 Our cabs always get you there.",
     "Airport bus tickets 20% off this week."),
    ("ru", "RU", "UA", "Автобус съехал с дороги и перевернулся под Тверью, один человек погиб",
     "Надоел автобус? 😉 Наше такси всегда довезёт.",
     "Билеты на автобус в аэропорт со скидкой 20% всю неделю."),
    ("uk", "UA", "PL", "Автобус з'їхав з дороги і перекинувся під Житомиром, одна людина загинула",
     "Набрид автобус? 😉 Наше таксі завжди довезе.",
     "Квитки на автобус до аеропорту зі знижкою 20% увесь тиждень."),
    ("pl", "PL", "GB", "Autobus wypadł z drogi i przewrócił się pod Radomiem. Nie żyje jedna osoba",
     "Masz dość autobusu? 😉 Nasza taksówka zawsze dowiezie.",
     "Bilety na autobus na lotnisko 20% taniej przez cały tydzień."),
    ("nb", "NO", "GB", "Buss kjørte av veien og veltet ved Hamar – én død",
     "Lei av bussen? 😉 Taxien vår kommer alltid fram.",
     "Flybussbilletter 20 % billigere hele uka."),
    ("az", "AZ", "RU", "Şamaxıda avtobus yoldan çıxaraq aşıb, bir nəfər ölüb",
     "Avtobusdan bezmisiniz? 😉 Taksimiz həmişə çatdırır.",
     "Hava limanına avtobus biletləri bütün həftə 20% endirimlə."),
]


def joke_levels(language: str, region: str, headline: str, *texts: str) -> list[Verdict | None]:
    return levels_of("incident-joke", NOW, [(headline, 30)], language, region, *texts)


@pytest.mark.parametrize("language, region, abroad, headline, joke, sale", CASES)
def test_a_joke_on_a_word_of_a_deadly_story_at_home_is_held(language, region, abroad, headline, joke, sale):
    assert joke_levels(language, region, headline, joke, sale) == [Verdict.HOLD, None]


@pytest.mark.parametrize("language, region, abroad, headline, joke, sale", CASES)
def test_the_same_joke_about_a_crash_abroad_is_not_this_checks(language, region, abroad, headline, joke, sale):
    assert joke_levels(language, abroad, headline, joke) == [None]


def test_a_joke_that_shares_only_an_everyday_word_is_not_held():
    headline = "Bus veers off the road and overturns near Leeds, one dead"
    assert joke_levels("en", "GB", headline, "Hit the road with us today 😉 New trainers in store.") == [None]


def test_the_finding_quotes_the_joke_and_the_word():
    incidents = detect_incidents([Headline("Buss kjørte av veien og veltet ved Hamar – én død", "NRK",
                                           published=NOW - timedelta(hours=30))], RULEBOOK, NOW)
    post = Post(id="taxi", text="Lei av bussen? 😉 Vi holder oss på veien!", scheduled_at=NOW + timedelta(hours=1),
                platform="facebook", region="NO", language="nb")
    finding = next(f for f in check([post], incidents, RULEBOOK, NOW)[0].findings if f.check == "incident-joke")
    assert finding.rule == "incident.crash.joke" and finding.match == "bussen"
    assert "😉" in finding.message and "Buss kjørte av veien" in finding.message


@pytest.mark.parametrize("language, region, headlines, joke", [
    ("nb", "NO", ["Kari Nordvik er død – ble 81 år", "«Og så har me juksa litt»: Kari Nordvik lærte Norge å bake"],
     "Da har du nok juksa litt for mye med bakepulveret 😂"),
    ("en", "GB", ["TV cook Tom Baxter dies at 81", "'Never skimp on butter': how Tom Baxter taught Britain to bake"],
     "Skimp on butter? Not in our kitchen 😂"),
])
def test_a_joke_on_the_words_of_a_famous_death_is_held(language, region, headlines, joke):
    told = [(title, 5 - n) for n, title in enumerate(headlines)]
    assert levels_of("incident-joke", NOW, told, language, region, joke) == [Verdict.HOLD]


@pytest.mark.parametrize("language, region, headline, joke, sale", [
    ("ru", "RU", "Британский суд: отравление Литвиненко полонием «вероятно, одобрили» в Москве",
     "Настоящий английский чай — гарантированно без полония 😉", "Английский чай со скидкой 20% до воскресенья."),
    ("en", "GB", "Former spy poisoned with novichok nerve agent in Salisbury, says May",
     "Our perfume: guaranteed novichok-free 😂", "Perfume 20% off until Sunday."),
])
def test_a_joke_on_a_poisoning_is_held_whenever_its_victim_died(language, region, headline, joke, sale):
    """A poisoning with polonium or a nerve agent harms by its nature: the story is grave though
    its headlines count no dead today, and a joke on its poison mocks it."""
    assert joke_levels(language, region, headline, joke, sale) == [Verdict.HOLD, None]
