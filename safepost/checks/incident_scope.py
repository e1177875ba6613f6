"""What the news checks share: which incidents concern a post, how far an incident reaches its
audience, and how to cite it.

An incident concerns a post scheduled before it stops being active. Its audience is where it
happened; a mass-casualty attack or disaster reaches every audience in its first day (`global`
reach). Outside its reach, a post is flagged at most, unless it names the story or uses its words.
"""
from __future__ import annotations

from datetime import timedelta

from safepost.checks import Context
from safepost.checks.incident_names import (countries_named, known_provinces, mass_casualty, mentions,
                                            told_by_its_adjective, towns_named)
from safepost.model import Incident
from safepost.news.reading import is_adjective, kinds_by_id, news_languages, place_indexes
from safepost.news.placenames import alike, opening
from safepost.news.stories import ONE_REPORT_GLOBAL
from safepost.rulebook.news import CATASTROPHE
from safepost.text import analyze

MAX_HEADLINES = 3
PROMINENT = 2  # headlines (or sources) that make a story more than a one-line item
GLOBAL_FOR = timedelta(hours=24)
PROVINCE_OPENING = 5  # letters a province's forms share ("Śląsk", "Śląsku"), and no town's with it
CASE_ENDING = 3  # letters a case form adds to a town's name ("Львові", "Krakowie")
IN, REACHED, OUTSIDE, UNPLACED = "in", "reached", "outside", "unplaced"


def of_the_stories(ctx: Context, name: str, build):
    """What a check reads the day's stories into (an index of their words), built once a run and
    shared by every post; empty on a day with no stories."""
    return ctx.scope.cached(name, lambda: build(ctx.incidents)) if ctx.incidents else {}


def active_for(ctx: Context, incident: Incident) -> bool:
    return incident.active_until is None or ctx.post.scheduled_at <= incident.active_until


def relation(ctx: Context, incident: Incident) -> str:
    """in: the incident is in the post's audience; reached: a global incident in its first day;
    outside: elsewhere; unplaced: safepost could not tell where it happened."""
    if incident.reach == "global" and within_first_day(ctx, incident):
        global_reach = True
    else:
        global_reach = False
    if not incident.regions:
        return REACHED if global_reach else UNPLACED
    regions = ctx.regions
    if not regions or set(regions) & set(incident.regions):
        return IN
    return REACHED if global_reach else OUTSIDE


def kept_by(ctx: Context, incident: Incident) -> bool:
    """A day of mourning or a minute's silence is the country's, not the world's: the story is in
    the post's audience, or placed nowhere and told in the post's own language ("Trump declares
    Wednesday a national day of mourning" names no place safepost knows)."""
    found = relation(ctx, incident)
    return found == IN or found == UNPLACED and incident.language == ctx.language


def elsewhere_at_home(ctx: Context, incident: Incident, placed: bool = False) -> bool:
    """A post for a town of the incident's country that is not where it happened: "ice cream in
    Kraków" on the day of a mine disaster in Silesia, or of a bus crash whose headlines name no
    town, is local news elsewhere, read as news from abroad is (a mass-casualty event still
    reaches it in its first day). A post that names the story, a place its headlines name or one
    named alike (Крым for «Крымский мост», Суми for Сумщина), or no town the gazetteer knows, is in
    it. Where the headlines name only a place the gazetteer does not know (a mine, a village), a
    post for the town beside it is taken to be elsewhere: the gazetteer is what knows towns. With
    `placed`, only two towns the gazetteer knows in two provinces are apart: a story it cannot
    place, a post that names a province ("na Śląsku" the day of a mine disaster at Pniówek), or
    a town of the story's province (Namsos, for Flatanger) is not elsewhere. A story placed in no
    country is elsewhere from any town of the audience's the post names, and in none of them."""
    if incident.manual:
        return False  # a team that enters a story for its regions means all of them
    towns = [town for region, town in ctx.memo("towns", lambda: _towns(ctx))
             if (region in incident.regions or not incident.regions) and region in ctx.regions]
    if placed:
        towns = [town for town in towns if not _is_province(ctx, town)]
    if not towns:
        return False
    places = ctx.scope.cached(("story places", incident.id), lambda: _story_places(ctx, incident))
    if placed and (not places or _neighbours(ctx, towns, places)):
        return False
    return not _any_in(ctx, towns, places) and not told_by_its_adjective(ctx, towns, incident) \
        and not any(match.payload is incident for match in mentions(ctx))


def _towns(ctx: Context) -> tuple[tuple[str, str], ...]:
    """(region, as written) of the towns and states the post names."""
    return tuple((match.payload, match.text) for match in towns_named(ctx))


def names_a_town_in(ctx: Context, places: tuple[str, ...]) -> bool:
    """The post names one of these towns or provinces, a place named alike, or a town of one of
    them: a karaoke night in Naberezhnye Chelny is in Tatarstan's day of mourning."""
    return _any_in(ctx, [town for _, town in ctx.memo("towns", lambda: _towns(ctx))], places)


def _any_in(ctx: Context, towns: list[str], places: tuple[str, ...]) -> bool:
    """One of the towns is one of the places, is named alike, or lies in it (a province)."""
    provinces = _known_provinces(ctx)
    return any(alike(town, place) or _one_province(town, place, provinces) for town in towns for place in places)


