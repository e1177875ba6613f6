"""Rulebook sections for the news cross-check, all editable by the team:

- `incident_kinds`: what a tragedy looks like in a headline (triggers, per language), how severe
  and how long it stays active, and the words that hurt while it does (its vocabulary).
- `news_lexicon`: per language, the words for deaths and injuries, number words, generic words
  that are never an incident's key term ("police", "school"), and the phrases that tell harm
  without a toll ("no survivors expected") or its absence ("no injuries").
- `places`: place names that tell which audience region an incident touches.
- `incidents`: tragedies entered by hand, with terms and a window.
- `topics`: standing sensitive topics that apply without any news (the Boston Marathon and
  "survived").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from safepost.errors import InputError
from safepost.model import Verdict
from safepost.rulebook.examples import Authored, parse_examples
from safepost.rulebook.fields import Fields
from safepost.rulebook.terms import (LanguageTerms, check_exceptions, check_forms, compile_language_map,
                                     compile_terms)
from safepost.text.months import DAY_WORDS, JOINING_NUMBERS, MONTHS, MOST_DAYS, WEEKDAYS

CATASTROPHE = 1000  # the dead that stop the world whatever the kind: the 2004 tsunami, not a bridge in Morbi


@dataclass(frozen=True)
class IncidentKind(Authored):
    id: str
    name: str
    level: Verdict  # for a post using this kind's vocabulary while an incident is active
    severity: int
    priority: int  # the kind an incident gets when its headlines trigger several
    window_hours: float
    triggers: LanguageTerms
    not_triggers: LanguageTerms = field(default_factory=dict)
    vocabulary: LanguageTerms = field(default_factory=dict)
    vocabulary_exceptions: LanguageTerms = field(default_factory=dict)
    min_severity: int = 1  # vocabulary applies from this severity up
    harms: bool = False  # the event hurts people by its nature (a shooting); else harm must be reported
    global_from: int | None = None  # dead (or at risk) from which it is news everywhere in its first day
    # dead from which, in its first day, a promotion anywhere is looked at and its country's name is
    # the story: a catastrophe stops the world (the 2004 tsunami), a bombing in Paris sooner
    everywhere_from: int = CATASTROPHE
    grave_with_people_aboard: bool = False  # "crashed with 92 on board": grave until told they are safe
    # its triggers count only in a headline that remembers ("31 years since the occupation of
    # Ağdam"): today's news of an occupation or a deportation is another kind of story
    remembered_only: bool = False
    # the event covers a region (an earthquake, a storm): a bare toll reported there within hours
    # ("Two dead, Kaikōura cut off") is its toll
    area: bool = False
    # people attacked people (a shooting, a bombing, terror, a stabbing): two reports that share a
    # name within hours tell one attack, though one calls it terror and the other an attack
    attack: bool = False
    # the severity from which this kind opens the first hours, when above the policy's `severe_from`:
    # a country at war reads of deadly strikes every day
    window_from: int | None = None
    # the kinds of event this one follows: bodies from the rubble after an explosion or an
    # earthquake; a later toll of it that names nothing is that event's toll
    follows: tuple[str, ...] = ()
    # who does it ("gunman", «стрілець», "zamachowiec"): a headline of them that reports no event
    # of its own is news of the latest such event in the hours before it
    perpetrators: LanguageTerms = field(default_factory=dict)
    # what a warning, a scare or a foiled plot of this kind reads like ("bomb threat", «минирование»,
    # "terrortrussel"): the kind is in the news, and its attack has not happened
    threats: LanguageTerms = field(default_factory=dict)


@dataclass(frozen=True)
class NewsLexicon:
    """One language's words for reading headlines. Term lists compile, and word sets take their
    dictionary forms, the first time a headline in that language is read."""

    id: str
    language: str
    death: LanguageTerms
    injury: LanguageTerms
    numbers: dict[str, int]
    generic_words: tuple[str, ...]  # never an incident's key term ("police", "school")
    stopword_words: tuple[str, ...]
    # names that are everyday words too ("aslan", lion), for a language with no frequency list:
    # such a name counts where a post writes it as a name
    everyday_name_words: tuple[str, ...] = ()
    calendar_words: tuple[str, ...] = ()  # "Night", "Eve": capitalised with them, a day's name, not a place's
    age_words: tuple[str, ...] = ()  # "aged 96", "96 лет": a number beside these is no toll
    age_prepositions: frozenset[str] = frozenset()  # "dead at 57": after a death word, an age
    grave: LanguageTerms | None = None  # harm reported without a toll: "no survivors expected"
    harmless: LanguageTerms | None = None  # "no injuries", "nobody was hurt"
    minor: LanguageTerms | None = None  # "minor injuries only", «легко ранены»: hurt, but no toll
    # "threat", "foiled", «предотвратили», "udaremniła": the attack named beside these has not happened
    threat: LanguageTerms | None = None
    follow_up: LanguageTerms | None = None  # "search goes on", "funerals held": it began earlier
    toll_update: LanguageTerms | None = None  # "death toll rises to 154": an earlier report counted fewer
    remembrance: LanguageTerms | None = None  # "ten years since", "anniversary of": a past event remembered
    at_risk: LanguageTerms | None = None  # "with 150 on board": a number beside these may be victims
    evacuated: LanguageTerms | None = None  # "50 people evacuated": people beside these are out of danger
    none_survived: LanguageTerms | None = None  # "no survivors": the people at risk are the dead
    survivors: LanguageTerms | None = None  # "two survived": the people at risk but these are the dead
    hedges: LanguageTerms | None = None  # "at least", «по меньшей мере»: a number's words, not a word between
    venues: LanguageTerms | None = None  # "café", «кафе», "kafe": a name in quotes beside them is the venue's
    premieres: LanguageTerms | None = None  # "premiere", «спектакль»: a quote beside them is a work's title
    locatives: frozenset[str] = frozenset()  # "in", "near", "pod": the name after them places the event
    conjunctions: frozenset[str] = frozenset()  # "and", "və": "Manavgat and Marmaris fires" name two places
    sport: LanguageTerms | None = None  # "goals", "match", "mål": the rough words are about a game
    shows: LanguageTerms | None = None  # "film", "series", «сериал»: a title beside them is a work, not news
    idioms: LanguageTerms | None = None  # "flu shot", "bath bomb": no kind's vocabulary counts inside them
    home: str | None = None  # where a story in this language that names no place most likely is
    abroad: LanguageTerms | None = None  # "in Europe", "за рубежом": somewhere, but not home
    # "bound for", "на пути в", "Nairobiyə uçan": the place beside them is where it was going, not where it happened
    destinations: LanguageTerms | None = None
    # "-dan", "-dən": a place written with one of these endings is where it came from ("Bakıdan uçan")
    origin_endings: tuple[str, ...] = ()
    # "from … to", "fra … til": two places so joined are a route's ends, neither where it happened
    routes: dict[str, frozenset[str]] = field(default_factory=dict)
    # "w", "pod": a town's name after them takes one of `case_endings` ("w Krakowie", "pod
    # Strykowem"); a name that does not ("w Sinzig", "pod Avellino") is a foreign town
    case_prepositions: tuple[str, ...] = ()
    case_endings: tuple[str, ...] = ()
    mourning: LanguageTerms | None = None  # "national day of mourning", «общенациональный траур»: a day kept
    # "day of mourning", «день траура»: a mourning kept only where the headline names a town or a
    # province («11 октября объявлено в Татарстане днём траура»); a school's names none
    mourning_here: LanguageTerms | None = None
    silence: LanguageTerms | None = None  # "a minute's silence", «хвилина мовчання»: a country falls silent
    noon: LanguageTerms | None = None  # "noon", «опівдні»: the hour of a silence, written as a word
    hyperbole: LanguageTerms | None = None  # "killer deals", «убойные скидки»: death words of everyday selling
    path: str = ""
    line: int = 0

    def terms(self, attribute: str):
        """The compiled terms of one of the lexicon's lists (death, injury, grave, harmless, follow_up, ...)."""
        found = getattr(self, attribute)
        return found.get(self.language, ()) if found is not None else ()

    @cached_property
    def generic(self) -> frozenset[str]:
        return _word_keys(self.generic_words, self.language)

    @cached_property
    def stopwords(self) -> frozenset[str]:
        return _word_keys(self.stopword_words, self.language)

    @cached_property
    def everyday_names(self) -> frozenset[str]:
        return _word_keys(self.everyday_name_words, self.language)

    @cached_property
    def everyday(self) -> frozenset[str]:
        """Stopwords and generic words: what names no story."""
        return self.stopwords | self.generic

    @cached_property
    def own_words(self) -> frozenset[str]:
        """The everyday words and the number words: what says a headline is in this language
        ("To helikoptre kolliderte over Oslofjorden" has only "over" of Norwegian's everyday words)."""
        return self.everyday | frozenset(self.numbers)

    @cached_property
    def ages(self) -> frozenset[str]:
        return _word_keys(self.age_words, self.language)

    @cached_property
    def calendar(self) -> frozenset[str]:
        """The words of a day's name ("New Year", "Bonfire Night", "Good Friday", "Nowy Rok"): the
        lexicon's `calendar`, the months and the days of the week."""
        days = (key for words, _ in self.weekdays for keys in words for key in keys)
        return _word_keys(self.calendar_words, self.language) | self.months | frozenset(days)

    @cached_property
    def months(self) -> frozenset[str]:
        """A number beside a month is its day ("16 сентября 1999 года"), not a toll."""
        return frozenset(key for key, number in self.month_numbers.items()
                         if not (self.language == "en" and number == 5))  # English "may" is a verb

    @cached_property
    def weekdays(self) -> tuple[tuple[tuple[frozenset[str], ...], int], ...]:
        """Each day of the week as the keys of its words, with its number (Monday 0), the longest
        name first: "cümə axşamı" is Thursday before "cümə" is Friday."""
        names = [(tuple(_word_keys((word.lower(),), self.language) for word in name.split()), number)
                 for number, name in enumerate(WEEKDAYS.get(self.language, ()))]
        return tuple(sorted(names, key=lambda entry: -len(entry[0])))

    def days_counted(self, text: str) -> int | None:
        """The number of days a headline counts ("three-day mourning", «трёхдневный траур», "üç
        günlük matəm"), up to a week; None when it counts none."""
        if self._day_count is None:
            return None
        found = self._day_count.search(text.lower())
        if not found:
            return None
        said = found.group(1)
        count = int(said) if said.isdigit() else self._day_numbers[said]
        return count if 1 <= count <= MOST_DAYS else None

    @cached_property
    def _day_numbers(self) -> dict[str, int]:
        return {**{word.lower(): n for word, n in self.numbers.items()}, **JOINING_NUMBERS.get(self.language, {})}

    @cached_property
    def _day_count(self) -> re.Pattern | None:
        if self.language not in DAY_WORDS:
            return None
        words = "|".join(re.escape(word) for word in sorted(self._day_numbers, key=len, reverse=True))
        return re.compile(rf"(?<!\w)(\d{{1,2}}|{words}){DAY_WORDS[self.language]}")

    @cached_property
    def month_numbers(self) -> dict[str, int]:
        """Each key of a month's name, with the month's number: beside a day's number, "10 May"."""
        return {key: number for number, month in enumerate(MONTHS.get(self.language, ()), 1)
                for key in _word_keys((month.lower(),), self.language)}


