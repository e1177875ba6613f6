"""A post typed without its language's letters ("Bineqedi" for Binəqədi) still names the town of
the day's tragedy: a sale there is held as a sale that spells it right would be."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from story_helpers import levels_of

from safepost.checks.incident_names import typed_plain
from safepost.model import Verdict

NOW = datetime(2024, 10, 30, 12, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("language, region, headline, sale, elsewhere", [
    ("az", "AZ", "Binəqədidə avtobus qəzaya uğrayıb: iki nəfər həlak olub",
     "Bineqedi magazamiz acildi! Butun mallara 20% endirim", "Sumqayit magazamiz acildi! Butun mallara 20% endirim"),
    ("pl", "PL", "Pożar kamienicy w Łodzi: nie żyją trzy osoby",
     "Nowy sklep w Lodzi! Wszystko -20% tylko dzis", "Nowy sklep w Gdyni! Wszystko -20% tylko dzis"),
    ("nb", "NO", "Snøskred i Tromsø: to døde", "Julesalg i Tromso: alt -20 %", "Julesalg i Bodo: alt -20 %"),
])
def test_a_sale_that_types_the_town_without_its_letters_is_held(language, region, headline, sale, elsewhere):
    assert levels_of("incident-terms", NOW, [(headline, 3)], language, region, sale, elsewhere) == \
        [Verdict.HOLD, None]


def test_only_the_letters_of_the_story_s_language_are_plain_typed():
    assert typed_plain("Binəqədi", "az") == "Bineqedi" and typed_plain("Bærum", "nb") == "Baerum"
    assert typed_plain("Łódź", "pl") == "Lodz" and typed_plain("Łódź", "en") == "Łódź"
