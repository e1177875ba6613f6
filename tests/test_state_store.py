"""The SQLite store itself: migrations, an audit nobody can rewrite, and no decision lost when
processes write at once or one is killed (`kill -9`) in the middle of a write. Real files only."""
from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
from state_helpers import BOUND

from safepost import state
from safepost.errors import InputError
from safepost.records import Scope, SeenPost

NOW = datetime(2026, 7, 31, 16, tzinfo=timezone.utc)
POSTS_PER_CHECK = 2000
# A process that records big checks and approvals in a loop, printing each batch once committed.
WRITER = r"""
import sys
from datetime import datetime, timedelta, timezone
from safepost.model import Decision, Finding, Post, Verdict
from safepost.state import open_store

path, name, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
store = open_store(path)
base = datetime(2026, 7, 31, 16, tzinfo=timezone.utc)
finding = Finding("platform.cross-post", "platform", Verdict.FLAG, "the same text twice")
for batch in range(100_000):
    now = base + timedelta(seconds=batch)
    decisions = [Decision(Post(f"{name}{batch}-{i}", "x", now, f"text {batch} {i}"), Verdict.FLAG, (finding,))
                 for i in range(size)]
    store.record_check(now, decisions, decisions)
    store.approve(store.seen_post(f"{name}{batch}-0"), now, name, f"batch {batch}")
    print(batch, flush=True)
    if size == 1 and batch == 29:
        break
"""


def writer(path, name: str, size: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", WRITER, str(path), name, str(size)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def seen(post_id: str = "p1") -> SeenPost:
    return SeenPost(post_id, "f" * 16, NOW, "facebook", "Hello", "flag",
                    ({"rule": "platform.cross-post", "level": "flag", "message": "twice"},), NOW)


def test_a_new_store_is_migrated_once_and_reopens_as_it_was(tmp_path):
    path = tmp_path / "deep" / "state.db"
    with state.open_store(path) as store:
        store.pause(NOW, "Ana", "first")
    with state.open_store(path) as store, sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone() == (state.SCHEMA_VERSION,)
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert store.pause(NOW, "Bo", "second")[1] is False  # the first pause survived the reopen


def test_migrations_apply_in_order_to_an_existing_store_and_keep_its_data(tmp_path, monkeypatch):
    path = tmp_path / "state.db"
    with state.open_store(path) as store:
        store.approve(seen(), NOW, "Ana")
    added = (("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)",),
             ("ALTER TABLE notes ADD COLUMN author TEXT", "INSERT INTO notes (text, author) VALUES ('v3', 'x')"))
    monkeypatch.setattr(state, "MIGRATIONS", state.MIGRATIONS + added)
    monkeypatch.setattr(state, "SCHEMA_VERSION", len(state.MIGRATIONS))
    for _ in range(2):  # the second open finds nothing to do
        with state.open_store(path):
            pass
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone() == (state.SCHEMA_VERSION,)
        assert raw.execute("SELECT text, author FROM notes").fetchall() == [("v3", "x")]
        assert raw.execute("SELECT approved_by FROM approvals").fetchall() == [("Ana",)]


def test_a_store_from_a_newer_safepost_is_refused(tmp_path):
    path = tmp_path / "state.db"
    state.open_store(path).db.close()
    with sqlite3.connect(path) as raw:
        raw.execute(f"PRAGMA user_version = {state.SCHEMA_VERSION + 1}")
    with pytest.raises(InputError, match="upgrade safepost"):
        state.open_store(path)


@pytest.mark.parametrize("statement", ["UPDATE audit SET actor = 'someone else'", "DELETE FROM audit",
                                       "UPDATE approvals SET approved_by = 'someone else'", "DELETE FROM approvals"])
def test_the_audit_and_the_approvals_cannot_be_rewritten(tmp_path, statement):
    path = tmp_path / "state.db"
    with state.open_store(path) as store:
        store.approve(seen(), NOW, "Ana", "fine")
    with sqlite3.connect(path) as raw:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            raw.execute(statement)
        assert raw.execute("SELECT actor FROM audit").fetchall() == [("Ana",)]
        assert raw.execute("SELECT approved_by FROM approvals").fetchall() == [("Ana",)]


def test_there_is_never_more_than_one_open_pause_per_scope(tmp_path):
    path = tmp_path / "state.db"
    with state.open_store(path) as store:
        assert store.pause(NOW, "Ana", "US only", scope=Scope.of(regions=["US"]))[1]
        assert store.pause(NOW, "Ana", "everything")[1]  # a wider pause opens beside the narrower one
    with sqlite3.connect(path) as raw, pytest.raises(sqlite3.IntegrityError):
        raw.execute("INSERT INTO pauses (started_at, started_by, reason, scope) "
                    """VALUES ('x', 'Bo', 'second', '{"regions": ["US"]}')""")


def test_a_store_from_before_scoped_pauses_upgrades_in_place_and_its_pause_holds_everything(tmp_path, monkeypatch):
    path = tmp_path / "state.db"
    monkeypatch.setattr(state, "SCHEMA_VERSION", 1)
    with state.open_store(path) as store:
        store.db.execute("INSERT INTO pauses (started_at, started_by, reason) VALUES (?, 'Ana', 'old')",
                         (state.to_text(NOW),))
    monkeypatch.undo()
    with state.open_store(path) as store:
        [pause] = store.open_pauses()
        assert pause.scope.everything and pause.reason == "old"
        assert store.pause(NOW, "Bo", "PL only", scope=Scope.of(regions=["PL"]))[1] is False  # covered already
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone() == (state.SCHEMA_VERSION,)


def test_a_device_is_refused_as_the_store_and_nothing_is_left_beside_it(tmp_path):
    with pytest.raises(InputError, match="regular file"):
        state.open_store("/dev/full")
    assert not Path("/dev/full-journal").exists() and not Path("/dev/full-wal").exists()


def test_writers_at_the_same_time_lose_nothing(tmp_path):
    path = tmp_path / "state.db"
    runs = [writer(path, name, 1) for name in ("ana", "bo", "cy")]
    for run in runs:
        _, err = run.communicate(timeout=BOUND * 3)
        assert run.returncode == 0, err
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT actor, count(*) FROM audit GROUP BY actor ORDER BY actor").fetchall() == [
            ("ana", 30), ("bo", 30), ("cy", 30)]