@dataclass(frozen=True)
class Places:
    id: str
    region: str
    names: LanguageTerms  # cities, states: key terms that also place the incident
    country_names: LanguageTerms  # the country itself: places it, too broad to be a key term
    # its leaders: "Hollande: to był zamach" is news from France, though it names no French town;
    # like the country's name, they place a story and never name it
    people: LanguageTerms = field(default_factory=dict)
    # by language, a province as its news names it and the towns in it ("Кузбасс": Кемерово...):
    # a post for one of those towns is in a story that names only the province
    provinces: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = field(default_factory=dict)
    # a state hundreds of miles across (Texas): its towns are one place in a story that names the
    # state, but not one another's neighbours
    wide_provinces: bool = False
    path: str = ""
    line: int = 0


@dataclass(frozen=True)
class ManualIncident(Authored):
    id: str
    title: str
    kind: str
    severity: int
    terms: LanguageTerms
    regions: tuple[str, ...]
    start: datetime
    until: datetime


@dataclass(frozen=True)
class Topic(Authored):
    """A standing sensitive subject: a tragedy whose name hurts all year (9/11, Katyń, Khojaly),
    or a subject that carries one (the Boston Marathon). With `cues`, only the subject next to a
    cue is a finding ("you survived the Boston Marathon"); without, every mention meets the tone
    ladder (a sale or a joke is held, a sincere word flagged)."""

    id: str
    name: str
    level: Verdict
    subject: LanguageTerms  # what the topic is ("Boston Marathon", "9/11", "Twin Towers")
    cues: LanguageTerms = field(default_factory=dict)  # words that hurt next to it ("survived")
    message: str = ""
    regions: tuple[str, ...] = ()  # where it weighs most (informational: it applies everywhere)
    # bare names that are ordinary words alone (Katrina, Estonia, «Трансвааль») and name the tragedy
    # when a post compares with them ("harder than Katrina", "synker ikke som Estonia")
    names: LanguageTerms = field(default_factory=dict)


