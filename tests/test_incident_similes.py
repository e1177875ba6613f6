""""Fast as a rocket" is a courier's boast, selling's figure of speech, not the weapon: the morning
after a missile attack abroad that killed nobody, it is left alone in six languages. At home, in
the town that was struck, the same boast is held."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from story_helpers import levels_of

from safepost.model import Verdict

NOW = datetime(2024, 4, 14, 8, 0, tzinfo=timezone.utc)

# language, region, a missile attack abroad that hurt a few (two headlines: widely reported), the
# courier's boast
ABROAD = [
    ("en", "GB", ["Iran launches more than 300 drones and missiles at Israel",
                  "Israel: 99% of drones and missiles intercepted, a girl badly hurt"],
     "Delivery like a rocket: across London in two hours, Sundays too."),
    ("ru", "RU", ["Иран выпустил по Израилю сотни ракет и беспилотников",
                  "Израиль: сбито 99% ракет и беспилотников, ранена девочка"],
     "Доставка как ракета: по Москве за два часа, и в воскресенье тоже."),
    ("uk", "UA", ["Іран запустив по Ізраїлю сотні дронів і ракет",
                  "Ізраїль: збито 99% дронів і ракет, поранена дівчинка"],
     "Доставка як ракета: по Києву за дві години, і в неділю теж."),
    ("pl", "PL", ["Iran wystrzelił w stronę Izraela setki dronów i rakiet",
                  "Izrael: zestrzelono 99% dronów i rakiet, ranna dziewczynka"],
     "Dostawa jak rakieta: po Warszawie w dwie godziny, także w niedzielę."),
    ("nb", "NO", ["Iran avfyrte hundrevis av droner og raketter mot Israel",
                  "Israel: 99 prosent av dronene og rakettene skutt ned, en jente hardt skadd"],
     "Levering som en rakett: i hele Oslo på to timer, også på søndager."),
    ("az", "AZ", ["İran İsrailə yüzlərlə dron və raket buraxıb",
                  "İsrail: dron və raketlərin 99 faizi vurulub, yeddi yaşlı qız ağır yaralanıb"],
     "Raket kimi sürətli çatdırılma: Bakı daxilində 2 saata, bazar günü də."),
]


@pytest.mark.parametrize("language, region, headlines, boast", ABROAD)
def test_fast_as_a_rocket_abroad_is_a_figure_of_speech(language, region, headlines, boast):
    assert levels_of("incident-words", NOW, [(h, 9) for h in headlines], language, region, boast) == [None]


def test_fast_as_a_rocket_in_the_town_a_missile_struck_is_held():
    headline = "Ракетний удар по Києву: 11 загиблих, десятки поранених"
    assert levels_of("incident-words", NOW, [(headline, 3)], "uk", "UA",
                     "Доставка як ракета: по Києву за дві години, знижка 20%!") == [Verdict.HOLD]
