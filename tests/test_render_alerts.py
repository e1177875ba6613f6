"""The alert `watch` sends, laid out for each apprise service: HTML for e-mail, Markdown for
Slack and the like, plain text for webhooks and SMS; hostile headlines inert in every form."""
from __future__ import annotations

import json
import threading
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import apprise
import pytest

from safepost.alerts import body_format, send
from safepost.model import Headline, Incident
from safepost.records import Pause
from safepost.render.alert import render_alert
from safepost.watch import alert

NOW = datetime(2026, 7, 31, 16, tzinfo=timezone.utc)
RESUME = "safepost resume --by YOUR-NAME --config /srv/team/safepost.yaml"


def hostile_alert() -> tuple[str, str]:
    incident = Incident(
        "denver", "Gunman opens fire in *Denver* <script>alert(1)</script>", "shooting", 4, ("Denver",),
        (Headline("Denver: <img src=x onerror=alert(1)> _7 dead_ \u202eesrever\u202c \x1b[31m", "Wire",
                  "javascript:alert(1)", NOW),
         Headline("What we know & what we don't", "Wire", "https://news.example.org/a?b=1&c=2", NOW)),
        ("US",))
    return alert([incident], Pause(1, NOW, "safepost watch", "Denver shooting"), True, NOW, RESUME)


@pytest.mark.parametrize("url, form", [
    ("mailtos://user:secret@smtp.example.org?to=team@example.org", "html"),
    ("tgram://123456789:abcdefghijklmnopqrstuvwxyz/12315544/", "html"),
    ("slack://T1JJ3T3L2/A1BRTD4JD/TIiajkdnlazkcOXrIdevi7FQ", "markdown"),
    ("json://127.0.0.1/hook", "text"),
    ("json://127.0.0.1/hook?format=markdown", "markdown"),
])
def test_each_service_gets_the_form_apprise_says_it_reads(url, form):
    assert body_format(apprise.Apprise.instantiate(url)) == form


def test_html_alert_is_escaped_with_links_and_commands():
    _, body = hostile_alert()
    page = render_alert(body, "html")
    assert "<script>" not in page and "<img" not in page and 'href="javascript' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert '<a href="https://news.example.org/a?b=1&amp;c=2">' in page
    assert f"<code>{RESUME}</code>" in page and "<b>Why:</b>" in page and page.count("<li>") == 2
    assert "\u202e" not in page and "\x1b" not in page


def test_markdown_alert_formats_nothing_a_headline_says():
    _, body = hostile_alert()
    text = render_alert(body, "markdown")
    assert "∗Denver∗" in text and "ˍ7 deadˍ" in text  # look-alikes, not backslashes Slack would show
    assert "\\<script\\>" in text and "\\*" not in text and "\\_" not in text
    assert f"`{RESUME}`" in text and "**Why:**" in text
    assert "\u202e" not in text and "\x1b" not in text


def test_text_alert_is_the_plain_alert_sanitised():
    _, body = hostile_alert()
    text = render_alert(body, "text")
    assert text == body.replace("\u202e", "·").replace("\u202c", "·").replace("\x1b", "␛")


class Hook:
    """A webhook on 127.0.0.1 that keeps what apprise's json:// service posts to it."""

    def __init__(self):
        self.bodies: list[dict] = []
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                hook.bodies.append(json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0))))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, query: str = "") -> str:
        return f"json://127.0.0.1:{self.server.server_address[1]}/hook{query}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_a_service_receives_the_alert_in_its_form():
    title, body = hostile_alert()
    hook = Hook()
    try:
        assert send(hook.url(), title, body) is None
        assert send(hook.url("?format=html"), title, body) is None
    finally:
        hook.close()
    plain, html = hook.bodies
    assert plain["message"].startswith("safepost paused your scheduled posts") and "<p>" not in plain["message"]
    assert html["message"].startswith("<p>safepost paused your scheduled posts")
    assert "&lt;script&gt;" in html["message"] and "<script>" not in html["message"]
    assert plain["title"] == title
