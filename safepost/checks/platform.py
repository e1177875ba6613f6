"""Platform rules: a post longer than its network allows fails at publishing time, when nobody is
watching (hold); the same text pasted unchanged onto several networks reads as a bot (flag)."""
from __future__ import annotations

import re
from typing import Iterable

from safepost.checks import Context
from safepost.model import Finding, Post, Verdict
from safepost.platforms import PLATFORMS, UNKNOWN, Platform, canonical

NAME = "platform"
MAX_LISTED = 5  # other posts named in a cross-post finding
URL_WEIGHT = 23  # X and Mastodon count every link as 23 characters, whatever its length
_URL = re.compile(r"https?://\S+|www\.\S+")
_HEAVY = re.compile("[^\u0000-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]")  # X counts these as 2


def measure(text: str, counting: str) -> int:
    if counting == "chars":
        return len(text)
    if counting == "graphemes":
        import regex

        return len(regex.findall(r"\X", text))
    links = len(_URL.findall(text)) if "http" in text or "www." in text else 0
    rest = _URL.sub("", text) if links else text
    if counting == "links23":
        return len(rest) + URL_WEIGHT * links
    return _x_weight(rest) + URL_WEIGHT * links


def _x_weight(text: str) -> int:
    """X's weighted length: Latin and common punctuation count 1, CJK and emoji count 2."""
    if not _HEAVY.search(text):
        return len(text)
    import regex

    total = 0
    for grapheme in regex.findall(r"\X", text):
        if len(grapheme) > 1 and any(ord(c) > 0xFFFF or c in "\u200d\ufe0f" for c in grapheme):
            total += 2  # an emoji sequence, however many code points it joins
            continue
        for char in grapheme:
            code = ord(char)
            light = code <= 0x10FF or 0x2000 <= code <= 0x200D or 0x2010 <= code <= 0x201F \
                or 0x2032 <= code <= 0x2037
            total += 1 if light else 2
    return total


def limits(ctx: Context) -> Platform | None:
    key = canonical(ctx.post.platform)
    custom = ctx.rulebook.platform_limits.get(key)
    if custom is not None:
        base = PLATFORMS.get(key)
        return Platform(base.name if base else ctx.post.platform, custom, base.counting if base else "chars")
    return PLATFORMS.get(key)


def notes(ctx: Context) -> Iterable[str]:
    """A post with no network is still checked for everything but its length, and says so."""
    if ctx.post.platform == UNKNOWN:
        yield "no platform given (no column, no --platform): its length limit was not checked"


def run(ctx: Context) -> Iterable[Finding]:
    platform = limits(ctx)
    if platform is None:
        return
    length = measure(ctx.post.text, platform.counting)
    if length > platform.limit:
        yield Finding(
            "platform.too-long", NAME, Verdict.HOLD,
            f"{length:,} characters: {platform.name} allows {platform.limit:,}; it would fail to publish",
            match=ctx.post.text[platform.limit:platform.limit + 40],
            span=(min(platform.limit, len(ctx.post.text)), len(ctx.post.text)),
            evidence={"length": length, "limit": platform.limit, "platform": platform.name,
                      "counting": platform.counting},
        )


def _fingerprint(text: str) -> str:
    """The text as a reader sees it: links (shortened differently per network), spacing and
    case do not make two posts different."""
    if "http" in text or "www." in text:
        text = _URL.sub("", text)
    return " ".join(text.split()).casefold()


def run_queue(posts: list[Post], rulebook) -> Iterable[tuple[int, Finding]]:
    level = rulebook.policies.cross_post
    if level is None:
        return
    groups: dict[str, list[int]] = {}
    for index, post in enumerate(posts):
        fingerprint = _fingerprint(post.text)
        if len(fingerprint) >= 20:
            groups.setdefault(fingerprint, []).append(index)
    for group in groups.values():
        if len({canonical(posts[i].platform) for i in group}) < 2:
            continue
        for index in group:
            others = [posts[i] for i in group if i != index][:MAX_LISTED]
            where = ", ".join(f"{other.platform} (post {other.id})" for other in others)
            more = len(group) - 1 - len(others)
            yield index, Finding(
                "platform.cross-post", NAME, level,
                f"The same text is also scheduled on {where}{f' and {more} more' if more else ''}: "
                "tailor it to each network",
                evidence={"posts": [other.id for other in others]},
            )
