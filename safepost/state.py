"""The team's memory in SQLite: pauses (each scoped to an audience), the incidents `watch` has
seen, approvals, the posts a pause held, alert deliveries and an append-only audit trail of every
decision.

Several processes share one file (cron's `watch`, a person's `check` and `approve`), so:
- WAL lets readers through while one process writes; a busy timeout makes writers queue up;
- every read-modify-write runs inside BEGIN IMMEDIATE, so two `watch` runs cannot both see "not
  paused yet" and both pause;
- synchronous=FULL: a decision the command reported is on disk, whatever happens next;
- the audit table refuses UPDATE and DELETE (triggers), and so does the approvals table.
Times are stored as UTC ISO 8601 text of one fixed width, so text order is time order.
"""
from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterable, Iterator

from safepost.errors import InputError
from safepost.model import Decision, Incident, Verdict
from safepost.records import (EXPIRY_ACTOR, PAUSE_RULE, Approval, AuditEntry, HeldPost, Pause, Scope, SeenPost,
                              TeamState, fingerprint)

BUSY_TIMEOUT_MS = 30_000
CLAIM_FOR = timedelta(minutes=5)  # an alert being sent is not sent again by another run meanwhile

_APPEND_ONLY = ("audit", "approvals")
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE pauses (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            started_by TEXT NOT NULL,
            reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
            until TEXT,
            ended_at TEXT,
            ended_by TEXT,
            end_note TEXT)""",
        # at most one open pause: a second `pause` (or a racing `watch`) cannot stack another
        "CREATE UNIQUE INDEX one_open_pause ON pauses ((ended_at IS NULL)) WHERE ended_at IS NULL",
        """CREATE TABLE incidents (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            kind TEXT NOT NULL,
            severity INTEGER NOT NULL,
            regions TEXT NOT NULL,
            started_at TEXT,
            active_until TEXT,
            headlines TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            pause_id INTEGER REFERENCES pauses (id))""",
        # headline links and titles: the same event keeps its record when its cluster grows
        """CREATE TABLE incident_keys (
            key TEXT PRIMARY KEY,
            incident_id TEXT NOT NULL REFERENCES incidents (id))""",
        """CREATE TABLE approvals (
            id INTEGER PRIMARY KEY,
            post_id TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            scheduled_at TEXT NOT NULL,
            released TEXT NOT NULL,
            seen_at TEXT NOT NULL,
            approved_at TEXT NOT NULL,
            approved_by TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '')""",
        "CREATE INDEX approvals_by_post ON approvals (post_id, id)",
        """CREATE TABLE seen_posts (
            post_id TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            scheduled_at TEXT NOT NULL,
            platform TEXT NOT NULL,
            text TEXT NOT NULL,
            verdict TEXT NOT NULL,
            findings TEXT NOT NULL,
            checked_at TEXT NOT NULL)""",
        """CREATE TABLE held_posts (
            pause_id INTEGER NOT NULL REFERENCES pauses (id),
            post_id TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            scheduled_at TEXT NOT NULL,
            platform TEXT NOT NULL,
            text TEXT NOT NULL,
            first_held TEXT NOT NULL,
            PRIMARY KEY (pause_id, post_id, fingerprint, scheduled_at))""",
        """CREATE TABLE alerts (
            id INTEGER PRIMARY KEY,
            created_at TEXT NOT NULL,
            title TEXT NOT NULL,
            body TEXT NOT NULL)""",
        # one row per destination; `destination` is a digest of the URL: no secret is stored
        """CREATE TABLE deliveries (
            alert_id INTEGER NOT NULL REFERENCES alerts (id),
            destination TEXT NOT NULL,
            label TEXT NOT NULL,
            sent_at TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            claimed_until TEXT,
            PRIMARY KEY (alert_id, destination))""",
        """CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            subject TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL DEFAULT '',
            details TEXT NOT NULL DEFAULT '{}')""",
        *(f"""CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table}
              BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"""
          for table in _APPEND_ONLY for verb in ("UPDATE", "DELETE")),
    ),
    (  # scoped pauses: several open at once, one per audience; '{}' (every old pause) is everything
        "ALTER TABLE pauses ADD COLUMN scope TEXT NOT NULL DEFAULT '{}'",
        "DROP INDEX one_open_pause",
        "CREATE UNIQUE INDEX one_open_pause_per_scope ON pauses (scope) WHERE ended_at IS NULL",
    ),
    (  # `watch` tells the team when a pause ends; pauses that ended before this was known are not news
        "ALTER TABLE pauses ADD COLUMN end_announced INTEGER NOT NULL DEFAULT 0",
        "UPDATE pauses SET end_announced = 1 WHERE ended_at IS NOT NULL",
    ),
    (  # whose audience a seen post is, so `watch` can name the posts due soon inside a pause's scope
        "ALTER TABLE seen_posts ADD COLUMN region TEXT",
        "ALTER TABLE seen_posts ADD COLUMN language TEXT",
        "ALTER TABLE seen_posts ADD COLUMN account TEXT",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


def to_text(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def to_time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


@dataclass(frozen=True)
class KnownIncident:
    id: str
    pause_id: int | None  # the pause it caused or joined; None: it never paused the queue


@dataclass(frozen=True)
class Delivery:
    alert_id: int
    destination: str
    label: str
    title: str
    body: str
    attempts: int = 0
    last_error: str | None = None


@dataclass(frozen=True)
class OpenPause:
    pause: Pause
    holds: int  # posts the last check held for this pause, as it saw them


@dataclass
class Resumed:
    """What `resume` did: the pauses it ended, each with the posts that fell due inside it, and
    the latest pause when it ended none (to say who did)."""

    ended: list[tuple[Pause, list[HeldPost]]]
    last: Pause | None


@dataclass
class Status:
    """What `safepost status` shows."""

    now: datetime
    pauses: list[OpenPause]
    incidents: list[dict] = field(default_factory=list)
    pending: list[SeenPost] = field(default_factory=list)
    missed: list[tuple[Pause, HeldPost]] = field(default_factory=list)
    undelivered: list[Delivery] = field(default_factory=list)
    audit: list[AuditEntry] = field(default_factory=list)


def open_store(path: str | Path) -> "Store":
    """Open (creating it and its folder if need be) and migrate; problems are one-line errors."""
    path = Path(path)
    if path.exists() and not path.is_file():
        raise InputError("the state store must be a regular file, and this is a device, a folder or a pipe: "
                         "set `state:` in the config to a file path", path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except (OSError, sqlite3.Error) as exc:
        raise InputError(f"cannot open the state store: {exc}", path) from None
    store = Store(connection, path)
    try:
        with store.failures_as_input_errors():
            store.prepare()
    except BaseException:
        connection.close()
        raise
    return store


class Store:
    def __init__(self, connection: sqlite3.Connection, path: Path):
        self.db = connection
        self.db.row_factory = sqlite3.Row
        self.path = path

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, kind, error, trace) -> None:
        self.db.close()
        if isinstance(error, sqlite3.Error):  # a read outside write(): still one line, not a traceback
            raise InputError(f"state store: {error}", self.path) from None

    @contextmanager
    def failures_as_input_errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise InputError(f"state store: {exc}", self.path) from None

    def prepare(self) -> None:
        self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = FULL")
        self.db.execute("PRAGMA foreign_keys = ON")
        if self._version() == SCHEMA_VERSION:
            return
        with self.write():
            self.migrate()

    def _version(self) -> int:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise InputError(f"the state store has schema version {version}; this safepost knows up to "
                             f"{SCHEMA_VERSION}: upgrade safepost", self.path)
        return version

    def migrate(self) -> None:
        """Apply the migrations this store has not seen, in order (inside write(): a second process
        opening the store at the same moment waits, then finds the work done)."""
        for number in range(self._version(), SCHEMA_VERSION):
            for statement in MIGRATIONS[number]:
                self.db.execute(statement)
        self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One atomic read-modify-write: all of it is on disk, or none of it."""
        with self.failures_as_input_errors():
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    # -- audit -------------------------------------------------------------------------------

    def _audit(self, at: datetime, actor: str, action: str, subject: str = "", reason: str = "",
               **details) -> None:
        self.db.execute(
            "INSERT INTO audit (at, recorded_at, actor, action, subject, reason, details) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (to_text(at), to_text(datetime.now(timezone.utc)), actor, action, subject, reason,
             json.dumps(details, ensure_ascii=False, default=str)))

    def audit_entries(self, limit: int) -> list[AuditEntry]:
        rows = self.db.execute("SELECT * FROM audit ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [AuditEntry(row["id"], to_time(row["at"]), row["actor"], row["action"], row["subject"],
                           row["reason"], json.loads(row["details"])) for row in reversed(rows)]

    # -- pauses ------------------------------------------------------------------------------

    def settle(self, now: datetime) -> None:
        """A pause whose --until has passed ends itself, and the audit says so. Inside write()."""
        rows = self.db.execute("SELECT * FROM pauses WHERE ended_at IS NULL AND until IS NOT NULL "
                               "AND until <= ?", (to_text(now),)).fetchall()
        for row in rows:
            self.db.execute("UPDATE pauses SET ended_at = until, ended_by = ? WHERE id = ?",
                            (EXPIRY_ACTOR, row["id"]))
            self._audit(to_time(row["until"]), EXPIRY_ACTOR, "resume", f"pause {row['id']}",
                        "the pause reached the time set with --until", pause_id=row["id"])

    def _pauses(self) -> tuple[Pause, ...]:
        return tuple(_pause(row) for row in self.db.execute("SELECT * FROM pauses ORDER BY id"))

    def open_pauses(self) -> list[Pause]:
        return [_pause(row) for row in self.db.execute("SELECT * FROM pauses WHERE ended_at IS NULL ORDER BY id")]

    def pause(self, now: datetime, by: str, reason: str, until: datetime | None = None,
              scope: Scope = Scope()) -> tuple[Pause, bool]:
        """(the pause in force for this scope, whether this call started it): pausing what an open
        pause already holds changes nothing."""
        with self.write():
            self.settle(now)
            return self._start_pause(now, by, reason, until, scope)

    def _start_pause(self, now: datetime, by: str, reason: str, until: datetime | None = None,
                     scope: Scope = Scope(), **details) -> tuple[Pause, bool]:
        covering = next((p for p in self.open_pauses() if p.scope.includes(scope)), None)
        if covering:
            return covering, False
        cursor = self.db.execute("INSERT INTO pauses (started_at, started_by, reason, until, scope) "
                                 "VALUES (?, ?, ?, ?, ?)", (to_text(now), by, reason, to_text(until), scope.key()))
        self._audit(now, by, "pause", f"pause {cursor.lastrowid}", reason, until=to_text(until),
                    scope=scope.as_dict(), **details)
        return self._pause_by_id(cursor.lastrowid), True

    def _pause_by_id(self, pause_id: int) -> Pause | None:
        row = self.db.execute("SELECT * FROM pauses WHERE id = ?", (pause_id,)).fetchone()
        return _pause(row) if row else None

    def resume(self, now: datetime, by: str, note: str = "", pause_id: int | None = None,
               every: bool = False) -> Resumed:
        """End one pause (by id), or all of them (`every`), or the only one open. With several
        open and none named, nothing is ended: lifting a pause is never a guess."""
        with self.write():
            self.settle(now)
            open_now = self.open_pauses()
            if pause_id is not None:
                chosen = [p for p in open_now if p.id == pause_id]
                if not chosen and self._pause_by_id(pause_id) is None:
                    listing = ", ".join(str(p.id) for p in open_now) or "none"
                    raise InputError(f"there is no pause {pause_id}; open pauses: {listing} (see `safepost status`)")
            elif every or len(open_now) <= 1:
                chosen = open_now
            else:
                listing = "; ".join(f"{p.id}: {p.scope.label}, {p.reason}" for p in open_now)
                raise InputError(f"{len(open_now)} pauses are open ({listing}): name the one to lift "
                                 "(safepost resume PAUSE_ID --by NAME), or lift them all with --all")
            for pause in chosen:
                self.db.execute("UPDATE pauses SET ended_at = ?, ended_by = ?, end_note = ? WHERE id = ?",
                                (to_text(now), by, note, pause.id))
                self._audit(now, by, "resume", f"pause {pause.id}", note, pause_id=pause.id,
                            scope=pause.scope.as_dict())
            ended = [self._pause_by_id(pause.id) for pause in chosen]
            last = self._pause_by_id(pause_id) if pause_id is not None else (self._pauses() or (None,))[-1]
            return Resumed([(pause, self._missed(pause)) for pause in ended], last)

    def note_recheck(self, now: datetime, by: str, pauses: list[Pause], released: list[str],
                     rescheduled: dict[str, datetime], fell_due: list[str], still_held: dict[str, list[str]]) -> None:
        """What a resume did with the posts the pauses held: released as they were, rescheduled
        (to when), fell due during the pause, still held (by which rules)."""
        with self.write():
            self._audit(now, by, "recheck", ", ".join(f"pause {pause.id}" for pause in pauses),
                        f"{len(released)} released, {len(rescheduled)} rescheduled, {len(still_held)} still held",
                        pause_ids=[pause.id for pause in pauses], released=released,
                        rescheduled={post_id: to_text(moment) for post_id, moment in rescheduled.items()},
                        fell_due=fell_due, still_held=still_held)

    def held_by(self, pause_id: int) -> list[HeldPost]:
        """Every post this pause held, each in the latest version a check saw."""
        rows = self.db.execute("SELECT * FROM held_posts WHERE pause_id = ? ORDER BY first_held DESC",
                               (pause_id,)).fetchall()
        return _latest(rows)

    def _missed(self, pause: Pause) -> list[HeldPost]:
        """Posts held by this pause that fell due inside it and were not approved since it began."""
        rows = self.db.execute(
            """SELECT h.* FROM held_posts h
               WHERE h.pause_id = ? AND h.scheduled_at >= ? AND h.scheduled_at < ?
                 AND NOT EXISTS (SELECT 1 FROM approvals a WHERE a.post_id = h.post_id
                     AND a.fingerprint = h.fingerprint AND a.scheduled_at = h.scheduled_at
                     AND a.approved_at >= ?)
               ORDER BY h.first_held DESC""",
            (pause.id, to_text(pause.started_at), to_text(pause.end), to_text(pause.started_at))).fetchall()
        return _latest(rows)

    # -- checks and approvals ------------------------------------------------------------------

    def team_state(self, now: datetime) -> TeamState:
        with self.write():
            self.settle(now)
            rows = self.db.execute("SELECT * FROM approvals WHERE id IN "
                                   "(SELECT max(id) FROM approvals GROUP BY post_id)")  # the latest of each post
            return TeamState(self._pauses(), {row["post_id"]: _approval(row) for row in rows})

    def record_check(self, now: datetime, decisions: list[Decision], final: list[Decision],
                     pauses: Iterable[Pause] = ()) -> None:
        """Remember each post as this check saw it (for `approve`) and, during a pause, the posts
        it held (for `resume`'s list of missed posts). `decisions` are before approvals apply."""
        seen, held = [], []
        open_ids = {pause.id for pause in pauses}
        for before, after in zip(decisions, final):
            post = before.post
            common = (post.id, fingerprint(post.text), to_text(post.scheduled_at), post.platform, post.text)
            findings = [{"rule": f.rule, "level": str(f.level), "message": f.message}
                        for f in before.findings if f.level > Verdict.PASS]
            seen.append((*common, str(after.verdict), json.dumps(findings, ensure_ascii=False), to_text(now),
                         post.region, post.language, post.account))
            if after.verdict == Verdict.HOLD:
                held += [(f.evidence["pause_id"], *common, to_text(now)) for f in after.findings
                         if f.rule == PAUSE_RULE and f.evidence.get("pause_id") in open_ids]
        with self.write():
            self.db.executemany(
                """INSERT INTO seen_posts (post_id, fingerprint, scheduled_at, platform, text, verdict, findings,
                                          checked_at, region, language, account)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT (post_id) DO UPDATE SET fingerprint = excluded.fingerprint,
                   scheduled_at = excluded.scheduled_at, platform = excluded.platform, text = excluded.text,
                   verdict = excluded.verdict, findings = excluded.findings, checked_at = excluded.checked_at,
                   region = excluded.region, language = excluded.language, account = excluded.account""",
                seen)
            self.db.executemany("INSERT OR IGNORE INTO held_posts VALUES (?, ?, ?, ?, ?, ?, ?)", held)

    def seen_post(self, post_id: str) -> SeenPost | None:
        row = self.db.execute("SELECT * FROM seen_posts WHERE post_id = ?", (post_id,)).fetchone()
        return _seen(row) if row else None

    def approve(self, seen: SeenPost, now: datetime, by: str, note: str = "") -> Approval:
        """Release the post as the last check saw it: its text, its time, the rules that fired."""
        released = sorted({finding["rule"] for finding in seen.findings})
        with self.write():
            self.db.execute(
                "INSERT INTO approvals (post_id, fingerprint, scheduled_at, released, seen_at, approved_at, "
                "approved_by, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (seen.post_id, seen.fingerprint, to_text(seen.scheduled_at), json.dumps(released),
                 to_text(seen.checked_at), to_text(now), by, note))
            self._audit(now, by, "approve", seen.post_id, note, fingerprint=seen.fingerprint,
                        scheduled_at=to_text(seen.scheduled_at), released=released)
        return Approval(seen.post_id, seen.fingerprint, seen.scheduled_at, frozenset(released),
                        seen.checked_at, now, by, note)

    # -- watch -----------------------------------------------------------------------------------

    def known_incident(self, incident: Incident) -> KnownIncident | None:
        """The stored record of this event: same id, or a headline in common with it. Inside write()."""
        keys = incident_keys(incident)
        marks = ", ".join("?" for _ in keys)
        row = self.db.execute(f"SELECT i.id, i.pause_id FROM incident_keys k JOIN incidents i ON i.id = k.incident_id "
                              f"WHERE k.key IN ({marks}) LIMIT 1", keys).fetchone()
        return KnownIncident(row["id"], row["pause_id"]) if row else None

    def remember_incident(self, incident: Incident, now: datetime, known: KnownIncident | None) -> str:
        """Insert or refresh the incident's record; returns the id it is stored under."""
        headlines = json.dumps([h.as_dict() for h in incident.headlines], ensure_ascii=False)
        values = (incident.title, incident.kind, incident.severity, json.dumps(list(incident.regions)),
                  to_text(incident.started), to_text(incident.active_until), headlines, to_text(now))
        if known is None:
            self.db.execute("INSERT INTO incidents (title, kind, severity, regions, started_at, active_until, "
                            "headlines, last_seen, first_seen, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            (*values, to_text(now), incident.id))
            stored = incident.id
        else:
            self.db.execute("UPDATE incidents SET title = ?, kind = ?, severity = max(severity, ?), regions = ?, "
                            "started_at = ?, active_until = ?, headlines = ?, last_seen = ? WHERE id = ?",
                            (*values, known.id))
            stored = known.id
        self.db.executemany("INSERT OR IGNORE INTO incident_keys (key, incident_id) VALUES (?, ?)",
                            [(key, stored) for key in incident_keys(incident)])
        return stored

    def pause_for_incidents(self, now: datetime, actor: str, reason: str, scope: Scope,
                            incident_ids: list[str]) -> tuple[Pause, bool]:
        """Pause the audience the incidents reach (unless a pause already holds it) and tie them to
        that pause. Inside write(), with queue_alert: a crash leaves the pause and its alert, or neither."""
        pause, started = self._start_pause(now, actor, reason, scope=scope, incidents=incident_ids)
        if not started:
            self._audit(now, actor, "incident", ", ".join(incident_ids),
                        f"came up while the queue was paused (pause {pause.id})", pause_id=pause.id)
        self.db.executemany("UPDATE incidents SET pause_id = ? WHERE id = ?",
                            [(pause.id, incident_id) for incident_id in incident_ids])
        return pause, started

    def queue_alert(self, now: datetime, title: str, body: str, destinations: dict[str, str]) -> None:
        """One delivery owed per destination (digest -> label). Inside write()."""
        alert = self.db.execute("INSERT INTO alerts (created_at, title, body) VALUES (?, ?, ?)",
                                (to_text(now), title, body)).lastrowid
        self.db.executemany("INSERT INTO deliveries (alert_id, destination, label) VALUES (?, ?, ?)",
                            [(alert, key, label) for key, label in destinations.items()])

    def unannounced_ends(self) -> list[tuple[Pause, list[HeldPost]]]:
        """The pauses that ended (resumed, or --until reached) since `watch` last told the team,
        each with the posts that fell due inside it; marked told. Inside write()."""
        rows = self.db.execute("SELECT * FROM pauses WHERE ended_at IS NOT NULL AND end_announced = 0 "
                               "ORDER BY id").fetchall()
        self.db.executemany("UPDATE pauses SET end_announced = 1 WHERE id = ?", [(row["id"],) for row in rows])
        return [(pause, self._missed(pause)) for pause in map(_pause, rows)]

    def note_incidents(self, now: datetime, actor: str, incidents: list[Incident], reason: str) -> None:
        for incident in incidents:
            self._audit(now, actor, "incident", incident.id, reason, title=incident.title,
                        severity=incident.severity, regions=list(incident.regions))

    # -- alert deliveries ------------------------------------------------------------------------

    def claim_deliveries(self, now: datetime, destinations: Iterable[str]) -> list[Delivery]:
        """Unsent deliveries to these destinations, claimed for a while so that a concurrent run
        does not send them too; a claim left by a killed run lapses and the next run retries."""
        wanted = list(destinations)
        if not wanted:
            return []
        marks = ", ".join("?" for _ in wanted)
        with self.write():
            rows = self.db.execute(
                f"""SELECT d.*, a.title, a.body FROM deliveries d JOIN alerts a ON a.id = d.alert_id
                    WHERE d.sent_at IS NULL AND d.destination IN ({marks})
                      AND (d.claimed_until IS NULL OR d.claimed_until <= ?)
                    ORDER BY d.alert_id""", (*wanted, to_text(now))).fetchall()
            self.db.executemany("UPDATE deliveries SET claimed_until = ? WHERE alert_id = ? AND destination = ?",
                                [(to_text(now + CLAIM_FOR), row["alert_id"], row["destination"]) for row in rows])
        return [_delivery(row) for row in rows]

    def finish_delivery(self, now: datetime, delivery: Delivery, actor: str, error: str | None) -> None:
        with self.write():
            self.db.execute(
                "UPDATE deliveries SET sent_at = ?, attempts = attempts + 1, last_error = ?, claimed_until = NULL "
                "WHERE alert_id = ? AND destination = ?",
                (None if error else to_text(now), error, delivery.alert_id, delivery.destination))
            self._audit(now, actor, "alert-failed" if error else "alert-sent", delivery.label,
                        error or "", alert_id=delivery.alert_id)

    def undelivered(self) -> list[Delivery]:
        rows = self.db.execute("SELECT d.*, a.title, a.body FROM deliveries d JOIN alerts a ON a.id = d.alert_id "
                               "WHERE d.sent_at IS NULL ORDER BY d.alert_id").fetchall()
        return [_delivery(row) for row in rows]

    # -- status ------------------------------------------------------------------------------

    def status(self, now: datetime, audit_limit: int = 10) -> Status:
        with self.write():
            self.settle(now)
        pauses = self._pauses()
        active = [OpenPause(p, self._holds(p.id)) for p in pauses if p.active_at(now)]
        ended = [p for p in pauses if p.over_at(now)]
        missed = [(pause, held) for pause in ended[-1:] for held in self._missed(pause)
                  if self._still_missed(held)]
        return Status(now, active, self._active_incidents(now), self._pending(now), missed,
                      self.undelivered(), self.audit_entries(audit_limit))

    def _holds(self, pause_id: int) -> int:
        """Posts whose last check held them for this pause, unchanged since."""
        return self.db.execute(
            """SELECT count(DISTINCT h.post_id) FROM held_posts h JOIN seen_posts s ON s.post_id = h.post_id
               AND s.fingerprint = h.fingerprint AND s.scheduled_at = h.scheduled_at
               WHERE h.pause_id = ? AND s.verdict = 'hold'""", (pause_id,)).fetchone()[0]

    def _still_missed(self, held: HeldPost) -> bool:
        """Not rescheduled nor released since, as far as the last check saw it."""
        seen = self.seen_post(held.post_id)
        if seen is None:
            return True
        return seen.scheduled_at == held.scheduled_at and seen.verdict != str(Verdict.PASS)

    def _active_incidents(self, now: datetime) -> list[dict]:
        rows = self.db.execute("SELECT * FROM incidents WHERE active_until IS NULL OR active_until >= ? "
                               "ORDER BY severity DESC, first_seen", (to_text(now),)).fetchall()
        return [{"id": row["id"], "title": row["title"], "kind": row["kind"], "severity": row["severity"],
                 "regions": json.loads(row["regions"]), "first_seen": to_time(row["first_seen"]),
                 "active_until": to_time(row["active_until"]), "paused": row["pause_id"] is not None}
                for row in rows]

    def due_between(self, start: datetime, end: datetime) -> list[SeenPost]:
        """The posts the last checks saw, due in [start, end): what a scheduler fires next."""
        rows = self.db.execute("SELECT * FROM seen_posts WHERE scheduled_at >= ? AND scheduled_at < ? "
                               "ORDER BY scheduled_at, post_id", (to_text(start), to_text(end))).fetchall()
        return [_seen(row) for row in rows]

    def queue_from(self, now: datetime) -> list[SeenPost]:
        """Every post a check has seen that is still to go out: the queue `gate` compares one post
        with (the same text on two networks), as the checks saw it."""
        rows = self.db.execute("SELECT * FROM seen_posts WHERE scheduled_at >= ? ORDER BY scheduled_at, post_id",
                               (to_text(now),)).fetchall()
        return [_seen(row) for row in rows]

    def _pending(self, now: datetime) -> list[SeenPost]:
        rows = self.db.execute("SELECT * FROM seen_posts WHERE verdict != 'pass' AND scheduled_at >= ? "
                               "ORDER BY scheduled_at, post_id", (to_text(now),)).fetchall()
        return [_seen(row) for row in rows]


def incident_keys(incident: Incident) -> list[str]:
    keys = [f"id:{incident.id}"]
    for headline in incident.headlines:
        keys.append("title:" + " ".join(headline.title.casefold().split()))
        if headline.link:
            keys.append(f"link:{headline.link}")
    return keys


def _pause(row: sqlite3.Row) -> Pause:
    return Pause(row["id"], to_time(row["started_at"]), row["started_by"], row["reason"],
                 to_time(row["until"]), to_time(row["ended_at"]), row["ended_by"], Scope.from_json(row["scope"]))


def _approval(row: sqlite3.Row) -> Approval:
    return Approval(row["post_id"], row["fingerprint"], to_time(row["scheduled_at"]),
                    frozenset(json.loads(row["released"])), to_time(row["seen_at"]), to_time(row["approved_at"]),
                    row["approved_by"], row["note"])


def _seen(row: sqlite3.Row) -> SeenPost:
    return SeenPost(row["post_id"], row["fingerprint"], to_time(row["scheduled_at"]), row["platform"], row["text"],
                    row["verdict"], tuple(json.loads(row["findings"])), to_time(row["checked_at"]),
                    row["region"], row["language"], row["account"])


def _held(row: sqlite3.Row) -> HeldPost:
    return HeldPost(row["post_id"], row["fingerprint"], to_time(row["scheduled_at"]), row["platform"], row["text"])


def _latest(rows: list[sqlite3.Row]) -> list[HeldPost]:
    """One per post (rows newest first: a post edited during the pause counts in its latest
    version), in order of time."""
    latest: dict[str, HeldPost] = {}
    for row in rows:
        latest.setdefault(row["post_id"], _held(row))
    return sorted(latest.values(), key=lambda held: (held.scheduled_at, held.post_id))


def _delivery(row: sqlite3.Row) -> Delivery:
    return Delivery(row["alert_id"], row["destination"], row["label"], row["title"], row["body"],
                    row["attempts"], row["last_error"])
