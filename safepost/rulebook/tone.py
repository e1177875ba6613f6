"""The `tone:` section: per language, the cue words that make a post read as promotional, joking
or sincere, and the words that negate a promotion ("no sale today" sells nothing). The tone
ladder (safepost/checks/ladder.py) reads them through safepost.text.tone.

    tone:
      - id: tone.en
        language: en
        promotional: [sale, discount, shop now, promo code, party, half price]
        patterns: ['\\d+ ?% ?off\\b']     # regular expressions that also mark a post promotional
        joking: [lol, haha, just kidding]
        joking_patterns: ['[;:]-?[)pd]']    # emoticons and the like
        sincere: [remember, condolences, thoughts are with, closed today, in memory]
        memorial: [in memory of, tribute to, rest in peace]  # beside a sale: a death as a sales hook
        solidarity: [pray for, je suis, stand with]  # read only inside a hashtag: #PrayForNice
        help: [for those affected, for evacuees]  # a free offer to the people hit is help, not a sale
        negations: [no, not, without]      # "no sale today": the cue after them is not a promotion
        examples: {promotional: ["20% off today"], joking: ["lol"], sincere: ["We remember."], neutral: ["Hello"]}

A regular expression written by hand can backtrack for minutes on one unlucky post ("(a+)+$",
"(.*a){6}z"). When the rule is read, nested repeats are refused, and so is any pattern that the
time limit stops on an adversarial probe (long runs of one letter, or of mixed words, then a
character that does not match). Every search at check time runs under the same limit: a pattern
that hits it is reported as not evaluated for that post (a flag), and the check goes on.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex  # its searches take a time limit

from safepost.errors import InputError
from safepost.rulebook.examples import TONES, Authored, parse_examples
from safepost.rulebook.fields import Fields, check_language, report
from safepost.rulebook.terms import LanguageTerms, compile_terms
from safepost.text.matcher import Term

PATTERN_SECONDS = 0.1  # what one pattern may spend on one post; real ones need microseconds
PROBE_LENGTH = 3000  # characters of each probe: the longest post a platform takes (LinkedIn)
_PROBE_TAILS = ("!", "\u2603")  # what ends a probe: characters a pattern rarely expects there


@dataclass(frozen=True)
class Pattern:
    text: str
    compiled: Any  # a `regex` pattern: it can stop a search that runs too long
    path: str = ""
    line: int | None = None
    column: int | None = None
    rule: str = ""  # the id of the tone entry it belongs to

    def find(self, text: str, stopped: list):
        """The first match, or None; a search the time limit stops appends this pattern to
        `stopped` instead of ending the check."""
        try:
            return self.compiled.search(text, timeout=PATTERN_SECONDS)
        except TimeoutError:
            stopped.append(self)
            return None

    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class Patterns:
    """Patterns searched as one alternation: reading a tone asks only for the leftmost match of
    any of them, which is what the alternation finds (at one position, the first pattern that
    matches there, as searching them one by one and taking the leftmost would give), at the
    cost of one search instead of one each."""

    members: tuple[Pattern, ...] = ()
    combined: Any = None  # None when they cannot be joined (or there are fewer than two)

    @staticmethod
    def of(patterns) -> "Patterns":
        members = tuple(patterns)
        if len(members) < 2:
            return Patterns(members)
        try:
            return Patterns(members, regex.compile("|".join(f"(?:{p.text})" for p in members), regex.IGNORECASE))
        except regex.error:
            return Patterns(members)

    def __bool__(self) -> bool:
        return bool(self.members)

    def find(self, text: str, stopped: list):
        """The leftmost match of any member, or None. When the joined search hits the time limit,
        each member is searched alone, so that the one that stops is the one reported."""
        if self.combined is not None:
            try:
                return self.combined.search(text, timeout=PATTERN_SECONDS)
            except TimeoutError:
                pass
        found = [m for pattern in self.members if (m := pattern.find(text, stopped))]
        return min(found, key=lambda m: m.start(), default=None)


@dataclass(frozen=True)
class ToneRule(Authored):
    id: str
    language: str
    promotional: LanguageTerms
    sincere: LanguageTerms
    patterns: tuple[Pattern, ...] = ()
    joking: LanguageTerms | None = None
    joking_patterns: tuple[Pattern, ...] = ()
    memorial: LanguageTerms | None = None  # "in memory of", "RIP": next to a sale, a death made a sales hook
    # the words of a solidarity hashtag (#PrayForNice, #JeSuisBruxelles, #МолимсяЗа...): a post that
    # carries one rides a tragedy, and abroad is as much in it as at home
    solidarity: LanguageTerms | None = None
    # "for those affected", "для пострадавших": free rooms or 50% off offered to the people a
    # tragedy hit is help, not a sale (sincere on the ladder)
    help: LanguageTerms | None = None
    # "our mistake", «наш косяк», "nasza wina": a reply that owns up to the brand's own slip; a mild
    # curse in it ("Crap, you caught us") swears at the brand, not at the customer
    owning_up: LanguageTerms | None = None
    negations: LanguageTerms | None = None  # a promotional cue up to three words after one is negated
    negations_after: LanguageTerms | None = None  # likewise one or two words before one ("endirim yoxdur")
    # the words that make a bare name a comparison: "harder than Katrina", "это вам не «Трансвааль»"
    # (before it), "Xocalı kimi" (after it)
    comparing: tuple[str, ...] = ()
    comparing_after: tuple[str, ...] = ()

    def cues(self, name: str) -> tuple[Term, ...]:
        """One list of this entry's cue terms, compiled (the first time) for its language."""
        found = getattr(self, name)
        return found.get(self.language, ()) if found is not None else ()


