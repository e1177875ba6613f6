"""One error type for every kind of bad input, so the CLI can print it as one line and exit 2."""
from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Bad user input: a queue, rulebook, config or option. Carries where, so the user can fix it."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None,
                 column: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path
            if self.line:
                where += f":{self.line}"
                if self.column:
                    where += f":{self.column}"
            where += ": "
        return where + " ".join(self.message.split())  # always one line, whatever the cause said