def _severity(f: Fields, key: str, default: int) -> int:
    value = f.number(key, default, minimum=1)
    if value != int(value) or value > 5:
        raise f.error(f"'{key}' must be a whole number from 1 to 5", key)
    return int(value)


def parse_incident_kind(data, path: str) -> IncidentKind:
    f = Fields(data, path, "an incident kind")
    f.reject_unknown(("id", "name", "level", "severity", "priority", "window_hours", "triggers",
                      "not_triggers", "vocabulary", "vocabulary_exceptions", "min_severity", "harms",
                      "global_from", "everywhere_from", "grave_with_people_aboard", "remembered_only", "window_from",
                      "area", "attack", "follows", "perpetrators", "threats", "note",
                      "source", "examples"))
    kind = IncidentKind(
        id=f.text("id", required=True), name=f.text("name") or f.text("id"),
        level=f.level("level", "hold"), severity=_severity(f, "severity", 3),
        priority=int(f.number("priority", 50)), window_hours=f.number("window_hours", 72, minimum=1),
        triggers=compile_language_map(f, "triggers", required=True),
        not_triggers=compile_language_map(f, "not_triggers"),
        vocabulary=compile_language_map(f, "vocabulary"),
        vocabulary_exceptions=compile_language_map(f, "vocabulary_exceptions"),
        perpetrators=compile_language_map(f, "perpetrators"), threats=compile_language_map(f, "threats"),
        min_severity=_severity(f, "min_severity", 1), harms=f.flag("harms", False),
        global_from=_whole(f, "global_from"), everywhere_from=_whole(f, "everywhere_from") or CATASTROPHE,
        grave_with_people_aboard=f.flag("grave_with_people_aboard", False),
        remembered_only=f.flag("remembered_only", False), area=f.flag("area", False),
        attack=f.flag("attack", False),
        window_from=_severity(f, "window_from", 1) if f.has("window_from") else None,
        follows=tuple(f.texts("follows")), note=f.text("note", ""),
        source=f.text("source", ""), examples=parse_examples(f), path=path, line=f.line() or 0)
    check_exceptions(f, "not_triggers", kind.triggers, kind.not_triggers)
    check_exceptions(f, "vocabulary_exceptions", kind.vocabulary, kind.vocabulary_exceptions)
    check_forms(f, "vocabulary", kind.vocabulary)
    return kind


