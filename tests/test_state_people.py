"""pause, resume, approve and status as a team uses them, and what `check` then says. Real
SQLite store in the test's folder; the CLI runs in-process."""
from __future__ import annotations

import json

import pytest
from state_helpers import FOLLOW_UP, NOW, SHOOTING, Team

LATER = "2026-07-31T18:00:00Z"


@pytest.fixture
def team(tmp_path, monkeypatch):
    monkeypatch.delenv("SAFEPOST_ALERTS", raising=False)
    return Team(tmp_path)


@pytest.fixture
def safepost(run_cli, team):
    """`safepost ARGS --config <team's config>` in-process: (exit code, stdout, stderr)."""
    return lambda *args: run_cli(*team.args(*args))


def check(safepost, team, now: str, *extra: str) -> tuple[int, dict[str, dict], dict]:
    code, out, err = safepost("check", str(team.queue), "--now", now, "--format", "json", *extra)
    assert code in (0, 1), err
    report = json.loads(out)
    return code, {post["id"]: post for post in report["posts"]}, report


def rules(post: dict) -> set[str]:
    return {finding["rule"] for finding in post["findings"]}


def status(safepost, now: str) -> dict:
    code, out, err = safepost("status", "--now", now, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def test_pause_holds_every_post_naming_the_pause_and_its_reason(safepost, team):
    _, posts, _ = check(safepost, team, NOW)
    assert posts["calm"]["verdict"] == "pass"
    code, out, err = safepost("pause", "--reason", "Stadium collapse in Leeds", "--by", "Ana", "--now", NOW)
    assert code == 0, err
    assert "Paused the queue" in out and "safepost resume" in out
    code, posts, report = check(safepost, team, "2026-07-31T16:05:00Z")
    assert code == 1
    assert {post["verdict"] for post in posts.values()} == {"hold"}
    [finding] = [f for f in posts["calm"]["findings"] if f["rule"] == "queue.paused"]
    assert "Stadium collapse in Leeds" in finding["evidence"]["pause"] and "Ana" in finding["evidence"]["pause"]
    assert any("paused" in notice for notice in report["notices"])


def test_pausing_a_paused_queue_changes_nothing(safepost):
    safepost("pause", "--reason", "first", "--by", "Ana", "--now", NOW)
    code, out, _ = safepost("pause", "--reason", "second", "--by", "Bo", "--now", LATER)
    assert code == 0 and "already paused" in out and "first" in out
    state = status(safepost, LATER)
    assert state["pause"]["reason"] == "first"
    assert [entry["action"] for entry in state["audit"]] == ["pause"]


def test_resume_lists_missed_posts_and_later_checks_hold_them_until_rescheduled_or_approved(safepost, team):
    safepost("pause", "--reason", "Flooding in the north", "--by", "Ana", "--now", NOW)
    check(safepost, team, "2026-07-31T16:05:00Z")  # records what the pause held
    code, out, err = safepost("resume", "--by", "Bo", "--note", "reviewed the queue", "--now", LATER)
    assert code == 0, err
    missed_section = out.split("Missed — reschedule", 1)[1]
    assert "calm" in missed_section and "rude" in missed_section  # due at 17:00 and 17:30
    assert "later" not in missed_section  # due 3 August: goes out as planned

    _, posts, report = check(safepost, team, "2026-07-31T18:05:00Z")
    missed = [f for f in posts["calm"]["findings"] if f["evidence"].get("missed")]
    assert posts["calm"]["verdict"] == "hold"
    assert missed and missed[0]["message"].startswith("missed during the pause of 2026-07-31 16:00 UTC to "
                                                      "2026-07-31 18:00 UTC: reschedule or approve")
    assert posts["later"]["verdict"] == "pass"
    assert any("fell due while the queue was paused" in notice for notice in report["notices"])

    team.queue.write_text(team.queue.read_text().replace("calm,linkedin,2026-07-31T17:00:00Z",
                                                         "calm,linkedin,2026-08-01T10:00:00Z"))
    code, out, err = safepost("approve", "rude", "--by", "Cy", "--now", "2026-07-31T18:06:00Z")
    assert code == 0, err
    _, posts, _ = check(safepost, team, "2026-07-31T18:10:00Z")
    assert posts["calm"]["verdict"] == "pass"  # rescheduled
    assert posts["rude"]["verdict"] == "pass"  # approved
    assert posts["rude"]["findings"][0]["evidence"]["approved_by"] == "Cy"
    assert status(safepost, "2026-07-31T18:10:00Z")["missed"] == []


def test_pause_until_ends_by_itself_and_the_audit_says_so(safepost, team):
    code, out, _ = safepost("pause", "--reason", "Vigil tonight", "--by", "Ana", "--until", "2026-07-31T17:15:00Z",
                            "--now", NOW)
    assert code == 0 and "ends by itself" in out
    _, posts, _ = check(safepost, team, "2026-07-31T16:30:00Z")
    assert posts["later"]["verdict"] == "hold"
    _, posts, _ = check(safepost, team, "2026-07-31T17:20:00Z")
    assert posts["later"]["verdict"] == "pass"
    assert any("missed during the pause" in f["message"] for f in posts["calm"]["findings"])  # due 17:00
    assert not any(f["rule"] == "queue.paused" for f in posts["rude"]["findings"])  # due 17:30, after it
    state = status(safepost, "2026-07-31T17:20:00Z")
    assert not state["paused"]
    expiry = state["audit"][-1]
    assert expiry["action"] == "resume" and "--until" in expiry["reason"] and expiry["at"] == "2026-07-31T17:15:00Z"


def test_approval_releases_a_flagged_post_with_who_and_when(safepost, team):
    _, posts, _ = check(safepost, team, NOW)
    assert posts["same-fb"]["verdict"] == "flag"
    code, out, err = safepost("approve", "same-fb", "--by", "Ana", "--note", "two audiences", "--now",
                              "2026-07-31T16:10:00Z")
    assert code == 0, err
    assert "platform.cross-post" in out and "Bound to this text and this time" in out
    code, posts, report = check(safepost, team, "2026-07-31T16:20:00Z", "--fail-on", "flag")
    approved = posts["same-fb"]
    assert approved["verdict"] == "pass" and posts["same-li"]["verdict"] == "flag"
    [finding] = approved["findings"]
    assert finding["evidence"]["approved_by"] == "Ana" and finding["evidence"]["approved_at"] == "2026-07-31T16:10:00Z"
    assert finding["evidence"]["released"] == ["flag platform.cross-post"]
    assert any("same-fb (by Ana)" in notice for notice in report["notices"])
    assert code == 1  # same-li still flagged


@pytest.mark.parametrize("old, new, lapse", [
    ("Go eat somewhere else.", "Go eat somewhere else!", "the text changed since"),
    ("rude,facebook,2026-07-31T17:30:00Z", "rude,facebook,2026-07-31T19:30:00Z",
     "the time changed since (it was 2026-07-31 17:30 UTC)"),
])
def test_an_approval_stops_applying_when_the_post_changes(safepost, team, old, new, lapse):
    _, posts, _ = check(safepost, team, NOW)
    assert posts["rude"]["verdict"] == "hold"
    safepost("approve", "rude", "--by", "Ana", "--now", "2026-07-31T16:10:00Z")
    original = team.queue.read_text()
    team.queue.write_text(original.replace(old, new))
    _, posts, _ = check(safepost, team, "2026-07-31T16:20:00Z")
    assert posts["rude"]["verdict"] == "hold"
    assert any(f"the approval by Ana at 2026-07-31 16:10 UTC no longer applies: {lapse}" in note
               for note in posts["rude"]["notes"]), posts["rude"]["notes"]
    team.queue.write_text(original)
    _, posts, _ = check(safepost, team, "2026-07-31T16:25:00Z")
    assert posts["rude"]["verdict"] == "pass"  # the version that was approved is back


def test_an_approval_does_not_cover_news_that_broke_after_it(safepost, team):
    text = '"Killer deals in Denver this weekend! Shop now"'
    team.queue.write_text(team.queue.read_text() + f"denver,instagram,2026-08-01T12:00:00Z,US,en,,{text}\n"
                          f"denver-fb,facebook,2026-08-01T12:00:00Z,US,en,,{text}\n")
    _, posts, _ = check(safepost, team, "2026-07-31T10:05:00Z")
    assert posts["denver"]["verdict"] == "flag"  # the same text on two networks; no news yet
    safepost("approve", "denver", "--by", "Ana", "--now", "2026-07-31T10:10:00Z")
    _, posts, _ = check(safepost, team, "2026-07-31T10:15:00Z")
    assert posts["denver"]["verdict"] == "pass"
    team.news(SHOOTING, FOLLOW_UP)  # breaks at 11:20, after the approval
    _, posts, _ = check(safepost, team, NOW)
    assert posts["denver"]["verdict"] == "hold"
    assert any(f["rule"].startswith("incident.shooting") for f in posts["denver"]["findings"])
    assert any("held again for what came up since" in note for note in posts["denver"]["notes"])
    safepost("approve", "denver", "--by", "Bo", "--note", "checked with legal", "--now", "2026-07-31T16:10:00Z")
    _, posts, _ = check(safepost, team, "2026-07-31T16:15:00Z")
    assert posts["denver"]["verdict"] == "pass"
    assert posts["denver"]["findings"][0]["evidence"]["approved_by"] == "Bo"


def test_an_approval_given_before_a_pause_does_not_release_the_post_from_it(safepost, team):
    check(safepost, team, NOW)
    safepost("approve", "same-fb", "--by", "Ana", "--now", "2026-07-31T16:01:00Z")
    safepost("pause", "--reason", "Breaking news", "--by", "Bo", "--now", "2026-07-31T16:02:00Z")
    _, posts, _ = check(safepost, team, "2026-07-31T16:03:00Z")
    assert posts["same-fb"]["verdict"] == "hold"
    safepost("approve", "same-fb", "--by", "Ana", "--now", "2026-07-31T16:04:00Z")  # looked again, during it
    _, posts, _ = check(safepost, team, "2026-07-31T16:05:00Z")
    assert posts["same-fb"]["verdict"] == "pass" and posts["calm"]["verdict"] == "hold"


def test_approve_needs_a_post_a_check_has_seen(safepost, team):
    code, out, err = safepost("approve", "nope", "--by", "Ana", "--now", NOW)
    assert code == 2 and err.count("\n") == 1 and "run `safepost check QUEUE` first" in err
    check(safepost, team, NOW)
    code, out, _ = safepost("approve", "calm", "--by", "Ana", "--now", NOW)
    assert code == 0 and "nothing to approve" in out
    assert status(safepost, NOW)["audit"] == []


def test_status_shows_pause_pending_posts_and_audit(safepost, team):
    check(safepost, team, NOW)
    safepost("pause", "--reason", "Storm warning", "--by", "Ana", "--now", "2026-07-31T16:01:00Z")
    safepost("approve", "same-li", "--by", "Bo", "--now", "2026-07-31T16:02:00Z")
    state = status(safepost, "2026-07-31T16:03:00Z")
    assert state["paused"] and state["pause"] == {"since": "2026-07-31T16:01:00Z", "by": "Ana",
                                                  "reason": "Storm warning", "until": None}
    assert {post["id"] for post in state["pending"]} == {"same-fb", "same-li", "rude"}
    assert [(e["actor"], e["action"], e["subject"]) for e in state["audit"]] == [
        ("Ana", "pause", "pause 1"), ("Bo", "approve", "same-li")]
    code, out, _ = safepost("status", "--now", "2026-07-31T16:03:00Z")
    assert code == 0 and "PAUSED since 2026-07-31 16:01 UTC, by Ana" in out and "Storm warning" in out


def test_resume_when_not_paused_says_so(safepost):
    code, out, _ = safepost("resume", "--by", "Ana", "--now", NOW)
    assert code == 0 and "not paused" in out
    assert status(safepost, NOW)["audit"] == []


@pytest.mark.parametrize("args, says", [
    (("pause", "--reason", "x", "--until", "tomorrow"), "--until: 'tomorrow' is not an ISO 8601 time"),
    (("pause", "--reason", "x", "--until", "2026-07-31T15:00:00Z"), "is not after now"),
    (("pause", "--reason", "   "), "--reason must say why"),
    (("status", "--now", "soon"), "--now: 'soon' is not an ISO 8601 time"),
])
def test_bad_options_are_one_line_and_exit_2(safepost, args, says):
    code, _, err = safepost(*args, "--now", NOW) if "--now" not in args else safepost(*args)
    assert code == 2 and err.count("\n") == 1 and says in err, err


@pytest.mark.parametrize("config, says", [
    ("alerts: [hooks.example.org/secret-token]\n", "'alerts' item 1 is not a URL"),
    ("watch: {severity: 7}\n", "'severity' must be a whole number from 1 to 5"),
    ("watch: {severty: 4}\n", "unknown key 'severty' in watch (did you mean 'severity'?)"),
])
def test_bad_state_config_names_file_and_line(run_cli, tmp_path, config, says):
    path = tmp_path / "safepost.yaml"
    path.write_text("regions: [US]\n" + config, encoding="utf-8")
    code, _, err = run_cli("status", "--config", str(path), "--now", NOW)
    assert code == 2 and err.count("\n") == 1 and says in err, err
    assert "safepost.yaml:2" in err and "secret-token" not in err


def test_the_store_lives_where_the_config_says(run_cli, tmp_path):
    config = tmp_path / "team" / "safepost.yaml"
    config.parent.mkdir()
    config.write_text("state: ../shared/team.db\n", encoding="utf-8")
    code, _, err = run_cli("pause", "--reason", "test", "--by", "Ana", "--config", str(config), "--now", NOW)
    assert code == 0, err
    assert (tmp_path / "shared" / "team.db").is_file()
    assert not (tmp_path / "team" / ".safepost").exists()


def test_without_a_config_no_second_store_is_made_silently(run_cli, write, tmp_path):
    code, _, err = run_cli("pause", "--reason", "test", "--by", "Ana", "--now", NOW)
    assert code == 2 and "no safepost.yaml was found" in err and "safepost init" in err
    queue = write("q.csv", "id,platform,scheduled_at,text\na,linkedin,2026-08-03T09:00:00Z,Hello\n")
    code, out, err = run_cli("check", queue, "--now", NOW)
    assert "pauses and approvals were NOT applied" in err and "NOT applied" in " ".join(out.split())
    assert not (tmp_path / ".safepost").exists()


def test_the_team_s_config_is_found_from_a_subfolder_and_its_pause_holds(run_cli, write, tmp_path, monkeypatch):
    write("safepost.yaml", "news: off\nregions: [US]\n")
    assert run_cli("pause", "--reason", "storm", "--by", "Ana", "--now", NOW)[0] == 0
    queue = write("drafts/q.csv", "id,platform,scheduled_at,text\na,linkedin,2026-08-03T09:00:00Z,Hello\n")
    monkeypatch.chdir(tmp_path / "drafts")
    code, out, _ = run_cli("check", queue, "--now", NOW, "--format", "json")
    assert code == 1 and json.loads(out)["posts"][0]["verdict"] == "hold"
    assert not (tmp_path / "drafts" / ".safepost").exists()


def test_safepost_config_names_the_team_s_config_from_anywhere(run_cli, write, tmp_path, monkeypatch):
    config = write("team/safepost.yaml", "news: off\nregions: [US]\n")
    monkeypatch.setenv("SAFEPOST_CONFIG", config)
    assert run_cli("pause", "--reason", "storm", "--by", "Ana", "--now", NOW)[0] == 0
    assert (tmp_path / "team" / ".safepost" / "state.db").is_file()


def test_a_blank_name_is_refused_for_the_audit(run_cli, write):
    write("safepost.yaml", "news: off\n")
    code, _, err = run_cli("resume", "--by", "  ", "--now", NOW)
    assert code == 2 and "--by must name who resumes" in err


def test_a_store_that_is_not_a_database_is_one_line_exit_2(run_cli, tmp_path):
    (tmp_path / "safepost.yaml").write_text("news: off\n", encoding="utf-8")
    (tmp_path / ".safepost").mkdir()
    (tmp_path / ".safepost" / "state.db").write_bytes(b"this is a spreadsheet, honest" * 100)
    code, _, err = run_cli("status", "--now", NOW)
    assert code == 2 and err.count("\n") == 1 and "state.db" in err and "not a database" in err, err
