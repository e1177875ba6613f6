"""A light post for a town of the province where a deadly story happened, in its first day, is
flagged for a person: an Easter party in Kramatorsk the morning Sloviansk digs out its dead. A
town of another province, and a post that sells nothing, are left alone, and a story known only
to happen somewhere in the country names no neighbour. Nor does a state hundreds of miles across:
Austin is not next door to Waco for being in Texas."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from story_helpers import levels_of

from safepost.model import Verdict

NOW = datetime(2024, 3, 12, 12, 0, tzinfo=timezone.utc)

# language, region, headline (three dead in one town), a party in a town of its province, the same
# party in a town of another province, a sincere notice from the town next door
CASES = [
    ("en", "GB", "Three killed in Bolton house fire",
     "Manchester taco night: 2-for-1 margaritas, tonight only!", "Leeds taco night: 2-for-1 margaritas, tonight only!",
     "Manchester library: the reading room opens at 9 tomorrow."),
    ("uk", "UA", "Удар по Краматорську: загинули троє людей",
     "Вечірка у Слов'янську: коктейлі зі знижкою 30%!", "Вечірка у Львові: коктейлі зі знижкою 30%!",
     "Слов'янськ: бібліотека завтра відчиняється о 9."),
    ("pl", "PL", "Pożar kamienicy w Bytomiu: nie żyją trzy osoby",
     "Katowice: happy hour, drinki 50% taniej!", "Kraków: happy hour, drinki 50% taniej!",
     "Katowice: biblioteka jutro otwarta od 9."),
    ("nb", "NO", "Tre døde i brann i Steinkjer",
     "Trondheim: pizzafest med 2 for 1 i kveld!", "Bergen: pizzafest med 2 for 1 i kveld!",
     "Trondheim: biblioteket åpner klokken 9 i morgen."),
    ("az", "AZ", "Sumqayıtda yanğın: üç nəfər ölüb",
     "Xırdalan: 2 pizza 1 qiymətinə, yalnız bu axşam!", "Gəncə: 2 pizza 1 qiymətinə, yalnız bu axşam!",
     "Xırdalan: kitabxana sabah saat 9-da açılır."),
]


@pytest.mark.parametrize("language, region, headline, next_door, far, sincere", CASES)
def test_a_party_next_door_to_a_deadly_story_is_flagged_and_far_away_or_sincere_is_not(
        language, region, headline, next_door, far, sincere):
    assert levels_of("incident-nearby", NOW, [(headline, 3)], language, region, next_door, far, sincere) \
        == [Verdict.FLAG, None, None]


@pytest.mark.parametrize("language, region, headline, next_door, far, sincere", CASES[:1])
def test_the_town_next_door_is_not_flagged_after_the_first_day(language, region, headline, next_door, far, sincere):
    assert levels_of("incident-nearby", NOW, [(headline, 30)], language, region, next_door) == [None]


@pytest.mark.parametrize("language, region, headline, same_state", [
    ("en", "US", "Three killed in Waco apartment fire", "Austin taco night: 2-for-1 margaritas, tonight only!"),
    ("ru", "RU", "Пожар в Нижнекамске: погибли три человека", "Казань, вечеринка в баре: коктейли со скидкой 30%!"),
])
def test_a_town_of_the_same_wide_state_is_not_next_door(language, region, headline, same_state):
    assert levels_of("incident-nearby", NOW, [(headline, 3)], language, region, same_state) == [None]
