"""`check --approved-out/--held-out`: the posts that may (and may not) go out, written in the
queue's own format so the manager can upload the file back to the scheduler. The input is never
modified."""
from __future__ import annotations

import codecs
import json

import pytest
import yaml

from safepost.errors import InputError
from safepost.queue import read_queue, selection

pytestmark = pytest.mark.usefixtures("no_news")  # words, queues and outputs: no news on purpose

NOW = "2026-07-31T16:00:00Z"
RUDE = "Nobody asked for your opinion. Go eat somewhere else."


def run_check(run_cli, queue: str, *extra: str) -> tuple[int, str]:
    code, _, err = run_cli("check", queue, "--now", NOW, "--approved-out", "approved" + queue[queue.rindex("."):],
                           "--held-out", "held" + queue[queue.rindex("."):], *extra)
    assert code in (0, 1), err
    return code, err


def test_csv_rows_are_copied_exactly_with_header_delimiter_quoting_bom_and_line_endings(run_cli, tmp_path):
    header = 'sep=;\r\n"id";"platform";"scheduled_at";"language";"reply_to";"text"\r\n'
    calm = '"ok-1";"linkedin";"2026-08-03T09:00:00Z";"en";"";"Line one\r\nline two; still the same post"\r\n'
    rude = f'"rude";"facebook";"2026-08-03T09:30:00Z";"en";"c-9";"{RUDE}"\r\n'
    last = '"ok-2";"linkedin";"2026-08-04T09:00:00Z";"en";"";"We\'re hiring, again."\r\n'
    original = codecs.BOM_UTF8 + (header + calm + rude + last).encode("utf-8")
    (tmp_path / "queue.csv").write_bytes(original)
    _, err = run_check(run_cli, "queue.csv")
    assert (tmp_path / "approved.csv").read_bytes() == codecs.BOM_UTF8 + (header + calm + last).encode("utf-8")
    assert (tmp_path / "held.csv").read_bytes() == codecs.BOM_UTF8 + (header + rude).encode("utf-8")
    assert (tmp_path / "queue.csv").read_bytes() == original
    assert "Wrote 2 post(s) that may go out to approved.csv" in err
    assert [p.id for p in read_queue(tmp_path / "approved.csv")] == ["ok-1", "ok-2"]


def test_a_headerless_export_stays_headerless(run_cli, tmp_path):
    rows = ['01/08/2026 09:00,"Good morning, Warsaw! Fresh bread from 7am.",https://example.com/bakery\n',
            '01/08/2026 17:00,"Closing early today at 16:00."\n']
    (tmp_path / "hootsuite.csv").write_text("".join(rows), encoding="utf-8")
    (tmp_path / "safepost.yaml").write_text("news: off\ntimezone: Europe/Warsaw\nlanguage: en\ndate_order: DMY\n",
                                            encoding="utf-8")
    run_check(run_cli, "hootsuite.csv", "--platform", "facebook")
    assert (tmp_path / "approved.csv").read_text(encoding="utf-8") == "".join(rows)
    assert (tmp_path / "held.csv").read_text(encoding="utf-8") == ""


def test_json_keeps_its_shape_and_every_value_of_every_post(run_cli, tmp_path):
    posts = [{"id": "ok", "platform": "linkedin", "scheduled_at": "2026-08-03T09:00:00Z", "language": "en",
              "text": "We're hiring two engineers.", "campaign": {"name": "jobs", "budget": 7}},
             {"id": "rude", "platform": "facebook", "scheduled_at": "2026-08-03T09:30:00Z", "language": "en",
              "reply_to": "c-9", "text": RUDE}]
    document = {"exported": "2026-07-31", "posts": posts, "account": "acme"}
    (tmp_path / "queue.json").write_text(json.dumps(document), encoding="utf-8")
    run_check(run_cli, "queue.json")
    approved = json.loads((tmp_path / "approved.json").read_text(encoding="utf-8"))
    assert approved == {"exported": "2026-07-31", "posts": [posts[0]], "account": "acme"}
    assert list(approved) == ["exported", "posts", "account"]
    assert json.loads((tmp_path / "held.json").read_text(encoding="utf-8"))["posts"] == [posts[1]]


def test_yaml_list_stays_a_list_and_reads_back(run_cli, tmp_path):
    (tmp_path / "queue.yaml").write_text(f"""
- id: ok
  platform: linkedin
  scheduled_at: 2026-08-03T09:00:00Z
  language: en
  region: "no"
  text: We're hiring two engineers.
- id: rude
  platform: facebook
  scheduled_at: 2026-08-03T09:30:00Z
  language: en
  reply_to: c-9
  text: {RUDE}
""", encoding="utf-8")
    run_check(run_cli, "queue.yaml")
    held = yaml.safe_load((tmp_path / "held.yaml").read_text(encoding="utf-8"))
    assert [post["id"] for post in held] == ["rude"]
    assert [p.id for p in read_queue(tmp_path / "approved.yaml")] == ["ok"]
    assert yaml.safe_load((tmp_path / "approved.yaml").read_text(encoding="utf-8"))[0]["region"] == "no"


def test_during_a_pause_only_approved_posts_may_go_out(run_cli, tmp_path):
    rows = ("id,platform,scheduled_at,language,text\n"
            "a,linkedin,2026-08-03T09:00:00Z,en,We're hiring.\n"
            "b,linkedin,2026-08-04T09:00:00Z,en,Our new office opens in May.\n")
    (tmp_path / "queue.csv").write_text(rows, encoding="utf-8")
    run_cli("pause", "--reason", "Breaking news", "--by", "Ana", "--now", NOW)
    run_check(run_cli, "queue.csv")
    assert (tmp_path / "approved.csv").read_text() == "id,platform,scheduled_at,language,text\n"
    run_cli("approve", "b", "--by", "Ana", "--now", "2026-07-31T16:01:00Z")
    run_check(run_cli, "queue.csv")
    assert (tmp_path / "approved.csv").read_text().splitlines()[1:] == [rows.splitlines()[2]]
    assert (tmp_path / "held.csv").read_text().splitlines()[1:] == [rows.splitlines()[1]]


@pytest.mark.parametrize("approved, held, says", [
    ("queue.csv", None, "not the queue itself"),
    ("./sub/../queue.csv", None, "not the queue itself"),
    ("out.csv", "out.csv", "two different files"),
    ("missing-folder/out.csv", None, "cannot write"),
])
def test_outputs_never_overwrite_the_queue(run_cli, tmp_path, approved, held, says):
    original = b"id,platform,scheduled_at,text\nx,linkedin,2026-08-03T09:00:00Z,Hello.\n"
    (tmp_path / "sub").mkdir()
    (tmp_path / "queue.csv").write_bytes(original)
    args = ["check", "queue.csv", "--now", NOW, "--approved-out", approved] + (["--held-out", held] if held else [])
    code, _, err = run_cli(*args)
    assert code == 2 and err.count("\n") == 1 and says in err, err
    assert (tmp_path / "queue.csv").read_bytes() == original


def test_a_queue_edited_while_it_was_checked_is_not_written(tmp_path):
    queue = tmp_path / "queue.csv"
    checked = b"id,platform,scheduled_at,text\nx,linkedin,2026-08-03T09:00:00Z,Hello.\n"
    queue.write_bytes(checked)
    posts = read_queue(queue)
    queue.write_bytes(checked.replace(b"Hello.", b"Something nobody checked."))
    with pytest.raises(InputError, match="changed while it was being checked"):
        selection(queue, tmp_path / "out.csv", posts, [True], checked)
    assert not (tmp_path / "out.csv").exists()
