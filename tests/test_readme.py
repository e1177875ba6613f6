"""What the README shows works as shown: its config blocks load, its rule block lints, and every
`safepost` command line in it names a real command and real options. A user copies these."""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest

from safepost.cli import main
from safepost.config import load_config
from safepost.rulebook import load_rulebook

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"^```(\w+)\n(.*?)^```", README, re.M | re.S)


def command_lines() -> list[str]:
    lines = []
    for language, body in BLOCKS:
        if language not in ("sh", "cron"):
            continue
        for line in body.splitlines():
            line = line.split("  #")[0].strip()
            if "safepost " in line:
                lines.append(line[line.index("safepost "):])
    return lines


@pytest.mark.parametrize("line", command_lines())
def test_every_command_line_names_a_real_command_and_real_options(line):
    words = shlex.split(line)[1:]
    command: click.Command = main
    while isinstance(command, click.Group) and words and command.get_command(None, words[0]):
        command = command.get_command(None, words.pop(0))
    assert not isinstance(command, click.Group), f"{line!r} names no command"
    options = {name for param in command.params for name in getattr(param, "opts", [])}
    for word in words:
        if word.startswith("--"):
            assert word.split("=")[0] in options, f"{line!r}: {command.name} has no option {word}"


def test_the_readme_shows_command_lines():
    assert len(command_lines()) >= 20


def config_blocks() -> list[str]:
    return [body for language, body in BLOCKS if language == "yaml" and not body.startswith("words:")]


@pytest.mark.parametrize("index", range(len(config_blocks())))
def test_every_config_block_loads(tmp_path, index):
    path = tmp_path / "safepost.yaml"
    path.write_text(config_blocks()[index], encoding="utf-8")
    config = load_config(path)
    assert config.path == str(path)


def test_the_full_config_block_means_what_its_comments_say(tmp_path):
    path = tmp_path / "safepost.yaml"
    path.write_text(max(config_blocks(), key=len), encoding="utf-8")
    config = load_config(path)
    assert config.date_order == "DMY" and not config.news_off
    assert config.grades == {"mild": None}
    assert "incident.shooting.first-hours" in config.levels
    assert config.gate_fresh_for == 60


def test_the_rule_block_is_a_valid_rule_file(tmp_path):
    body = next(body for language, body in BLOCKS if language == "yaml" and body.startswith("words:"))
    path = tmp_path / "ours.yaml"
    path.write_text(body, encoding="utf-8")
    rulebook = load_rulebook([path])
    assert any(rule.id == "brand.competitor-names" for rule in rulebook.word_rules)
