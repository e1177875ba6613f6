"""Text analysis shared by every check: one pass per post, reused by all rules."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from safepost.text.lemmas import keys_for
from safepost.text.tokens import Hashtag, Mention, Token, scan


@dataclass(slots=True)
class Analysis:
    text: str
    language: str | None
    tokens: list[Token]
    hashtags: list[Hashtag]
    mentions: list[Mention]
    urls: int
    _positions: dict[str, list[int]] | None = field(default=None, init=False, repr=False)
    _openings: frozenset[int] | None = field(default=None, init=False, repr=False)

    def positions(self, prefix: int) -> dict[str, list[int]]:
        """Where each key of each word, and each word's first `prefix` letters, stand: a matcher
        walks only the words that may start one of its terms, and skips a post that has none."""
        if self._positions is None:
            found: defaultdict[str, list[int]] = defaultdict(list)
            for i, token in enumerate(self.tokens):
                for key in token.keys:
                    found[key].append(i)
                found[token.norm[:prefix]].append(i)
            self._positions = found
        return self._positions

    def crosses_sentence(self, first: int, last: int) -> bool:
        """Whether tokens [first, last) run over the end of a sentence: "our lives. Music at 8" is
        no "live music", and "...shot. Sale" no "shot ... sale"."""
        if self._openings is None:
            self._openings = frozenset(i for i in range(1, len(self.tokens)) if _ends_sentence(self, i))
        return bool(self._openings) and any(i in self._openings for i in range(first + 1, last))

    def tag_tokens(self, tag: Hashtag) -> tuple[int, int]:
        """The token range [first, last) holding a hashtag's parts."""
        tag_id = self.hashtags.index(tag)
        positions = [i for i, t in enumerate(self.tokens) if t.tag == tag_id]
        return (positions[0], positions[-1] + 1) if positions else (0, 0)


def analyze(text: str, language: str | None) -> Analysis:
    """Tokenise and key a text once; every check reads the result."""
    tokens, hashtags, mentions, urls = scan(text, language, keys_for(language))
    return Analysis(text, language, tokens, hashtags, mentions, urls)


_SENTENCE_END = re.compile(r"[.!?…]+[\"'»”)\]]*\s|[!?…]|\n")


def _ends_sentence(analysis: Analysis, i: int) -> bool:
    """Whether a sentence ends between token i - 1 and token i; a full stop after one or two
    letters is an abbreviation or an initial (St. Petersburg, J. Smith), not an end."""
    before, after = analysis.tokens[i - 1], analysis.tokens[i]
    between = analysis.text[before.end:after.start]
    if not between or _SENTENCE_END.search(between) is None:
        return False
    return "." not in between or any(mark in between for mark in "!?…\n") or len(before.norm) > 2
