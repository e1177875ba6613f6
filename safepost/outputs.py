"""The files one command writes for others to read (--approved-out, --held-out, --output, --ics).

Every path is checked before any work is done, so a typo in the last option does not cost a
long check, and the files are written all together at the end, or none of them: a scheduler
never uploads a new approved.csv beside an old held.csv.
"""
from __future__ import annotations

import os
from pathlib import Path

from safepost.errors import InputError
from safepost.files import remove_stale_temps, replace_all


class Outputs:
    def __init__(self) -> None:
        self._claimed: dict[Path, str] = {}  # resolved path -> the option that named it
        self._staged: list[tuple[Path, bytes, str]] = []

    def claim(self, path: str, option: str) -> None:
        """Refuse a path that cannot be written, before any work; remove what a killed run left
        beside it."""
        target = Path(path)
        folder = target.parent
        if not folder.is_dir():
            raise InputError(f"{option}: cannot write: the folder {folder} does not exist", path)
        if target.is_dir():
            raise InputError(f"{option}: cannot write: this is a folder; name a file", path)
        if not os.access(folder, os.W_OK | os.X_OK):
            raise InputError(f"{option}: cannot write in the folder {folder} (permission denied)", path)
        resolved = target.resolve()
        if resolved in self._claimed:
            raise InputError(f"{self._claimed[resolved]} and {option} name the same file: name two different files",
                             path)
        self._claimed[resolved] = option
        remove_stale_temps(target)

    def stage(self, path: str, data: bytes, message: str) -> None:
        self._staged.append((Path(path), data, message))

    def write(self) -> list[str]:
        """Write every staged file or none; returns what to tell the user. Raises InputError."""
        try:
            replace_all([(path, data) for path, data, _ in self._staged])
        except OSError as exc:
            where = exc.filename or self._staged[0][0]
            raise InputError(f"cannot write: {exc.strerror or exc}; no output file was changed", str(where)) from None
        return [message for _, _, message in self._staged]
