"""What earlier runs read of the headlines, kept in the user's cache under the rulebook's
fingerprint and the stamp of the code that reads them: a `watch` every minute, or a `gate` per
post, sees the same headlines again and should not read them again, but an upgrade that reads
a toll better must not meet yesterday's readings. Only what this run used is kept, so the store
follows the feeds."""
from __future__ import annotations

from collections.abc import MutableMapping
from pathlib import Path

from safepost.text.lemmas import DICTIONARIES
from safepost.usercache import installed_stamp, load_private, store_private, user_cache

KEEP = 4  # rulebooks (sets of rule files, levels and grades) whose readings are kept


class Remembered(MutableMapping):
    """Readings by headline, as `detect_incidents` takes them; `save()` keeps the ones used."""

    def __init__(self, path: Path | None, known: dict[tuple, bytes]):
        self.path, self.known = path, known
        self.used: dict[tuple, bytes] = {}
        self.learned = False

    def __getitem__(self, key: tuple) -> bytes:
        value = self.known[key]
        self.used[key] = value
        return value

    def __setitem__(self, key: tuple, value: bytes) -> None:
        self.known[key] = self.used[key] = value
        self.learned = True

    def __delitem__(self, key: tuple) -> None:
        del self.known[key]
        self.used.pop(key, None)

    def __iter__(self):
        return iter(self.known)

    def __len__(self) -> int:
        return len(self.known)

    def save(self) -> None:
        if self.path is not None and (self.learned or self.used.keys() != self.known.keys()):
            store_private(self.path, self.used, KEEP)


def remembered(fingerprint: str | None) -> Remembered:
    """The readings kept for this rulebook; none (and nothing saved) when it has no fingerprint."""
    if fingerprint is None:
        return Remembered(None, {})
    path = user_cache("readings") / f"{fingerprint}-{installed_stamp(DICTIONARIES, read_by())}.pickle"
    known = load_private(path)
    return Remembered(path, known if isinstance(known, dict) else {})


def read_by() -> tuple[str, ...]:
    """The code a reading comes from: the headline reader and the text package under it."""
    here = Path(__file__).parent
    return (str(here / "reading.py"), *sorted(str(path) for path in (here.parent / "text").glob("*.py")))
