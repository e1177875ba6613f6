"""Find tragedies in headlines without a trained model: the rulebook's trigger words say what kind
of event a headline reports, number words next to death words say how many died, capitalised
words say what and where it is about, and headlines sharing those are one incident.

Pure: headlines + rulebook + now in, incidents out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Callable

from safepost.model import Headline, Incident
from safepost.rulebook import Rulebook
from safepost.rulebook.news import IncidentKind, ManualIncident
from safepost.text import Analysis, analyze
from safepost.text.lemmas import is_common_word
from safepost.text.matcher import TermIndex, remove_excepted

LOOKBACK = timedelta(days=7)  # older headlines are history, whatever their kind
CLOCK_SKEW = timedelta(minutes=10)  # a feed's clock may run a little ahead of ours
MAX_TERMS = 12
SAME_EVENT_WITHIN = timedelta(hours=12)  # severe, same kind, same region: one event (see _group)
SAME_STORY_WITHIN = timedelta(hours=48)  # headlines further apart are not joined by a shared word
COMMON_KEY_MIN, COMMON_KEY_SHARE = 12, 0.2
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_DISTINCTIVE = {"uk": "іїєґ", "ru": "ыэъ", "pl": "ąćęłńśźż", "nb": "æøå", "az": "əğı"}


@dataclass
class Reading:
    """One headline as the detector understands it."""

    headline: Headline
    published: datetime
    language: str
    kind: IncidentKind
    deaths: int = 0
    injured: int = 0
    terms: dict[str, str] = field(default_factory=dict)  # key -> the term as written
    content: set[str] = field(default_factory=set)  # keys of meaningful words, for grouping
    regions: set[str] = field(default_factory=set)

    @property
    def severity(self) -> int:
        if self.deaths >= 10 or self.injured >= 50:
            casualty = 5
        elif self.deaths >= 3 or self.injured >= 10:
            casualty = 4
        elif self.deaths:
            casualty = 3
        else:
            casualty = 0
        return max(self.kind.severity, casualty)


def news_languages(rulebook: Rulebook) -> list[str]:
    return [lexicon.language for lexicon in rulebook.rules("news_lexicon")]


def guess_language(text: str, rulebook: Rulebook) -> str:
    """Headline language from its letters and its lexicon's everyday words (stopwords and generic
    words): cheap, and feeds rarely say. "Вибух газу: загинула одна людина" has none of the
    letters only Ukrainian has, but "людина" is a Ukrainian word."""
    languages = news_languages(rulebook) or ["en"]
    cyrillic = bool(_CYRILLIC.search(text))
    lowered = text.lower()
    words = set(re.findall(r"[^\W\d_]+", lowered))

    def score(language: str) -> int:
        lexicon = _lexicon(rulebook, language)
        hits = len(words & (lexicon.stopwords | lexicon.generic)) if lexicon else 0
        return hits + 3 * sum(lowered.count(ch) for ch in _DISTINCTIVE.get(language, ""))

    candidates = [lang for lang in languages if (lang in ("ru", "uk")) == cyrillic] or languages
    return max(candidates, key=lambda lang: (score(lang), lang == "en"))


def _lexicon(rulebook: Rulebook, language: str):
    return next((x for x in rulebook.rules("news_lexicon") if x.language == language), None)


def _trigger_matches(rulebook: Rulebook, analysis: Analysis):
    triggers, excepted = rulebook.index("incident_kinds", analysis.language, "triggers", "not_triggers")
    matches = triggers.find(analysis)
    return remove_excepted(matches, excepted.find(analysis)) if matches and excepted else matches


def _lexicon_index(rulebook: Rulebook, language: str, attribute: str) -> TermIndex:
    def build():
        index = TermIndex()
        lexicon = _lexicon(rulebook, language)
        for term in getattr(lexicon, attribute, ()) if lexicon else ():
            index.add(term, attribute)
        return index

    return rulebook.cached(("lexicon", language, attribute), build)


def _number(analysis: Analysis, i: int, numbers: dict[str, int]) -> int | None:
    """The number a token stands for: digits ("12", "1,200") or a number word ("dozens")."""
    tokens = analysis.tokens
    word = tokens[i].norm
    if word.isdigit():
        if _is_age_or_size(analysis, i):
            return None
        value, j = word, i
        while j + 1 < len(tokens) and len(tokens[j + 1].norm) == 3 and tokens[j + 1].norm.isdigit() \
                and analysis.text[tokens[j].end:tokens[j + 1].start] in (",", ".", " ", "\u202f"):
            j += 1
            value += tokens[j].norm
        return int(value)
    return numbers.get(word)


def _is_age_or_size(analysis: Analysis, i: int) -> bool:
    """A number hyphenated to a word ("27-letni", "3-year-old", "25-летний") describes someone,
    it does not count victims; short case endings ("30-dan", "12-yə") still count."""
    tokens = analysis.tokens
    return i + 1 < len(tokens) and analysis.text[tokens[i].end:tokens[i + 1].start] in ("-", "\u2011") \
        and len(tokens[i + 1].norm) > 3


def _casualties(analysis: Analysis, deaths: TermIndex, injuries: TermIndex, numbers: dict[str, int],
                ages: frozenset[str] = frozenset()) -> tuple[int, int]:
    """(dead, hurt): the largest number within three words of a death word, and of an injury
    word; a number belongs to the nearer of the two ("two dead and 21 hurt": 2 dead, 21 hurt)."""
    near: dict[int, tuple[int, str]] = {}  # token -> (distance, "death" | "injury")
    for kind, index in (("death", deaths), ("injury", injuries)):
        for match in index.find(analysis):
            for i in range(max(0, match.first - 3), min(len(analysis.tokens), match.last + 3)):
                distance = match.first - i if i < match.first else max(0, i - match.last + 1)
                if i not in near or distance < near[i][0]:
                    near[i] = (distance, kind)
    found = {"death": 0, "injury": 0}
    tokens = analysis.tokens
    for i, (_, kind) in near.items():
        value = _number(analysis, i, numbers)
        beside = {key for j in (i - 1, i + 1) if 0 <= j < len(tokens) for key in tokens[j].keys}
        if value is not None and value < 1_000_000 and not _is_year(tokens[i].norm) and not beside & ages:
            found[kind] = max(found[kind], value)
    return found["death"], found["injury"]


def _is_year(word: str) -> bool:
    """"Died in 1996", "since 2011": a year next to a death word is not a toll."""
    return len(word) == 4 and word.isdigit() and 1800 <= int(word) <= 2100


def read_headline(headline: Headline, rulebook: Rulebook, now: datetime) -> Reading | None:
    """A Reading when the headline reports a tragedy, else None."""
    language = headline.language if headline.language in news_languages(rulebook) else \
        guess_language(headline.title, rulebook)
    text = headline.title if not headline.summary else f"{headline.title}. {headline.summary[:300]}"
    analysis = analyze(text, language)
    triggers = _trigger_matches(rulebook, analysis)
    if not triggers:
        return None
    kind = max((m.payload for m in triggers), key=lambda k: k.priority)
    title = analyze(headline.title, language)
    lexicon = _lexicon(rulebook, language)
    numbers = lexicon.numbers if lexicon else {}
    deaths, injured = _casualties(analysis, _lexicon_index(rulebook, language, "death"),
                                  _lexicon_index(rulebook, language, "injury"), numbers,
                                  lexicon.ages if lexicon else frozenset())
    reading = Reading(headline, headline.published or now, language, kind, deaths, injured)
    if headline.region:
        reading.regions.add(headline.region)
    _read_terms(reading, title, rulebook, lexicon, triggers_in_title=_trigger_matches(rulebook, title))
    return reading


def _read_terms(reading: Reading, title: Analysis, rulebook: Rulebook, lexicon, triggers_in_title) -> None:
    """Key terms: capitalised words and runs of them (names, places), hashtags; and the places."""
    tokens = title.tokens
    excluded = _trigger_words(title, triggers_in_title)
    for attribute in ("death", "injury"):
        for m in _lexicon_index(rulebook, title.language, attribute).find(title):
            excluded.update(range(m.first, m.last))
    places, countries = _place_indexes(rulebook, title.language)
    for m in countries.find(title):
        reading.regions.add(m.payload)
        excluded.update(range(m.first, m.last))
    for m in places.find(title):
        reading.regions.add(m.payload)
    place_tokens = {i for m in places.find(title) for i in range(m.first, m.last)}
    stop = (lexicon.stopwords | lexicon.generic) if lexicon else frozenset()
    numbers = lexicon.numbers if lexicon else {}
    letters = [t for t in tokens if t.norm[:1].isalpha()]
    title_case = len(letters) > 3 and sum(title.text[t.start].isupper() for t in letters) > 0.7 * len(letters)
    run: list = []
    for i, token in enumerate(tokens + [None]):
        strong = token is not None and i not in excluded and _is_name_like(title, token, stop, numbers)
        if strong and title_case and i not in place_tokens:
            strong = False  # In Title Case Every Word Looks Like A Name: trust only known places
        if strong and i not in place_tokens and _starts_sentence(title, i) and \
                is_common_word(token.norm, title.language) and not _next_is_name(title, i, stop, numbers):
            strong = False  # "Gas explosion...": capitalised because it comes first, not a name
        if strong:
            run.append(token)
            continue
        if run:
            if len(run) > 1:
                reading.terms[" ".join(t.norm for t in run)] = title.text[run[0].start:run[-1].end]
            for t in run:
                reading.terms[key_of(t)] = title.text[t.start:t.end]
            run = []
        if token is not None and i not in excluded and not stop.intersection(token.keys) \
                and token.norm not in numbers and not token.norm.isdigit() and len(token.norm) > 2:
            reading.content.add(key_of(token))
    for tag in title.hashtags:
        reading.terms[tag.joined] = tag.text
    reading.content.update(reading.terms)


def _starts_sentence(title: Analysis, i: int) -> bool:
    if i == 0:
        return True
    gap = title.text[title.tokens[i - 1].end:title.tokens[i].start]
    return any(mark in gap for mark in ".:!?|—–")


def _next_is_name(title: Analysis, i: int, stop: frozenset[str], numbers: dict[str, int]) -> bool:
    """"New Jersey", "Grenfell Tower": a common first word followed by a name is part of it."""
    return i + 1 < len(title.tokens) and _is_name_like(title, title.tokens[i + 1], stop, numbers)


def _trigger_words(title: Analysis, matches) -> set[int]:
    """Positions of the words a trigger itself matched: the words a `...` gap skipped ("Storm
    Ciarán: two dead") may be the very name the incident is about."""
    found = set()
    for m in matches:
        term = next(t for lang in (title.language, "any") for t in m.payload.triggers.get(lang, ())
                    if t.text == m.term)
        words = [w for w in term.words if w is not None]
        found.update(i for i in range(m.first, m.last) if any(w.accepts(title.tokens[i]) for w in words))
    return found


def key_of(token) -> str:
    """The token's dictionary form when known (Казани -> казань), else the word itself."""
    return token.keys[1] if len(token.keys) > 1 else token.keys[0]


def _is_name_like(title: Analysis, token, stop: frozenset[str], numbers: dict[str, int]) -> bool:
    first = title.text[token.start]
    return (first.isupper() and len(token.norm) >= 3 and not token.norm.isdigit()
            and token.norm not in numbers and stop.isdisjoint(token.keys))


def _place_indexes(rulebook: Rulebook, language: str) -> tuple[TermIndex, TermIndex]:
    def build():
        places, countries = TermIndex(), TermIndex()
        for entry in rulebook.rules("places"):
            for lang in (language, "any"):
                for term in entry.names.get(lang, ()):
                    places.add(term, entry.region)
                for term in entry.country_names.get(lang, ()):
                    countries.add(term, entry.region)
        return places, countries

    return rulebook.cached(("places", language), build)


def _group(readings: list[Reading]) -> list[list[Reading]]:
    """Union headlines that share a key term; or that report the same kind of event and share a
    meaningful word, or are severe, of one kind and placed in the same region within hours
    ("Gunman opens fire at Batman premiere in Colorado" and "Aurora cinema shooting": two such
    events in one country on one day are rare, and merging them costs less than missing one)."""
    parent = list(range(len(readings)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_time = sorted(range(len(readings)), key=lambda i: readings[i].published)

    def union(keys_of, same_kind: bool) -> None:
        """Join headlines sharing a key within SAME_STORY_WITHIN of each other; a key in a large
        share of today's tragedies (a president's name, "police") identifies none of them."""
        holders: dict = {}
        for i in by_time:
            for key in keys_of(readings[i]):
                holders.setdefault((readings[i].kind.id, key) if same_kind else key, []).append(i)
        too_common = max(COMMON_KEY_MIN, COMMON_KEY_SHARE * len(readings))
        for members in holders.values():
            if len(members) > too_common:
                continue
            for before, after in zip(members, members[1:]):
                if readings[after].published - readings[before].published <= SAME_STORY_WITHIN:
                    parent[find(after)] = find(before)

    union(lambda r: r.terms, same_kind=False)
    union(lambda r: r.content, same_kind=True)
    for position, i in enumerate(by_time):
        for j in by_time[position + 1:]:
            if readings[j].published - readings[i].published > SAME_EVENT_WITHIN:
                break
            a, b = readings[i], readings[j]
            if a.kind is b.kind and a.regions and a.regions == b.regions and min(a.severity, b.severity) >= 4:
                parent[find(j)] = find(i)
    groups: dict[int, list[Reading]] = {}
    for i, reading in enumerate(readings):
        groups.setdefault(find(i), []).append(reading)
    return list(groups.values())


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.lower()).strip("-")[:40] or "event"


def _incident(group: list[Reading]) -> Incident:
    group.sort(key=lambda r: r.published)
    kind = max((r.kind for r in group), key=lambda k: k.priority)
    severity = max(r.severity for r in group)
    lead = max(group, key=lambda r: (r.severity, len(r.terms), -r.published.timestamp()))
    counts: dict[str, int] = {}
    written: dict[str, str] = {}
    for reading in group:
        for key, text in reading.terms.items():
            counts[key] = counts.get(key, 0) + 1
            written.setdefault(key, text)
    terms = sorted(counts, key=lambda k: (-counts[k], -len(k)))[:MAX_TERMS]
    started, last = group[0].published, group[-1].published
    window = timedelta(hours=kind.window_hours * (2 if severity >= 5 else 1))
    label = written[terms[0]] if terms else kind.id
    return Incident(
        id=f"{kind.id}-{_slug(label)}-{started:%Y%m%d}", title=lead.headline.title, kind=kind.id,
        severity=severity, terms=tuple(written[k] for k in terms),
        headlines=tuple(r.headline for r in group),
        regions=tuple(sorted({region for r in group for region in r.regions})), started=started,
        active_until=last + window, language=lead.language,
        sources=len({r.headline.source for r in group}))


def from_manual(entry: ManualIncident) -> Incident:
    return Incident(id=entry.id, title=entry.title, kind=entry.kind, severity=entry.severity,
                    terms=tuple(term.text for terms in entry.terms.values() for term in terms),
                    regions=entry.regions, started=entry.start, active_until=entry.until,
                    manual=True, sources=0)


def detect_incidents(headlines: list[Headline], rulebook: Rulebook, now: datetime,
                     entities: Callable[[str], list[str]] | None = None) -> list[Incident]:
    """Incidents active at `now`, most severe first: detected from headlines published in the
    lookback window (never after `now`), plus those entered by hand in the rulebook.
    `entities` (optional, a trained NER) adds the names it finds in a headline to its terms."""
    readings = []
    for headline in headlines:
        published = headline.published
        if published is not None and not (now - LOOKBACK <= published <= now + CLOCK_SKEW):
            continue
        reading = read_headline(headline, rulebook, now)
        if reading is None:
            continue
        for name in entities(headline.title) if entities else ():
            reading.terms.setdefault(name.lower(), name)
            reading.content.add(name.lower())
        readings.append(reading)
    incidents = [_incident(group) for group in _group(readings)]
    incidents += [from_manual(entry) for entry in rulebook.rules("incidents")]
    active = [i for i in incidents if i.started <= now + CLOCK_SKEW and now <= i.active_until]
    return sorted(active, key=lambda i: (-i.severity, i.started))
