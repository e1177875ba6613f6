"""The judgement evaluation: every case the project has, run through the real `safepost check`.

Each case is a post, the instant of the check and the headlines a news feed carried then (plus
the day's noise headlines). It says what safepost must answer:
  hold   must be held              flag    flag or hold
  pass   must pass                 review  pass or flag, never hold (a benign post on a bad day)
and, for a bad post, words that the findings must quote (`evidence:`: the headline, the date or
the word the judgement rests on).

Prints caught / held / false alarms per language and per kind of event, lists every miss with
the reason, and with --json writes the figures for the test that keeps them from going backwards.

Then the words on an ordinary day: a generated queue of 10,000 marketing posts in the six
languages, 1% of them profane (eval/corpus/profane-*.txt, dodges included) and the rest clean,
among them 300 a language that use the everyday words which look risky there
(eval/corpus/clean-*.txt: photo shoot, bath bomb, killer feature...). Half the posts say their
language, half leave it to detection. Prints, per language, the share of profane posts caught and
of clean posts flagged, over the queue and over the whole corpora. Run with `make eval`.
"""
from __future__ import annotations

import argparse
import gc
import itertools
import json
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import yaml
from click.testing import CliRunner

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
ACCEPT = {"hold": {"hold"}, "flag": {"flag", "hold"}, "pass": {"pass"}, "review": {"pass", "flag"}}
COLLECT_EVERY = 20  # cases: a full collection costs a quarter of a second, twenty cases' garbage 200 MB
_RUNS = itertools.count(1)


@dataclass
class Outcome:
    case: dict
    source: str
    verdict: str
    findings: list
    evidence_missing: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def bad(self) -> bool:
        return self.case.get("kind", "bad" if self.case["expect"] in ("hold", "flag") else "benign") == "bad"

    @property
    def right(self) -> bool:
        return not self.error and self.verdict in ACCEPT[self.case["expect"]] and not self.evidence_missing

    @property
    def language(self) -> str:
        return self.case["post"].get("language") or self.case.get("language") or "en"

    @property
    def event(self) -> str:
        return self.case.get("event") or "other"

    def why(self) -> str:
        if self.error:
            return self.error
        if self.verdict not in ACCEPT[self.case["expect"]]:
            said = "; ".join(f"{f['verdict']} {f['rule']}: {f['message']}" for f in self.findings) or "no finding"
            return f"expected {self.case['expect']}, got {self.verdict} ({said})"
        return f"the findings do not quote {', '.join(map(repr, self.evidence_missing))}"


def rss(headlines: list[dict]) -> str:
    items = []
    for i, h in enumerate(headlines):
        published = format_datetime(datetime.fromisoformat(h["published"].replace("Z", "+00:00")), usegmt=True)
        summary = f"<description>{escape(h['summary'])}</description>" if h.get("summary") else ""
        items.append(f"<item><title>{escape(h['title'])}</title><pubDate>{published}</pubDate>"
                     f"<link>https://news.example.org/{i}</link>{summary}"
                     f"<source url=\"https://news.example.org/\">{escape(h.get('source', ''))}</source></item>")
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Eval Wire</title>'
            "<link>https://news.example.org/</link><description>eval</description>"
            + "".join(items) + "</channel></rss>")


def load_cases(folder: Path) -> list[tuple[str, dict, dict]]:
    """(file name, case, that file's noise sets) for every case in every file."""
    found = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8")) or {}
        noise = data.get("noise") or {}
        for case in data.get("cases") or []:
            found.append((path.stem, case, noise))
    return found


def headlines_of(case: dict, noise: dict) -> list[dict]:
    day = case["now"][:10]
    extra = []
    for name in ([case["noise"]] if isinstance(case.get("noise"), str) else case.get("noise") or []):
        for item in noise.get(name, []):
            extra.append({**item, "published": item["published"].replace("{day}", day)})
    return list(case.get("headlines") or []) + extra


def folded(text: str) -> str:
    """Case-blind in every language: Turkic "İ" folds to "i", not to "i" and a combining dot."""
    return text.casefold().replace("\u0307", "")


def quoted(findings: list) -> str:
    return folded(json.dumps(findings, ensure_ascii=False))


