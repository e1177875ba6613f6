"""Atomic writes: a reader (a scheduler upload, a cron job's next run) never sees half a file.

Each file is written to a temporary file beside it and renamed over it. The new file keeps the
mode of the file it replaces, else the mode the umask gives a new file: an uploader running as
another account must be able to read what the team could read before. A temporary file carries
its target's name and the writer's process id, so one left by a killed run can be told from one a
running safepost is still writing, and removed.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

TEMP_MARK = ".safepost-tmp-"


def replace_atomically(target: str | Path, data: bytes) -> None:
    """Raises OSError; the caller decides whether that is the user's problem or a status."""
    replace_all([(Path(target), data)])


def replace_all(files: list[tuple[Path, bytes]]) -> None:
    """Write every file or none: all temporary files are written first (where a full disk or a
    permission fails), and only then renamed over their targets. Raises OSError."""
    written: list[tuple[Path, Path]] = []
    try:
        for target, data in files:
            try:
                written.append((_write_temp(Path(target), data), Path(target)))
            except OSError as exc:
                exc.filename = str(target)  # the file the user named, not our temporary one
                raise
        while written:
            temp, target = written[0]
            os.replace(temp, target)
            written.pop(0)
    finally:
        for temp, _ in written:
            temp.unlink(missing_ok=True)


def remove_stale_temps(target: str | Path) -> None:
    """Remove the temporary files a killed safepost left beside `target`; those of a safepost
    still running are left alone."""
    target = Path(target)
    for temp in target.parent.glob(f".{_escape_glob(target.name)}{TEMP_MARK}*"):
        pid = temp.name[len(target.name) + 1 + len(TEMP_MARK):].partition("-")[0]
        if pid.isdigit() and not _running(int(pid)):
            temp.unlink(missing_ok=True)


def _write_temp(target: Path, data: bytes) -> Path:
    mode = _mode_for(target)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}{TEMP_MARK}{os.getpid()}-")
    temp = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            os.fchmod(out.fileno(), mode)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """Read without changing it where Linux shows it (feeds are saved from several threads at
    once); elsewhere set and put straight back."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    return True


def _escape_glob(name: str) -> str:
    return "".join(f"[{ch}]" if ch in "*?[" else ch for ch in name)