def _whole(f: Fields, key: str) -> int | None:
    value = f.number(key, None, minimum=1)
    if value is not None and value != int(value):
        raise f.error(f"'{key}' must be a whole number", key)
    return None if value is None else int(value)


def _word_keys(words: tuple[str, ...], language: str) -> frozenset[str]:
    from safepost.text.lemmas import keys_for
    from safepost.text.tokens import lower

    keys = keys_for(language)
    return frozenset(k for word in words for k in keys.of_term(lower(word, language)))


def parse_lexicon(data, path: str) -> NewsLexicon:
    f = Fields(data, path, "a news lexicon")
    f.reject_unknown(("id", "language", "death", "injury", "numbers", "generic", "stopwords", "everyday_names",
                      "calendar", "ages", "age_prepositions", "grave", "harmless", "minor", "threat", "follow_up",
                      "toll_update", "remembrance", "at_risk", "evacuated", "none_survived", "survivors", "hedges",
                      "venues", "premieres", "locatives", "conjunctions", "sport", "shows", "home", "idioms",
                      "abroad", "destinations", "origin_endings", "routes",
                      "case_prepositions", "case_endings", "mourning", "mourning_here",
                      "silence", "noon", "hyperbole"))
    language = f.languages("language", required=True)[0]
    numbers = f.data.get("numbers") or {}
    sub = Fields(numbers, path, "numbers", f.line("numbers") or 0)
    lexicon = NewsLexicon(
        id=f.text("id") or f"lexicon.{language}", language=language,
        death=compile_terms(f, "death", (language,), required=True),
        injury=compile_terms(f, "injury", (language,), required=False),
        numbers={str(word).lower(): int(sub.number(word, minimum=0)) for word in numbers},
        generic_words=tuple(f.texts("generic")), stopword_words=tuple(f.texts("stopwords")),
        everyday_name_words=tuple(f.texts("everyday_names")),
        calendar_words=tuple(f.texts("calendar")),
        age_words=tuple(f.texts("ages")),
        age_prepositions=frozenset(word.lower() for word in f.texts("age_prepositions")),
        grave=compile_terms(f, "grave", (language,), required=False),
        harmless=compile_terms(f, "harmless", (language,), required=False),
        minor=compile_terms(f, "minor", (language,), required=False),
        threat=compile_terms(f, "threat", (language,), required=False),
        follow_up=compile_terms(f, "follow_up", (language,), required=False),
        toll_update=compile_terms(f, "toll_update", (language,), required=False),
        remembrance=compile_terms(f, "remembrance", (language,), required=False),
        at_risk=compile_terms(f, "at_risk", (language,), required=False),
        evacuated=compile_terms(f, "evacuated", (language,), required=False),
        none_survived=compile_terms(f, "none_survived", (language,), required=False),
        survivors=compile_terms(f, "survivors", (language,), required=False),
        hedges=compile_terms(f, "hedges", (language,), required=False),
        venues=compile_terms(f, "venues", (language,), required=False),
        premieres=compile_terms(f, "premieres", (language,), required=False),
        locatives=frozenset(word.lower() for word in f.texts("locatives")),
        conjunctions=frozenset(word.lower() for word in f.texts("conjunctions")),
        sport=compile_terms(f, "sport", (language,), required=False),
        shows=compile_terms(f, "shows", (language,), required=False),
        idioms=compile_terms(f, "idioms", (language,), required=False),
        home=(f.regions("home") or (None,))[0],
        abroad=compile_terms(f, "abroad", (language,), required=False),
        destinations=compile_terms(f, "destinations", (language,), required=False),
        origin_endings=tuple(ending.lower() for ending in f.texts("origin_endings")),
        routes=_parse_routes(f),
        case_prepositions=tuple(word.lower() for word in f.texts("case_prepositions")),
        case_endings=tuple(ending.lower() for ending in f.texts("case_endings")),
        mourning=compile_terms(f, "mourning", (language,), required=False),
        mourning_here=compile_terms(f, "mourning_here", (language,), required=False),
        silence=compile_terms(f, "silence", (language,), required=False),
        noon=compile_terms(f, "noon", (language,), required=False),
        hyperbole=compile_terms(f, "hyperbole", (language,), required=False),
        path=path, line=f.line() or 0)
    return lexicon


