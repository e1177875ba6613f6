"""How does a post read: selling something, joking, or speaking sincerely? The cue words live in
the rulebook's `tone:` section (rules/tone.yaml, one entry per language), so a team can add its own;
what each reading means for a post on a bad day is the tone ladder's call (checks/ladder.py).

    cues = cues_for(rulebook, language)        # built once per rulebook and language
    tone = read_tone(analysis, cues)           # -> Tone: the first cue of each kind, or None

A promotional cue right after a negation ("no sale today", "без акцій", "endirim yoxdur") sells
nothing: it is kept apart as `declined`, which reads as respect; so is every one in a post that
offers it to the people a tragedy hit ("free rooms for those affected"). With no language (unknown),
every language's cues apply.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from safepost.rulebook.tone import Patterns
from safepost.text import Analysis
from safepost.text.matcher import Match, TermIndex

NEGATION_REACH = 5  # words from a negation to the promotional cue it takes back ("cancel our Sunday fair and all promotions")
AFTER_REACH = 6  # words from a cue to a negation after it ("all promotions are postponed")
# "No, our prices are the bomb!" negates nothing, nor does "Not at our place 🥔 Unlimited chips":
# in a post a pictograph often ends a sentence
_CLAUSE_END = re.compile(r"[.,;:!?—–\u2600-\u27bf\U0001f300-\U0001faff]")


@dataclass(frozen=True)
class Cue:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class ToneCues:
    cues: TermIndex  # promotional, joking, sincere and memorial cues in one index: one pass a post
    negations: TermIndex
    negations_after: TermIndex
    patterns: Patterns = Patterns()  # regular expressions that also mark a post promotional
    joking_patterns: Patterns = Patterns()


class Tone:
    """The first cue of each kind in a post, or None. Cue words are found at once; what they say
    is worked out only when a check asks, and the patterns (prices, emoticons) run only when a
    check asks whether the post sells or jokes, since most posts meet nothing that asks."""

    def __init__(self, analysis: Analysis, cues: ToneCues, found: dict[str, list[Match]]):
        self._analysis, self._cues, self._found = analysis, cues, found
        self._stopped: list = []

    @cached_property
    def sincere(self) -> Cue | None:
        return _first(self._found["sincere"])

    @cached_property
    def declined(self) -> Cue | None:
        """A promotion the post says it is not making: "no sale today"."""
        return _first(self._split[1])

    @cached_property
    def memorial(self) -> Cue | None:
        """"In memory of", "RIP"."""
        return _first(self._found["memorial"])

    @cached_property
    def owning_up(self) -> Cue | None:
        """"Our mistake", «наш косяк»: the brand admits its own slip."""
        return _first(self._found["owning_up"])

    @cached_property
    def solidarity(self) -> Cue | None:
        """A solidarity hashtag: #PrayForNice, #JeSuisBruxelles."""
        return _first([m for m in self._found["solidarity"] if _in_hashtag(self._analysis, m)])

    @cached_property
    def solidarity_words(self) -> list[Match]:
        """The words of solidarity in a hashtag or, of two words or more, anywhere in the post ("Vi
        står med", "we stand with"; not "jestem", "I am", of #JestemCharlie): they say something
        only of the place beside them."""
        return [m for m in self._found["solidarity"] if m.last - m.first > 1 or _in_hashtag(self._analysis, m)]

    @cached_property
    def _split(self) -> tuple[list[Match], list[Match]]:
        """(cues that sell, cues that do not): a negation takes one back ("no sale today"), and an
        offer to the people a tragedy hit takes them all ("20 rooms free for the families whose
        homes the earthquake damaged")."""
        if self._found["help"]:
            return [], self._found["promotional"] or self._found["help"]
        return _split_negated(self._analysis, self._cues, self._found["promotional"])

    @cached_property
    def promotional(self) -> Cue | None:
        if self._found["help"]:
            return None
        return _first([*self._split[0], *_pattern_cues(self._analysis, self._cues.patterns, self._stopped)])

    @cached_property
    def joking(self) -> Cue | None:
        # a post that sells reads as selling whatever else it does (checks/ladder.py): its
        # emoticons are not searched for, only its joking words
        patterns = _pattern_cues(self._analysis, self._cues.joking_patterns, self._stopped) \
            if self.promotional is None else []
        return _first([*self._found["joking"], *patterns])

    @cached_property
    def jokes(self) -> Cue | None:
        """A joke whether or not the post also sells ("Lei av bussen? 😉 … 299 kr"): what a word
        that only a joke makes cruel asks about."""
        return self.joking or _first(_pattern_cues(self._analysis, self._cues.joking_patterns, self._stopped))

    @property
    def unevaluated(self) -> tuple:
        """Patterns the time limit stopped on this post (rulebook/tone.py), of those run."""
        return tuple(self._stopped)


