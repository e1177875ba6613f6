"""The day someone dies, a promotion that sells what the news calls them (a cosmonaut's toy
rockets, a cellist's cellos) is flagged for a person, in six languages. The same shop's ordinary
offer, a sincere tribute, a word the headline only quotes, and the days after are left alone."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from story_helpers import levels_of

from safepost.model import Verdict

NOW = datetime(2024, 3, 12, 12, 0, tzinfo=timezone.utc)

# language, region, headline of one death, a promotion selling the calling, the same shop's other
# offer, a sincere tribute using the calling
CASES = [
    ("en", "US", "Jazz saxophonist Ornette Coleman dies",
     "Saxophones 20% off this weekend only!", "Ukuleles 20% off this weekend only!",
     "Every saxophonist we know learned from him. Thank you."),
    ("ru", "RU", "Умер виолончелист Мстислав Ростропович",
     "Виолончели со скидкой 20% только сегодня!", "Укулеле со скидкой 20% только сегодня!",
     "Каждый виолончелист нашей школы учился у него. Спасибо."),
    ("uk", "UA", "Помер перший космонавт незалежної України Леонід Каденюк",
     "Набори «Юний космонавт» −30% тільки сьогодні!", "Набори «Юний хімік» −30% тільки сьогодні!",
     "Кожен космонавт знав його ім'я. Світла пам'ять."),
    ("pl", "PL", "Nie żyje himalaista Artur Hajzer",
     "Kurs wspinaczki dla przyszłych himalaistów −20% tylko dziś!", "Kurs pływania dla dzieci −20% tylko dziś!",
     "Każdy himalaista w naszym klubie znał go osobiście. Cześć jego pamięci."),
    ("nb", "NO", "Den tidligere skiskytteren Halvard Hanevold er død",
     "Alt for skiskyttere: rifler og drakter −20 % bare i dag!", "Alt for syklister: hjelmer −20 % bare i dag!",
     "Hver skiskytter i klubben vår så opp til ham. Hvil i fred."),
    ("az", "AZ", "Xalq artisti, bəstəkar Arif Məlikov vəfat edib",
     "Gənc bəstəkarlar üçün kurs: 20% endirim yalnız bu gün!", "Gənc rəssamlar üçün kurs: 20% endirim yalnız bu gün!",
     "Hər bəstəkar onun musiqisindən öyrənib. Allah rəhmət eləsin."),
]


@pytest.mark.parametrize("language, region, headline, selling, other, tribute", CASES)
def test_selling_the_dead_persons_calling_on_the_day_is_flagged_and_nothing_else_is(
        language, region, headline, selling, other, tribute):
    assert levels_of("incident-calling", NOW, [(headline, 2)], language, region, selling, other, tribute) \
        == [Verdict.FLAG, None, None]


@pytest.mark.parametrize("language, region, headline, selling, other, tribute", CASES[:3])
def test_the_calling_is_not_flagged_after_the_day_of_the_death(language, region, headline, selling, other, tribute):
    assert levels_of("incident-calling", NOW, [(headline, 30)], language, region, selling) == [None]


def test_a_word_the_headline_only_quotes_is_a_title_not_a_calling():
    headline = "Умер Николай Караченцов, звезда «Юноны и Авось»"
    assert levels_of("incident-calling", NOW, [(headline, 2)], "ru", "RU",
                     "Не надейтесь на авось: шиномонтаж −20% до конца недели!") == [None]


def test_a_calling_is_not_flagged_abroad():
    assert levels_of("incident-calling", NOW, [(CASES[1][2], 2)], "pl", "PL",
                     "Wiolonczele −20% tylko dziś! Warszawa, ul. Chmielna.") == [None]


def test_the_calling_may_open_the_sentence_after_the_name():
    headline = "Nie żyje Tomasz Stańko. Legendarny trębacz jazzowy miał 76 lat"
    assert levels_of("incident-calling", NOW, [(headline, 2)], "pl", "PL",
                     "Trębacze wchodzą za darmo, a shoty 1+1 do północy!") == [Verdict.FLAG]
