"""Read one headline without a trained model: whether it reports harm, of what kind, to how many
people, and what it is about.

- The rulebook's trigger words say what kind of event a headline reports (a shooting, a storm).
- Numbers beside death and injury words count the victims; an age ("dead at 57", "aged 96") or a
  span of years is not a toll; a score ("4-0") marks a sports report, whose rough words are play.
- Harm without a toll is read too: "no survivors expected", "makes landfall", "feared dead"; and
  so is its absence: "no injuries", "никто не пострадал".
- Candidates for what the story is about: names (capitalised where a common word would not be,
  in quotes, in a hashtag, a known place), rare words (a word-frequency prior), and which of them
  are attached to the event itself ("Aurora shooting", "crash near Smolensk", "Prince dead at 57")
  rather than standing by ("Obama cuts trip short after Aurora shooting").

Pure: a headline and the rulebook in, a Reading out.
"""
from __future__ import annotations

import pickle
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import MutableMapping

from safepost.model import Headline
from safepost.rulebook import Rulebook
from safepost.rulebook.news import IncidentKind
from safepost.text import Analysis, analyze
from safepost.text.clock import clock_times
from safepost.text.frequency import zipf
from safepost.text.lemmas import STRIPS_TEXT_ONLY, is_common_word
from safepost.text.matcher import Match, Term, TermIndex, remove_excepted

FREE_WORD_ORDER = ("ru", "uk", "pl")  # a report's verb may stand before or after its subject
RARE_BELOW = 3.0  # Zipf: rarer words can name a story even uncapitalised ("superstorm")
COMMON_NAME_ABOVE = 5.2  # Zipf: a capitalised word this common is a name only with other evidence
NAME_ABOVE_COMMON = 4.5  # Zipf: an opening word no dictionary lists, and this rare, is a name ("Kobe")
NAME_DICTIONARIES = ("ru", "uk")  # their dictionaries tag names, so "not a common word" means a name
REACH = 3  # words between a number and the death word it counts
THREAT_REACH = 1  # words between a threat word ("foiled", «угроза») and the attack it says has not happened
ANCHOR_REACH = 3  # words between an event word and a name attached to it
OTHERS_WITHIN = 3  # words between "and" and the number of others it joins ("i jej dwie córki")
EVERYDAY_ANCHOR = 5.0  # Zipf: a word this common beside an event ("могут", "after") is not the story's name
LOCATIVE_REACH = 8  # words after an event word where "in Colorado" still places it
SUMMARY_CHARS = 400
MINOR_BELOW = 3  # hurt, and nobody dead: fewer than this is a local accident, not a tragedy
ORDINAL_DOT = frozenset({"pl", "nb", "nn", "da", "de", "cs", "sk", "fi", "hu", "et", "sl", "hr", "sr", "lv", "lt"})
NUMBER_GROUPING = (",", ".", " ", "\u202f")  # between the digit groups of one number: 1,000 / 1 000
DESIGNATION_LETTERS = 4  # "I-95", "Ту-154", "AK-47", "MiG-29": a short name and its number
FOREIGN_TOWN_BELOW = 3.5  # Zipf: a name after "w" this rare and with no case ending is a foreign town
MIN_STEM = 4  # an Azerbaijani name's key: its shortest form without an ending, at least this long
MAX_TITLE_WORDS = 6  # a quoted name longer than this is a quotation, not a title
TITLE_REACH = 2  # words between a title and the word for its work ("«Выстрел» — премьера")
SCARE_QUOTE_WORDS = 2  # «стрілянина» in a headline about a film: a word the headline does not mean
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_DISTINCTIVE = {"uk": "іїєґ", "ru": "ыэъ", "pl": "ąćęłńśźż", "nb": "æøå", "az": "əğı"}
_SCORE = re.compile(r"(?<![\d.,:/])\d{1,2}\s?[-–:]\s?\d{1,2}(?![\d.,:/%])")
# a time of day, not a score: "the first strike at 19:15", «удар о 19:15», «o godz. 6:30», "kl. 14:05"
_CLOCK = re.compile(r"(?:\b(?:at|around|about|before|after|by|from|until|till|о|об|в|во|у|з|із|до|после|після|с|со|"
                    r"около|близько|o|godz|godzinie|ok|kl|klokka|ca|saat|saatda)\.?\s*)(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)",
                    re.IGNORECASE)
_JOINERS = re.compile(r"^[\s'’\"«»„“”‘-]*$")  # what may stand between the words of one phrase
_NAME_GAP = re.compile(r"^(?:\s+|[-'’])$")  # between the words of one name: a quote ends it (the «Скрябін» band)
_TITLE_GAP = re.compile(r"^(?:\s+|['’]s\s+|:\s+)$")  # between a work's title and its word: "Netflix's Dark", "finale"
QUOTED = re.compile(r"['‘’\"«»„“”]([^'‘’\"«»„“”]{2,60})['‘’\"«»„“”]")


@dataclass
class Candidate:
    """A word or name a story may be about."""

    text: str  # as written
    name: bool = False  # a proper name (or a hashtag, or a known place)
    rare: bool = False  # uncommon in everyday language
    anchor: bool = False  # attached to the event words
    in_title: bool = True  # False: seen only in the summary
    part: bool = False  # only a word of a longer name ("Anthony" of Casey Anthony): joins, never names
    country: bool = False  # a country where the event is ("in Thailand"): names only a mass-casualty story
    place: bool = False  # a city or region the gazetteer knows ("Seoul"): where, not what, the story is


@dataclass
class Reading:
    headline: Headline
    published: datetime
    language: str
    kinds: tuple[IncidentKind, ...] = ()  # what the headline's trigger words report, highest priority first
    deaths: int = 0
    injured: int = 0
    at_risk: int = 0  # "with 150 on board": who may be among the victims
    grave: bool = False  # harm reported without a toll ("no survivors expected", "makes landfall")
    grave_words: bool = False  # the same words in a headline that names no event ("people unaccounted for")
    harmless: bool = False  # "no injuries", "nobody was hurt"
    threat: bool = False  # "terror threat level raised", "plot foiled": the attack it names has not happened
    follow_up: bool = False  # "search goes on", "funerals held": the event began before this report
    toll_update: bool = False  # "death toll rises to 154": an earlier report counted fewer
    remembered: bool = False  # "ten years since the crash": a past event remembered, its toll is history
    mourning: tuple[date, ...] = ()  # the days of national mourning it declares ("Wednesday, a national day of mourning")
    # where a city or a province declares it («11 октября объявлено в Татарстане днём траура»):
    # the towns and provinces it names, as written; empty for the whole country
    mourning_places: tuple[str, ...] = ()
    # the moments it says the country falls silent, in local time ("a minute's silence at 3pm")
    silences: tuple[datetime, ...] = ()
    sport: bool = False  # a score: the rough words are about a game
    # the kinds of event whose doer the title tells of ("the shooter was dressed as a courier")
    perpetrator_of: frozenset[str] = frozenset()
    candidates: dict[str, Candidate] = field(default_factory=dict)  # key -> candidate
    regions: set[str] = field(default_factory=set)
    phrases: dict[tuple[str, ...], str] = field(default_factory=dict)  # content n-gram keys -> as written
    # names in quotes of two or more words, in any headline of a story, tragic or not: the works of
    # a dead director («Człowiek z marmuru»), a ship, a club; a post repeating one echoes the story
    titles: dict[tuple[str, ...], str] = field(default_factory=dict)
    words: dict[str, str] = field(default_factory=dict)  # every content word of the title: key -> as written
    events: set[str] = field(default_factory=set)  # keys of the words that report the event ("skyting")
    home: str | None = None  # where a headline in its language that names no place most likely is
    abroad: bool = False  # it says it happened abroad ("Norwegians among the dead", "w Sinzig")
    # how common each one-word candidate is in the reading's language (text/frequency.py), by key
    # and as written, looked up once with the reading: naming a story from remembered readings,
    # and checking posts against it, then loads no word list
    frequencies: dict[str, float | None] = field(default_factory=dict)

    @property
    def hurt(self) -> bool:
        """People were killed or hurt, or the report says it is grave (and not that nobody was hurt);
        not an anniversary's toll, which is history."""
        if self.remembered:
            return False
        return self.deaths > 0 or self.injured > 0 or (self.grave and not self.harmless and not self.threat)

    @property
    def harmed(self) -> bool:
        """Harm that makes the event's words hurt: reported, or in the nature of the event (a
        shooting, a bombing), unless the report says nobody was hurt, it is a game, it remembers
        an event of years ago, or the attack is only threatened."""
        if self.hurt:
            return True
        return any(kind.harms for kind in self.kinds) and not (self.harmless or self.sport or self.remembered
                                                               or self.threat)

    @property
    def tragic(self) -> bool:
        """A report of harm, of an event that harms, of the dead of years ago ("Black Saturday,
        ten years on: Victoria remembers the 173 lives lost"), or of the minute a country falls
        silent for its dead ("saat 12:00-da ... bir dəqiqəlik sükutla yad ediləcək")."""
        return self.hurt or (bool(self.kinds) and not self.harmless and not self.sport) \
            or (self.remembered and self.deaths > 0) or bool(self.silences)

    def _minor(self) -> bool:
        """One or two hurt and nobody dead, in an event that does not harm by its nature: "Man
        taken to hospital after lorry and car collide on the A14" is local news, every day."""
        return 0 < self.injured < MINOR_BELOW and not self.deaths and not self.grave \
            and not any(kind.harms for kind in self.kinds)

    @property
    def severity(self) -> int:
        """1 (minor) .. 5 (mass casualty): the kind's own weight, raised by the toll, and at most 2
        while nobody is reported hurt (an anniversary hurts nobody anew)."""
        if self.deaths >= 10 or self.injured >= 50:
            casualty = 5
        elif self.deaths >= 3 or self.injured >= 10:
            casualty = 4
        elif self.deaths:
            casualty = 3
        else:
            casualty = 0
        if self.grave and not self.threat:  # a bomb threat's evacuation puts nobody in danger
            casualty = max(casualty, 5 if self.at_risk >= 10 else 4)
        base = max((kind.severity for kind in self.kinds), default=3 if self.deaths else 1)
        if not self.harmed or self._minor():
            base = min(base, 2)
        return base if self.remembered else max(base, casualty)


