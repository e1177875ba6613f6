"""Where safepost keeps what it can always rebuild (word frequencies, read rulebooks): the user's
cache folder, `$XDG_CACHE_HOME/safepost` or `~/.cache/safepost`."""
from __future__ import annotations

import os
from pathlib import Path


def user_cache(name: str) -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "safepost" / name
