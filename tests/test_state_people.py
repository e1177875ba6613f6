"""pause, resume, approve and status as a team uses them, and what `check` then says. Real
SQLite store in the test's folder; the CLI runs in-process."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

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
    assert code == 0 and "Already paused" in out and "first" in out
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
    (("pause", "--reason", "x", "--region", "UK"), "did you mean 'GB'"),
    (("pause", "--reason", "x", "--platform", "twiter"), "did you mean 'twitter'"),
    (("pause", "--reason", "x", "--language", "english"), "--language"),
    (("resume", "7", "--by", "Ana"), "there is no pause 7"),
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


def test_two_overlapping_pauses_are_lifted_one_at_a_time(safepost, team):
    assert safepost("pause", "--reason", "UK storm", "--region", "GB", "--by", "Ana", "--now", NOW)[0] == 0
    code, out, _ = safepost("pause", "--reason", "FB outage", "--platform", "facebook", "--by", "Bo", "--now", NOW)
    assert code == 0 and "(pause 2)" in out and "safepost resume 2 --by" in out
    _, posts, _ = check(safepost, team, NOW)
    assert {post_id: [f["evidence"]["pause_id"] for f in p["findings"] if f["rule"] == "queue.paused"]
            for post_id, p in posts.items()} == {"calm": [1], "later": [1], "same-fb": [1], "same-li": [1], "rude": [1]}
    open_pauses = status(safepost, NOW)["pauses"]
    assert [(p["id"], p["scope"]["regions"], p["scope"]["platforms"], p["holds"]) for p in open_pauses] == [
        (1, ["GB"], [], 5), (2, [], ["facebook"], 0)]
    code, _, err = safepost("resume", "--by", "Cy", "--now", "2026-07-31T16:10:00Z")
    assert code == 2 and "2 pauses are open" in err and "--all" in err and err.count("\n") == 1
    assert len(status(safepost, NOW)["pauses"]) == 2  # a guess lifts nothing
    code, out, err = safepost("resume", "1", "--by", "Cy", "--note", "storm passed", "--now", "2026-07-31T16:10:00Z")
    assert code == 0 and "Resumed pause 1 (regions GB)" in out, err
    _, posts, _ = check(safepost, team, "2026-07-31T16:11:00Z")
    assert posts["later"]["verdict"] == "pass" and posts["same-li"]["verdict"] == "flag"  # cross-post, no pause
    assert [f["evidence"]["pause_id"] for f in posts["same-fb"]["findings"] if f["rule"] == "queue.paused"] == [2]
    code, out, _ = safepost("resume", "1", "--by", "Cy", "--now", "2026-07-31T16:12:00Z")
    assert code == 0 and "Pause 1 is not open: it was ended by Cy" in out
    assert safepost("resume", "--by", "Di", "--now", "2026-07-31T16:20:00Z")[0] == 0  # the only one left
    state = status(safepost, "2026-07-31T16:21:00Z")
    assert not state["paused"] and state["pauses"] == []
    assert [(e["actor"], e["action"], e["subject"]) for e in state["audit"]] == [
        ("Ana", "pause", "pause 1"), ("Bo", "pause", "pause 2"), ("Cy", "resume", "pause 1"),
        ("Di", "resume", "pause 2")]


def test_resume_all_lifts_every_open_pause_and_a_covered_scope_opens_none(safepost):
    safepost("pause", "--reason", "everything", "--by", "Ana", "--now", NOW)
    code, out, _ = safepost("pause", "--reason", "US only", "--region", "US", "--by", "Bo", "--now", NOW)
    assert code == 0 and "Already paused: pause 1" in out
    safepost("resume", "1", "--by", "Cy", "--now", NOW)
    for account in ("brand-pl", "brand-us"):
        safepost("pause", "--reason", "one account", "--account", account, "--by", "Bo", "--now", NOW)
    assert [p["scope"]["accounts"] for p in status(safepost, NOW)["pauses"]] == [["brand-pl"], ["brand-us"]]
    code, out, _ = safepost("resume", "--all", "--by", "Cy", "--now", LATER)
    assert code == 0 and out.count("Resumed pause") == 2 and not status(safepost, LATER)["paused"]


SPROUT = """date,time_24hr,message_text
31/07/2026,16:30,Our new recycling programme starts in September.
31/07/2026,17:10,Meet the team behind our refill stations.
31/07/2026,17:15,We're hiring two backend engineers for our Lisbon office.
31/07/2026,17:20,Our prices are so low it's a fucking crime.
01/08/2026,09:00,Our autumn menu arrives next week.
"""


def test_resume_stagger_writes_the_clear_posts_rescheduled_in_the_export_s_own_format(run_cli, tmp_path, monkeypatch):
    monkeypatch.delenv("SAFEPOST_ALERTS", raising=False)
    team = Team(tmp_path, extra="timezone: UTC\n")
    export = tmp_path / "sprout.csv"
    export.write_text(SPROUT, encoding="utf-8")
    out = tmp_path / "rescheduled.csv"
    safepost = lambda *args: run_cli(*team.args(*args))  # noqa: E731
    assert safepost("pause", "--reason", "Storm", "--by", "Ana", "--now", NOW)[0] == 0
    assert safepost("check", str(export), "--now", "2026-07-31T16:05:00Z")[0] == 1
    resumed_at = "2026-07-31T16:50:00Z"
    code, text, err = safepost("resume", "1", "--by", "Bo", "--queue", str(export), "--stagger", "20m",
                               "--approved-out", str(out), "--now", resumed_at)
    assert code == 0, err
    clear, fell_due, held = (text.split("Clear, still to go out")[1].split("Fell due during the pause")[0],
                             text.split("Fell due during the pause")[1].split("Still held")[0],
                             text.split("Still held")[1])
    assert "refill stations" in clear and "Lisbon" in clear and "autumn menu" in clear
    assert "recycling" in fell_due and "never released by themselves" in fell_due
    assert "crime" in held and "profanity" in held
    assert out.read_text(encoding="utf-8").splitlines()[0] == "date,time_24hr,message_text"
    code, report, err = safepost("check", str(out), "--preset", "sprout", "--format", "json", "--now", resumed_at)
    assert code in (0, 1), err
    times = sorted(datetime.fromisoformat(post["scheduled_at"].replace("Z", "+00:00"))
                   for post in json.loads(report)["posts"])
    assert len(times) == 4 and "crime" not in out.read_text(encoding="utf-8")
    assert times[0] >= datetime.fromisoformat(resumed_at.replace("Z", "+00:00"))
    assert all(later - earlier >= timedelta(minutes=20) for earlier, later in zip(times, times[1:]))
    assert times[-1] == datetime(2026, 8, 1, 9, tzinfo=timezone.utc)  # far enough out: kept its own time
    recheck = status(safepost, resumed_at)["audit"][-1]
    assert (recheck["actor"], recheck["action"]) == ("Bo", "recheck")
    assert len(recheck["details"]["rescheduled"]) == 4 and len(recheck["details"]["fell_due"]) == 1
    assert len(recheck["details"]["still_held"]) == 1


@pytest.mark.parametrize("args, says", [
    (("--stagger", "20m"), "need --queue"),
    (("--queue", "queue.csv", "--stagger", "20m"), "--stagger needs --approved-out"),
    (("--queue", "queue.csv", "--stagger", "soon", "--approved-out", "x.csv"), "--stagger: 'soon' is not an interval"),
])
def test_bad_resume_options_are_one_line_and_lift_nothing(safepost, team, args, says):
    safepost("pause", "--reason", "x", "--by", "Ana", "--now", NOW)
    code, _, err = safepost("resume", "--by", "Bo", *[str(team.root / a) if a == "queue.csv" else a for a in args])
    assert code == 2 and err.count("\n") == 1 and says in err, err
    assert status(safepost, NOW)["paused"]


def test_a_crisis_account_s_post_is_checked_flagged_and_approvable_but_never_paused(run_cli, tmp_path, monkeypatch):
    monkeypatch.delenv("SAFEPOST_ALERTS", raising=False)
    team = Team(tmp_path, extra="crisis_accounts: [care-team]\n")
    team.queue.write_text(
        "id,platform,scheduled_at,region,account,crisis,text\n"
        "care,twitter,2026-07-31T17:00:00Z,GB,care-team,,Our Leeds store is closed today; staff are safe.\n"
        "marked,twitter,2026-07-31T17:05:00Z,GB,brand,x,Our stores in Leeds reopen tomorrow at 9.\n"
        "promo,twitter,2026-07-31T17:10:00Z,GB,brand,no,Our summer sale starts now.\n", encoding="utf-8")
    safepost = lambda *args: run_cli(*team.args(*args))  # noqa: E731
    safepost("pause", "--reason", "Stadium collapse in Leeds", "--by", "Ana", "--now", NOW)
    _, posts, _ = check(safepost, team, NOW)
    assert posts["promo"]["verdict"] == "hold" and "queue.paused" in rules(posts["promo"])
    for post_id in ("care", "marked"):
        assert posts[post_id]["verdict"] == "flag" and rules(posts[post_id]) == {"queue.crisis"}, posts[post_id]
    assert safepost("approve", "care", "--by", "Bo", "--now", NOW)[0] == 0
    _, posts, _ = check(safepost, team, NOW)
    assert posts["care"]["verdict"] == "pass" and posts["marked"]["verdict"] == "flag"
    team.queue.write_text("id,platform,scheduled_at,crisis,text\nx,twitter,2026-07-31T17:00:00Z,maybe,Hi\n",
                          encoding="utf-8")
    code, _, err = safepost("check", str(team.queue), "--now", NOW)
    assert code == 2 and "queue.csv:2: crisis: 'maybe' is neither yes nor no" in err, err