def news_languages(rulebook: Rulebook) -> list[str]:
    return [lexicon.language for lexicon in rulebook.rules("news_lexicon")]


def lexicon_of(rulebook: Rulebook, language: str):
    return next((x for x in rulebook.rules("news_lexicon") if x.language == language), None)


OWN_WORD = 3.0  # Zipf: a word this common is one the language writes, not a stray


def guess_languages(text: str, rulebook: Rulebook) -> list[str]:
    """Headline languages from its letters and its lexicon's own words (stopwords, generic words,
    number words), best first, all those that tie: cheap, and feeds rarely say. "Вибух газу:
    загинула одна людина" has none of the letters only Ukrainian has, but "людина" is a Ukrainian
    word; "Помер Богдан Ступка" has neither, and is Russian or Ukrainian."""
    languages = news_languages(rulebook) or ["en"]
    cyrillic = bool(_CYRILLIC.search(text))
    lowered = text.lower()
    words = set(re.findall(r"[^\W\d_]+", lowered))

    candidates = [lang for lang in languages if (lang in ("ru", "uk")) == cyrillic] or languages

    def score(language: str) -> int:
        lexicon = lexicon_of(rulebook, language)
        hits = len(words & lexicon.own_words) if lexicon else 0
        own = _only_in(language, words, candidates) if cyrillic else 0
        return hits + 3 * sum(lowered.count(ch) for ch in _DISTINCTIVE.get(language, "")) + 2 * own

    scores = {language: score(language) for language in candidates}
    ranked = sorted(candidates, key=lambda lang: (-scores[lang], lang != "en"))
    return [lang for lang in ranked if scores[lang] == scores[ranked[0]]]


def _only_in(language: str, words: set[str], candidates: list[str]) -> int:
    """How many of the words this language writes and its neighbours do not know at all: Russian
    and Ukrainian share a script, and a headline may have none of the letters only one of them
    has ("8 серпня у Покровську оголошено днем жалоби" is Ukrainian by its words)."""
    others = [other for other in candidates if other != language]
    return sum(1 for word in words if len(word) > 3 and (zipf(word, language) or 0) >= OWN_WORD
               and all(not zipf(word, other) for other in others))


def lexicon_index(rulebook: Rulebook, language: str, attribute: str) -> TermIndex:
    def build():
        index = TermIndex()
        lexicon = lexicon_of(rulebook, language)
        for term in lexicon.terms(attribute) if lexicon else ():
            index.add(term, attribute)
        return index

    return rulebook.cached(("lexicon", language, attribute), build)


def trigger_matches(rulebook: Rulebook, analysis: Analysis):
    triggers, excepted = _trigger_indexes(rulebook, analysis.language)
    matches = triggers.find(analysis)
    return remove_excepted(matches, excepted.find(analysis)) if matches and excepted else matches


def _trigger_indexes(rulebook: Rulebook, language: str) -> tuple[TermIndex, TermIndex]:
    """The kinds' triggers; where word order is free, "a ... b" also reads "b ... a"
    ("паром ... перевернуться" finds "перевернулся паром")."""
    def build():
        triggers, excepted = rulebook.index("incident_kinds", language, "triggers", "not_triggers")
        if language not in FREE_WORD_ORDER:
            return triggers, excepted
        both = TermIndex()
        for kind in rulebook.rules("incident_kinds"):
            for lang in (language, "any"):
                for term in kind.triggers.get(lang, ()):
                    both.add(term, kind)
                    if len(term.words) == 3 and term.words[1] is None:
                        both.add(Term(term.text, term.words[::-1], has_choices=term.has_choices), kind)
        return both, excepted

    return rulebook.built(("triggers", language), f"triggers-{language}", build)


def place_indexes(rulebook: Rulebook, language: str) -> tuple[TermIndex, TermIndex]:
    def build():
        places, countries = TermIndex(), TermIndex()
        for entry in rulebook.rules("places"):
            for lang in (language, "any"):
                for term in entry.names.get(lang, ()):
                    places.add(term, entry.region)
                for term in (*entry.country_names.get(lang, ()), *entry.people.get(lang, ())):
                    countries.add(term, entry.region)
        return places, countries

    return rulebook.built(("places", language), f"places-{language}", build)


def is_adjective(country: Match) -> bool:
    """A country's adjective, which the gazetteer writes in lower case ("thai", «тайський»): it
    places a headline, but in a post it names a style, not the country."""
    return country.term.lstrip("=")[:1].islower()


def read_headline(headline: Headline, rulebook: Rulebook, now: datetime) -> Reading:
    """Everything the story builder needs from one headline, tragic or not. A headline whose
    language is a tie is read in each until one finds an event in it."""
    if headline.language in news_languages(rulebook):
        return _read_in(headline, headline.language, rulebook, now)
    readings = (_read_in(headline, language, rulebook, now) for language in guess_languages(headline.title, rulebook))
    first = next(readings)
    return first if first.kinds else next((r for r in readings if r.kinds), first)


def read_remembering(headline: Headline, rulebook: Rulebook, now: datetime,
                      memory: MutableMapping[tuple, bytes]) -> Reading:
    """`read_headline`, through what an earlier run read of the same headline under the same
    rulebook (`memory`, kept by the edge): a cron job sees the same headlines every minute, and
    reading one (lemmas, places, word frequencies) is most of what a run costs."""
    key = (headline.title, headline.summary[:SUMMARY_CHARS] if headline.summary else "", headline.language,
           headline.region)
    kept = memory.get(key)
    if kept is not None:
        remembered = _recalled(kept, headline, rulebook, now)
        if remembered is not None:
            return remembered
    reading = read_headline(headline, rulebook, now)
    state = {**vars(reading), "kinds": tuple(kind.id for kind in reading.kinds)}
    del state["headline"], state["published"]
    memory[key] = pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
    return reading


def _recalled(kept: bytes, headline: Headline, rulebook: Rulebook, now: datetime) -> Reading | None:
    """A remembered reading, or None when it cannot be one under this rulebook (a kind it no
    longer has, a damaged record): the headline is then read afresh."""
    kinds = kinds_by_id(rulebook)
    try:
        state = pickle.loads(kept)
        state["kinds"] = tuple(kinds[kind] for kind in state["kinds"])
        return Reading(headline, headline.published or now, **state)
    except Exception:  # noqa: BLE001 - anything but a good record is read afresh
        return None


def kinds_by_id(rulebook: Rulebook) -> dict[str, IncidentKind]:
    return rulebook.cached("kinds-by-id", lambda: {kind.id: kind for kind in rulebook.rules("incident_kinds")})


def in_quotes(text: str, match) -> bool:
    """Inside a headline's quotes: a trigger quoted is a figure of speech ('Inland tsunami' hits
    Toowoomba as flash floods sweep cars), and a word quoted is a title's."""
    return any(quoted.start(1) <= match.start and match.end <= quoted.end(1) for quoted in QUOTED.finditer(text))


def _is_a_name(text: str, match) -> bool:
    """A trigger that is all of a quote of one capitalised word names a thing: a weapon, a ship,
    a cocktail («Ураган», «Смерч»)."""
    return any(quoted.start(1) == match.start and match.end == quoted.end(1) and text[match.start].isupper()
               and " " not in quoted.group(1) for quoted in QUOTED.finditer(text))


