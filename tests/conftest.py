"""Shared test helpers: run the real CLI in-process, build queue and feed files on disk."""
from __future__ import annotations

import gc
import json
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner

from safepost.cli import main


def rss(headlines: list[dict]) -> str:
    """An RSS 2.0 document with the given headlines (title, published ISO, source)."""
    items = []
    for h in headlines:
        published = format_datetime(datetime.fromisoformat(h["published"]), usegmt=True)
        items.append(f"<item><title>{escape(h['title'])}</title><pubDate>{published}</pubDate>"
                     f"<link>https://news.example.org/{len(items)}</link></item>")
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test Wire</title>'
            + "".join(items) + "</channel></rss>")


@pytest.fixture
def run_cli(tmp_path, monkeypatch):
    """Run `safepost ARGS` in a clean working directory; returns (exit code, stdout, stderr)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))

    def run(*args: str):
        result = CliRunner().invoke(main, list(args), catch_exceptions=False)
        gc.unfreeze()  # a command freezes what it loaded, as a process that exits next may
        return result.exit_code, result.stdout, result.stderr

    return run


@pytest.fixture
def no_news(tmp_path):
    """A team that checks without news on purpose (`news: off`): for tests about words, dates,
    queues and outputs, where a quiet news day would only add noise."""
    config = Path(tmp_path) / "safepost.yaml"
    config.write_text("news: off\n", encoding="utf-8")
    return str(config)


@pytest.fixture
def write(tmp_path):
    """Write a text file under the test's directory and return its path as a string."""

    def write_file(name: str, content: str | bytes) -> str:
        path = Path(tmp_path) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return str(path)

    return write_file


def check_json(run_cli, *args: str) -> tuple[int, dict]:
    code, out, err = run_cli("check", *args, "--format", "json")
    assert code in (0, 1), err
    return code, json.loads(out)
