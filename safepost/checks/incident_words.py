"""Words that hurt while a tragedy is in the news: "shooters" during a shooting, "DA BOMB" after a
bombing, "Взрыв скидок" on the day of a deadly explosion. The vocabularies live in the rulebook
per incident kind and language; a story carries every kind its headlines report (a murder
verdict is a verdict and a killing).

On the tone ladder: a sincere post that names the flood it closes the store for is flagged,
not held. The hold needs harm within the audience's reach: people hurt, in the audience's region or in a
mass-casualty event's first day. A story at home where nobody was hurt is flagged when it is
prominent (several sources), and held when the post also names it to sell ("burning prices in
Białołęka" the morning its market hall burned down); one abroad that hurt people is flagged when
prominent, and held when the post names it to sell or joke ("Shots fired in Santa Fe?") or jokes
with its words after people were killed there; a one-line incident abroad with nobody hurt says
nothing about "explosive deals". In a post for another town of the country, selling's own death
words ("killer deals") are no story's unless ten or more died; the event's words ("deals
spreading like wildfire") are its story anywhere. The day an attack is only threatened (a plot
foiled), its slang is flagged, and a sale or a joke that names the attack itself («Теракт
отменяется — распродажа нет!») is held."""
from __future__ import annotations

from typing import Iterable

from safepost.checks import Context, ladder, matches_without_exceptions
from safepost.checks.incident_scope import (IN, OUTSIDE, REACHED, UNPLACED, active_for, elsewhere_at_home, evidence,
                                            names_its_country, prominent, relation, where, within_first_day)
from safepost.checks.incident_names import mentions
from safepost.checks.incident_trade import speaks_of_its_trade
from safepost.model import Finding, Verdict
from safepost.news.reading import kinds_by_id, lexicon_index, titles_of_works, trigger_matches

NAME = "incident-words"
NEWS_IN_EVERY_TOWN = 10  # dead: a killing elsewhere in the country that a figure of speech still touches


def run(ctx: Context) -> Iterable[Finding]:
    relevant = [i for i in ctx.incidents if active_for(ctx, i)]
    words = kind_words(ctx) if relevant else []
    if not words:
        return
    # incident id -> (level, its own kind's word, why, match, incident): its strongest word in the post
    strongest: dict[str, tuple] = {}
    kinds = kinds_by_id(ctx.rulebook)
    told = ctx.scope.cached("told kinds", lambda: {i.id: _told_kinds(i, kinds) for i in ctx.incidents})
    for match in words:
        kind = match.payload
        for incident in relevant:  # most severe first: the gate sorts incidents that way
            own = kind.id in (incident.kinds or (incident.kind,))
            if not own and (kind.id not in told[incident.id] or ctx.rung.name != "joking"):
                continue  # what a story follows is its story in a joke, not in a sale's slang ("bombowe kurtki")
            if incident.threatened and relation(ctx, incident) == IN and _names_the_event(ctx, match):
                # «Теракт отменяется — распродажа нет!» the day a plot was foiled: the post names the
                # attack it plays on, not a figure of selling
                level, why = min(ladder.level(ctx.rung, Verdict.FLAG), kind.level), \
                    "nobody attacked, but the post names the attack"
            else:
                level, why = _level(ctx, incident, kind, _figurative(ctx, match), _pictograph(match))
            # at one level, a word of the story's own kind names it before a word of a kind it follows
            if level is None or incident.id in strongest and strongest[incident.id][:2] >= (level, own):
                continue
            strongest[incident.id] = (level, own, why, match, incident)
            break  # a word plays on the worst story it can
    for level, _, why, match, incident in strongest.values():
        kind = match.payload
        main = kinds.get(incident.kind, kind)
        # a tornado's dead are not a public figure's: the story is named by its main kind
        what = kind.name if main is kind else f"{main.name} ({kind.id} words)"
        # every word of that kind the post says, in its order: "'Celny', 'strzał', 'karabinu'"
        said = ", ".join(f"'{text}'" for text in dict.fromkeys(m.text for m in words if m.payload is kind))
        yield Finding(
            f"incident.{kind.id}.vocabulary", NAME, level,
            f"{said} {'after a threat of' if incident.threatened else 'during an active'} {what} ({why}): "
            f"\"{incident.title}\"",
            match.text, (match.start, match.end),
            evidence(incident, term=match.term, note=kind.note, source=kind.source))