def _only_threatened(analysis: Analysis, found: list, phrases: list, rulebook: Rulebook) -> bool:
    """Every attack the text reports is a threat, a scare or a plot: "Terror threat level raised",
    «ФСБ предотвратила теракт», "Bombetrussel mot Oslo S". A trigger is threatened when a kind's
    threat phrase holds it, or a threat word stands beside it (at most one word between); an attack
    reported apart from a threat ("Shooting in Leeds; police warn of a further threat") happened."""
    attacks = [m for m in found if m.payload.attack]
    words = lexicon_index(rulebook, analysis.language, "threat").find(analysis)
    return all(any(p.first <= m.first and m.last <= p.last for p in phrases)
               or any(w.first - THREAT_REACH <= m.last and m.first <= w.last + THREAT_REACH for w in words)
               for m in attacks)


def _outside_titles(analysis: Analysis, matches: list, rulebook: Rulebook, lexicon) -> list:
    """A trigger inside the title of a work that the headline says is one reports nothing: in
    "The Walking Dead finale draws record audience" or «Əsl qatil» serialı rekord qırdı the
    series is the news. A title is a short quote, or in a sentence-case headline two or more
    capitalised words, right beside a word for a work (film, series, «сериал», serien); a quote
    with the word inside it («Взрыв прогремел в кинотеатре») is what someone said. Where the
    headline names a work, a word or two in quotes is its fiction wherever it stands: "a film is
    shot in Lviv's market square, «shooting» rings out"."""
    if not matches:
        return matches
    works = lexicon_index(rulebook, analysis.language, "shows").find(analysis)
    if not works:
        return matches
    text = analysis.text
    spans = [m.span() for m in QUOTED.finditer(text) if len(m.group(1).split()) <= MAX_TITLE_WORDS]
    stop = lexicon.stopwords if lexicon else frozenset()
    if not _is_title_case(analysis, stop):
        spans += [(run[0].start, run[-1].end) for run in _capitalised_runs(analysis, stop)]
    titles = [(start, end) for start, end in spans
              if any(_TITLE_GAP.match(text[end:w.start]) or _TITLE_GAP.match(text[w.end:start]) for w in works)]
    scare = [q.span(1) for q in QUOTED.finditer(text) if len(q.group(1).split()) <= SCARE_QUOTE_WORDS
             and not any(q.start() <= w.start and w.end <= q.end() for w in works)]
    return [m for m in matches if not any(start <= m.start and m.end <= end for start, end in titles)
            and not any(start <= m.start < end for start, end in scare)]  # "«skyting» i sentrum"


def _sport_words(rulebook: Rulebook, language: str, title, triggers: list) -> list:
    """The sport words of a title, less those a kind's own trigger is made of: a "coach crash" is
    a bus's, whatever a coach is in a football report."""
    return [m for m in lexicon_index(rulebook, language, "sport").find(title)
            if not any(t.first <= m.first and m.last <= t.last for t in triggers)]


def _read_in(headline: Headline, language: str, rulebook: Rulebook, now: datetime) -> Reading:
    lexicon = lexicon_of(rulebook, language)
    summary = headline.summary[:SUMMARY_CHARS] if headline.summary else ""
    title = analyze(headline.title, language)
    reading = Reading(headline, headline.published or now, language)
    threats, _ = rulebook.index("incident_kinds", language, "threats")
    texts, threatened, title_phrases = [], [], []
    for analysis, in_title in ((title, True), *(((analyze(summary, language), False),) if summary else ())):
        phrases = threats.find(analysis)
        found = _outside_titles(analysis, trigger_matches(rulebook, analysis), rulebook, lexicon) + phrases
        texts.append((analysis, found, in_title))
        if in_title:
            title_phrases = phrases
        if any(m.payload.attack for m in found):
            threatened.append(_only_threatened(analysis, found, phrases, rulebook))
    reading.threat = bool(threatened) and all(threatened)
    if reading.threat:  # "threat level", "alarm bombowy": what a post that plays on the threat repeats
        reading.phrases.update((tuple(t.norm for t in title.tokens[m.first:m.last]), m.text)
                               for m in title_phrases if m.last - m.first > 1)
    title_triggers = texts[0][1]
    remembrance = lexicon_index(rulebook, language, "remembrance")
    reading.remembered = any(remembrance.find(analysis) for analysis, _, _ in texts)
    # a kind that only a remembering headline reports (an occupation, a deportation years ago)
    kinds = {m.payload.id: m.payload for _, found, _ in texts for m in found
             if reading.remembered or not m.payload.remembered_only}
    said = {m.payload.id for analysis, found, _ in texts for m in found if not in_quotes(analysis.text, m)}
    named = {m.payload.id for analysis, found, _ in texts for m in found if _is_a_name(analysis.text, m)}
    if said:  # «Ураган», «Смерч», «Торнадо» beside a strike are the rocket launchers' names, not weather
        kinds = {key: kind for key, kind in kinds.items() if key in said or key not in named}
    reading.kinds = tuple(sorted(kinds.values(), key=lambda k: (k.id not in said, -k.priority)))
    heading_to: set[str] = set()  # the regions of the places it names as where it was going
    for analysis, found, in_title in texts:
        _read_harm(reading, analysis, rulebook, lexicon)
        heading_to |= _read_candidates(reading, analysis, found, rulebook, lexicon, in_title)
    doers, _ = rulebook.index("incident_kinds", language, "perpetrators")
    reading.perpetrator_of = frozenset(match.payload.id for match in doers.find(title))
    game = _SCORE.search(_CLOCK.sub(" ", headline.title)) or _sport_words(rulebook, language, title, title_triggers)
    reading.sport = bool(game) and not reading.hurt
    if lexicon and lexicon.home in heading_to:
        reading.regions.add(lexicon.home)  # a plane that was to land at home carried home's people: news there
    if not reading.regions and headline.region:
        reading.regions.add(headline.region)  # the feed's own region, when the text names no place
    # "«Xynthia»: over 50 døde i Europa" is news from somewhere, not from home
    # and a plane "on its way to Nairobi" that names no other place came down somewhere on the way,
    # not at home
    abroad = any(lexicon_index(rulebook, language, "abroad").find(analysis) for analysis, _, _ in texts) \
        or bool(heading_to - reading.regions - {lexicon.home if lexicon else None}) \
        or not reading.regions and bool(lexicon) and _names_a_foreign_town(title, lexicon)
    reading.home = lexicon.home if lexicon and not abroad else None
    reading.abroad = abroad
    # a city's or a province's mourning («у Покровську», «в Татарстане») is kept there, not by the
    # whole country
    places = tuple(c.text for c in reading.candidates.values() if c.place and not c.country)
    if lexicon and not reading.remembered and (
            lexicon_index(rulebook, language, "mourning").find(title)
            or places and lexicon_index(rulebook, language, "mourning_here").find(title)):
        first = _written_day(title, lexicon, reading.published) or reading.published.date()
        days = lexicon.days_counted(headline.title) or 1  # "üç günlük matəm": three days from the first
        reading.mourning = tuple(first + timedelta(days=n) for n in range(days))
        reading.mourning_places = places
    if lexicon and not reading.sport and lexicon_index(rulebook, language, "silence").find(title):
        reading.silences = _silence_moments(title, lexicon, reading.published, rulebook)
    if reading.tragic:
        _read_phrases(reading, title, title_triggers, rulebook, lexicon)
    _read_titles(reading, title, lexicon)
    reading.frequencies = {word: zipf(word, language) for key, candidate in reading.candidates.items()
                           for word in (key, candidate.text.lower().lstrip("#")) if " " not in word}
    return reading


def _names_a_foreign_town(title: Analysis, lexicon) -> bool:
    """A name after a preposition that takes a case, without the case's ending: "w Sinzig", "pod
    Avellino", "w Lewiston" are no Polish towns, which would be "w Krakowie", "pod Strykowem". Not
    an acronym ("w PiS", "w USA"), nor a word the language uses ("w Dzień Matki", "w Sylwestra")."""
    if not lexicon.case_prepositions:
        return False
    tokens = title.tokens
    for before, word in zip(tokens, tokens[1:]):
        written = title.text[word.start:word.end]
        if before.norm in lexicon.case_prepositions and written[:1].isupper() and written[1:].islower() \
                and not word.norm.endswith(lexicon.case_endings) \
                and (zipf(word.norm, lexicon.language) or 0) < FOREIGN_TOWN_BELOW:
            return True
    return False


def _written_day(title: Analysis, lexicon, published: datetime) -> date | None:
    """The day a headline writes ("11 октября", "August 8", "dekabrın 4-də", "Wednesday"), in the
    year around its publication; None when it writes none ("Ukraine in mourning: flags at half-mast")."""
    tokens = title.tokens
    for i, token in enumerate(tokens):
        month = next((lexicon.month_numbers[key] for key in token.keys if key in lexicon.month_numbers), None)
        if month is None:
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(tokens) and tokens[j].norm.isdigit() and 1 <= int(tokens[j].norm) <= 31:
                try:
                    day = date(published.year, month, int(tokens[j].norm))
                except ValueError:
                    continue
                if day < published.date() - timedelta(days=180):
                    day = day.replace(year=day.year + 1)  # declared in December for January
                return day
    weekday = _named_weekday(tokens, lexicon)
    if weekday is None:
        return None
    return published.date() + timedelta(days=(weekday - published.weekday()) % 7)


