"""`safepost gate` as a publishing script calls it: one post as JSON on stdin, a real process,
the team's real store, and the same judgement as `check` on the same post."""
from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-07-31T16:00:00Z"


def run(folder: Path, *args: str, stdin: str = "") -> tuple[int, str, str]:
    environment = {**os.environ, "XDG_CACHE_HOME": str(folder / "cache")}
    done = subprocess.run([sys.executable, "-m", "safepost", *args, "--config", str(folder / "safepost.yaml"),
                           "--now", NOW], input=stdin, capture_output=True, text=True, cwd=folder,
                          env=environment, timeout=60)
    return done.returncode, done.stdout, done.stderr


def judgement(post: dict) -> tuple:
    return post["id"], post["verdict"], sorted(f["rule"] for f in post["findings"])


def test_gate_agrees_with_check_on_every_post_of_the_example_queue(tmp_path):
    folder = tmp_path / "team"
    shutil.copytree(ROOT / "examples", folder, ignore=shutil.ignore_patterns(".safepost"))
    code, out, err = run(folder, "check", "queue.csv", "--format", "json")
    assert code in (0, 1), err
    checked = {post["id"]: post for post in json.loads(out)["posts"]}
    with open(folder / "queue.csv", encoding="utf-8", newline="") as queue:
        rows = [{key: value for key, value in row.items() if value} for row in csv.DictReader(queue)]
    assert len(rows) == len(checked)
    for row in rows:
        code, out, err = run(folder, "gate", "--fail-on", "flag", stdin=json.dumps(row))
        verdict = json.loads(out)
        assert judgement(verdict) == judgement(checked[row["id"]]), err
        assert code == (0 if verdict["verdict"] == "pass" else 1), err


def test_gate_holds_a_post_in_a_pause_and_reads_bad_input_as_one_line(tmp_path):
    folder = tmp_path / "team"
    shutil.copytree(ROOT / "examples", folder, ignore=shutil.ignore_patterns(".safepost"))
    post = {"id": "p1", "platform": "linkedin", "scheduled_at": "2026-07-31T18:00:00Z", "region": "PL",
            "text": "We're hiring two backend engineers for our Lisbon office."}
    assert run(folder, "pause", "--reason", "Storm", "--region", "PL", "--by", "Ana")[0] == 0
    code, out, err = run(folder, "gate", stdin=json.dumps(post))
    assert code == 1 and any(f["rule"] == "queue.paused" for f in json.loads(out)["findings"]), err
    code, out, err = run(folder, "gate", stdin=json.dumps({**post, "region": "UK"}))
    assert code == 2 and out == "" and err.count("\n") == 1 and "did you mean 'GB'" in err, err
    code, _, err = run(folder, "gate", stdin="[1, 2]")
    assert code == 2 and err.startswith("safepost: error: <stdin>:1:"), err
