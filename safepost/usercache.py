"""Where safepost keeps what it can always rebuild (word frequencies, read rulebooks, read
headlines): the user's cache folder, `$XDG_CACHE_HOME/safepost` or `~/.cache/safepost`.

What is kept there is pickled, so it is read back only when this user wrote it and nobody else
could have changed it; a missing, partial or stale copy is rebuilt, never trusted."""
from __future__ import annotations

import itertools
import os
import pickle
from functools import cache
from pathlib import Path
from typing import Callable


def user_cache(name: str) -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "safepost" / name


def load_private(path: Path, loads: Callable = pickle.loads):
    """What `store_private` kept at `path` (made from its bytes by `loads`: pickle's or
    marshal's), or None. The file is read whole first: marshal reading from a file asks it for
    every object, four times slower than from bytes."""
    try:
        with open(path, "rb") as f:
            stat = os.fstat(f.fileno())
            if stat.st_uid != os.getuid() or stat.st_mode & 0o022:
                return None  # only what this user wrote, and nobody else could change
            data = f.read()
        return loads(data)
    except Exception:  # noqa: BLE001 - a missing, partial or stale copy is rebuilt
        return None


def store_private(path: Path, value, keep: int, dump: Callable[[object], bytes] | None = None) -> None:
    """Best effort: a read-only cache only costs the next run the slow way. `dump` (default:
    pickle) makes the bytes. Of the files in the folder with the same suffix, the `keep` most
    recent stay."""
    from safepost.files import replace_atomically

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = dump(value) if dump else pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        replace_atomically(str(path), data)
        for old in sorted(path.parent.glob(f"*{path.suffix}"), key=lambda p: p.stat().st_mtime, reverse=True)[keep:]:
            old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, ValueError):
        pass


def store_recent(path: Path, memo: dict, most: int, keep: int, dump: Callable[[object], bytes] | None = None) -> None:
    """`store_private` of a memo whose newest entries come last: only its `most` newest are kept."""
    if len(memo) > most:
        memo = dict(itertools.islice(memo.items(), len(memo) - most, None))
    store_private(path, memo, keep, dump)


@cache
def installed_stamp(modules: tuple[str, ...], files: tuple[str, ...] = ()) -> str:
    """A short name for the installed copies of `modules` (where each is and when it was
    written) and of `files`: what a kept table was made from. Reading package metadata for
    versions costs more than the tables it would name."""
    import hashlib
    import importlib.util
    import sys

    digest = hashlib.sha256(sys.version.encode())
    origins = [(spec.origin if (spec := importlib.util.find_spec(name)) and spec.origin else None) for name in modules]
    for path in [*origins, *files]:
        digest.update(f"{path}\0{os.stat(path).st_mtime_ns if path else 0}\n".encode())
    return digest.hexdigest()[:16]
