"""A tragedy remembered by the name of an ordinary place (Bucha, Torghatten, Szczekociny) is
named by a post that compares with the place to sell or joke, a preposition of place between
("flyr ikke inn i Torghatten"); the place as an address or a route, in a post that only informs,
is not."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from safepost.gate import check
from safepost.model import Post, Verdict
from safepost.rulebook import load_rulebook

BOOK = load_rulebook()
NOW = datetime(2024, 6, 14, 11, 0, tzinfo=timezone.utc)


def topics_found(text: str, language: str, region: str, reply_to: str | None = None) -> list[tuple[str, Verdict]]:
    post = Post(id="p1", platform="facebook", scheduled_at=NOW, text=text, language=language, region=region,
                reply_to=reply_to)
    [decision] = check([post], [], BOOK, NOW)
    return [(f.rule, f.level) for f in decision.findings if f.check == "topics"]


@pytest.mark.parametrize("text, language, region, topic", [
    ("Hei Kari! Pakken din er trygt i lufta – piloten vår flyr ikke inn i Torghatten 😂✈️", "nb", "NO",
     "topic.no.torghatten"),
    ("Ігорю, не хвилюйтеся 😂 у нас на складі не Бородянка, все стоїть ціле!", "uk", "UA", "topic.ua.borodianka"),
    ("Spokojnie, nasze pociągi to nie Szczekociny 😂 Bilety -20%!", "pl", "PL", "topic.pl.szczekociny"),
])
def test_a_joke_or_a_sale_that_compares_with_the_place_names_the_tragedy(text, language, region, topic):
    assert (topic, Verdict.HOLD) in topics_found(text, language, region, reply_to="c-1")


@pytest.mark.parametrize("text, language, region", [
    ("Доставка не в Бородянку, а в Київ: оформлюйте замовлення до 18:00.", "uk", "UA"),
    ("Fjellturen går ikke til Torghatten i morgen på grunn av været.", "nb", "NO"),
    ("Pekarnia w Szczekocinach otwarta od 6:00.", "pl", "PL"),
])
def test_the_place_as_an_address_or_a_route_is_no_comparison(text, language, region):
    assert topics_found(text, language, region) == []
