"""The networks safepost knows: their names as schedulers write them, and how long a post may be.
A value nobody knows ("twiter") is an error with a "did you mean", never a silent skip of the
length check."""
from __future__ import annotations

from dataclasses import dataclass

from safepost.errors import InputError

UNKNOWN = "unknown"  # the network of a row that names none: no length limit applies, and it says so


@dataclass(frozen=True)
class Platform:
    name: str
    limit: int
    counting: str = "chars"  # chars | weighted (X) | graphemes (Bluesky) | links23 (Mastodon)


PLATFORMS = {
    "twitter": Platform("X/Twitter", 280, "weighted"),
    "facebook": Platform("Facebook", 63206),
    "instagram": Platform("Instagram", 2200),
    "linkedin": Platform("LinkedIn", 3000),
    "threads": Platform("Threads", 500),
    "bluesky": Platform("Bluesky", 300, "graphemes"),
    "mastodon": Platform("Mastodon", 500, "links23"),
    "tiktok": Platform("TikTok", 4000),
    "vk": Platform("VK", 16384),
    "telegram": Platform("Telegram", 4096),
    "pinterest": Platform("Pinterest", 500),
    "youtube": Platform("YouTube", 5000),
    "reddit": Platform("Reddit", 40000),
    "google": Platform("Google Business Profile", 1500),
    "discord": Platform("Discord", 2000),
    "whatsapp": Platform("WhatsApp", 65536),
    "email": Platform("E-mail", 1_000_000),  # no limit a scheduler enforces; known, so never a typo
}
ALIASES = {
    "x": "twitter", "x.com": "twitter", "tweet": "twitter", "x/twitter": "twitter",
    "twitter/x": "twitter", "fb": "facebook", "facebook page": "facebook", "meta": "facebook",
    "ig": "instagram", "insta": "instagram", "li": "linkedin", "linkedin page": "linkedin",
    "bsky": "bluesky", "bsky.app": "bluesky", "toot": "mastodon", "fediverse": "mastodon",
    "tik tok": "tiktok", "vkontakte": "vk", "вконтакте": "vk", "вк": "vk", "tg": "telegram",
    "e-mail": "email", "mail": "email", "newsletter": "email", "yt": "youtube", "gbp": "google",
    "google business": "google", "google business profile": "google",
}


def canonical(platform: str) -> str:
    """The platform's canonical key (aliases resolved); unknown names come back lower-cased."""
    key = platform.strip().lower()
    return ALIASES.get(key, key)




def check_platform(value: str, custom: tuple[str, ...], path: str | None, line: int | None) -> str:
    """The value as given when safepost (or the config's `platforms:`) knows it, else an error."""
    from safepost.rulebook.fields import did_you_mean

    key = canonical(value)
    if key in PLATFORMS or key in custom:
        return value
    names = sorted({*PLATFORMS, *ALIASES, *custom})
    raise InputError(f"unknown platform '{value}'{did_you_mean(value.strip().lower(), names)}; known: "
                     f"{', '.join(sorted(PLATFORMS))} (add your own under `platforms:` in safepost.yaml)",
                     path, line)
