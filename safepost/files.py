"""Atomic writes: a reader (a scheduler upload, a cron job's next run) never sees half a file."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def replace_atomically(target: str | Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, then rename over the target.
    Raises OSError; the caller decides whether that is the user's problem or a status."""
    target = Path(target)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, target)
    except BaseException:
        os.unlink(temp)
        raise
