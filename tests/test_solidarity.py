"""Standing with the place of a tragedy: the words of solidarity name the story through its
place, so a sale under them is held and a plain message is read by a person, in every language."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from story_helpers import levels_of

from safepost.model import Verdict

NOW = datetime(2024, 5, 6, 12, 0, tzinfo=timezone.utc)

# language, audience, the day's headline, a sale standing with the country, a plain message, the
# same sale standing with another country
CASES = [
    ("en", "GB", "Two killed in Copenhagen shootings, gunman shot dead by police",
     "We stand with Denmark 🇩🇰 Danish design 30% off all week!",
     "We stand with Denmark tonight.",
     "We stand with Sweden 🇸🇪 Swedish design 30% off all week!"),
    ("ru", "RU", "Стрельба в Копенгагене: двое погибших, нападавший убит полицией",
     "Мы с тобой, Дания! Датский дизайн со скидкой 30% всю неделю",
     "Мы с тобой, Дания.",
     "Мы с тобой, Швеция! Шведский дизайн со скидкой 30% всю неделю"),
    ("uk", "UA", "Стрілянина в Копенгагені: двоє загиблих, нападника застрелила поліція",
     "Ми з тобою, Данія! Данський дизайн зі знижкою 30% увесь тиждень",
     "Ми з тобою, Данія.",
     "Ми з тобою, Швеція! Шведський дизайн зі знижкою 30% увесь тиждень"),
    ("pl", "PL", "Strzelanina w Kopenhadze: dwie osoby nie żyją, napastnik zastrzelony przez policję",
     "Jesteśmy z Danią! Duński design −30% przez cały tydzień",
     "Jesteśmy z Danią.",
     "Jesteśmy ze Szwecją! Szwedzki design −30% przez cały tydzień"),
    ("nb", "NO", "To drept i skyteangrep i København – gjerningsmannen skutt og drept av politiet",
     "Vi står med Danmark 🇩🇰 Hele uka: dansk design –30 %",
     "Vi står med Danmark i kveld.",
     "Vi står med Sverige 🇸🇪 Hele uka: svensk design –30 %"),
    ("az", "AZ", "Kopenhagendə atışma: iki nəfər ölüb, hücumçu polis tərəfindən öldürülüb",
     "Danimarka ilə həmrəyik! Bütün həftə Danimarka dizaynına 30% endirim",
     "Danimarka ilə həmrəyik.",
     "İsveç ilə həmrəyik! Bütün həftə İsveç dizaynına 30% endirim"),
]


def verdicts(language: str, region: str, headline: str, *texts: str) -> list[Verdict | None]:
    return levels_of("incident-solidarity", NOW, [(headline, 20)], language, region, *texts)


@pytest.mark.parametrize("language, region, headline, sale, message, elsewhere", CASES)
def test_a_sale_standing_with_the_place_of_a_tragedy_is_held_and_a_message_flagged(language, region, headline, sale,
                                                                                   message, elsewhere):
    assert verdicts(language, region, headline, sale, message, elsewhere) == [Verdict.HOLD, Verdict.FLAG, None]


@pytest.mark.parametrize("language, text", [
    ("pl", "Jestem w Kopenhadze na targach! Duński design −30%"),  # "jestem" stands with a place only in a hashtag
    ("en", "Copenhagen city break: we stand with our customers, flights from £49"),
])
def test_being_in_a_place_or_standing_with_someone_else_is_no_solidarity(language, text):
    region = {"pl": "PL", "en": "GB"}[language]
    headline = {"pl": CASES[3][2], "en": CASES[0][2]}[language]
    assert verdicts(language, region, headline, text) == [None]
