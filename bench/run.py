"""Benchmarks with goals. Prints numbers; asserts nothing (the machines are shared and noisy).

Every speed is quoted next to a baseline measured in the same run on the same data: compare
ratios across runs, not seconds. Goals (from the issue): `safepost check` end to end at least
10,000 posts/s on 100,000 posts in six languages with the full rulebook and 1,000 headlines;
peak memory under 1 GB for 100,000 posts; cold start on 50 posts under 1.5 s; cost linear in
posts. Run with `make bench` (`python bench/run.py --quick` for a smoke run).
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import NOW, post_rows, write_feed, write_queue  # noqa: E402

from safepost import gate  # noqa: E402
from safepost.model import Headline, Post  # noqa: E402
from safepost.news.detect import detect_incidents  # noqa: E402
from safepost.rulebook import load_rulebook  # noqa: E402

SAFEPOST = [sys.executable, "-m", "safepost"]
NAIVE_SAMPLE = 2_000  # posts the naive baseline is timed on
# Children run as an installed safepost does, with its bytecode cached: a machine that forbids
# writing bytecode (PYTHONDONTWRITEBYTECODE) would time Python compiling safepost on every start.
CHILD_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def run_measured(args: list[str], cwd: str) -> tuple[float, float, int]:
    """Wall seconds, peak memory (MB) and exit code of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=CHILD_ENV)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.stderr.close()
    return seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def naive_rate(queue: Path, rulebook) -> float:
    """The obvious first version: one regular-expression alternation of every term in the
    rulebook, run over the queue file's texts. No word forms, no hashtags, no news, no dates."""
    found = (getattr(rule, attribute, None) for section in rulebook.sections.values() for rule in section
             for attribute in ("terms", "vocabulary", "triggers", "subject", "cues"))
    terms = {term.text.strip("=*").replace("...", " ") for by_language in found
             if hasattr(by_language, "values") for terms in by_language.values() for term in terms}
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
                         + r")\b", re.IGNORECASE)
    import csv

    start = time.perf_counter()
    with open(queue, encoding="utf-8", newline="") as f:  # its rate per post is flat: a sample says it
        count = sum(1 for row in itertools.islice(csv.DictReader(f), NAIVE_SAMPLE)
                    if pattern.findall(row["text"]) is not None)
    return count / (time.perf_counter() - start), len(terms)


def end_to_end(sizes: list[int], workdir: Path, feed: Path, rulebook) -> None:
    print("== `safepost check` end to end: read the CSV, read 1,000 headlines, check, write JSON")
    print(f"   {'posts':>8} {'seconds':>8} {'posts/s':>9} {'peak MB':>8} {'naive regex posts/s':>20} {'ratio':>6}")
    for size in sizes:
        queue = write_queue(workdir / f"queue-{size}.csv", size)
        seconds, peak, code = run_measured(
            SAFEPOST + ["check", str(queue), "--feed", str(feed), "--now", NOW.isoformat(), "--format", "json"],
            str(workdir))
        naive, _ = naive_rate(queue, rulebook)
        rate = size / seconds
        print(f"   {size:>8,} {seconds:>8.2f} {rate:>9,.0f} {peak:>8,.0f} {naive:>20,.0f} {rate / naive:>6.2f}"
              + ("" if code in (0, 1) else f"   (exit {code}!)"))


COLD_START = """
import json, sys, time
t0 = time.perf_counter()
from safepost import gate
from safepost.cli import shared as cli
from safepost.queue import read_queue
t1 = time.perf_counter()
ctx = cli.setup(None, (), sys.argv[3])
t2 = time.perf_counter()
posts = read_queue(sys.argv[1])
t3 = time.perf_counter()
news = cli.gather_news(ctx, (sys.argv[2],), "json")
t4 = time.perf_counter()
decisions = gate.check(posts, news.incidents, ctx.rulebook, ctx.now)
t5 = time.perf_counter()
from safepost.render import Report
from safepost.render.json import render
render(Report(ctx.now, decisions, news.incidents, news.statuses))
t6 = time.perf_counter()
print(json.dumps({"imports": t1 - t0, "config and rulebook": t2 - t1, "queue": t3 - t2,
                  "feed and incidents": t4 - t3, "checks (lemmatisers load here)": t5 - t4, "render": t6 - t5}))
"""


