"""Text analysis shared by every check: one pass per post, reused by all rules."""
from __future__ import annotations

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

    def tag_tokens(self, tag: Hashtag) -> tuple[int, int]:
        """The token range [first, last) holding a hashtag's parts."""
        tag_id = self.hashtags.index(tag)
        positions = [i for i, t in enumerate(self.tokens) if t.tag == tag_id]
        return (positions[0], positions[-1] + 1) if positions else (0, 0)


def analyze(text: str, language: str | None) -> Analysis:
    """Tokenise and key a text once; every check reads the result."""
    tokens, hashtags, mentions, urls = scan(text, language, keys_for(language))
    return Analysis(text, language, tokens, hashtags, mentions, urls)
