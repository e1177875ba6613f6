"""A read rulebook kept in the user's cache, so that a check does not parse two hundred YAML files
again: that reading is most of a cold start. A stored copy is used only when every rule file and
every module of safepost is as it was (path, size, modification time) and the copy is the user's
own; anything else is read afresh. Only a rulebook read without a single problem is stored."""
from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from typing import Callable

from safepost.usercache import load_private, store_private, user_cache

KEEP = 8  # stored rulebooks kept (one per set of rule files and version of safepost)
PACKAGE = Path(__file__).resolve().parent.parent


def read_stored(files: list[Path], read: Callable[[], tuple]) -> tuple[object, list, str | None]:
    """`read()`'s (rulebook, problems), from the store when it holds this very rulebook, and the
    fingerprint of its files and of safepost (None when they cannot be looked at)."""
    try:
        fingerprint = _fingerprint(files)
    except OSError:
        return *read(), None
    path = user_cache("rulebooks") / f"{fingerprint}.pickle"
    book = load_private(path)
    if book is not None:
        return book, [], fingerprint
    book, problems = read()
    if not problems:
        store_private(path, book, KEEP)
    return book, problems, fingerprint


def _fingerprint(files: list[Path]) -> str:
    digest = hashlib.sha256(sys.version.encode())
    for path in [*files, *sorted(PACKAGE.rglob("*.py"))]:
        stat = os.stat(path)
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:32]
