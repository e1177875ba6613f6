"""The optional trained-NER path (`ner_model:`), exercised with a real spaCy pipeline built here
(a rule-based entity ruler saved to disk): no trained model can be installed on our machines."""
from __future__ import annotations

import json

import spacy

from conftest import check_json, rss

HEADLINES = [{"title": "Gunman Opens Fire At Paradise Mall, Five Dead", "published": "2026-05-04T09:00:00Z"}]
POST = [{"id": "promo", "platform": "twitter", "scheduled_at": "2026-05-04T12:00:00Z", "region": "GB",
         "language": "en", "text": "Paradise, get ready: our pop-up opens Saturday. Shop now"}]
NOW = "2026-05-04T11:00:00Z"


def save_pipeline(path) -> str:
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "GPE", "pattern": "Paradise"}])
    nlp.to_disk(path)
    return str(path)


def mentions(report) -> list[dict]:
    return [f for f in report["posts"][0]["findings"] if f["check"] == "incident-terms"]


def test_title_case_names_need_the_model(run_cli, write, tmp_path):
    queue, feed = write("q.json", json.dumps(POST)), write("feed.xml", rss(HEADLINES))
    _, report = check_json(run_cli, queue, "--feed", feed, "--now", NOW)
    assert report["incidents"] and mentions(report) == []  # Title Case hides the name from the heuristic

    write("safepost.yaml", f"ner_model: {save_pipeline(tmp_path / 'ner')}\n")
    code, report = check_json(run_cli, queue, "--feed", feed, "--now", NOW)
    assert "Paradise" in report["incidents"][0]["terms"]
    [finding] = mentions(report)
    assert finding["verdict"] == "hold" and finding["match"] == "Paradise"
    assert code == 1


def test_a_missing_model_is_a_clean_error(run_cli, write):
    write("safepost.yaml", "regions: [US]\nner_model: en_core_web_nosuch\n")
    code, _, err = run_cli("check", write("q.json", json.dumps(POST)), "--feed",
                           write("feed.xml", rss(HEADLINES)), "--now", NOW)
    assert code == 2 and err.count("\n") == 1
    assert "safepost.yaml:2:" in err and "en_core_web_nosuch" in err
    assert "python -m spacy download en_core_web_nosuch" in err and "remove 'ner_model'" in err