def cold_start(workdir: Path, feed: Path, runs: int) -> None:
    print("== cold start: `safepost check` on 50 posts with a local feed (new process each time)")
    queue = write_queue(workdir / "queue-50.csv", 50)
    args = SAFEPOST + ["check", str(queue), "--feed", str(feed), "--now", NOW.isoformat(), "--format", "json"]
    times = sorted(run_measured(args, str(workdir))[0] for _ in range(runs))
    print(f"   median {times[len(times) // 2]:.2f} s (best {times[0]:.2f}, worst {times[-1]:.2f}); "
          f"`python -c pass` {run_measured([sys.executable, '-c', 'pass'], str(workdir))[0]:.2f} s")
    phases = json.loads(subprocess.run([sys.executable, "-c", COLD_START, str(queue), str(feed), NOW.isoformat()], env=CHILD_ENV,
                                       capture_output=True, text=True, cwd=workdir, check=True).stdout)
    print("   where it goes: " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in phases.items()))


def detection_and_incidents(rulebook) -> None:
    print("== incident detection over 5,000 headlines (120 tragedies among them)")
    from generate import headlines as generated

    headlines = [Headline(title, f"Wire {i % 9}", published=moment)
                 for i, (title, moment) in enumerate(generated(120, 4400, seed=3))][:5000]
    start = time.perf_counter()
    incidents = detect_incidents(headlines, rulebook, NOW)
    seconds = time.perf_counter() - start
    print(f"   {seconds:.2f} s, {len(headlines) / seconds:,.0f} headlines/s -> {len(incidents)} incidents")

    print("== 10,000 posts against 50 active incidents, and against none (same run)")
    posts = [Post(r["id"], r["platform"], NOW, r["text"], region=r["region"], language=r["language"])
             for r in post_rows(10_000, seed=5)]
    start = time.perf_counter()
    gate.check(posts, [], rulebook, NOW)
    none = time.perf_counter() - start
    active = incidents[:50]
    start = time.perf_counter()
    decisions = gate.check(posts, active, rulebook, NOW)
    seconds = time.perf_counter() - start
    print(f"   {len(active)} incidents: {len(posts) / seconds:,.0f} posts/s; none: {len(posts) / none:,.0f} posts/s "
          f"(cost ratio {seconds / none:.2f}x); {sum(d.verdict > 0 for d in decisions)} posts not passing")


def language_detection(rulebook, count: int) -> None:
    """What leaving the language to safepost costs: the same posts with their language column,
    and without it (goal: at most 0.2 s more for the run)."""
    print(f"== {count:,} posts with their language given, and the same posts without it (same run)")
    rows = list(post_rows(count, seed=7))
    queues = {name: [Post(r["id"], r["platform"], NOW, r["text"], region=r["region"], language=language(r))
                     for r in rows]
              for name, language in (("given", lambda row: row["language"]), ("detected", lambda row: None))}
    for posts in queues.values():
        gate.check(posts[:200], [], rulebook, NOW)  # both start warm: the cost compared is per post
    timings: dict[str, list[float]] = {name: [] for name in queues}
    for _ in range(3):  # alternated, best of three each: a neighbour's burst of work lands on one run, not one side
        for name, posts in queues.items():
            start = time.perf_counter()
            gate.check(posts, [], rulebook, NOW)
            timings[name].append(time.perf_counter() - start)
    given, detected = min(timings["given"]), min(timings["detected"])
    print(f"   given {given:.2f} s; detected {detected:.2f} s (best of 3 each); detection costs {detected - given:+.2f} s")


def rendering(rulebook, count: int) -> None:
    """What showing the verdicts costs, next to what reaching them cost: every renderer on the
    same checked queue (goal: under 20% of the check), and the HTML report's weight."""
    from datetime import datetime

    from generate import headlines as generated

    from safepost.parallel import available_workers
    from safepost.render import Report
    from safepost.render import html, json as json_render, markdown, slack, terminal

    print(f"== rendering {count:,} checked posts in every format, next to the check itself")
    posts = [Post(r["id"], r["platform"], datetime.fromisoformat(r["scheduled_at"]), r["text"], region=r["region"],
                  language=r["language"], source_line=number + 2) for number, r in enumerate(post_rows(count))]
    headlines = [Headline(title, f"Wire {i % 9}", published=moment)
                 for i, (title, moment) in enumerate(generated(40, 800, seed=3))]
    incidents = detect_incidents(headlines, rulebook, NOW)
    start = time.perf_counter()
    decisions = gate.check(posts, incidents, rulebook, NOW, workers=available_workers())
    check = time.perf_counter() - start
    report = Report(NOW, decisions, incidents, [], [], source="queue.csv", config_path="safepost.yaml")
    flagged = sum(d.verdict > 0 for d in decisions)
    print(f"   check (gate.check, {available_workers()} workers): {check:.2f} s; {flagged:,} posts flagged or held, "
          f"{len(incidents)} incidents")
    renderers = {"text": lambda: terminal.render(report, 100, colour=False),
                 "text, colour": lambda: terminal.render(report, 100, colour=True),
                 "json": lambda: json_render.render(report), "markdown": lambda: markdown.render(report),
                 "slack": lambda: slack.render(report), "html": lambda: html.render(report)}
    print(f"   {'format':<13} {'seconds':>8} {'of the check':>13} {'output':>9}")
    for name, render in renderers.items():
        start = time.perf_counter()
        out = render()
        seconds = time.perf_counter() - start
        print(f"   {name:<13} {seconds:>8.2f} {seconds / check:>12.1%} {len(out.encode('utf-8')) / 1e6:>7.1f} MB")
    hundred = Report(NOW, decisions[:100], incidents, [], [], source="queue.csv", config_path="safepost.yaml")
    held = [d for d in decisions if d.verdict > 0][:100]
    worst = Report(NOW, held, incidents, [], [], source="queue.csv", config_path="safepost.yaml")
    print(f"   html report of 100 posts: {len(html.render(hundred).encode('utf-8')) / 1000:.0f} KB; "
          f"of 100 flagged or held posts: {len(html.render(worst).encode('utf-8')) / 1000:.0f} KB (goal: under 200 KB)")