CUE_KINDS = ("promotional", "joking", "sincere", "memorial", "solidarity", "help", "owning_up")


def build_cues(rules, language: str | None) -> ToneCues:
    cues, negations, negations_after = TermIndex(), TermIndex(), TermIndex()
    patterns, joking_patterns = [], []
    for rule in rules:
        if language is not None and rule.language not in (language, "any"):
            continue
        for kind in CUE_KINDS:
            for term in rule.cues(kind):
                cues.add(term, kind)  # the payload is the kind: a cue is read by what it says
        for name, index in (("negations", negations), ("negations_after", negations_after)):
            for term in rule.cues(name):
                index.add(term, rule)
        patterns.extend(rule.patterns)
        joking_patterns.extend(rule.joking_patterns)
    return ToneCues(cues, negations, negations_after, Patterns.of(patterns), Patterns.of(joking_patterns))


def cues_for(rulebook, language: str | None) -> ToneCues:
    return rulebook.built(("tone", language), f"tone-{language or 'any'}", lambda: build_cues(rulebook.rules("tone"), language))


def read_tone(analysis: Analysis, cues: ToneCues) -> Tone:
    found: dict[str, list[Match]] = {kind: [] for kind in CUE_KINDS}
    for match in cues.cues.find(analysis):
        found[match.payload].append(match)
    return Tone(analysis, cues, found)


def _split_negated(analysis: Analysis, cues: ToneCues, matches: list[Match]) -> tuple[list[Match], list[Match]]:
    """(cues that sell, cues a negation takes back): "no promotions today", "ні знижок"."""
    if not matches or not (cues.negations or cues.negations_after):
        return matches, []
    before = cues.negations.find(analysis)
    after = cues.negations_after.find(analysis)
    text = analysis.text
    selling, declined = [], []
    for match in matches:
        negated = any(0 <= match.first - n.last <= NEGATION_REACH and not _CLAUSE_END.search(text, n.end, match.start)
                      for n in before) or \
            any(0 <= n.first - match.last <= AFTER_REACH and not _CLAUSE_END.search(text, match.end, n.start)
                for n in after)
        (declined if negated else selling).append(match)
    return selling, declined


def _pattern_cues(analysis: Analysis, patterns: Patterns, stopped: list) -> list[Cue]:
    """The first pattern match, shown as the whole words it touches: a pattern may match a
    word's ending ("salg" of "sommersalg") or its opening ("500 руб" of "500 рублей")."""
    found = patterns.find(analysis.text, stopped)
    if not found:
        return []
    text, start, end = analysis.text, found.start(), found.end()
    while start and _in_word(text[start - 1]):
        start -= 1
    while end < len(text) and _in_word(text[end]):
        end += 1
    return [Cue(text[start:end], start, end)]


def _in_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _in_hashtag(analysis: Analysis, match: Match) -> bool:
    return all(token.tag >= 0 for token in analysis.tokens[match.first:match.last])


def _first(found: list) -> Cue | None:
    """The earliest of the matches or cues, as a cue."""
    if not found:
        return None
    first = min(found, key=lambda item: item.start)
    return first if isinstance(first, Cue) else Cue(first.text, first.start, first.end)