def names_its_country(ctx: Context, incident: Incident) -> bool:
    """The post names a town or state of the country where the incident happened, or the
    country by its name: "While Sulawesi mops up, a TSUNAMI of deals" the day after the Palu
    tsunami is about Palu, though the headlines never say Sulawesi, and «czad jak w tej Gruzji»
    the day carbon monoxide killed twelve in Gudauri is about Gudauri. Said of a post that has the
    event's word: the country alone names only a story it is a key term of (a mass-casualty
    one's), and its adjective none ("our Polish shop", "Thai massage": lower case in the
    gazetteer)."""
    if any(region in incident.regions for region, _ in ctx.memo("towns", lambda: _towns(ctx))):
        return True
    return any(m.payload in incident.regions and not is_adjective(m) for m in countries_named(ctx))


def _story_places(ctx: Context, incident: Incident) -> tuple[str, ...]:
    """Every town and state the story's headlines and summaries name, key term or not
    ("Saskatchewan grieves for Humboldt")."""
    if incident.language not in news_languages(ctx.rulebook):
        return incident.places
    towns, _ = place_indexes(ctx.rulebook, incident.language)
    return incident.places + tuple(match.text for headline in incident.headlines
                                   for text in (headline.title, headline.summary) if text
                                   for match in towns.find(analyze(text, incident.language)))


def _neighbours(ctx: Context, towns: list[str], places: tuple[str, ...]) -> bool:
    """A town and a place of one province: Namsos the day heather burns in Flatanger."""
    return any(any(alike(town, member) for member in members) and any(alike(place, member) for member in members)
               for _, members in _known_provinces(ctx)
               for town in towns for place in places)


def _is_province(ctx: Context, name: str) -> bool:
    """The name is a province's, in any of its forms (Śląsk, na Śląsku), not a town's that opens
    alike (Warszawa, Warmia), nor the town a province is named after (Львів, of Львівщина)."""
    its_opening = opening(name, PROVINCE_OPENING)
    return any(opening(province, PROVINCE_OPENING) == its_opening and not _one_of(name, towns)
               for province, towns in _known_provinces(ctx))


def _one_of(name: str, towns: tuple[str, ...]) -> bool:
    """The name is one of the towns in one of its case forms (Львів, Львові): it opens with all of
    a town's name but its last letter, and is not much longer."""
    folded = name.casefold()
    return any(folded.startswith(town.casefold()[:-1]) and len(name) <= len(town) + CASE_ENDING for town in towns)


def _known_provinces(ctx: Context) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return known_provinces(ctx.rulebook)


def _one_province(town: str, place: str, provinces) -> bool:
    """One names a province, the other a town in it: a sale in Kemerovo the day of a mine
    disaster "в Кузбассе" is in it."""
    return any(alike(place, province) and any(alike(town, member) for member in members)
               or alike(town, province) and any(alike(place, member) for member in members)
               for province, members in provinces)


def prominent(incident: Incident) -> bool:
    """Carried by several headlines or sources: more than a one-line item (a wind forecast)."""
    return max(incident.sources, len(incident.headlines)) >= PROMINENT


def stops_the_world(ctx: Context, incident: Incident) -> bool:
    """A toll its kind's `everywhere_from` reaches: in its first day a promotion anywhere is looked
    at, and its country's name is the story (a thousand dead in an earthquake, a hundred in Paris).
    As with a story's reach, a lone headline needs many times the toll: an event that stops the
    world fills the feed (Paris, all night), one line among a busy day's news does not."""
    kind = kinds_by_id(ctx.rulebook).get(incident.kind)
    toll = kind.everywhere_from if kind else CATASTROPHE
    return incident.deaths >= toll and (len(incident.headlines) > 1 or incident.deaths >= ONE_REPORT_GLOBAL * toll)


def within_first_day(ctx: Context, incident: Incident) -> bool:
    return incident.started is None or ctx.post.scheduled_at <= incident.started + GLOBAL_FOR


def news_everywhere(ctx: Context, incident: Incident) -> bool:
    """In the first day of a story that reaches everywhere, or of a mass-casualty toll that more
    than one headline carries though the news tells it only in follow-ups ("Somada ölənlərin sayı
    201-ə çatıb" the morning after the Soma mine fire): a mine party in Baku that day plays on it."""
    if relation(ctx, incident) == REACHED:
        return True
    return mass_casualty(ctx.rulebook, incident) and len(incident.headlines) > 1 and within_first_day(ctx, incident)


def evidence(incident: Incident, **extra) -> dict:
    """Every news finding names the incident, says what the story is, and quotes the headlines
    it rests on."""
    found = {"incident": incident.title, "incident_id": incident.id, "kind": incident.kind,
             "severity": incident.severity, "reach": incident.reach, "regions": list(incident.regions),
             "terms": list(incident.terms[:6]),
             "headlines": [h.as_dict() for h in incident.headlines[:MAX_HEADLINES]]}
    if incident.deaths:
        found["deaths"] = incident.deaths
    if incident.remembered:
        found["remembered"] = True
    found.update(extra)
    return found


def where(incident: Incident) -> str:
    return ", ".join(incident.regions) or "place unknown"
