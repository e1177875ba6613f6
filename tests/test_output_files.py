"""Files others read (--approved-out, --held-out, --output, --ics): readable by the account that
uploads them, no temporary files left behind, every path checked first, all written or none."""
from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

import safepost.files

pytestmark = pytest.mark.usefixtures("no_news")

NOW = "2026-07-31T16:00:00Z"
QUEUE = ("id,platform,scheduled_at,language,reply_to,text\n"
         "ok,linkedin,2026-08-03T09:00:00Z,en,,We're hiring.\n"
         "rude,facebook,2026-08-03T09:30:00Z,en,c-9,Nobody asked for your opinion. Go eat somewhere else.\n")


@pytest.fixture
def queue(write):
    return write("queue.csv", QUEUE)


@pytest.fixture
def umask():
    def set_to(mask: int) -> None:
        os.umask(mask)

    old = os.umask(0o022)
    yield set_to
    os.umask(old)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_new_outputs_take_the_umask_default_and_replaced_ones_keep_their_mode(run_cli, queue, tmp_path, umask):
    umask(0o027)
    (tmp_path / "held.csv").write_text("old\n")
    os.chmod(tmp_path / "held.csv", 0o664)
    code, _, err = run_cli("check", queue, "--now", NOW, "--approved-out", "approved.csv",
                           "--held-out", "held.csv", "--output", "report.md", "--format", "markdown")
    assert code == 1, err
    assert mode(tmp_path / "approved.csv") == 0o640
    assert mode(tmp_path / "report.md") == 0o640
    assert mode(tmp_path / "held.csv") == 0o664
    assert "rude" in (tmp_path / "held.csv").read_text()
    code, _, err = run_cli("dates", "--region", "PL", "--now", NOW, "--ics", "days.ics")
    assert code == 0, err
    assert mode(tmp_path / "days.ics") == 0o640


def test_a_temporary_file_left_by_a_killed_run_is_removed_and_one_still_being_written_is_kept(run_cli, queue,
                                                                                              tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()
    left = tmp_path / f".approved.csv{safepost.files.TEMP_MARK}{dead}-abc123"
    left.write_bytes(b"x" * 1_000_000)
    busy = tmp_path / f".approved.csv{safepost.files.TEMP_MARK}{os.getpid()}-def456"
    busy.write_bytes(b"being written")
    stranger = tmp_path / ".approved.csv.tmp-notours"
    stranger.write_bytes(b"someone else's")
    code, _, err = run_cli("check", queue, "--now", NOW, "--approved-out", "approved.csv")
    assert code == 1, err
    assert not left.exists()
    assert busy.exists() and stranger.exists()
    assert sorted(p.name for p in tmp_path.glob(f"*{safepost.files.TEMP_MARK}*")) == [busy.name]


@pytest.mark.parametrize("bad", [["--held-out", "missing/held.csv"], ["--output", "missing/report.json"]])
def test_a_bad_last_path_is_refused_before_any_output_is_replaced(run_cli, queue, tmp_path, bad):
    (tmp_path / "approved.csv").write_text("yesterday's approvals\n")
    code, out, err = run_cli("check", queue, "--now", NOW, "--approved-out", "approved.csv", *bad)
    assert code == 2 and out == ""
    assert err == f"safepost: error: {bad[1]}: {bad[0]}: cannot write: the folder missing does not exist\n"
    assert (tmp_path / "approved.csv").read_text() == "yesterday's approvals\n"


def test_when_the_second_file_cannot_be_written_the_first_is_not_replaced(run_cli, queue, tmp_path, monkeypatch):
    (tmp_path / "approved.csv").write_text("yesterday's approvals\n")
    write_temp = safepost.files._write_temp

    def disk_full_for_held(target, data):
        if target.name == "held.csv":
            raise OSError(28, "No space left on device")
        return write_temp(target, data)

    monkeypatch.setattr(safepost.files, "_write_temp", disk_full_for_held)
    code, _, err = run_cli("check", queue, "--now", NOW, "--approved-out", "approved.csv", "--held-out", "held.csv")
    assert code == 2
    assert err == "safepost: error: held.csv: cannot write: No space left on device; no output file was changed\n"
    assert (tmp_path / "approved.csv").read_text() == "yesterday's approvals\n"
    assert not (tmp_path / "held.csv").exists()
    assert not list(tmp_path.glob(f"*{safepost.files.TEMP_MARK}*"))