def run_case(source: str, case: dict, noise: dict, workdir: Path) -> Outcome:
    from safepost.cli import main

    folder = workdir / case["id"]
    folder.mkdir(parents=True, exist_ok=True)
    queue = folder / "queue.json"
    queue.write_text(json.dumps([{"id": case["id"], **case["post"]}], ensure_ascii=False), "utf-8")
    feed = folder / "feed.xml"
    feed.write_text(rss(headlines_of(case, noise)), "utf-8")
    result = CliRunner().invoke(main, ["check", str(queue), "--feed", str(feed), "--now", case["now"],
                                       "--format", "json"])
    gc.unfreeze()  # the command froze what it loaded, as a process that exits next may
    if next(_RUNS) % COLLECT_EVERY == 0:
        gc.collect()  # what the runs made in cycles: 1,300 cases in one process would keep 13 GB of it
    if result.exit_code not in (0, 1):
        return Outcome(case, source, "error", [], error=f"exit {result.exit_code}: {result.stderr.strip()[:200]}")
    post = json.loads(result.stdout)["posts"][0]
    outcome = Outcome(case, source, post["verdict"], post["findings"])
    if outcome.bad and post["verdict"] in ("flag", "hold"):
        text = quoted(post["findings"])
        wanted = [str(w) for w in case.get("evidence") or []]  # YAML reads "6.3" as a number
        if wanted and not any(folded(w) in text for w in wanted):
            outcome.evidence_missing = wanted
    return outcome


def table(title: str, outcomes: list[Outcome], key) -> list[str]:
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        groups[key(outcome)].append(outcome)
    lines = [f"{title:<14} {'bad':>4} {'caught':>7} {'held':>5} {'benign':>7} {'false alarms':>13}"]
    for name in sorted(groups):
        lines.append(row(name, groups[name]))
    lines.append(row("all", outcomes))
    return lines


def row(name: str, outcomes: list[Outcome]) -> str:
    bad = [o for o in outcomes if o.bad]
    benign = [o for o in outcomes if not o.bad]
    caught = sum(o.right for o in bad)
    held = sum(o.verdict == "hold" for o in bad)
    false_alarms = sum(not o.right for o in benign)
    return f"{name:<14} {len(bad):>4} {caught:>7} {held:>5} {len(benign):>7} {false_alarms:>13}"


def figures(outcomes: list[Outcome]) -> dict:
    by_source: dict[str, dict] = {}
    for source in sorted({o.source for o in outcomes}):
        mine = [o for o in outcomes if o.source == source]
        bad = [o for o in mine if o.bad]
        by_source[source] = {"bad": len(bad), "caught": sum(o.right for o in bad),
                             "benign": len(mine) - len(bad),
                             "false_alarms": sum(not o.right for o in mine if not o.bad)}
    return {"sources": by_source, "right": sorted(o.case["id"] for o in outcomes if o.right)}


WORDS_DAY = "2026-03-03"  # an ordinary day: no shipped date rule falls on it
REGIONS = {"en": "US", "pl": "PL", "ru": "RU", "uk": "UA", "nb": "NO", "az": "AZ"}
QUEUE_SIZE, PROFANE_SHARE = 10_000, 0.01


def corpus(kind: str) -> dict[str, list[str]]:
    return {path.stem.split("-", 1)[1]: [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]
            for path in sorted((HERE / "corpus").glob(f"{kind}-*.txt"))}


def word_rows(clean: dict, profane: dict, size: int | None) -> list[dict]:
    """The ordinary-day queue (size posts, 1% profane), or with size None every corpus line."""
    import random
    import sys as _sys

    _sys.path.insert(0, str(HERE.parent / "bench"))
    from generate import post_rows

    rng = random.Random(5)
    rows = []
    languages = sorted(clean)
    for language in languages:
        if size is None:
            texts = [(t, False) for t in clean[language]] + [(t, True) for t in profane.get(language, [])]
        else:
            share = size // len(languages)
            bad = rng.sample(profane.get(language, []), k=min(len(profane.get(language, [])), round(share * PROFANE_SHARE)))
            ordinary = [r["text"] for r in post_rows(share * len(languages), seed=7, spice=0)
                        if r["language"] == language]
            texts = [(t, True) for t in bad] + [(t, False) for t in clean[language]]
            texts += [(t, False) for t in ordinary[:share - len(texts)]]
        for i, (text, bad) in enumerate(texts):
            rows.append({"id": f"{language}-{len(rows)}", "platform": "facebook",
                         "scheduled_at": f"{WORDS_DAY}T{10 + i % 8:02d}:00:00Z", "region": REGIONS[language],
                         "language": language if i % 2 == 0 else "", "text": text, "_bad": bad, "_lang": language})
    return rows


