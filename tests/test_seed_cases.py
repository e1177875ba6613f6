"""The incidents safepost exists to stop, end to end: a queue file and a local feed file go in
through the real CLI; the verdict the case expects comes out, with its reason."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import check_json, rss

CASES = yaml.safe_load((Path(__file__).parent / "data" / "seed-cases.yaml").read_text("utf-8"))["cases"]
EXPECT = {"hold": {"hold"}, "flag": {"flag", "hold"}, "pass": {"pass"}, "review": {"pass", "flag"}}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_seed_case(case, run_cli, write):
    post = {"id": case["id"], **case["post"]}
    queue = write("queue.json", json.dumps([post]))
    feed = write("feed.xml", rss(case["headlines"]))
    code, report = check_json(run_cli, queue, "--feed", feed, "--now", case["now"])
    [result] = report["posts"]
    assert result["verdict"] in EXPECT[case["expect"]], (case["why"], result["findings"])
    assert code == (1 if result["verdict"] == "hold" else 0)
    for finding in result["findings"]:
        assert finding["message"] and finding["rule"], "every judgement says why"


def test_news_findings_quote_their_headlines(run_cli, write):
    case = next(c for c in CASES if c["id"] == "rifleman-aurora")
    queue = write("queue.json", json.dumps([{"id": "p", **case["post"]}]))
    feed = write("feed.xml", rss(case["headlines"]))
    _, report = check_json(run_cli, queue, "--feed", feed, "--now", case["now"])
    [finding] = [f for f in report["posts"][0]["findings"] if f["check"] == "incident-words"]
    assert finding["match"] == "shooters"
    titles = {h["title"] for h in finding["evidence"]["headlines"]}
    assert "Aurora cinema shooting: what we know so far" in titles
    [incident] = report["incidents"]
    assert incident["kind"] == "shooting" and incident["severity"] == 5
    assert {"Aurora", "Colorado"} <= set(incident["terms"])
    assert "Markets open flat ahead of earnings" not in {h["title"] for h in incident["headlines"]}


def test_replay_does_not_see_headlines_from_its_future(run_cli, write):
    case = next(c for c in CASES if c["id"] == "rifleman-aurora")
    queue = write("queue.json", json.dumps([{"id": "p", **case["post"]}]))
    earlier = {"title": "Olympic torch relay reaches London", "published": "2012-07-20T01:00:00+00:00"}
    feed = write("feed.xml", rss([*case["headlines"], earlier]))
    # the first headline is 7 h 40 min ahead: more than any feed's clock runs fast
    _, report = check_json(run_cli, queue, "--feed", feed, "--now", "2012-07-20T02:00:00Z")
    assert report["incidents"] == []
    assert report["posts"][0]["verdict"] == "pass"
    assert "left out as not yet news" in report["feeds"][0]["warnings"][0]