def _named_weekday(tokens, lexicon) -> int | None:
    """The day of the week a headline names ("declares Wednesday a day of mourning"): the next
    such day from its publication, or that very day."""
    for i in range(len(tokens)):
        for words, weekday in lexicon.weekdays:
            if i + len(words) <= len(tokens) and all(not keys.isdisjoint(tokens[i + k].keys) for k, keys in enumerate(words)):
                return weekday
    return None


def _silence_moments(title: Analysis, lexicon, published: datetime, rulebook: Rulebook) -> tuple[datetime, ...]:
    """When a country falls silent: the time of day the headline writes, on the day it writes,
    else the next such time after it is published ("at 3pm" in a morning headline is today's;
    "saat 12:00-da" announced the evening before is tomorrow's). A silence with no time written
    ("a minute's silence before kick-off") is nobody's minute."""
    times = set(clock_times(title.text))
    if lexicon_index(rulebook, title.language, "noon").find(title):
        times.add(time(12))
    day = _written_day(title, lexicon, published)
    moments = []
    for at in sorted(times):
        moment = datetime.combine(day or published.date(), at)
        if day is None and at < published.time():
            moment += timedelta(days=1)
        moments.append(moment)
    return tuple(moments)


# -- harm -------------------------------------------------------------------------------------------

def _read_harm(reading: Reading, analysis: Analysis, rulebook: Rulebook, lexicon) -> None:
    language = analysis.language
    calm = lexicon_index(rulebook, language, "harmless").find(analysis)
    minor = lexicon_index(rulebook, language, "minor").find(analysis)
    # "no one was injured" counts no one, and "minor injuries only among 177 aboard" no toll either
    quiet = {i for m in (*calm, *minor) for i in range(m.first, m.last)}

    def outside(matches):
        return [m for m in matches if m.first not in quiet]

    deaths = outside(lexicon_index(rulebook, language, "death").find(analysis))
    # the hurt of a report that calls its injuries light are no toll: "two hurt, neither seriously"
    injuries = [] if minor else outside(lexicon_index(rulebook, language, "injury").find(analysis))
    numbers = lexicon.numbers if lexicon else {}
    ages = lexicon.ages if lexicon else frozenset()
    age_prepositions = lexicon.age_prepositions if lexicon else frozenset()
    months = lexicon.months if lexicon else frozenset()
    hedged = frozenset(i for m in lexicon_index(rulebook, language, "hedges").find(analysis)
                       for i in range(m.first, m.last))
    dead, hurt = _casualties(analysis, deaths, injuries, numbers, ages, age_prepositions, months, hedged)
    if deaths and lexicon:
        dead = max(dead, _one_and_others(analysis, deaths, injuries, numbers, lexicon.conjunctions))
    updates = lexicon_index(rulebook, language, "toll_update").find(analysis)
    for update in updates:
        # "Кількість жертв землетрусу в Італії сягнула 247": the number the toll reached, however
        # far the count's own word stands from it
        value = _number_after(analysis, update.last, numbers)
        if value is not None and any(d.first < update.last and update.first < d.last for d in deaths):
            dead = max(dead, value)
        elif value is not None and any(h.first < update.last and update.first < h.last for h in injuries):
            hurt = max(hurt, value)
    if injuries and reading.kinds and not hurt:
        hurt = MINOR_BELOW  # "a number of people injured after the eruption": several, not yet counted
    if deaths and not dead and any(kind.id != "death" for kind in reading.kinds):
        dead = 1  # "lorry mounts pavement: police confirm a number of fatalities": someone died
        # (an obituary's one death is the death kind's own weight, not a toll)
    reading.deaths = max(reading.deaths, dead)
    reading.injured = max(reading.injured, hurt)
    reading.harmless = reading.harmless or bool(calm)
    reading.follow_up = reading.follow_up or bool(lexicon_index(rulebook, language, "follow_up").find(analysis))
    reading.toll_update = reading.toll_update or bool(updates)
    if lexicon_index(rulebook, language, "grave").find(analysis):
        reading.grave_words = True
        reading.grave = reading.grave or bool(reading.kinds)  # grave when the headline reports an event
    evacuated = lexicon_index(rulebook, language, "evacuated").find(analysis)
    # injuries told as light account for everyone: "120 aboard, several slightly injured" is no one at risk
    for match in () if minor else lexicon_index(rulebook, language, "at_risk").find(analysis):
        if any(e.first - REACH <= match.last and match.first <= e.last + REACH for e in evacuated):
            continue  # "50 people evacuated" are safe: they count nobody who may be among the victims
        value = _nearest_number(analysis, match.first, match.last, numbers)
        if value not in (dead, hurt):  # "5 people injured" counts the hurt, not who is still at risk
            reading.at_risk = max(reading.at_risk, value or 0)
    if reading.at_risk >= MINOR_BELOW and any(kind.grave_with_people_aboard for kind in reading.kinds):
        reading.grave = True  # a crash with people aboard is grave until they are reported safe
    if reading.at_risk and lexicon_index(rulebook, language, "none_survived").find(analysis):
        reading.deaths = max(reading.deaths, reading.at_risk)  # "no survivors; 48 people were on board"
    for match in lexicon_index(rulebook, language, "survivors").find(analysis) if reading.at_risk else ():
        # "Из 45 человек на борту выжили двое": the others are the toll
        saved = _number_beside(analysis, match.first, match.last, numbers)
        if saved is not None and saved < reading.at_risk:
            reading.deaths = max(reading.deaths, reading.at_risk - saved)


def _nearest_number(analysis: Analysis, first: int, last: int, numbers: dict[str, int]) -> int | None:
    for i in (*range(first - 1, max(-1, first - REACH - 1), -1), *range(last, min(len(analysis.tokens), last + REACH))):
        value = _number(analysis, _first_group(analysis, i), numbers)
        if value is not None:
            return value
    return None


def _number_beside(analysis: Analysis, first: int, last: int, numbers: dict[str, int]) -> int | None:
    """The number beside a phrase, the nearest first: "two survivors among 45", "выжили двое",
    "выжил только один", "27 nəfər sağ qalıb"; not one further off ("Из 45 человек ... выжили")."""
    for i in (first - 1, last, last + 1, first - 2):
        if 0 <= i < len(analysis.tokens):
            value = _number(analysis, _first_group(analysis, i), numbers)
            if value is not None:
                return value
    return None


def _number_after(analysis: Analysis, last: int, numbers: dict[str, int]) -> int | None:
    """The number right after a phrase, a word such as "to" or «до» between: "rises to 154"."""
    for i in range(last, min(len(analysis.tokens), last + 2)):
        value = _number(analysis, i, numbers)
        if value is not None:
            return value
    return None


def _first_group(analysis: Analysis, i: int) -> int:
    """Where the number that token i is a group of begins: "10" of "10 000-dən çox insan ölüb",
    whose last group is the one beside the words."""
    while _continues_number(analysis, i):
        i -= 1
    return i


def _number(analysis: Analysis, i: int, numbers: dict[str, int]) -> int | None:
    """The number a token stands for: digits ("12", "1,200") or a number word ("dozens")."""
    tokens = analysis.tokens
    word = tokens[i].norm
    if word.isdigit():
        if _is_age_or_size(analysis, i) or _is_year(word) or _is_designation_number(analysis, i) \
                or _is_ordinal(analysis, i):
            return None
        value, j = word, i
        while j + 1 < len(tokens) and _continues_number(analysis, j + 1):
            j += 1
            value += tokens[j].norm
        return int(value) if int(value) < 1_000_000 else None
    return numbers.get(word)


def _continues_number(analysis: Analysis, i: int) -> bool:
    """"000" of "1,000": a group of a number whose first digits stand before it, and count it."""
    tokens = analysis.tokens
    return i > 0 and len(tokens[i].norm) == 3 and tokens[i].norm.isdigit() and tokens[i - 1].norm.isdigit() \
        and analysis.text[tokens[i - 1].end:tokens[i].start] in NUMBER_GROUPING


def _around(analysis: Analysis, first: int, last: int, hedged: frozenset[int] = frozenset()):
    """(token, distance) within REACH words of the span [first, last); a number counts the word it
    stands before ("5 dead, hundreds injured"), and neither a case ending hyphenated to a number
    ("15-dən çox polis həlak olub": more than 15 police died) nor the words that hedge it («погиб
    по меньшей мере 61 человек») is a word of its own."""
    tokens = analysis.tokens
    for i in range(first, last):
        yield i, 0.5  # inside the words themselves: "claimed 12 lives"
    for step, start in ((-1, first - 1), (1, last)):
        words, i = 0, start
        while 0 <= i < len(tokens) and words < REACH:
            if step > 0 and _clause_break(analysis, i) or step < 0 and _clause_break(analysis, i + 1):
                # "3 nəfər ölüb, 24 nəfər xəsarət alıb": the 24 after the comma are the hurt, and
                # the 10 of "загиблих зросла до 10, поранено понад 60" are not
                break
            if not _is_case_ending(analysis, i) and i not in hedged:
                words += 1
            yield i, (words if step < 0 else words + 0.5)
            i += step