def run_words(rows: list[dict], workdir: Path) -> dict[str, dict]:
    import csv

    from safepost.cli import main as cli

    queue = workdir / "words.csv"
    with open(queue, "w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, ["id", "platform", "scheduled_at", "region", "language", "text"])
        writer.writeheader()
        writer.writerows({k: v for k, v in row.items() if not k.startswith("_")} for row in rows)
    feed = workdir / "words.xml"
    noise = yaml.safe_load((CASES / "real-cases.yaml").read_text("utf-8"))["noise"]["generic"]
    feed.write_text(rss([{**h, "published": h["published"].replace("{day}", WORDS_DAY)} for h in noise]), "utf-8")
    result = CliRunner().invoke(cli, ["check", str(queue), "--feed", str(feed), "--now", f"{WORDS_DAY}T09:00:00Z",
                                      "--format", "json"])
    gc.unfreeze()
    verdicts = {post["id"]: post for post in json.loads(result.stdout)["posts"]}
    tally: dict[str, dict] = {}
    for row in rows:
        post = verdicts[row["id"]]
        entry = tally.setdefault(row["_lang"], {"profane": 0, "caught": 0, "clean": 0, "flagged": 0,
                                                "missed": [], "cried": []})
        if row["_bad"]:
            entry["profane"] += 1
            if post["verdict"] != "pass":
                entry["caught"] += 1
            else:
                entry["missed"].append(row["text"])
        else:
            entry["clean"] += 1
            if post["verdict"] != "pass":
                entry["flagged"] += 1
                entry["cried"].append(f"{row['text']}  <- {post['findings'][0]['rule'] if post['findings'] else ''}")
    return tally


def words_table(title: str, tally: dict[str, dict]) -> list[str]:
    lines = [f"{title:<14} {'profane':>8} {'caught':>7} {'clean':>6} {'flagged':>8}"]
    total = {"profane": 0, "caught": 0, "clean": 0, "flagged": 0}
    for language in sorted(tally):
        entry = tally[language]
        lines.append(_words_row(language, entry))
        for key in total:
            total[key] += entry[key]
    lines.append(_words_row("all", total))
    return lines


def _words_row(name: str, e: dict) -> str:
    caught = 100 * e["caught"] / e["profane"] if e["profane"] else 100.0
    flagged = 100 * e["flagged"] / e["clean"] if e["clean"] else 0.0
    return f"{name:<14} {e['profane']:>8} {caught:>6.1f}% {e['clean']:>6} {flagged:>7.2f}%"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=CASES, help="folder of case files")
    parser.add_argument("--only", help="run only the cases whose id contains this")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--cases-only", action="store_true", help="skip the words on an ordinary day")
    args = parser.parse_args()
    cases = [c for c in load_cases(args.cases) if not args.only or args.only in c[1]["id"]]
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        outcomes = [run_case(source, case, noise, Path(tmp)) for source, case, noise in cases]
    seconds = time.perf_counter() - start
    print(f"{len(outcomes)} cases in {seconds:.1f} s\n")
    for lines in (table("source", outcomes, lambda o: o.source), table("language", outcomes, lambda o: o.language),
                  table("event", outcomes, lambda o: o.event)):
        print("\n".join(lines), end="\n\n")
    misses = [o for o in outcomes if not o.right]
    print(f"{len(misses)} misses" + (":" if misses else ""))
    for o in misses:
        print(f"  {o.source}/{o.case['id']} [{o.language}]: {o.why()}")
    found = figures(outcomes)
    if not args.only and not args.cases_only:
        clean, profane = corpus("clean"), corpus("profane")
        with tempfile.TemporaryDirectory() as tmp:
            day = run_words(word_rows(clean, profane, QUEUE_SIZE), Path(tmp))
            whole = run_words(word_rows(clean, profane, None), Path(tmp))
        print(f"\n== words on an ordinary day: {sum(e['profane'] + e['clean'] for e in day.values()):,} posts, "
              f"{PROFANE_SHARE:.0%} profane")
        print("\n".join(words_table("language", day)))
        for language, entry in sorted(day.items()):
            for text in entry["cried"][:5]:
                print(f"  flagged [{language}]: {text}")
        print("\n== the whole corpora")
        print("\n".join(words_table("language", whole)))
        for language, entry in sorted(whole.items()):
            for text in entry["missed"]:
                print(f"  missed [{language}]: {text}")
            for text in entry["cried"]:
                print(f"  flagged [{language}]: {text}")
        found["words"] = {language: {k: v for k, v in entry.items() if k not in ("missed", "cried")}
                          for language, entry in whole.items()}
    if args.json:
        args.json.write_text(json.dumps(found, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
