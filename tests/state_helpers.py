"""What the state tests share: a team's folder (config, queue, feed), real servers on 127.0.0.1
that receive the alerts (SMTP via aiosmtpd, an HTTP webhook), and safepost run as a process."""
from __future__ import annotations

import email
import email.policy
import json
import os
import socket
import subprocess
import sys
import threading
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from conftest import rss

NOW = "2026-07-31T16:00:00Z"
SHOOTING = {"title": "Gunman opens fire at music festival in Denver, at least 7 dead",
            "published": "2026-07-31T11:20:00+00:00"}
FOLLOW_UP = {"title": "Denver festival shooting: what we know so far", "published": "2026-07-31T13:05:00+00:00"}
QUIET_NEWS = {"title": "Central bank holds rates steady", "published": "2026-07-31T09:00:00+00:00"}
QUEUE = """id,platform,scheduled_at,region,language,reply_to,text
calm,linkedin,2026-07-31T17:00:00Z,GB,en,,We're hiring two backend engineers for our Lisbon office.
later,linkedin,2026-08-03T09:00:00Z,GB,en,,Our new recycling programme starts in September.
same-fb,facebook,2026-08-02T09:00:00Z,GB,en,,Meet the team behind our refill stations.
same-li,linkedin,2026-08-02T09:00:00Z,GB,en,,Meet the team behind our refill stations.
rude,facebook,2026-07-31T17:30:00Z,GB,en,c-1,Nobody asked for your opinion. Go eat somewhere else.
"""
BOUND = 20  # seconds: no server or process a test starts outlives this


class Team:
    """A team's folder: safepost.yaml (feed, regions, alerts), queue.csv, news.xml; the store
    lands in .safepost/state.db beside the config."""

    def __init__(self, root: Path, alerts: tuple[str, ...] = (), extra: str = "", regions: str = "[US, GB]"):
        self.root = root
        self.config = root / "safepost.yaml"
        self.queue = root / "queue.csv"
        self.feed = root / "news.xml"
        self.store = root / ".safepost" / "state.db"
        lines = [f"regions: {regions}", "feeds:", "  - {url: news.xml, name: Test Wire, region: US}"]
        if alerts:
            lines += ["alerts:"] + [f"  - {json.dumps(url)}" for url in alerts]
        self.config.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
        self.queue.write_text(QUEUE, encoding="utf-8")
        self.news(QUIET_NEWS)

    def news(self, *headlines: dict) -> None:
        self.feed.write_text(rss(list(headlines)), encoding="utf-8")

    def args(self, *args: str) -> list[str]:
        return [*args, "--config", str(self.config)]

    def process(self, *args: str, env: dict | None = None) -> subprocess.Popen:
        """`safepost ARGS --config ...` as its own process (for concurrency and kill -9)."""
        environment = {**os.environ, "XDG_CACHE_HOME": str(self.root / "cache"), **(env or {})}
        return subprocess.Popen([sys.executable, "-m", "safepost", *self.args(*args)], cwd=self.root,
                                env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Mailbox:
    """An SMTP server on 127.0.0.1 that keeps what it receives."""

    def __init__(self):
        from aiosmtpd.controller import Controller

        self.messages: list[EmailMessage] = []
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port, ready_timeout=BOUND)

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 OK"

    @property
    def url(self) -> str:
        return f"mailto://127.0.0.1:{self.port}?from=safepost@example.org&to=team@example.org"

    def __enter__(self) -> "Mailbox":
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.controller.stop()


class Webhook:
    """An HTTP server on 127.0.0.1 that keeps the JSON posted to it and answers with the status
    `replies` gives in turn (then 200); `hang` makes it hold requests until released."""

    def __init__(self, replies: tuple[int, ...] = (), hang: bool = False):
        self.bodies: list[dict] = []
        self.replies = list(replies)
        self.received = threading.Event()
        self.release = threading.Event()
        if not hang:
            self.release.set()
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                hook.bodies.append(json.loads(self.rfile.read(length) or b"{}"))
                hook.received.set()
                hook.release.wait(BOUND)
                self.send_response(hook.replies.pop(0) if hook.replies else 200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True

    @property
    def url(self) -> str:
        return f"json://127.0.0.1:{self.server.server_address[1]}/hook"

    def __enter__(self) -> "Webhook":
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