def _clause_break(analysis: Analysis, i: int) -> bool:
    """A comma or a semicolon stands between token i and the one before: a number after it
    opens the next count."""
    tokens = analysis.tokens
    return i > 0 and any(mark in analysis.text[tokens[i - 1].end:tokens[i].start] for mark in ",;")


def _is_case_ending(analysis: Analysis, i: int) -> bool:
    tokens = analysis.tokens
    return i > 0 and tokens[i - 1].norm.isdigit() and len(tokens[i].norm) <= 3 \
        and analysis.text[tokens[i - 1].end:tokens[i].start] in ("-", "\u2011")


def _is_age_or_size(analysis: Analysis, i: int) -> bool:
    """A number hyphenated to a word ("27-letni", "3-year-old", "25-летний") describes someone,
    it does not count victims; short case endings ("30-dan", "12-yə") still count."""
    tokens = analysis.tokens
    return i + 1 < len(tokens) and analysis.text[tokens[i].end:tokens[i + 1].start] in ("-", "\u2011") \
        and len(tokens[i + 1].norm) > 3


def _is_designation_number(analysis: Analysis, i: int) -> bool:
    """A number hyphenated after a short name is part of it: a road (I-95, M-25), an aircraft
    (Ту-154, Іл-76), a rifle (AK-47), never a count of victims."""
    tokens = analysis.tokens
    return i > 0 and tokens[i - 1].norm.isalpha() and len(tokens[i - 1].norm) <= DESIGNATION_LETTERS \
        and analysis.text[tokens[i - 1].end:tokens[i].start] in ("-", "\u2011")


def _is_ordinal(analysis: Analysis, i: int) -> bool:
    """"39. prezydent USA", "5. klasse": in the languages that write an ordinal with a dot, a
    number with a dot before a lower-case word is an ordinal, not a count."""
    tokens = analysis.tokens
    return analysis.language in ORDINAL_DOT and i + 1 < len(tokens) \
        and analysis.text[tokens[i].end:tokens[i + 1].start] == ". " and analysis.text[tokens[i + 1].start].islower()


def _is_year(word: str) -> bool:
    """"Died in 1996", "since 2011": a year next to a death word is not a toll."""
    return len(word) == 4 and word.isdigit() and 1800 <= int(word) <= 2100


_RANGE_WORDS = frozenset({"to", "до", "do", "til", "-", "–", "—"})  # "aged 42 to 71", «віком від 42 до 71 року»


def _range_ends(analysis: Analysis, i: int, numbers: dict[str, int]) -> tuple[int, int]:
    """Around a number that opens or closes a range ("aged 42 to 71", «віком від 42 до 71
    року»): the token before the range and the one after it, where the age word of the whole
    range stands; (-1, -1) when token i is in no range."""
    tokens = analysis.tokens

    def joins(a: int, b: int) -> bool:  # tokens a and b are a range's two numbers
        if a < 0 or b >= len(tokens) or _number(analysis, a, numbers) is None or _number(analysis, b, numbers) is None:
            return False
        between = [t.norm for t in tokens[a + 1:b]] or [analysis.text[tokens[a].end:tokens[b].start].strip()]
        return len(between) == 1 and between[0] in _RANGE_WORDS

    for first, last in ((i, i + 1), (i, i + 2), (i - 1, i), (i - 2, i)):
        if first != last and joins(first, last):
            return first - 1, last + 1
    return -1, -1


def _is_day(tokens: list, i: int, after: int, months: frozenset[str], victims: set[int]) -> bool:
    """The number is a day: a month stands on one side of it, and no death or injury word on the
    other ("16 сентября", "September 5 attack"; but "12 lipca: 5 ofiar" counts five)."""
    def is_month(j: int) -> bool:
        return 0 <= j < len(tokens) and not months.isdisjoint(tokens[j].keys)

    return (is_month(after) and i - 1 not in victims) or (is_month(i - 1) and after not in victims)


def _casualties(analysis: Analysis, deaths: list, injuries: list, numbers: dict[str, int],
                ages: frozenset[str], age_prepositions: frozenset[str],
                months: frozenset[str], hedged: frozenset[int] = frozenset()) -> tuple[int, int]:
    """(dead, hurt): the number nearest a death word, and an injury word, within three words (the
    larger of two as near): "driver in hospital, police check several theories" is one hurt, not
    several; a number belongs to the nearer of the two ("two dead and 21 hurt": 2 dead, 21 hurt).
    A number beside an age word ("aged 96", "96 лет"), or after "at" right after a death word
    ("dead at 57"), is an age."""
    near: dict[int, tuple[float, str]] = {}  # token -> (distance, "death" | "injury")
    death_ends = {m.last for m in deaths}
    for kind, found in (("death", deaths), ("injury", injuries)):
        for match in found:
            for i, distance in _around(analysis, match.first, match.last, hedged):
                if i not in near or distance < near[i][0]:
                    near[i] = (distance, kind)
    victims = {i for match in (*deaths, *injuries) for i in range(match.first, match.last)}
    found = {"death": (REACH + 1, 0), "injury": (REACH + 1, 0)}  # (distance, number): the nearest, the larger on a tie
    tokens = analysis.tokens
    for near_group, (distance, kind) in near.items():
        i, last = _first_group(analysis, near_group), near_group  # "10 000-dən": one number, either group near
        while last + 1 < len(tokens) and _continues_number(analysis, last + 1):
            last += 1
        value = _number(analysis, i, numbers)
        if value is None:
            continue
        ending = last + 1 < len(tokens) and _is_case_ending(analysis, last + 1)  # "на 74-м году"
        after = last + 2 if ending else last + 1
        beside = {key for j in (i - 1, after, *_range_ends(analysis, i, numbers)) if 0 <= j < len(tokens)
                  for key in tokens[j].keys}
        if beside & ages or _is_day(tokens, i, after, months, victims):
            continue
        if i >= 1 and tokens[i - 1].norm in age_prepositions and i - 1 in death_ends:
            continue
        found[kind] = min(found[kind], (distance, value), key=lambda pair: (pair[0], -pair[1]))
    return found["death"][1], found["injury"][1]


def _one_and_others(analysis: Analysis, deaths: list, injuries: list, numbers: dict[str, int],
                    conjunctions: frozenset[str]) -> int:
    """The dead a death word counts one by one: "zginęła kobieta i jej dwie córki", "a man and his
    two sons were killed", «погибли женщина и двое детей» are three. A person (a word the lexicon
    counts as one) joined by "and" to a number of others, within a few words of the death word and
    in its clause: in "woman killed, man and two children injured" the three are the hurt."""
    tokens = analysis.tokens
    reach = REACH + OTHERS_WITHIN  # "qadın və iki uşaq ölüb": the verb after the whole list
    for match in deaths:
        for i in range(max(0, match.first - reach), min(len(tokens) - 1, match.last + reach)):
            if _number(analysis, i, numbers) != 1 or tokens[i + 1].norm not in conjunctions:
                continue
            j = next((j for j in range(i + 2, min(len(tokens), i + 2 + OTHERS_WITHIN))
                      if (_number(analysis, j, numbers) or 0) > 1 and not _is_year(tokens[j].norm)), None)
            if j is None:
                continue
            first, last = min(i, match.first), max(j, match.last - 1)
            if any(_clause_break(analysis, k) for k in range(first + 1, last + 1)) \
                    or any(first < hurt.first and hurt.last <= last for hurt in injuries):
                continue
            return 1 + _number(analysis, j, numbers)
    return 0


# -- what it is about --------------------------------------------------------------------------------

# a name no dictionary holds is matched by its stem in the languages that inflect names: the
# Грибовичі of "На Грибовицькому сміттєзвалищі", the Michniów of "pacyfikacji Michniowa"
STEM_LANGUAGES = ("ru", "uk", "pl", "az")
STEM = 6  # letters two forms of a name share at least, and all but STEM_ENDING of the shorter
STEM_ENDING = 2
QUOTES = "'\"«„“‘"
_ROUTE_DASHES = ("-", "–", "—")


def titles_of_works(rulebook: Rulebook, analysis: Analysis) -> list[tuple[int, int]]:
    """The spans of the short quotes beside a word for a work (a premiere, a film, «спектакль»):
    titles, whatever words they hold ("Пушкин, «Выстрел» — премьера в субботу")."""
    works = lexicon_index(rulebook, analysis.language, "premieres").find(analysis) if analysis.language else []
    if not works:
        return []
    tokens = analysis.tokens
    titles = []
    for quote in QUOTED.finditer(analysis.text):
        inside = [i for i, t in enumerate(tokens) if quote.start(1) <= t.start and t.end <= quote.end(1)]
        if inside and len(inside) <= MAX_TITLE_WORDS and any(
                inside[0] - TITLE_REACH <= w.last and w.first <= inside[-1] + TITLE_REACH for w in works):
            titles.append(quote.span(1))
    return titles


