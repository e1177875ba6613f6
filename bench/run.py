"""Benchmarks: cold start, posts per second, incident detection. Prints numbers; asserts nothing.

Every figure is quoted next to a baseline measured in the same run on the same data, because
these machines are shared and noisy: the ratio is the number to compare across runs.
Run with `make bench` (or `python bench/run.py --quick`).
"""
from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from safepost import gate
from safepost.model import Headline, Post
from safepost.news.detect import detect_incidents
from safepost.rulebook import load_rulebook
from safepost.text import analyze

NOW = datetime(2026, 7, 31, 16, 0, tzinfo=timezone.utc)
SAMPLES = {
    "en": ["Good morning! Our summer sale starts today, 20% off everything",
           "We're hiring two backend engineers for our Lisbon office",
           "Behind the scenes at today's photo shoot with the team",
           "Thanks to everyone who came to the launch party last night"],
    "pl": ["Nowa kolekcja już w sklepie, zapraszamy na zakupy",
           "Dziękujemy za wspólne świętowanie, do zobaczenia wkrótce"],
    "ru": ["Новая коллекция уже в продаже, скидки до конца недели",
           "Спасибо всем, кто пришёл на презентацию вчера вечером"],
    "uk": ["Нова колекція вже у продажу, знижки до кінця тижня",
           "Дякуємо всім, хто прийшов на презентацію"],
    "nb": ["Sommerfest i helgen, halv pris på alle drinker",
           "Vi ansetter to utviklere til kontoret vårt i Oslo"],
    "az": ["Böyük endirim! Bütün məhsullara endirim yalnız bu gün",
           "Yeni kolleksiya artıq satışdadır"],
}
HEADLINES = ["Gunman opens fire at mall in {place}, at least {n} dead", "{place} storm: thousands without power",
             "Central bank in {place} holds rates steady", "{place} festival opens with record crowds",
             "Explosion at factory near {place} kills {n}", "Local team from {place} wins the cup"]
PLACES = ["Denver", "Boston", "Leeds", "Kraków", "Bergen", "Lviv", "Kazan", "Ganja", "Austin", "Oslo"]


def make_posts(count: int, seed: int = 7) -> list[Post]:
    rng = random.Random(seed)
    languages = list(SAMPLES)
    posts = []
    for i in range(count):
        language = languages[i % len(languages)]
        text = f"{rng.choice(SAMPLES[language])} #{rng.choice(PLACES)} {rng.randint(1, 999)}"
        posts.append(Post(f"p{i}", rng.choice(["twitter", "facebook", "instagram", "linkedin"]),
                          NOW + timedelta(minutes=i), text, region="US", language=language))
    return posts


def make_headlines(count: int, seed: int = 11) -> list[Headline]:
    rng = random.Random(seed)
    return [Headline(rng.choice(HEADLINES).format(place=rng.choice(PLACES), n=rng.randint(1, 30)),
                     f"Wire {i % 7}", published=NOW - timedelta(minutes=rng.randint(1, 3000)))
            for i in range(count)]


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def naive_baseline(posts: list[Post], rulebook) -> float:
    """One regular-expression alternation of every rulebook term: the obvious first version."""
    words = sorted({term.text.strip("=*") for rule in rulebook.word_rules
                    for terms in rule.terms.values() for term in terms}, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)
    seconds, _ = timed(lambda: [pattern.findall(p.text) for p in posts])
    return len(posts) / seconds


def cold_start(runs: int) -> list[float]:
    with tempfile.TemporaryDirectory() as tmp:
        queue = Path(tmp) / "queue.json"
        queue.write_text(json.dumps([{"id": p.id, "platform": p.platform, "language": p.language,
                                      "scheduled_at": p.scheduled_at.isoformat(), "text": p.text}
                                     for p in make_posts(50)]), encoding="utf-8")
        feed = Path(__file__).resolve().parent.parent / "examples" / "feed.xml"
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "safepost", "check", str(queue), "--feed", str(feed),
                            "--now", NOW.isoformat(), "--format", "json"], capture_output=True, check=False,
                           cwd=tmp)
            times.append(time.perf_counter() - start)
        return times


def import_cost() -> float:
    code = "import time; t = time.perf_counter(); import safepost.cli; print(time.perf_counter() - t)"
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    args = parser.parse_args()
    sizes = [1_000, 5_000] if args.quick else [1_000, 10_000, 50_000]

    print("== cold start: `safepost check` on 50 posts with a local feed (subprocess, wall time)")
    times = cold_start(3 if args.quick else 5)
    print(f"   median {statistics.median(times):.2f} s  (runs: {', '.join(f'{t:.2f}' for t in times)})")
    print(f"   of which `import safepost.cli`: {import_cost():.3f} s")

    seconds, rulebook = timed(load_rulebook)
    print(f"== rulebook load and compile: {seconds:.2f} s ({sum(len(v) for v in rulebook.sections.values())} rules)")
    warm = make_posts(600)
    seconds, _ = timed(gate.check, warm, [], rulebook, NOW)
    print(f"   warm-up (lemmatisers load on first use): {seconds:.2f} s")

    print("== posts per second, gate.check with the full rulebook, no incidents")
    for size in sizes:
        posts = make_posts(size)
        baseline = naive_baseline(posts, rulebook)
        seconds, decisions = timed(gate.check, posts, [], rulebook, NOW)
        rate = size / seconds
        print(f"   {size:>7,} posts: {rate:>9,.0f} posts/s  (naive regex baseline {baseline:,.0f} posts/s; "
              f"ratio {rate / baseline:.2f}x; {sum(d.verdict > 0 for d in decisions)} not passing)")

    print("== text analysis alone (tokenise + word-form keys)")
    posts = make_posts(sizes[-1])
    seconds, _ = timed(lambda: [analyze(p.text, p.language) for p in posts])
    print(f"   {len(posts) / seconds:,.0f} posts/s")

    print("== incident detection over 5,000 headlines")
    headlines = make_headlines(5_000)
    seconds, incidents = timed(detect_incidents, headlines, rulebook, NOW)
    print(f"   {seconds:.2f} s, {len(headlines) / seconds:,.0f} headlines/s -> {len(incidents)} incidents")

    print("== 10,000 posts against 50 active incidents vs. against none (same run)")
    incidents = detect_incidents(make_headlines(400, seed=3), rulebook, NOW)[:50]
    posts = make_posts(10_000, seed=5)
    base, _ = timed(gate.check, posts, [], rulebook, NOW)
    seconds, decisions = timed(gate.check, posts, incidents, rulebook, NOW)
    print(f"   {len(incidents)} incidents: {len(posts) / seconds:,.0f} posts/s; with none: "
          f"{len(posts) / base:,.0f} posts/s (cost ratio {seconds / base:.2f}x); "
          f"{sum(d.verdict > 0 for d in decisions)} not passing")


if __name__ == "__main__":
    main()
