"""A read rulebook kept in the user's cache, so that a check does not parse two hundred YAML files
again: that reading is most of a cold start. A stored copy is used only when every rule file and
every module of safepost is as it was (path, size, modification time) and the copy is the user's
own; anything else is read afresh. Only a rulebook read without a single problem is stored."""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import Callable

from safepost.usercache import user_cache

KEEP = 8  # stored rulebooks kept (one per set of rule files and version of safepost)
PACKAGE = Path(__file__).resolve().parent.parent


def read_stored(files: list[Path], read: Callable[[], tuple]) -> tuple:
    """`read()`'s (rulebook, problems), from the store when it holds this very rulebook."""
    try:
        path = user_cache("rulebooks") / f"{_fingerprint(files)}.pickle"
    except OSError:
        return read()
    book = _load(path)
    if book is not None:
        return book, []
    book, problems = read()
    if not problems:
        _store(path, book)
    return book, problems


def _fingerprint(files: list[Path]) -> str:
    digest = hashlib.sha256(sys.version.encode())
    for path in [*files, *sorted(PACKAGE.rglob("*.py"))]:
        stat = os.stat(path)
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:32]


def _load(path: Path):
    try:
        with open(path, "rb") as f:
            stat = os.fstat(f.fileno())
            if stat.st_uid != os.getuid() or stat.st_mode & 0o022:
                return None  # only what this user wrote, and nobody else could change
            return pickle.load(f)
    except Exception:  # noqa: BLE001 - a missing, partial or stale copy is read afresh
        return None


def _store(path: Path, book) -> None:
    """Best effort: a read-only cache only costs the next run the slow read."""
    from safepost.files import replace_atomically

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_atomically(str(path), pickle.dumps(book, protocol=pickle.HIGHEST_PROTOCOL))
        for old in sorted(path.parent.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP:]:
            old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError):
        pass