def quoted_in(name: str, title: str) -> bool:
    """The title writes the name in quotes: a thing named after a place or a person (the mine
    «Ульяновская»), which only its own forms name."""
    return any(f"{quote}{name}" in title for quote in QUOTES)


def same_stem(a: str, b: str) -> bool:
    """Two forms of one name (lower case): Michniowa and Michniowem, Грибовичі and Грибовицькому."""
    shared = max(STEM, min(len(a), len(b)) - STEM_ENDING)
    return len(a) > STEM and len(b) > STEM and a[:shared] == b[:shared]


def key_of(token, language: str | None) -> str:
    """The token's dictionary form when known (Казани -> казань), else the word itself. Where the
    keys are the word with an ending taken off (Azerbaijani), the shortest of at least four
    letters: Maradona and Maradonanı, Bakı and Bakının, Gəncə and Gəncədə then share it."""
    if language in STRIPS_TEXT_ONLY:
        return min((key for key in token.keys if len(key) >= MIN_STEM), key=len, default=token.keys[0])
    return token.keys[1] if len(token.keys) > 1 else token.keys[0]


def _read_candidates(reading: Reading, analysis: Analysis, triggers, rulebook: Rulebook, lexicon,
                     in_title: bool) -> set[str]:
    """Adds the headline's names, places and words to the reading; returns the regions of the
    places it names only as where someone was going."""
    tokens = analysis.tokens
    if not tokens:
        return set()
    language = analysis.language
    event = _event_positions(analysis, triggers)
    if in_title:
        reading.events.update(key for i in event for key in tokens[i].keys)
        reading.events.update(_compound_stems(triggers))
    for attribute in ("death", "injury"):
        for m in lexicon_index(rulebook, language, attribute).find(analysis):
            event.update(range(m.first, m.last))
    places, countries = place_indexes(rulebook, language)
    country_matches = countries.find(analysis)
    place_matches = places.find(analysis)
    # a name inside a longer one places nothing of its own: "New Mexico" is not Mexico
    widest = [(m.first, m.last) for m in country_matches + place_matches]
    inside = lambda m: any(a <= m.first and m.last <= b and (a, b) != (m.first, m.last) for a, b in widest)  # noqa: E731
    country_tokens = set()
    locatives = lexicon.locatives if lexicon else frozenset()
    # only a crash of something that carries people has somewhere it was going ("a storm on its way
    # to Bergen" is where it will hit)
    carried = any(kind.grave_with_people_aboard for kind in reading.kinds)
    markers = lexicon_index(rulebook, language, "destinations").find(analysis) if carried else []
    after, before = {m.last for m in markers}, {m.first for m in markers}  # "bound for Nairobi", "Nairobi-bound"
    origin = lexicon.origin_endings if lexicon else ()
    # "Moskvaya uçan" was going to Moscow; "Bakıdan uçan" had left Baku
    heading = lambda m: m.first in after or (m.last in before and not m.text.lower().endswith(origin))  # noqa: E731
    # the route's start is no more where it happened than its end: "Tehran – Urmiya reysini yerinə yetirən"
    route_ends = {m.first for m in place_matches if heading(m)}
    worded_ends = _worded_route_ends(tokens, place_matches + country_matches, lexicon) if carried else set()
    going = lambda m: heading(m) or m.first in worded_ends or m.last in route_ends \
        and analysis.text[tokens[m.last - 1].end:tokens[m.last].start].strip() in _ROUTE_DASHES  # noqa: E731
    placed = any(not inside(m) and not going(m) for m in place_matches)
    # "polscy turyści", "obywatele Polski": the home country's own people, who died abroad
    ours = [(a.first, a.last) for a in lexicon_index(rulebook, language, "abroad").find(analysis)]
    for m in country_matches:
        if not inside(m):
            # "in Thailand", or the event's own word after it ("Mexico quake"): where it happened
            where = (bool(m.first) and tokens[m.first - 1].norm in locatives) or m.last in event
            people = any(a <= m.first and m.last <= b for a, b in ours)
            # "fires on Rhodes, Norwegians among them" happen in Greece
            if (where or not placed) and not going(m) and not people:
                reading.regions.add(m.payload)
            country_tokens.update(range(m.first, m.last))
            if where:
                candidate = _add(reading, " ".join(t.norm for t in tokens[m.first:m.last]), m.text, True, False,
                                 True, in_title)
                if candidate is not None:
                    candidate.country = True
    # a one-word place the dictionary misreads is keyed by the gazetteer's name for it: "Bytom:"
    # and "w Bytomiu" are one town, though the dictionary reads the first as a form of "byt"
    place_keys = {m.first: _gazetteer_key(m.term) for m in place_matches if m.last - m.first == 1 and not inside(m)}
    place_tokens = set()
    whole_places = set()  # the words of a place of several ("Santa Fe"): parts of it, never names alone
    # where it was going names no story: a café in Bodø is not news of the plane that never landed there
    destination_tokens = {i for m in place_matches + country_matches if not inside(m) and going(m)
                          for i in range(m.first, m.last)}
    for m in place_matches:
        if not inside(m):
            if not going(m):
                reading.regions.add(m.payload)
            place_tokens.update(range(m.first, m.last))
            if m.last - m.first > 1 and not going(m):
                whole_places.update(range(m.first, m.last))
                candidate = _add(reading, " ".join(t.norm for t in tokens[m.first:m.last]), m.text, True, False,
                                 False, in_title)
                if candidate is not None:
                    candidate.place = True
    stop = lexicon.everyday if lexicon else frozenset()
    numbers = lexicon.numbers if lexicon else {}
    quoted = _quoted_positions(analysis)
    # a place a trigger names is still where it happened ("atak na Kijów")
    content = [i for i, t in enumerate(tokens) if (i not in event or i in place_tokens)
               and (_is_content(t, stop, numbers) or _is_quoted_name(analysis, i, quoted))]
    if in_title:
        reading.words.update((key_of(tokens[i], language), analysis.text[tokens[i].start:tokens[i].end]) for i in content)
    title_case = _is_title_case(analysis, stop)
    names = {i for i in content if _looks_like_name(analysis, i, title_case, quoted, place_tokens, stop, numbers)}
    if not title_case:  # "attack in Nice", "shooting in Buffalo": a place, though the word is common
        names |= {i for i in content if i and tokens[i - 1].norm in locatives and not starts_sentence(analysis, i)
                  and analysis.text[tokens[i].start].isupper()}
    names |= {i - 1 for i in names if i - 1 in content and analysis.text[tokens[i - 1].end:tokens[i].start] == "-"
              and analysis.text[tokens[i - 1].start].isupper()}  # "Notre-Dame", "Barcelona-Düsseldorf"
    # a country names no story on its own ("Egypt", "French"), only inside a name ("Malaysia Airlines")
    names -= {i for i in country_tokens if not ({i - 1, i + 1} & (names - country_tokens))}
    names -= destination_tokens
    content = [i for i in content if i not in country_tokens or i in names]
    anchors = _anchor_positions(analysis, triggers, event, content, names, lexicon, rulebook)
    if not title_case:
        for run in _names_of_everyday_words(analysis, lexicon, place_tokens | country_tokens):
            _add(reading, " ".join(tokens[i].norm for i in run),
                 analysis.text[tokens[run[0]].start:tokens[run[-1]].end], True, False, False, in_title)
    for run in _runs(analysis, sorted(names)):
        text = analysis.text[tokens[run[0]].start:tokens[run[-1]].end]
        # a name in quotes in a tragic title: the ship, the venue, the song ('Hallelujah')
        anchored = any(i in anchors for i in run) or (in_title and reading.tragic and all(i in quoted for i in run))
        found = []  # (candidate, whether it is only a place)
        if len(run) > 1:
            found.append((_add(reading, " ".join(tokens[i].norm for i in run), text, True, False, anchored, in_title),
                          all(i in place_tokens for i in run)))
        for i in run:
            if i not in country_tokens:
                key = key_of(tokens[i], language) if stop.isdisjoint(tokens[i].keys) else tokens[i].norm  # «Hans»
                if i in place_keys and not _gazetteer_key(key).startswith(place_keys[i][:-1]):
                    key = place_keys[i]  # the dictionary cut the name: "Bytom:" read as a form of "byt"
                part = not _single_name_worth_keeping(tokens[i], i == run[-1] or i in place_tokens, run, language) \
                    or _in_longer_quote(run, quoted) and not _names_a_place(tokens[i], i in place_tokens, language) \
                    or i in whole_places or _hyphened_on(analysis, run, i) and i not in place_tokens
                found.append((_add(reading, key, analysis.text[tokens[i].start:tokens[i].end], True, False, anchored,
                                   in_title, part=part),
                              i in place_tokens))
        for candidate, place in found:
            if candidate is not None:
                candidate.place |= place
    for i in content:
        if i in names:
            continue
        rare = _is_rare(tokens[i], language)
        if (rare and in_title) or i in anchors:
            _add(reading, key_of(tokens[i], language), analysis.text[tokens[i].start:tokens[i].end], False, rare,
                 i in anchors, in_title)
    for tag in analysis.hashtags:
        _add(reading, tag.joined, tag.text, True, False, True, in_title)
    for found in _DESIGNATION.finditer(analysis.text):
        _add(reading, found.group().lower(), found.group(), True, False, False, in_title)
    # a route with both its ends in one country is a flight or a train within it: "Tehran – Urmiya"
    ends = [m.payload for m in place_matches if going(m)]
    if not reading.regions and len(ends) >= 2 and len(set(ends)) == 1:
        reading.regions.add(ends[0])
    return {m.payload for m in country_matches + place_matches if going(m)}


