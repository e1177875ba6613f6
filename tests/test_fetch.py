"""Feeds fetched from real HTTP servers started on 127.0.0.1 by these tests, and from local files.

Every slow or endless server stops by itself when its test ends.
"""
from __future__ import annotations

import gzip
import json
import os
import socket
import ssl
import threading
import time
import tracemalloc
import zlib
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from safepost.config import FeedSource
from safepost.news.fetch import fetch_feeds

FEEDS = Path(__file__).parent / "data" / "feeds"
MB = 1 << 20
# The servers below stop by themselves; this is the backstop should a change make fetching hang.
pytestmark = pytest.mark.timeout(60, method="thread")


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.requests.append((self.path, dict(self.headers)))
        route = self.server.routes.get(self.path)
        if route is None:
            self.send_error(404)
        else:
            route(self)

    def log_message(self, *args):
        pass


class FeedServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.routes = {}
        self.requests = []
        self.stopping = threading.Event()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"

    def serve(self, path: str, body: bytes, status: int = 200, **headers: str) -> str:
        def route(handler):
            send(handler, body, status, {"Content-Type": "application/rss+xml", **headers})
        self.routes[path] = route
        return self.url(path)

    def headers_of(self, path: str) -> list[dict]:
        return [headers for requested, headers in self.requests if requested == path]


def send(handler, body: bytes, status: int = 200, headers: dict | None = None) -> None:
    handler.send_response(status)
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


