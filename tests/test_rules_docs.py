"""The rule examples in docs/rulebook.md are real: each lints clean and passes its own examples, so
a manager who copies one starts from a rule that works."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

GUIDE = Path(__file__).parent.parent / "docs" / "rulebook.md"
RULE_BLOCKS = [block for block in re.findall(r"```yaml\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)
               if re.match(r"(words|dates|topics|incidents|tone):", block)]


def test_the_guide_shows_every_kind_of_rule_a_manager_adds():
    assert [block.split(":")[0] for block in RULE_BLOCKS] == ["words", "dates", "topics", "incidents", "tone"]


@pytest.mark.parametrize("block", RULE_BLOCKS, ids=lambda block: block.split(":")[0])
def test_each_rule_in_the_guide_lints_clean_and_passes_its_examples(run_cli, write, block):
    path = write("from-the-guide.yaml", block)
    code, out, _ = run_cli("rules", "lint", path)
    assert (code, out) == (0, "No problems in 1 file.\n")
    code, out, _ = run_cli("rules", "test", "--coverage", path)
    assert code == 0 and out.endswith(": all pass\n"), out