def _worded_route_ends(tokens, matches, lexicon) -> set[int]:
    """Where the places of a route told in words start: "fra Oslo til Tromsø", «из Москвы в Сочи»."""
    routes = lexicon.routes if lexicon else {}
    starts = {m.first for m in matches}
    ends = set()
    for m in matches:
        joins = routes.get(tokens[m.first - 1].norm, ()) if m.first else ()
        if m.last + 1 in starts and tokens[m.last].norm in joins:
            ends.update((m.first, m.last + 1))
    return ends


def _gazetteer_key(term: str) -> str:
    """A gazetteer entry's name without its pattern marks and accents: "Kraków*" and "Krakow*"
    (the form typed without Polish letters, which "w Krakowie" matches) are one key."""
    word = term.strip("=*").lower()
    return "".join(unicodedata.normalize("NFD", ch)[0] if "\u00c0" <= ch <= "\u024f" else ch for ch in word)


# An aircraft, a flight, a visa or a road by its designation: "Ан-148", "A320", "MH17", "J1", "E18".
_DESIGNATION = re.compile(r"(?<![\w-])[A-ZА-ЯЁІЇЄ][A-Za-zА-Яа-яЁёІіЇїЄє]{0,3}-?\d{1,4}(?![\w-])")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)


def is_designation(key: str) -> bool:
    """A candidate's key that is a designation ("mh17", "ан-148"): one names a single plane or flight."""
    return _DESIGNATION.fullmatch(key.upper()) is not None


def _add(reading: Reading, key: str, text: str, name: bool, rare: bool, anchor: bool, in_title: bool,
         part: bool = False) -> Candidate | None:
    if key.isdigit():
        return None
    found = reading.candidates.get(key)
    if found is None:
        found = reading.candidates[key] = Candidate(text, name, rare, anchor, in_title, part)
        return found
    found.name |= name
    found.rare |= rare
    found.anchor |= anchor
    found.in_title |= in_title
    found.part &= part
    return found


def _is_content(token, stop: frozenset[str], numbers: dict[str, int]) -> bool:
    norm = token.norm
    return (len(norm) > 2 or (token.tag >= 0 and len(norm) > 1)) and not norm.isdigit() \
        and norm not in numbers and stop.isdisjoint(token.keys)


def _is_quoted_name(analysis: Analysis, i: int, quoted: dict[int, int]) -> bool:
    """A capitalised word in quotes is a name even when it is also a common word: the storm
    «Hans» (Norwegian for "his"), the submarine «Курск»."""
    token = analysis.tokens[i]
    return i in quoted and len(token.norm) > 2 and analysis.text[token.start].isupper()


def _is_title_case(analysis: Analysis, stop: frozenset[str]) -> bool:
    """In Title Case Every Word Looks Like A Name, and only little words stay lower case: one
    lower-case content word ("Tributes pour in for George Michael") makes it a sentence."""
    letters = [t for t in analysis.tokens if t.norm[:1].isalpha() and len(t.norm) > 3]
    lower = [t for t in letters if not analysis.text[t.start].isupper()]
    return len(letters) > 3 and len(lower) < 0.3 * len(letters) and all(not stop.isdisjoint(t.keys) for t in lower)


def starts_sentence(analysis: Analysis, i: int) -> bool:
    """The word opens a sentence, so its capital says nothing; an emoji before it is skipped
    ("Nowa dostawa! 🐰 Króliki")."""
    before = i - 1
    while before >= 0 and not any(ch.isalnum() for ch in analysis.tokens[before].norm):
        before -= 1
    if before < 0:
        return True
    gap = analysis.text[analysis.tokens[before].end:analysis.tokens[i].start]
    return any(mark in gap for mark in ".:!?|—–")


def _quoted_positions(analysis: Analysis) -> dict[int, int]:
    """Words inside quotes ('The Dark Knight Rises', «Курск»): a title or a name. Each word's
    quote, by number."""
    spans = [m.span(1) for m in QUOTED.finditer(analysis.text)]
    return {i: n for i, t in enumerate(analysis.tokens)
            for n, (a, b) in enumerate(spans) if a <= t.start and t.end <= b}


def _names_a_place(token, known_place: bool, language: str) -> bool:
    """A town inside a quoted name still names it: the bus «Житомир — Яремче» (a known place, or
    a word no dictionary holds)."""
    return known_place or zipf(token.norm, language) is None


def _in_longer_quote(run: list[int], quoted: dict[int, int]) -> bool:
    """The run is only some words of a quoted title: «Карнавальной ночи» is a film, and
    «Карнавальной» alone names nothing."""
    quote = quoted.get(run[0])
    return quote is not None and quote in (quoted.get(run[0] - 1), quoted.get(run[-1] + 1))


def _looks_like_name(analysis: Analysis, i: int, title_case: bool, quoted: dict[int, int], places: set[int],
                     stop: frozenset[str], numbers: dict[str, int]) -> bool:
    """Capitalised where a common word would not be; a known place; a word in quotes; a code
    such as MH17 or Tu-154."""
    token = analysis.tokens[i]
    if i in places or token.tag >= 0:
        return True
    written = analysis.text[token.start:token.end]
    if any(ch.isdigit() for ch in written) and any(ch.isalpha() for ch in written):
        return not _ORDINAL.fullmatch(written)  # MH17, A320; not "21st" (a birthday, a century)
    if not written[:1].isupper():
        return False
    if i in quoted:
        return True
    language = analysis.language
    common = is_common_word(token.norm, language)
    frequency = _frequency(token, language)
    if written.isupper() and len(written) >= 2 and (len(written) <= 5 or not common):
        return True  # an acronym: AZAL, NTB, FBI (generic ones are in the lexicon)
    if title_case or starts_sentence(analysis, i):
        # capitalised either way: a name when the word is rare, or the dictionary does not know it
        # as a common word (Russian and Ukrainian dictionaries tag names: "Кузьма" is a name)
        if frequency is not None and frequency < RARE_BELOW:
            return True
        if common:
            return False
        return frequency is None or language in NAME_DICTIONARIES or frequency < NAME_ABOVE_COMMON
    return frequency is None or frequency < COMMON_NAME_ABOVE or not common


def _frequency(token, language: str | None) -> float | None:
    """How common the word is in any of its forms: Parlamentdə is as common as parlament."""
    known = [f for key in token.keys if (f := zipf(key, language)) is not None]
    return max(known) if known else None


def _everyday(token, language: str | None) -> bool:
    frequency = _frequency(token, language)
    return frequency is not None and frequency >= EVERYDAY_ANCHOR


def _is_rare(token, language: str) -> bool:
    frequency = _frequency(token, language)
    if frequency is None:
        return False
    return frequency < RARE_BELOW and not any(ch.isdigit() for ch in token.norm)


def _single_name_worth_keeping(token, last: bool, run: list[int], language: str) -> bool:
    """One word of a multi-word name stands for the story alone when it is rare ("Germanwings",
    "Utøya"); "Fisher" of Carrie Fisher is too common a word to stand for her. Where no word list
    says how common it is (Azerbaijani), only the name's last word does (`last`, also said of a
    place the gazetteer knows): "Nuri" of Yaşar Nuri, not "Yaşar", a first name that half the
    barbers in Baku carry."""
    if len(run) == 1:
        return True
    frequency = _frequency(token, language)
    return last if frequency is None else frequency < 4.0


def _hyphened_on(analysis: Analysis, run: list[int], i: int) -> bool:
    """A word hyphened onto the name before it: "Wesoła" of the mine Mysłowice-Wesoła, "Şirinə" of
    Qəsri-Şirinə. Alone it is another place (Warsaw's Wesoła) or an everyday word ("şirin",
    sweet); the whole name, and a head the gazetteer knows, stand for the story."""
    tokens = analysis.tokens
    return i != run[0] and analysis.text[tokens[i - 1].end:tokens[i].start] in ("-", "\u2011")


