"""A Norwegian feed carries Nynorsk as well as Bokmål: NRK's regional desks write "Flaum i Utvik"
and "to døydde i bussulukka". The Nynorsk headline must be read as its Bokmål twin is: the same
kind of event, the same toll, and a report that nobody was hurt read as harmless."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from safepost.model import Headline
from safepost.news.reading import read_headline
from safepost.rulebook import load_rulebook

NOW = datetime(2024, 5, 6, 12, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def rulebook():
    return load_rulebook()


def read(rulebook, title: str):
    return read_headline(Headline(title, "NRK", published=NOW, language="nb"), rulebook, NOW)


# (Nynorsk, its Bokmål twin)
TWINS = [
    ("To døydde i bussulukka på E10 i Hadsel", "To døde i bussulykken på E10 i Hadsel"),
    ("Flaum i Utvik: tre personar er sakna", "Flom i Utvik: tre personer er savnet"),
    ("Ein mann vart drepen i Bergen i natt", "En mann ble drept i Bergen i natt"),
    ("Fire alvorleg skadd i trafikkulukke på E6", "Fire alvorlig skadd i trafikkulykke på E6"),
    ("Tre mista livet i snøskred i Lyngen", "Tre mistet livet i snøskred i Lyngen"),
]


@pytest.mark.parametrize("nynorsk, bokmaal", TWINS)
def test_a_nynorsk_headline_is_read_as_its_bokmaal_twin(rulebook, nynorsk, bokmaal):
    ny, bm = read(rulebook, nynorsk), read(rulebook, bokmaal)
    assert [k.id for k in ny.kinds][:1] == [k.id for k in bm.kinds][:1] != []
    assert (ny.deaths, ny.injured, ny.tragic) == (bm.deaths, bm.injured, bm.tragic)


def test_a_nynorsk_report_that_nobody_was_hurt_is_harmless(rulebook):
    reading = read(rulebook, "Brann i einebustad i Førde – ingen vart skadd")
    assert reading.harmless and not reading.tragic
