"""Text analysis shared by every check: one pass per post, reused by all rules."""
from __future__ import annotations

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
    _present: frozenset[str] | None = field(default=None, init=False, repr=False)

    def present(self, prefix: int) -> frozenset[str]:
        """Every key of every word, and every word's first `prefix` letters: a matcher that
        shares nothing with this set can skip the post without walking its words."""
        if self._present is None:
            self._present = frozenset(key for token in self.tokens for key in (*token.keys, token.norm[:prefix]))
        return self._present

    def tag_tokens(self, tag: Hashtag) -> tuple[int, int]:
        """The token range [first, last) holding a hashtag's parts."""
        tag_id = self.hashtags.index(tag)
        positions = [i for i, t in enumerate(self.tokens) if t.tag == tag_id]
        return (positions[0], positions[-1] + 1) if positions else (0, 0)


def analyze(text: str, language: str | None) -> Analysis:
    """Tokenise and key a text once; every check reads the result."""
    tokens, hashtags, mentions, urls = scan(text, language)
    keys = keys_for(language)
    for token in tokens:
        token.keys = keys(token.norm)
    return Analysis(text, language, tokens, hashtags, mentions, urls)
