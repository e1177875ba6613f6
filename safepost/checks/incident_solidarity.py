"""A post that stands with a country or a town in mourning ("Vi står med Danmark" over a Danish
design sale the Monday after the Copenhagen shootings, «Мы с тобой, Казань» beside a promo code)
names the tragedy without a word of its story: the place its words of solidarity stand with is
where people died. The country counts here, though it names no story elsewhere ("our Danish
design" alone is not the shootings). On the tone ladder: held when it sells or jokes, flagged
otherwise, so a brand's condolence is read by a person before it goes out."""
from __future__ import annotations

from typing import Iterable

from safepost.checks import Context, ladder
from safepost.checks.incident_names import countries_named, mentions
from safepost.checks.incident_scope import active_for, evidence
from safepost.model import Finding, Verdict
from safepost.news.reading import news_languages, place_indexes

NAME = "incident-solidarity"
STANDS_WITH_WITHIN = 3  # tokens between the words of solidarity and the place: "stand with the people of Paris"
GRAVE = 3  # severity: people died or many were hurt


def run(ctx: Context) -> Iterable[Finding]:
    grave = [i for i in ctx.incidents if i.harmed and i.severity >= GRAVE and active_for(ctx, i)]
    if not grave or ctx.language not in news_languages(ctx.rulebook):
        return
    stood_with = _places_stood_with(ctx)
    if not stood_with:
        return
    named = {match.payload.id for match in mentions(ctx)}  # the story's own name: incident-terms says it
    for incident in grave:
        place = next((match for match in stood_with if match.payload in incident.regions), None)
        if place is None or incident.id in named:
            continue
        yield Finding(
            f"incident.{incident.kind}.solidarity", NAME, ladder.level(ctx.rung, Verdict.FLAG),
            f"Stands with '{place.text}', where \"{incident.title}\" happened: {ctx.rung.describe()}",
            place.text, (place.start, place.end), evidence(incident, term=place.text))
        return  # one place stood with is one finding


def _places_stood_with(ctx: Context) -> list:
    """The towns and countries beside the post's words of solidarity, their region as payload:
    after them ("we stand with Paris"), or before, as Azerbaijani says it ("Türkiyə ilə həmrəyik")."""
    words = ctx.tone.solidarity_words
    if not words:
        return []
    towns, _ = place_indexes(ctx.rulebook, ctx.language)
    return [place for place in (*countries_named(ctx), *towns.find(ctx.analysis))
            if any(0 <= gap < STANDS_WITH_WITHIN for said in words
                   for gap in (place.first - said.last, said.first - place.last))]