def cron_and_gate(workdir: Path, feed: Path, calls: int) -> None:
    """What a one-minute cron cadence and a publishing pipeline cost: `watch` when every feed
    answers 304, and `gate` on one post per call (goal: under 0.3 s each)."""
    import http.server
    import threading

    body = feed.read_bytes()

    class NotModified(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            fresh = self.headers.get("If-None-Match") == '"v1"'
            self.send_response(304 if fresh else 200)
            self.send_header("ETag", '"v1"')
            self.send_header("Content-Length", "0" if fresh else str(len(body)))
            self.end_headers()
            if not fresh:
                self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), NotModified)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    team = workdir / "team"
    team.mkdir()
    (team / "safepost.yaml").write_text(f"regions: [US, GB]\nfeeds:\n  - {{url: 'http://127.0.0.1:"
                                        f"{server.server_address[1]}/feed.xml', name: Wire, region: US}}\n"
                                        f"cache_dir: cache\n", encoding="utf-8")
    now = ["--now", NOW.isoformat(), "--config", str(team / "safepost.yaml")]
    run_measured(SAFEPOST + ["watch", "--quiet", *now], str(team))  # fills the cache; later runs get 304s
    watches = sorted(run_measured(SAFEPOST + ["watch", "--quiet", *now], str(team))[0] for _ in range(5))
    post = json.dumps({"id": "p1", "platform": "twitter", "scheduled_at": NOW.isoformat(), "region": "US",
                       "text": "Our summer collection is here: come and see it this weekend."})

    def gate_calls(config: Path, count: int) -> list[float]:
        times = []
        for _ in range(count):
            start = time.perf_counter()
            subprocess.run(SAFEPOST + ["gate", "--now", NOW.isoformat(), "--config", str(config)], input=post,
                           capture_output=True, text=True, cwd=team, env=CHILD_ENV)
            times.append(time.perf_counter() - start)
        return sorted(times)

    gates = gate_calls(team / "safepost.yaml", calls)
    asking = team / "asking.yaml"  # the same team, but every gate call asks every feed (304)
    asking.write_text((team / "safepost.yaml").read_text(encoding="utf-8") + "gate: {fresh_for: 0}\n"
                      "state: .safepost/state.db\n", encoding="utf-8")
    asked = gate_calls(asking, max(5, calls // 5))
    server.shutdown()
    print("== cron and pipeline: `watch` with every feed answering 304; `gate` on one post (goal: < 0.3 s)")
    print(f"   watch: median {watches[2]:.2f} s (best {watches[0]:.2f}); "
          f"gate over {calls} calls: median {gates[len(gates) // 2]:.2f} s, worst {gates[-1]:.2f} s "
          f"(feeds confirmed within the last minute are not asked again)")
    print(f"   gate asking every feed (`gate: {{fresh_for: 0}}`, each answering 304), {len(asked)} calls: "
          f"median {asked[len(asked) // 2]:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1k and 10k posts only")
    args = parser.parse_args()
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
    rulebook = load_rulebook()
    print(f"machine: {os.cpu_count()} cores; rulebook: {sum(len(v) for v in rulebook.sections.values())} rules")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        feed = write_feed(workdir / "feed.xml", 1000)
        cold_start(workdir, feed, 3 if args.quick else 5)
        end_to_end(sizes, workdir, feed, rulebook)
        cron_and_gate(workdir, write_feed(workdir / "feed-40.xml", 40), 5 if args.quick else 50)
    detection_and_incidents(rulebook)
    language_detection(rulebook, 1_000 if args.quick else 10_000)
    rendering(rulebook, 10_000 if args.quick else 100_000)


if __name__ == "__main__":
    main()