def _told_kinds(incident, kinds) -> set[str]:
    """The story's kinds, and the kinds they follow: the rubble six are dug out of may be a
    blast's, so "no explosions in our workshop 😂" that day jokes about it. Only a joke: the
    followed kinds' words are also selling's slang ("bombowe kurtki", a cocktail «Ураган»)."""
    own = incident.kinds or (incident.kind,)
    return {*own, *(followed for k in own if k in kinds for followed in kinds[k].follows)}


def kind_words(ctx: Context) -> list:
    """The words of the post that some kind of event is told in (its payload: the kind), outside
    the idioms that hold them and the titles of works it names (Pushkin's «Выстрел» at the
    theatre); read once per post."""

    def find() -> list:
        terms, exceptions = ctx.rulebook.index("incident_kinds", ctx.language, "vocabulary", "vocabulary_exceptions")
        if not terms:
            return []
        titles = titles_of_works(ctx.rulebook, ctx.analysis)
        return [m for m in _outside_idioms(ctx, matches_without_exceptions(terms, exceptions, ctx.analysis))
                if not any(start <= m.start and m.end <= end for start, end in titles)]

    return ctx.memo(NAME, find)


def _names_the_event(ctx: Context, match) -> bool:
    """The word is one the news reports its kind of event with ("теракт", "terror attack", "bomb
    threat"), not only one that plays on it ("bomb", "blast")."""
    found = ctx.memo("event words", lambda: [*trigger_matches(ctx.rulebook, ctx.analysis), *ctx.rulebook.index(
        "incident_kinds", ctx.language, "threats")[0].find(ctx.analysis)])
    return any(t.payload is match.payload
               and (t.first <= match.first and match.last <= t.last or match.first <= t.first and t.last <= match.last)
               for t in found)


def _figurative(ctx: Context, match) -> bool:
    """The word is one of everyday selling's death words ("killer deals", «убойные скидки», the
    lexicon's `hyperbole`), not the event's own ("wildfire", «ракета»)."""
    if not ctx.language:
        return False
    found = ctx.memo("hyperbole", lambda: lexicon_index(ctx.rulebook, ctx.language, "hyperbole").find(ctx.analysis))
    return any(h.first <= match.first and match.last <= h.last or match.first <= h.first and h.last <= match.last
               for h in found)


def _pictograph(match) -> bool:
    """An emoji (🌀, 💣, 🔥) rather than a word: decoration, unless the post says what it is about."""
    return not any(ch.isalpha() for ch in match.text)


def _outside_idioms(ctx: Context, matches: list) -> list:
    """The matches that no idiom of the language holds: a "flu shot" shoots nobody, whatever
    the kind of story in the news."""
    if not matches:
        return matches
    idioms = lexicon_index(ctx.rulebook, ctx.language, "idioms").find(ctx.analysis) if ctx.language else []
    return [m for m in matches if not any(i.first <= m.first and m.last <= i.last for i in idioms)]


