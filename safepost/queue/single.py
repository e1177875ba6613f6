"""One post as a JSON object (`safepost gate` reads it on stdin): the same keys, checks and
errors as a post in a JSON queue, so a publishing script and a queue file cannot disagree."""
from __future__ import annotations

from safepost.errors import InputError
from safepost.model import Post
from safepost.queue import jsonfile
from safepost.queue.columns import build_mapping
from safepost.queue.posts import PostBuilder
from safepost.queue.times import TimeOptions

NAME = "<stdin>"


def read_post(text: str, *, timezone: str | None = None, platform: str | None = None,
              date_order: str | None = None, languages: tuple[str, ...] = (),
              platforms: tuple[str, ...] = (), columns: dict[str, str] | None = None) -> Post:
    from safepost.config import check_timezone

    if not text.lstrip().startswith("{"):
        raise InputError('expected one post as a JSON object ({"id": ..., "platform": ..., "scheduled_at": ..., '
                         '"text": ...})', NAME, 1)
    rows = list(jsonfile.read_table(f"[{text}]", NAME).rows)  # the same line-aware reader as a JSON queue
    mapping = build_mapping(None, columns, platform_given=bool(platform))
    mapping.check_seen(set(rows[0].values), NAME)
    options = TimeOptions(date_order or "YMD", tuple(languages), "set in safepost.yaml")
    builder = PostBuilder(NAME, "stdin", mapping, check_timezone(timezone, None, None) if timezone else None,
                          platform, options,
                          platforms)
    return builder.build(rows[0])