def test_a_writer_killed_mid_write_leaves_a_consistent_store_and_every_reported_decision(tmp_path):
    path = tmp_path / "state.db"
    reported: set[int] = set()
    for name in ("a", "b", "c"):
        run = writer(path, name, POSTS_PER_CHECK)
        deadline = time.monotonic() + BOUND
        while len(reported) < 2 and time.monotonic() < deadline:
            line = run.stdout.readline()
            assert line, run.stderr.read()
            reported.add(int(line))
        time.sleep(random.uniform(0, 0.05))  # somewhere inside the next batch's writes
        run.send_signal(signal.SIGKILL)
        run.communicate()
        assert run.returncode == -signal.SIGKILL
        confirmed, reported = {f"{name}{batch}" for batch in reported}, set()
        with sqlite3.connect(path) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            sizes = dict(raw.execute(
                "SELECT substr(post_id, 1, instr(post_id, '-') - 1), count(*) FROM seen_posts "
                "WHERE post_id LIKE ? GROUP BY 1", (f"{name}%",)).fetchall())
            approved = {row[0].rsplit("-", 1)[0] for row in raw.execute(
                "SELECT post_id FROM approvals WHERE approved_by = ?", (name,))}
            audited = {row[0].rsplit("-", 1)[0] for row in raw.execute(
                "SELECT subject FROM audit WHERE actor = ?", (name,))}
        assert set(sizes.values()) == {POSTS_PER_CHECK}  # each check is whole, or absent
        assert confirmed <= approved == audited  # nothing reported is lost; no approval without its audit
        assert approved <= set(sizes)
