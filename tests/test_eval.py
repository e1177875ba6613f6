"""The judgement figures do not go backwards: every case `make eval` last judged right (listed in
eval/figures.json) is still judged right, through the real `safepost check`: a change that
fixes one case by breaking another shows here. Run `make eval` to see the figures and refresh
the file."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("safepost_eval", ROOT / "eval" / "run.py")
evaluation = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = evaluation  # its dataclasses look their module up
_spec.loader.exec_module(evaluation)

FIGURES = json.loads((ROOT / "eval" / "figures.json").read_text("utf-8"))
CASES = evaluation.load_cases(evaluation.CASES)
RIGHT = [(source, case, noise) for source, case, noise in CASES if case["id"] in set(FIGURES["right"])]


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> str:
    """One cache for the module: word frequencies are built once, not once a case."""
    return str(tmp_path_factory.mktemp("cache"))


@pytest.mark.parametrize("source, case, noise", RIGHT, ids=[case["id"] for _, case, _ in RIGHT])
def test_a_case_judged_right_stays_right(source, case, noise, tmp_path, monkeypatch, cache):
    monkeypatch.setenv("XDG_CACHE_HOME", cache)
    outcome = evaluation.run_case(source, case, noise, tmp_path)
    assert outcome.right, f"{source}/{case['id']}: {outcome.why()}"


def test_every_case_names_its_event_and_each_id_is_unique():
    ids = [case["id"] for _, case, _ in CASES]
    assert len(ids) == len(set(ids))
    assert all(case.get("event") for _, case, _ in CASES)
    assert set(FIGURES["right"]) <= set(ids), "eval/figures.json names cases that no longer exist"