@pytest.fixture
def server(monkeypatch):
    for name in ("http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    feed_server = FeedServer()
    thread = threading.Thread(target=feed_server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield feed_server
    feed_server.stopping.set()
    feed_server.shutdown()
    feed_server.server_close()


def fixture(name: str) -> bytes:
    return (FEEDS / name).read_bytes()


class Clock:
    """Wall time the test controls, to age the cache without waiting."""

    def __init__(self, now: float = 1_800_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def fetch_one(location: str, **options):
    options.setdefault("cache_dir", None)
    headlines, statuses = fetch_feeds([FeedSource(location)], **options)
    assert len(statuses) == 1
    return headlines, statuses[0]


def test_rss_feed_gives_plain_text_headlines_with_utc_times(server):
    url = server.serve("/rss", fixture("rss.xml"))
    headlines, statuses = fetch_feeds([FeedSource(url, region="US")], cache_dir=None)
    assert [s.outcome for s in statuses] == ["fresh"]
    assert statuses[0].source == "Example Daily News" and statuses[0].headlines == 2
    first, second = headlines
    assert first.title == "Gunman opens fire in Aurora cinema & 12 dead"
    assert first.summary == ("Police say a gunman opened fire at a midnight screening. "
                             "More to follow & updates.")
    assert first.published == datetime(2012, 7, 20, 8, 30, tzinfo=timezone.utc)
    assert (first.source, first.language, first.region) == ("Example Daily News", "en", "US")
    assert first.link == "https://news.example/aurora"
    assert second.published is None
    assert "safepost" in server.headers_of("/rss")[0]["User-Agent"]


def test_atom_feed_uses_updated_time_language_and_absolute_links(server):
    url = server.serve("/atom", fixture("atom.xml"), **{"Content-Type": "application/atom+xml"})
    headlines, status = fetch_one(url)
    assert status.outcome == "fresh"
    (headline,) = headlines
    assert headline.title == "Rocznica Powstania Warszawskiego & obchody"
    assert headline.summary == "Godzina W. Syreny w całym mieście."
    assert headline.published == datetime(2026, 8, 1, 15, 0, tzinfo=timezone.utc)
    assert headline.language == "pl"
    assert headline.link == server.url("/rocznica")


def test_the_configured_name_wins_over_the_feed_title(server):
    url = server.serve("/rss", fixture("rss.xml"))
    headlines, statuses = fetch_feeds([FeedSource(url, name="Wire A")], cache_dir=None)
    assert statuses[0].source == "Wire A"
    assert {h.source for h in headlines} == {"Wire A"}


def test_a_server_that_trickles_bytes_is_cut_off_at_the_timeout(server):
    def trickle(handler):
        handler.send_response(200)
        handler.end_headers()
        handler.wfile.write(b'<?xml version="1.0"?><rss version="2.0"><channel>')
        for _ in range(600):  # 30 s of one byte at a time, unless the test is over
            if server.stopping.wait(0.05):
                return
            handler.wfile.write(b" ")
    server.routes["/slow"] = trickle
    started = time.monotonic()
    headlines, status = fetch_one(server.url("/slow"), timeout=1)
    assert (status.outcome, status.detail) == ("failed", "timed out after 1 s")
    assert headlines == []
    assert time.monotonic() - started < 15  # the server alone would have taken 30 s


def test_http_error_without_a_saved_copy_fails(server, tmp_path):
    url = server.serve("/down", b"oops", status=500)
    headlines, status = fetch_one(url, cache_dir=tmp_path)
    assert status.outcome == "failed" and status.detail.startswith("HTTP 500")
    assert headlines == []


def serve_then_fail(server) -> str:
    """A feed that works once, then answers 500 Internal Server Error."""
    def route(handler):
        if len(server.headers_of("/flaky")) == 1:
            send(handler, fixture("rss.xml"), headers={"Content-Type": "application/rss+xml"})
        else:
            send(handler, b"down", status=500)
    server.routes["/flaky"] = route
    return server.url("/flaky")


def test_http_error_falls_back_to_a_young_saved_copy(server, tmp_path):
    url = serve_then_fail(server)
    clock = Clock()
    first, status = fetch_one(url, cache_dir=tmp_path, clock=clock)
    assert status.outcome == "fresh"
    clock.now += 600
    again, status = fetch_one(url, cache_dir=tmp_path, clock=clock)
    assert status.outcome == "cached"
    assert status.age_seconds == 600
    assert "HTTP 500" in status.detail and "10 min" in status.detail
    assert again == first


def test_a_saved_copy_older_than_the_limit_is_not_used(server, tmp_path):
    url = serve_then_fail(server)
    clock = Clock()
    fetch_one(url, cache_dir=tmp_path, clock=clock)
    clock.now += 7 * 3600
    headlines, status = fetch_one(url, cache_dir=tmp_path, clock=clock,
                                  max_cache_age=timedelta(hours=6))
    assert status.outcome == "failed" and headlines == []
    assert "HTTP 500" in status.detail and "too old" in status.detail


def test_a_redirect_loop_fails_but_a_short_chain_is_followed(server):
    def redirect(to):
        return lambda handler: send(handler, b"", 302, {"Location": to})
    server.routes["/a"] = redirect("/b")
    server.routes["/b"] = redirect("/a")
    server.routes["/hop1"] = redirect("/hop2")
    server.routes["/hop2"] = redirect("/rss")
    server.serve("/rss", fixture("rss.xml"))
    _, looped = fetch_one(server.url("/a"), max_redirects=5)
    assert (looped.outcome, looped.detail) == ("failed", "too many redirects (more than 5)")
    assert len(server.headers_of("/a")) + len(server.headers_of("/b")) == 6
    headlines, followed = fetch_one(server.url("/hop1"), max_redirects=5)
    assert followed.outcome == "fresh" and len(headlines) == 2


@pytest.mark.parametrize("declare_length", [False, True])
def test_a_50_mb_body_is_cut_at_the_cap_without_reading_it_all(server, declare_length):
    total = 50 * MB
    sent = []
    finished = threading.Event()

    def huge(handler):
        written = 0
        try:
            handler.send_response(200)
            if declare_length:
                handler.send_header("Content-Length", str(total))
            handler.end_headers()
            chunk = b'<?xml version="1.0"?><rss version="2.0"><channel><title>' + b"x" * 65000
            while written < total and not server.stopping.is_set():
                handler.wfile.write(chunk)
                written += len(chunk)
        except OSError:
            pass  # the client hung up, as it should
        finally:
            sent.append(written)
            finished.set()
    server.routes["/huge"] = huge
    tracemalloc.start()
    try:
        headlines, status = fetch_one(server.url("/huge"), max_bytes=MB)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (status.outcome, status.detail) == ("failed", "body over 1 MB")
    assert peak < 8 * MB
    assert finished.wait(10)
    assert sent[0] < total // 2


@pytest.mark.parametrize("encoding, compress",
                         [("gzip", gzip.compress), ("deflate", zlib.compress)])
def test_compressed_responses_are_accepted(server, encoding, compress):
    def route(handler):
        accepted = handler.headers.get("Accept-Encoding", "")
        body = fixture("rss.xml")
        headers = {"Content-Type": "application/rss+xml"}
        if encoding in accepted:
            body, headers["Content-Encoding"] = compress(body), encoding
        send(handler, body, headers=headers)
    server.routes["/packed"] = route
    headlines, status = fetch_one(server.url("/packed"))
    assert encoding in server.headers_of("/packed")[0]["Accept-Encoding"]
    assert status.outcome == "fresh" and len(headlines) == 2


def test_a_compression_bomb_is_cut_at_the_cap(server):
    bomb = gzip.compress(b"<rss>" + b" " * (40 * MB))
    server.serve("/bomb", bomb, **{"Content-Encoding": "gzip"})
    assert len(bomb) < MB
    _, status = fetch_one(server.url("/bomb"), max_bytes=MB)
    assert (status.outcome, status.detail) == ("failed", "body over 1 MB")


def test_conditional_get_round_trip_gives_not_modified(server, tmp_path):
    etag, modified = '"v1"', "Fri, 20 Jul 2012 10:00:00 GMT"

    def route(handler):
        if handler.headers.get("If-None-Match") == etag:
            send(handler, b"", 304, {"ETag": etag})
        else:
            send(handler, fixture("rss.xml"), headers={
                "Content-Type": "application/rss+xml", "ETag": etag, "Last-Modified": modified})
    server.routes["/cond"] = route
    clock = Clock()
    first, status = fetch_one(server.url("/cond"), cache_dir=tmp_path, clock=clock)
    assert status.outcome == "fresh"
    clock.now += 300
    second, status = fetch_one(server.url("/cond"), cache_dir=tmp_path, clock=clock)
    assert (status.outcome, status.age_seconds, status.headlines) == ("not-modified", 300, 2)
    assert second == first
    revisit = server.headers_of("/cond")[1]
    assert (revisit["If-None-Match"], revisit["If-Modified-Since"]) == (etag, modified)


def answers_not_modified_after_the_first(handler) -> None:
    """A server with an ETag: the feed, then "not modified" to whoever shows it."""
    if handler.headers.get("If-None-Match") == '"v1"':
        send(handler, b"", 304, {"ETag": '"v1"'})
    else:
        send(handler, fixture("rss.xml"), headers={"Content-Type": "application/rss+xml", "ETag": '"v1"'})


def test_a_copy_confirmed_moments_ago_is_used_without_asking_again(server, tmp_path):
    """A pipeline that gates fifty posts a minute asks each feed once, not fifty times."""
    server.routes["/feed"] = answers_not_modified_after_the_first
    clock = Clock()
    first, _ = fetch_one(server.url("/feed"), cache_dir=tmp_path, clock=clock)
    clock.now += 30
    again, status = fetch_one(server.url("/feed"), cache_dir=tmp_path, clock=clock, fresh_for=60)
    assert len(server.headers_of("/feed")) == 1
    assert (status.outcome, status.headlines, again) == ("not-modified", 2, first)
    assert status.detail == "confirmed 30 s ago, not asked again"
    clock.now += 31  # 61 s after the server last confirmed it: ask
    _, status = fetch_one(server.url("/feed"), cache_dir=tmp_path, clock=clock, fresh_for=60)
    assert len(server.headers_of("/feed")) == 2 and (status.outcome, status.detail) == ("not-modified", "")
    fetch_one(server.url("/feed"), cache_dir=tmp_path, clock=clock)  # fresh_for 0 (watch): always ask
    assert len(server.headers_of("/feed")) == 3


def test_not_modified_reads_the_saved_parse_and_a_damaged_one_parses_the_body_again(server, tmp_path):
    server.routes["/feed"] = answers_not_modified_after_the_first
    first, _ = fetch_one(server.url("/feed"), cache_dir=tmp_path)
    (cache_file,) = tmp_path.iterdir()
    header, _, body = cache_file.read_bytes().partition(b"\n")
    saved = json.loads(header)
    assert [entry[0] for entry in saved["read"]["entries"]] == [h.title for h in first]
    saved["read"]["entries"] = "not a list of entries"
    cache_file.write_bytes(json.dumps(saved).encode() + b"\n" + body)
    again, status = fetch_one(server.url("/feed"), cache_dir=tmp_path)
    assert status.outcome == "not-modified" and again == first


def test_not_modified_counts_as_confirmation_for_the_fallback_age(server, tmp_path):
    answers = iter([200, 304, 500])

    def route(handler):
        status = next(answers)
        body = fixture("rss.xml") if status == 200 else b""
        send(handler, body, status, {"ETag": '"v1"', "Content-Type": "application/rss+xml"})
    server.routes["/feed"] = route
    clock = Clock()
    fetch_one(server.url("/feed"), cache_dir=tmp_path, clock=clock)
    clock.now += 5 * 3600
    _, status = fetch_one(server.url("/feed"), cache_dir=tmp_path, clock=clock)
    assert status.outcome == "not-modified"
    clock.now += 2 * 3600
    _, status = fetch_one(server.url("/feed"), cache_dir=tmp_path, clock=clock)
    assert (status.outcome, status.age_seconds) == ("cached", 2 * 3600)


def test_the_cache_keeps_one_file_per_url_and_no_temporary_files(server, tmp_path):
    urls = [server.serve("/one", fixture("rss.xml")), server.serve("/two", fixture("atom.xml"))]
    for _ in range(2):
        fetch_feeds([FeedSource(u) for u in urls], cache_dir=tmp_path)
    assert len(list(tmp_path.iterdir())) == 2
    assert all(p.suffix == ".feed" and not p.name.startswith(".") for p in tmp_path.iterdir())


def test_a_damaged_cache_file_is_ignored(server, tmp_path):
    url = server.serve("/rss", fixture("rss.xml"))
    fetch_one(url, cache_dir=tmp_path)
    (cache_file,) = tmp_path.iterdir()
    cache_file.write_bytes(b"\x00garbage\nnot a feed")
    headlines, status = fetch_one(url, cache_dir=tmp_path)
    assert status.outcome == "fresh" and len(headlines) == 2


def test_an_unwritable_cache_costs_a_note_not_the_news(server, tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    headlines, status = fetch_one(server.serve("/rss", fixture("rss.xml")), cache_dir=blocker)
    assert status.outcome == "fresh" and len(headlines) == 2
    assert status.detail.startswith("could not save a copy")


def test_malformed_xml_fails_with_the_parser_reason(server):
    _, status = fetch_one(server.serve("/bad", fixture("malformed.xml")))
    assert status.outcome == "failed"
    prefix = "malformed XML: "
    assert status.detail.startswith(prefix) and len(status.detail) > len(prefix)


def test_malformed_xml_falls_back_to_the_saved_copy(server, tmp_path):
    bodies = iter([fixture("rss.xml"), fixture("malformed.xml")])
    server.routes["/feed"] = lambda handler: send(handler, next(bodies))
    clock = Clock()
    first, _ = fetch_one(server.url("/feed"), cache_dir=tmp_path, clock=clock)
    headlines, status = fetch_one(server.url("/feed"), cache_dir=tmp_path, clock=clock)
    assert status.outcome == "cached" and status.detail.startswith("malformed XML")
    assert headlines == first


def test_a_sloppy_feed_with_entries_is_still_used(server):
    headlines, status = fetch_one(server.serve("/sloppy", fixture("bozo-with-entries.xml")))
    assert status.outcome == "fresh"
    assert [h.title for h in headlines] == ["Storm warning for the coast"]


def test_an_empty_feed_is_empty_not_read(server):
    headlines, status = fetch_one(server.serve("/empty", fixture("empty.xml")))
    assert (status.outcome, status.headlines, status.source) == ("empty", 0, "Quiet Wire")
    assert not status.read and "no items" in status.detail
    assert headlines == []


def test_a_web_page_is_not_a_feed(server):
    url = server.serve("/page", fixture("not-a-feed.html"), **{"Content-Type": "text/html"})
    _, status = fetch_one(url)
    assert (status.outcome, status.detail) == ("failed", "not a feed (no RSS or Atom found)")


def test_a_billion_laughs_feed_is_not_expanded(server):
    headlines, status = fetch_one(server.serve("/lol", fixture("billion-laughs.xml")))
    assert (status.outcome, status.source) == ("fresh", "Laughing Wire")
    (headline,) = headlines
    assert headline.title.startswith("Headline") and headline.summary.startswith("Body")
    assert "lollol" not in headline.title + headline.summary
    assert len(headline.title) + len(headline.summary) < 100


def test_an_external_entity_never_reads_a_local_file(server, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-4711")
    body = fixture("external-entity.xml").replace(b"SECRET_URL", secret.as_uri().encode())
    for location in (server.serve("/xxe", body), str(tmp_path / "xxe.xml")):
        (tmp_path / "xxe.xml").write_bytes(body)
        headlines, status = fetch_one(location)
        seen = [status.source, status.detail] + [
            value for h in headlines for value in (h.title, h.summary, h.link, h.source)]
        assert headlines and not any("TOP-SECRET" in value for value in seen)


def test_local_files_are_read_from_disk():
    sources = [FeedSource(str(FEEDS / "rss.xml"), region="US"),
               FeedSource(str(FEEDS / "empty.xml"))]
    headlines, statuses = fetch_feeds(sources, cache_dir=None)
    assert [(s.outcome, s.headlines, s.age_seconds) for s in statuses] == [
        ("local", 2, None), ("empty", 0, None)]
    assert {h.region for h in headlines} == {"US"}


@pytest.mark.parametrize("make, detail", [
    (lambda tmp: tmp / "missing.xml", "file not found"),
    (lambda tmp: tmp, "this is a folder, not a feed file"),
    (lambda tmp: FEEDS / "malformed.xml", "malformed XML"),
    (lambda tmp: os.mkfifo(tmp / "pipe.xml") or tmp / "pipe.xml", "not a regular file"),
])
def test_an_unusable_local_file_is_a_failed_status(tmp_path, make, detail):
    path = make(tmp_path)
    headlines, status = fetch_one(str(path))
    assert status.outcome == "failed" and status.detail.startswith(detail)
    assert status.source == path.name and headlines == []


def test_a_local_file_over_the_cap_is_refused(tmp_path):
    big = tmp_path / "big.xml"
    big.write_bytes(fixture("rss.xml") + b" " * 2048)
    _, status = fetch_one(str(big), max_bytes=1024)
    assert (status.outcome, status.detail) == ("failed", "file over 1 KB")


def unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize("location, detail", [
    (f"http://127.0.0.1:{unused_port()}/feed", "could not connect: Connection refused"),
    ("ftp://127.0.0.1/feed.xml", "only http:// and https:// addresses can be fetched"),
    ("http://127.0.0.1:99999/feed", "cannot fetch this address: "),
])
def test_unreachable_addresses_are_failed_statuses(location, detail):
    headlines, status = fetch_one(location)
    assert status.outcome == "failed" and status.detail.startswith(detail)
    assert status.source == "127.0.0.1" and headlines == []


def test_an_untrusted_certificate_is_named_as_such(server):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(FEEDS / "test-only-self-signed.pem")
    server.socket = context.wrap_socket(server.socket, server_side=True)
    _, status = fetch_one(server.serve("/rss", fixture("rss.xml")).replace("http://", "https://"))
    assert status.outcome == "failed"
    assert status.detail == ("could not connect: "
                             "the site's certificate is not trusted (self-signed certificate)")


def test_https_to_a_plain_http_server_says_the_secure_connection_failed(server):
    url = server.serve("/rss", fixture("rss.xml")).replace("http://", "https://")
    _, status = fetch_one(url)
    assert status.outcome == "failed"
    assert status.detail.startswith("could not connect: the secure connection failed (")


def test_feeds_are_fetched_together_and_a_slow_one_does_not_hold_up_the_rest(server):
    fast = 4
    everyone_here = threading.Barrier(fast)

    def rendezvous(handler):
        """Answers only once all fast feeds are being fetched at the same moment."""
        try:
            everyone_here.wait(timeout=5)
        except threading.BrokenBarrierError:
            send(handler, b"fetched one at a time", 503)
            return
        send(handler, fixture("rss.xml"), headers={"Content-Type": "application/rss+xml"})

    def silent(handler):
        server.stopping.wait(30)

    for i in range(fast):
        server.routes[f"/fast{i}"] = rendezvous
    server.routes["/silent"] = silent
    sources = [FeedSource(server.url("/silent"), name="silent")] + [
        FeedSource(server.url(f"/fast{i}"), name=f"fast{i}") for i in range(fast)]
    reported = []
    headlines, statuses = fetch_feeds(sources, cache_dir=None, timeout=2, progress=reported.append)
    assert [s.source for s in statuses] == [s.name for s in sources]
    assert [s.outcome for s in statuses] == ["failed"] + ["fresh"] * fast
    assert statuses[0].detail == "timed out after 2 s"
    assert len(headlines) == 2 * fast
    assert [s.source for s in reported][-1] == "silent"
    assert sorted(reported, key=lambda s: s.source) == sorted(statuses, key=lambda s: s.source)


def test_feeds_go_through_the_proxy_the_environment_names_and_no_proxy_is_honoured(server, monkeypatch):
    """Behind a company proxy, the feed is asked of the proxy by its full address; a host that
    no_proxy exempts is asked directly."""
    server.routes["http://news.invalid/feed.xml"] = lambda handler: send(
        handler, fixture("rss.xml"), headers={"Content-Type": "application/rss+xml"})
    server.serve("/direct", fixture("rss.xml"))
    monkeypatch.setenv("http_proxy", f"http://someone:secret@127.0.0.1:{server.server_address[1]}")
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    proxied, status = fetch_one("http://news.invalid/feed.xml")
    assert status.outcome == "fresh" and len(proxied) == 2
    asked = server.headers_of("http://news.invalid/feed.xml")[0]
    assert asked["Proxy-Authorization"] == "Basic c29tZW9uZTpzZWNyZXQ="  # someone:secret
    direct, status = fetch_one(server.url("/direct"))
    assert status.outcome == "fresh" and server.headers_of("/direct")