def _level(ctx: Context, incident, kind, figurative: bool, pictograph: bool) -> tuple[Verdict | None, str]:
    found = relation(ctx, incident)
    hurt = incident.harmed and incident.severity >= kind.min_severity
    slang = figurative or pictograph
    if (found == IN or found == UNPLACED and slang) and (slang or not hurt) \
            and elsewhere_at_home(ctx, incident, placed=not (slang and set(incident.regions) <= set(ctx.regions))) \
            and not (incident.reach == "global" and within_first_day(ctx, incident)):
        # another town's news: "killer deals" in Nottingham the day a fire in Bolton hurt nobody,
        # "Убойные шины" in Novosibirsk the day of a school shooting in Otradnoye, a 🔥 in Yevlax
        # the day a workshop fire killed three in Baku, play on nothing; "убойные скидки" in
        # Moscow the day attacks killed 15 in Dagestan is flagged, as so many dead are news in
        # every town of the country. Selling's slang and emoji are elsewhere wherever a story of
        # the country alone names no town of the post; the event's own words ("deals spreading
        # like wildfire across Alberta"), and a story abroad that took the country's own (a
        # Norwegian plane lost in Sweden), only where the story names its town
        if not hurt or incident.deaths < NEWS_IN_EVERY_TOWN:
            return None, ""
        return min(kind.level, Verdict.FLAG), f"in {where(incident)}, {incident.deaths} dead elsewhere in the country"
    if hurt and found == REACHED and slang and incident.regions and not _ties(ctx, incident) \
            and set(incident.regions).isdisjoint(ctx.regions):
        # «Летние скидки — просто огонь! 🔥» in Yekaterinburg the day a poultry plant burned in
        # China: a story known abroad, which the post neither names, sells into nor is for
        found = OUTSIDE
    if hurt and found in (IN, REACHED):
        return min(ladder.level(ctx.rung, kind.level), kind.level), ("in your audience's region" if found == IN else
                                                    "a mass-casualty event, news everywhere in its first day")
    if hurt and found == UNPLACED and incident.severity >= 3:
        return min(ladder.level(ctx.rung, kind.level), kind.level), "a severe event safepost could not place"
    if hurt and found == OUTSIDE and _ties(ctx, incident):
        # "Shots fired in Santa Fe? Tequila shots £2" the day of the school shooting there, "While
        # Sulawesi mops up, a TSUNAMI of deals" the day after Palu's: abroad, but the post names
        # the story, where it happened or its trade, and plays on it with its own words
        named = "it" if _names(ctx, incident) else "where it happened" if names_its_country(ctx, incident) \
            else "its trade"
        level = min(ladder.level(ctx.rung, Verdict.FLAG), kind.level)
        return level, f"in {where(incident)}, and the post names {named}"
    if not prominent(incident):
        return None, ""  # a one-line item: its words are not yours today
    if (figurative or pictograph) and found == OUTSIDE:
        # "Knallpris på påskeski" the day of an attack in London, a 🌀 on a cyclonic vacuum cleaner
        # the day a cyclone hit Mayotte: selling's slang and emoji, not the story
        return None, ""
    if incident.harmed and found == OUTSIDE:
        if hurt and incident.deaths and ctx.rung.name == "joking":
            # «U nas jedyny czad to sylwestrowa impreza 😂» the day carbon monoxide killed twelve
            # in Gudauri: a joke on a killing everyone has read about mocks it; a sale that says
            # "off the rails" the day of a tram crash abroad is looked at, not stopped
            return min(ladder.level(ctx.rung, kind.level), kind.level), \
                f"in {where(incident)}, widely reported: {ctx.rung.describe()}"
        return min(kind.level, Verdict.FLAG), f"in {where(incident)}, outside your audience, but widely reported"
    reason = "remembered, nobody hurt anew" if incident.remembered else \
        "few hurt, nobody killed" if incident.harmed else "nobody attacked" if incident.threatened else \
        "nobody reported hurt"
    if _names(ctx, incident):
        # "Płonące ceny na Białołęce" the morning the Białołęka market hall burned down: the post
        # names the story and plays on it, hurt or not
        return min(ladder.level(ctx.rung, Verdict.FLAG), kind.level), f"{reason}, but the post names it"
    return min(kind.level, Verdict.FLAG), f"{reason}, but widely reported"


def _ties(ctx: Context, incident) -> bool:
    """The post ties itself to a story abroad: it names it, where it happened or its trade
    («Горящие цены на китайских бройлеров» the day a Chinese poultry plant burned)."""
    return _names(ctx, incident) or names_its_country(ctx, incident) or speaks_of_its_trade(ctx, incident)


def _names(ctx: Context, incident) -> bool:
    return any(match.payload is incident for match in mentions(ctx))