def _parse_routes(f: Fields) -> dict[str, frozenset[str]]:
    """`routes: ["from … to"]`: the word before a route's start, and the word between its ends."""
    joins: dict[str, set[str]] = {}
    for text, position in f.items("routes"):
        words = [word.strip().lower() for word in text.split("…")]
        if len(words) != 2 or not all(words) or any(" " in word for word in words):
            raise InputError(f"'routes' item '{text}' must be two words with '…' between them (\"from … to\")",
                             f.path, *position)
        joins.setdefault(words[0], set()).add(words[1])
    return {start: frozenset(words) for start, words in joins.items()}


def parse_places(data, path: str) -> Places:
    f = Fields(data, path, "a places entry")
    f.reject_unknown(("id", "region", "names", "country_names", "people", "provinces", "wide_provinces"))
    region = f.regions("region")
    if len(region) != 1:
        raise f.error("'region' must be one two-letter region code", "region")
    return Places(id=f.text("id") or f"places.{region[0].lower()}", region=region[0],
                  names=compile_language_map(f, "names"),
                  country_names=compile_language_map(f, "country_names"), people=compile_language_map(f, "people"),
                  provinces=_provinces(f), wide_provinces=f.flag("wide_provinces", False), path=path,
                  line=f.line() or 0)


def _provinces(f: Fields) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """`provinces: {ru: {Кузбасс: [Кемерово, Новокузнецк]}}`: by language, each province with
    its towns."""
    if not f.has("provinces"):
        return {}
    by_language = Fields(f.data["provinces"], f.path, "'provinces' (a mapping by language)", *f.key_where("provinces"))
    found = {}
    for language in by_language.language_keys():
        provinces = Fields(by_language.data[language], f.path, f"'provinces' in {language} (province: [towns])",
                           *by_language.key_where(language))
        found[language] = tuple((str(province), tuple(provinces.texts(province, required=True)))
                                for province in provinces.data)
    return found