def _names_of_everyday_words(analysis: Analysis, lexicon, placed: set[int]) -> list[list[int]]:
    """Everyday words written with capitals inside a sentence are one name together: "East
    Village", "Second Avenue", "Grand Central" (not in a headline that capitalises every word,
    and not a day's name: "New Year", "Bonfire Night")."""
    if lexicon is None:
        return []
    position = {id(token): i for i, token in enumerate(analysis.tokens)}
    runs = ([position[id(token)] for token in run] for run in _capitalised_runs(analysis, lexicon.stopwords))
    return [run for run in runs if len(run) > 1 and placed.isdisjoint(run)
            and all(lexicon.calendar.isdisjoint(analysis.tokens[i].keys) for i in run)
            and any(analysis.text[analysis.tokens[i].start].isupper()
                    and not lexicon.everyday.isdisjoint(analysis.tokens[i].keys) for i in run)]


def _runs(analysis: Analysis, positions: list[int]) -> list[list[int]]:
    """Adjacent name words joined only by spaces, hyphens or quotes are one name."""
    runs: list[list[int]] = []
    tokens = analysis.tokens
    for i in positions:
        if runs and runs[-1][-1] == i - 1 and tokens[i].tag == tokens[i - 1].tag and \
                _NAME_GAP.match(analysis.text[tokens[i - 1].end:tokens[i].start]):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _compound_stems(triggers) -> set[str]:
    """The stems of the one-word prefix triggers a headline matched ("flodbølge*"): what
    "Flodbølgekatastrofen" and "etter flodbølgen" share, two forms no dictionary relates."""
    written = (m.source or m.term for m in triggers)
    return {w[:-1].lower() for w in written if w.endswith("*") and " " not in w and not w.startswith("=")}


def _event_positions(analysis: Analysis, triggers) -> set[int]:
    """Positions of the words a trigger itself matched: the words a `...` gap skipped ("Storm
    Ciarán: two dead") may be the very name the incident is about."""
    found = set()
    for m in triggers:
        written = m.source or m.term
        term = next((t for lang in (analysis.language, "any") for t in m.payload.triggers.get(lang, ())
                     if t.text == written), None)
        if term is None:
            continue
        words = list(term.every_word())
        found.update(i for i in range(m.first, m.last) if any(w.accepts(analysis.tokens[i]) for w in words))
    return found


def _anchor_positions(analysis: Analysis, triggers, event: set[int], content: list[int], names: set[int],
                      lexicon, rulebook: Rulebook) -> set[int]:
    """Names and words attached to the event: right before or after its words, skipping
    ordinary nouns ("Aurora theater shooting", "Nie żyje Krzysztof Krawczyk", "Prince dead at
    57"), and the names after a locative ("in Colorado", "pod Smoleńskiem") near it."""
    if not event:
        return set()
    tokens = analysis.tokens
    content_set = set(content)
    generic = lexicon.generic if lexicon else frozenset()
    conjunctions = lexicon.conjunctions if lexicon else frozenset()
    anchors: set[int] = set()

    def walk(i: int, step: int) -> None:
        skipped = 0
        while 0 <= i < len(tokens) and skipped <= ANCHOR_REACH:
            a, b = sorted((i - step, i))
            if not _JOINERS.match(analysis.text[tokens[a].end:tokens[b].start]):
                return
            if i in names or (i in content_set and not _everyday(tokens[i], analysis.language)):
                anchors.add(i)
            elif i in content_set:
                return  # an everyday word ("могут", "could") ends the phrase: it names nothing
            elif tokens[i].norm in conjunctions and i - step in names and i + step in names:
                pass  # "Manavqat və Marmarisdə yanğınlar": a second name of the same event
            elif i not in event:
                if generic.isdisjoint(tokens[i].keys):
                    return  # a stopword, a number: the phrase ends
                skipped += 1
            i += step

    for start, end in _spans(sorted(event)):
        walk(start - 1, -1)
        walk(end + 1, 1)
    locatives = lexicon.locatives if lexicon else frozenset()
    first_event = min(event)
    for i, token in enumerate(tokens):
        if token.norm not in locatives or i < first_event - LOCATIVE_REACH:
            continue
        j = i + 1
        if j < len(tokens) and j not in names and j + 1 in names:
            j += 1  # "in metro Petersburga", "in French Alps": one word before the name
        while j in names:
            anchors.add(j)
            j += 1
            if j < len(tokens) and tokens[j].norm in conjunctions and j + 1 in names:
                j += 1  # "in Manavgat and Marmaris"
    return anchors


def _spans(positions: list[int]) -> list[tuple[int, int]]:
    spans: list[list[int]] = []
    for i in positions:
        if spans and spans[-1][1] >= i - 1:
            spans[-1][1] = i
        else:
            spans.append([i, i])
    return [(a, b) for a, b in spans]


# -- phrases a post may echo --------------------------------------------------------------------------

def _read_titles(reading: Reading, title: Analysis, lexicon) -> None:
    """Titles and names a post may quote: words in quotes («Człowiek z marmuru»), and in a
    sentence-case headline, words capitalised together mid-sentence ("the voice of Last
    Christmas and Careless Whisper")."""
    stop = lexicon.stopwords if lexicon else frozenset()
    spans = [match.span(1) for match in QUOTED.finditer(title.text)]
    quoted = [([t for t in title.tokens if start <= t.start and t.end <= end], True) for start, end in spans]
    runs = [] if _is_title_case(title, stop) else [(run, False) for run in _capitalised_runs(title, stop)]
    for words, in_quotes in quoted + runs:
        content = [w for w in words if stop.isdisjoint(w.keys) and not w.norm.isdigit()]
        # a saying in quotes may be all little words: «Маємо те, що маємо»
        catchphrase = in_quotes and len(words) >= 3 and not any(w.norm.isdigit() for w in words)
        if 2 <= len(words) <= MAX_TITLE_WORDS and (len(content) >= 2 or catchphrase):
            reading.titles[tuple(w.norm for w in words)] = title.text[words[0].start:words[-1].end]


def _capitalised_runs(title: Analysis, stop: frozenset[str]) -> list[list]:
    """Runs of capitalised words, none opening a sentence, joined by spaces and perhaps by little
    lower-case words between them ("the Ball of the Century")."""
    tokens = title.tokens
    runs: list[list] = []
    run: list = []
    pending: list = []  # little words that join the run only if a capitalised word follows
    for i, token in enumerate(tokens):
        joined = i > 0 and title.text[tokens[i - 1].end:token.start] == " "
        capital = title.text[token.start].isupper() and not starts_sentence(title, i)
        if capital and run and joined:
            run += pending + [token]
            pending = []
        elif capital:
            runs.append(run)
            run, pending = [token], []
        elif run and joined and not stop.isdisjoint(token.keys) and len(pending) < 2:
            pending.append(token)
        else:
            runs.append(run)
            run, pending = [], []
    runs.append(run)
    # and each part between the little words: "Last Christmas and Careless Whisper" is two titles
    parts = [part for found in runs for part in _split_at(found, title) if len(found) > len(part)]
    return [found for found in runs + parts if len(found) >= 2]


def _split_at(run: list, title: Analysis) -> list[list]:
    """The capitalised stretches of a run, without the little words between them."""
    parts: list[list] = [[]]
    for token in run:
        if title.text[token.start].isupper():
            parts[-1].append(token)
        elif parts[-1]:
            parts.append([])
    return parts


def _read_phrases(reading: Reading, title: Analysis, triggers, rulebook: Rulebook, lexicon) -> None:
    """Runs of two to four words inside one clause, with at least two content words and one
    uncommon one: "boots on the ground", "no survivors expected". A post repeating one echoes
    the story. A place's name alone ("South Korea", "New York") says where, not what: no echo."""
    tokens = title.tokens
    stop = lexicon.stopwords if lexicon else frozenset()
    generic = lexicon.generic if lexicon else frozenset()
    placed = {i for index in place_indexes(rulebook, title.language) for m in index.find(title)
              for i in range(m.first, m.last)}
    for first in range(len(tokens)):
        for length in (2, 3, 4):
            last = first + length
            if last > len(tokens):
                break
            words = tokens[first:last]
            if any(not _JOINERS.match(title.text[a.end:b.start]) for a, b in zip(words, words[1:])):
                break
            if any(w.norm.isdigit() for w in words):
                break
            if not stop.isdisjoint(words[0].keys) or not stop.isdisjoint(words[-1].keys):
                continue
            content = [w for w in words if stop.isdisjoint(w.keys)]
            if len(content) < 2 or all(not generic.isdisjoint(w.keys) for w in content):
                continue
            if all(first + i in placed for i, w in enumerate(words) if stop.isdisjoint(w.keys)):
                continue
            frequencies = [zipf(w.norm, title.language) for w in content]
            if all(f is not None and f >= 4.5 for f in frequencies):
                continue
            reading.phrases[tuple(w.norm for w in words)] = title.text[words[0].start:words[-1].end]