def parse_tone_rule(data, path: str) -> ToneRule:
    fields = Fields(data, path, "a tone entry")
    fields.reject_unknown(("id", "language", "promotional", "patterns", "joking", "joking_patterns",
                           "sincere", "memorial", "solidarity", "help", "owning_up", "negations", "negations_after",
                           "comparing", "comparing_after", "examples"))
    language = fields.text("language", required=True)
    check_language(language, path, *fields.where("language"))
    rule_id = fields.text("id", required=True)

    def terms(key: str) -> LanguageTerms:
        return compile_terms(fields, key, (language,), required=False)

    return ToneRule(
        id=rule_id,
        language=language,
        promotional=terms("promotional"),
        sincere=terms("sincere"),
        patterns=_patterns(fields, "patterns", rule_id),
        joking=terms("joking"),
        joking_patterns=_patterns(fields, "joking_patterns", rule_id),
        memorial=terms("memorial"),
        solidarity=terms("solidarity"),
        help=terms("help"),
        owning_up=terms("owning_up"),
        negations=terms("negations"),
        negations_after=terms("negations_after"),
        comparing=tuple(word.lower() for word in fields.texts("comparing")),
        comparing_after=tuple(word.lower() for word in fields.texts("comparing_after")),
        examples=parse_examples(fields, TONES),
        path=path,
        line=fields.line() or 0,
    )


def _patterns(fields: Fields, key: str, rule_id: str) -> tuple[Pattern, ...]:
    compiled = []
    for text, (line, column) in fields.items(key):
        try:
            problem = nested_repeat(text)
            if problem:
                raise InputError(f"{key}: '{text}' repeats '{problem}', which repeats inside: such a "
                                 "pattern can run for minutes on one post; write the inner part once",
                                 fields.path, line, column)
            try:
                pattern = Pattern(text, regex.compile(text, regex.IGNORECASE), fields.path, line, column, rule_id)
            except regex.error as exc:
                raise InputError(f"{key}: '{text}' is not a regular expression ({exc})", fields.path,
                                 line, column) from None
            probe = runaway_probe(pattern)
            if probe is not None:
                raise InputError(f"{key}: '{text}' in rule {rule_id} ran for more than {PATTERN_SECONDS} s "
                                 f"on {probe} and was stopped: rewrite it without repeats that can overlap "
                                 "(a post like that would leave the rule unevaluated)", fields.path, line, column)
            compiled.append(pattern)
        except InputError as exc:
            report(exc)
    return tuple(compiled)


def runaway_probe(pattern: Pattern) -> str | None:
    """Describe the first adversarial probe the time limit stops the pattern on, or None.
    Probes: a long run of each letter or digit the pattern names (and of 'a', '1', ' '), of all
    of them in turn, and of mixed words, each ended by a character that does not match."""
    named = sorted({ch.lower() for ch in pattern.text if ch.isalnum()})[:12]
    runs = {ch: f"'{ch}' x {PROBE_LENGTH}" for ch in ("a", "1", " ", *named)}
    for unit in ("ab1 ", "".join(named)) if len(named) > 1 else ("ab1 ",):
        runs[unit] = f"'{unit}' repeated to {PROBE_LENGTH} characters"
    for unit, described in runs.items():
        body = unit * (PROBE_LENGTH // len(unit))
        for tail in _PROBE_TAILS:
            stopped: list = []
            pattern.find(body + tail, stopped)
            if stopped:
                return f"{described} then '{tail}'"
    return None


def nested_repeat(pattern: str) -> str | None:
    """The first group that is repeated and holds a repeat itself, `(a+)+` or `(\\w*\\s)*`: the
    shape that backtracks exponentially. None when there is none."""
    open_groups: list[list] = []  # [start, holds a repeat]
    closed: tuple[int, bool] | None = None  # the group that ended just before this position
    i = 0
    while i < len(pattern):
        char = pattern[i]
        length = _repeat_length(pattern, i)
        if length:
            if closed and closed[1]:
                return pattern[closed[0]:i + length]
            for group in open_groups:
                group[1] = True
            closed = None
            i += length
            continue
        closed = None
        if char == "\\":
            i += 2
        elif char == "[":
            i = _class_end(pattern, i)
        elif char == "(":
            open_groups.append([i, False])
            i += 1
        elif char == ")":
            if open_groups:
                start, holds = open_groups.pop()
                closed = (start, holds)
            i += 1
        else:
            i += 1
    return None


def _repeat_length(pattern: str, i: int) -> int:
    """Length of a quantifier that repeats more than once (`*`, `+`, `{2,}`, `{1,5}`) at i."""
    char = pattern[i]
    if char in "*+":
        return 1
    if char == "{":
        end = pattern.find("}", i)
        body = pattern[i + 1:end] if end > 0 else ""
        low, comma, high = body.partition(",")
        if low.strip().isdigit() and comma and (not high.strip() or high.strip().isdigit() and int(high) > 1):
            return end - i + 1
    return 0


def _class_end(pattern: str, i: int) -> int:
    """Index just past the character class starting at i (`[...]`, `]` first is literal)."""
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1