def _moment(f: Fields, key: str) -> datetime:
    """YAML reads an unquoted 2026-07-20T09:00:00Z as a time already; a quoted one is text."""
    moment = f.data.get(key)
    if not isinstance(moment, datetime):
        try:
            moment = datetime.fromisoformat(f.text(key, required=True))
        except ValueError:
            raise f.error(f"'{key}' must be an ISO 8601 time with offset, e.g. 2026-07-20T09:00:00Z", key) from None
    if moment.tzinfo is None:
        raise f.error(f"'{key}' needs a UTC offset (Z or +02:00)", key)
    return moment


def parse_manual_incident(data, path: str) -> ManualIncident:
    f = Fields(data, path, "an incident")
    f.reject_unknown(("id", "title", "kind", "severity", "terms", "regions", "start", "until",
                      "note", "source", "examples"))
    start, until = _moment(f, "start"), _moment(f, "until")
    if until <= start:
        raise f.error("'until' must be after 'start'", "until")
    return ManualIncident(
        id=f.text("id", required=True), title=f.text("title", required=True),
        kind=f.text("kind", "tragedy"), severity=_severity(f, "severity", 4),
        terms=compile_language_map(f, "terms", required=True), regions=f.regions("regions"),
        start=start, until=until, note=f.text("note", ""),
        source=f.text("source", ""), examples=parse_examples(f), path=path, line=f.line() or 0)


@dataclass(frozen=True)
class Work(Authored):
    """A famous person and the works people quote: songs, films, roles, catchphrases. When the
    news reports their death, a post that quotes one cashes in on it though it never names them
    ("FIRESTARTER FRIDAY" the day Keith Flint died)."""

    id: str
    person: str
    names: dict[str, tuple[str, ...]]  # language -> the name as headlines write it, in its base form
    works: LanguageTerms


def parse_work(data, path: str) -> Work:
    f = Fields(data, path, "a work")
    f.reject_unknown(("id", "person", "died", "names", "works", "note", "source"))  # died: for the reader
    if not f.has("names"):
        raise f.error("a work needs 'names': how headlines write the person's name")
    names = f.sub("names", "'names'")
    return Work(
        id=f.text("id", required=True), person=f.text("person", required=True),
        names={str(language): tuple(names.texts(language, required=True)) for language in names.language_keys()},
        works=compile_language_map(f, "works", required=True), note=f.text("note", ""),
        source=f.text("source", ""), path=path, line=f.line() or 0)


@dataclass(frozen=True)
class Trade(Authored):
    """A trade a deadly story can happen in (buses, mines, nightclubs), by its words in every
    language: a post of the trade meets the story whichever language each is told in."""

    id: str
    name: str
    terms: LanguageTerms
    kinds: tuple[str, ...] = ()  # the stories it counts in; none: every kind


def parse_trade(data, path: str) -> Trade:
    f = Fields(data, path, "a trade")
    f.reject_unknown(("id", "name", "terms", "kinds", "note", "source"))
    return Trade(id=f.text("id", required=True), name=f.text("name") or f.text("id"),
                 terms=compile_language_map(f, "terms", required=True), kinds=tuple(f.texts("kinds")),
                 note=f.text("note", ""), source=f.text("source", ""), path=path, line=f.line() or 0)


def parse_topic(data, path: str) -> Topic:
    f = Fields(data, path, "a topic")
    f.reject_unknown(("id", "name", "level", "subject", "names", "cues", "message", "regions", "note", "source",
                      "examples"))
    topic = Topic(
        id=f.text("id", required=True), name=f.text("name") or f.text("id"), level=f.level("level", "hold"),
        subject=compile_language_map(f, "subject", required=True),
        names=compile_language_map(f, "names"), cues=compile_language_map(f, "cues"), message=f.text("message", ""), regions=f.regions("regions"),
        note=f.text("note", ""), source=f.text("source", ""), examples=parse_examples(f),
        path=path, line=f.line() or 0)
    if topic.cues and "any" not in topic.subject and not set(topic.cues) & set(topic.subject):
        raise InputError("a topic's 'subject' and 'cues' share no language", path, f.line("cues"))
    return topic
