"""`safepost watch` as cron runs it: real feeds on disk, a real SQLite store, and the alerts
received by real servers on 127.0.0.1 (SMTP via aiosmtpd, an HTTP webhook). Concurrency and
`kill -9` run safepost as separate processes."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import time

import pytest
from state_helpers import BOUND, FOLLOW_UP, NOW, SHOOTING, Mailbox, Team, Webhook

GROWING = {"title": "Denver festival gunman named as death toll rises to 12", "published": "2026-07-31T15:40:00+00:00"}
FIVE_LATER, TEN_LATER, HOUR_LATER = "2026-07-31T16:05:00Z", "2026-07-31T16:10:00Z", "2026-07-31T17:00:00Z"


@pytest.fixture(autouse=True)
def no_alerts_from_the_machine(monkeypatch):
    monkeypatch.delenv("SAFEPOST_ALERTS", raising=False)


def watch(run_cli, team: Team, now: str, *extra: str) -> tuple[int, str, str]:
    return run_cli(*team.args("watch", "--now", now, *extra))


def status(run_cli, team: Team, now: str) -> dict:
    code, out, err = run_cli(*team.args("status", "--now", now, "--format", "json"))
    assert code == 0, err
    return json.loads(out)


def test_watch_pauses_once_and_alerts_once_by_email_and_webhook(run_cli, tmp_path, monkeypatch):
    with Mailbox() as mailbox, Webhook() as webhook:
        team = Team(tmp_path, alerts=(mailbox.url,))
        monkeypatch.setenv("SAFEPOST_ALERTS", webhook.url)
        code, out, err = watch(run_cli, team, NOW)
        assert code == 0 and "Nothing new." in out, err
        team.news(SHOOTING, FOLLOW_UP)
        code, out, err = watch(run_cli, team, NOW)
        assert code == 1, err
        assert out.startswith("PAUSED: safepost paused the post queue: " + SHOOTING["title"])
        for again in (FIVE_LATER, TEN_LATER):
            code, out, err = watch(run_cli, team, again, "--quiet")
            assert (code, out) == (0, ""), err
        [mail] = mailbox.messages
        [hook] = webhook.bodies
    assert mail["Subject"] == f"safepost paused the post queue: {SHOOTING['title']}"
    assert mail["To"] == "team@example.org"
    for text in (mail.get_body(("plain", "html")).get_content(), hook["message"]):  # e-mail: HTML with a text part
        assert FOLLOW_UP["title"] in text and "shooting, severity 4, US" in text
        assert f"safepost resume 1 --by YOUR-NAME --config {team.config}" in text
    assert hook["title"] == f"safepost paused the post queue: {SHOOTING['title']}"
    state = status(run_cli, team, TEN_LATER)
    assert state["paused"] and state["pause"]["by"] == "safepost watch" and SHOOTING["title"] in state["pause"]["reason"]
    assert [e["action"] for e in state["audit"]] == ["pause", "alert-sent", "alert-sent"]
    assert state["undelivered"] == []


def test_a_growing_story_is_the_same_incident_and_a_resume_is_not_overruled(run_cli, tmp_path):
    team = Team(tmp_path)
    team.news(SHOOTING)
    assert watch(run_cli, team, NOW)[0] == 1
    team.news(SHOOTING, FOLLOW_UP, GROWING)  # the cluster grows; its label may change
    assert watch(run_cli, team, FIVE_LATER)[0] == 0
    run_cli(*team.args("resume", "--by", "Ana", "--note", "reviewed", "--now", TEN_LATER))
    team.news(FOLLOW_UP, GROWING)  # the first headline has left the feed
    code, out, err = watch(run_cli, team, HOUR_LATER)
    assert code == 0, out + err
    state = status(run_cli, team, HOUR_LATER)
    assert not state["paused"] and len(state["incidents"]) == 1 and state["incidents"][0]["severity"] == 5
    assert [e["action"] for e in state["audit"]] == ["pause", "resume"]


def test_an_incident_outside_the_audience_is_reported_but_does_not_pause(run_cli, tmp_path):
    team = Team(tmp_path, regions="[GB, PL]")
    team.news(SHOOTING, FOLLOW_UP)
    code, out, _ = watch(run_cli, team, NOW)
    assert code == 1 and "not in your audience's regions (queue not paused)" in out
    assert watch(run_cli, team, FIVE_LATER)[0] == 0
    state = status(run_cli, team, FIVE_LATER)
    assert not state["paused"] and [e["action"] for e in state["audit"]] == ["incident"]


def test_below_the_configured_severity_nothing_happens(run_cli, tmp_path):
    team = Team(tmp_path, extra="watch: {severity: 5}\n")
    team.news(SHOOTING, FOLLOW_UP)  # 7 dead: severity 4
    assert watch(run_cli, team, NOW)[:2] == (0, "Nothing new.\n")
    assert not status(run_cli, team, NOW)["paused"]


def test_a_person_s_pause_stands_and_the_team_still_hears_of_the_new_incident(run_cli, tmp_path):
    with Webhook() as webhook:
        team = Team(tmp_path, alerts=(webhook.url,))
        run_cli(*team.args("pause", "--reason", "Company offsite", "--by", "Ana", "--now", NOW))
        team.news(SHOOTING)
        code = watch(run_cli, team, FIVE_LATER)[0]
        [hook] = webhook.bodies
    assert code == 1 and hook["title"].startswith("safepost: new incident while the queue is paused")
    assert "Company offsite" in hook["message"]
    state = status(run_cli, team, FIVE_LATER)
    assert state["pause"]["by"] == "Ana" and state["pause"]["reason"] == "Company offsite"


def test_a_failed_alert_is_reported_retried_next_run_and_never_blocks_the_pause(run_cli, tmp_path):
    with Mailbox() as mailbox, Webhook(replies=(500, 503)) as webhook:
        team = Team(tmp_path, alerts=(mailbox.url, webhook.url))
        team.news(SHOOTING)
        code, out, err = watch(run_cli, team, NOW)
        assert code == 1 and "failed (attempt 1)" in err and "retried on the next run" in err
        assert status(run_cli, team, NOW)["paused"]
        code, _, err = watch(run_cli, team, FIVE_LATER, "--quiet")
        assert code == 4 and "ALERT NOT DELIVERED" in err and "failed (attempt 2)" in err  # the team was not told
        code, out, err = watch(run_cli, team, TEN_LATER, "--quiet")
        assert code == 0 and out.startswith("Alert sent to json://127.0.0.1"), err
        assert len(webhook.bodies) == 3 and len(mailbox.messages) == 1  # e-mail was not sent twice
    state = status(run_cli, team, TEN_LATER)
    assert state["undelivered"] == []
    actions = [e["action"] for e in state["audit"]]
    assert actions[0] == "pause" and actions[-1] == "alert-sent"
    assert sorted(actions[1:]) == ["alert-failed", "alert-failed", "alert-sent", "alert-sent"]


@pytest.mark.parametrize("config_feed, says", [(True, "no news feed could be read"),
                                               (False, "watch needs news to read")])
def test_watch_exits_2_when_it_cannot_read_the_news(run_cli, tmp_path, config_feed, says):
    team = Team(tmp_path)
    if config_feed:
        team.feed.unlink()
    else:
        team.config.write_text("regions: [US]\n", encoding="utf-8")
    code, _, err = watch(run_cli, team, NOW)
    assert code == 2 and says in err, err


def test_two_watch_runs_at_once_pause_once_and_alert_once(tmp_path):
    with Webhook() as webhook:
        team = Team(tmp_path, alerts=(webhook.url,))
        team.news(SHOOTING, FOLLOW_UP)
        runs = [team.process("watch", "--now", NOW) for _ in range(3)]
        results = [(run.wait(BOUND * 3), *run.communicate()) for run in runs]
        assert sorted(code for code, _, _ in results) == [0, 0, 1], results
        assert all("locked" not in err for _, _, err in results)
        assert len(webhook.bodies) == 1
    with sqlite3.connect(team.store) as db:
        assert db.execute("SELECT count(*) FROM pauses").fetchone() == (1,)
        assert db.execute("SELECT count(*) FROM audit WHERE action = 'pause'").fetchone() == (1,)


def test_watch_and_check_at_the_same_time_keep_every_decision(tmp_path):
    team = Team(tmp_path)
    team.news(SHOOTING, FOLLOW_UP)
    runs = [team.process("watch", "--now", NOW)] + \
        [team.process("check", str(team.queue), "--now", NOW, "--format", "json") for _ in range(3)]
    results = [(run.wait(BOUND * 3), *run.communicate()) for run in runs]
    assert results[0][0] == 1, results[0]
    for code, out, err in results[1:]:
        assert code in (0, 1), err
        verdicts = {post["id"]: post["verdict"] for post in json.loads(out)["posts"]}
        assert len(verdicts) == 5  # each check saw the queue whole, paused or not
    with sqlite3.connect(team.store) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM pauses").fetchone() == (1,)
        assert db.execute("SELECT count(*) FROM seen_posts").fetchone() == (5,)


def test_a_watch_killed_while_alerting_leaves_the_pause_and_the_alert_is_sent_next_run(run_cli, tmp_path):
    with Webhook(hang=True) as webhook:
        team = Team(tmp_path, alerts=(webhook.url,))
        team.news(SHOOTING)
        run = team.process("watch", "--now", NOW)
        assert webhook.received.wait(BOUND), run.communicate()
        run.send_signal(signal.SIGKILL)  # kill -9 while the alert is on the wire
        run.communicate()
        assert run.returncode == -signal.SIGKILL
        state = status(run_cli, team, FIVE_LATER)
        assert state["paused"] and len(state["undelivered"]) == 1
        webhook.release.set()
        assert watch(run_cli, team, "2026-07-31T16:01:00Z", "--quiet")[:2] == (0, "")  # still claimed
        assert len(webhook.bodies) == 1
        code, out, _ = watch(run_cli, team, TEN_LATER, "--quiet")
        assert code == 0 and "Alert sent" in out
        assert len(webhook.bodies) == 2
    state = status(run_cli, team, TEN_LATER)
    assert state["undelivered"] == [] and [e["action"] for e in state["audit"]] == ["pause", "alert-sent"]


SCOPED_QUEUE = """id,platform,scheduled_at,region,language,account,crisis,text
us-post,linkedin,2026-07-31T18:00:00Z,US,en,brand-us,,Our new recycling programme starts in September.
pl-post,linkedin,2026-07-31T18:00:00Z,PL,en,brand-pl,,Our new recycling programme starts in September in Warsaw.
us-crisis,linkedin,2026-07-31T18:30:00Z,US,en,brand-us,yes,Our Denver store is closed today; staff are safe.
"""


def check(run_cli, team: Team, now: str) -> dict:
    code, out, err = run_cli(*team.args("check", str(team.queue), "--now", now, "--format", "json"))
    assert code in (0, 1), err
    return {post["id"]: post for post in json.loads(out)["posts"]}


def pause_ids(post: dict) -> list:
    return [f["evidence"]["pause_id"] for f in post["findings"] if f["rule"] == "queue.paused"]


def test_a_us_incident_pauses_us_posts_not_pl_ones_and_a_crisis_post_is_checked_not_paused(run_cli, tmp_path):
    team = Team(tmp_path, regions="[US, PL]")
    team.queue.write_text(SCOPED_QUEUE, encoding="utf-8")
    team.news(SHOOTING, FOLLOW_UP)
    code, out, err = watch(run_cli, team, NOW)
    assert code == 1 and "PAUSED:" in out and "(regions US)" in out, out + err
    posts = check(run_cli, team, FIVE_LATER)
    assert posts["us-post"]["verdict"] == "hold" and pause_ids(posts["us-post"]) == [1]
    assert any("held by pause 1 (regions US)" in f["message"] for f in posts["us-post"]["findings"])
    assert pause_ids(posts["pl-post"]) == []
    crisis = posts["us-crisis"]
    assert pause_ids(crisis) == [] and crisis["verdict"] in ("flag", "hold")
    assert any(f["rule"] == "queue.crisis" for f in crisis["findings"])
    assert any(f["rule"].startswith("incident.") for f in crisis["findings"])  # still checked against the news
    [open_pause] = status(run_cli, team, FIVE_LATER)["pauses"]
    assert open_pause["scope"]["regions"] == ["US"] and open_pause["holds"] == 1
    assert open_pause["by"] == "safepost watch"


def test_a_store_on_a_device_still_prints_and_alerts_what_watch_saw(run_cli, tmp_path):
    with Webhook() as webhook:
        team = Team(tmp_path, alerts=(webhook.url,), extra="state: /dev/full\n")
        team.news(SHOOTING)
        code, out, err = watch(run_cli, team, NOW)
        assert code == 2, out + err
        assert SHOOTING["title"] in out and "could NOT pause" in out
        assert "could not record it" in err and "regular file" in err and err.count("safepost: error") == 1
        [hook] = webhook.bodies
    assert hook["title"].startswith("safepost could NOT pause the post queue")
    assert not os.path.exists("/dev/full-journal") and not os.path.exists("/dev/full-wal")


@pytest.mark.parametrize("delay", [0.2, 0.5, 0.8, 1.1, 1.4])
def test_a_watch_killed_anywhere_in_a_pause_leaves_a_consistent_store_and_the_next_run_finishes(
        run_cli, tmp_path, delay):
    with Webhook() as webhook:
        team = Team(tmp_path, alerts=(webhook.url,))
        team.news(SHOOTING)
        run = team.process("watch", "--now", NOW)
        time.sleep(delay)
        run.send_signal(signal.SIGKILL)
        run.communicate()
        if team.store.exists():
            with sqlite3.connect(team.store) as db:
                assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
                pauses = db.execute("SELECT count(*) FROM pauses").fetchone()[0]
                owed = db.execute("SELECT count(*) FROM deliveries").fetchone()[0]
                tied = db.execute("SELECT count(*) FROM incidents WHERE pause_id IS NOT NULL").fetchone()[0]
            assert pauses == owed == tied  # the pause, its incident and its alert: all, or none
        code, _, err = watch(run_cli, team, TEN_LATER)  # after any claim by the killed run lapsed
        assert code in (0, 1), err
        assert len(webhook.bodies) >= 1
    state = status(run_cli, team, TEN_LATER)
    assert len(state["pauses"]) == 1 and state["undelivered"] == []


def test_alerts_test_reports_each_destination_and_fails_on_a_dead_one(run_cli, tmp_path, monkeypatch):
    with Webhook() as working, Webhook(replies=(500,)) as broken:
        monkeypatch.setenv("SAFEPOST_ALERTS", f"{working.url} {broken.url}")
        (tmp_path / "safepost.yaml").write_text("regions: [US]\ntimezone: UTC\nnews: off\n", encoding="utf-8")
        code, out, err = run_cli("alerts", "test")
    assert code == 1, err
    lines = out.splitlines()
    assert lines[0].startswith("delivered") and f":{working.server.server_address[1]}" in lines[0]
    assert lines[1].startswith("FAILED") and f":{broken.server.server_address[1]}" in lines[1]
    assert lines[-1] == "1 of 2 destinations delivered"
    assert working.bodies and "safepost: test alert" in json.dumps(working.bodies[0])


def test_alerts_test_with_no_destination_says_watch_would_tell_nobody(run_cli, tmp_path, monkeypatch):
    monkeypatch.delenv("SAFEPOST_ALERTS", raising=False)
    (tmp_path / "safepost.yaml").write_text("regions: [US]\ntimezone: UTC\nnews: off\n", encoding="utf-8")
    code, out, err = run_cli("alerts", "test")
    assert code == 1 and out == ""
    assert "no alert destinations" in err and err.count("\n") == 1


def test_the_team_hears_once_when_a_pause_ends(run_cli, tmp_path, monkeypatch):
    with Webhook() as webhook:
        team = Team(tmp_path)
        monkeypatch.setenv("SAFEPOST_ALERTS", webhook.url)
        team.news(SHOOTING, FOLLOW_UP)
        assert watch(run_cli, team, NOW)[0] == 1
        code, _, err = run_cli(*team.args("resume", "--by", "Ana", "--note", "reviewed", "--now", TEN_LATER))
        assert code == 0, err
        code, out, err = watch(run_cli, team, HOUR_LATER, "--quiet")
        assert code == 0, err
        assert "the pause of regions US ended: posts go out again" in out and "resumed by Ana" in out
        assert watch(run_cli, team, HOUR_LATER, "--quiet")[1] == ""  # told once
        titles = [body["title"] for body in webhook.bodies]
    assert titles == [f"safepost paused the post queue: {SHOOTING['title']}",
                      "safepost: the pause of regions US ended: posts go out again"]


def test_the_pause_alert_names_the_audience_s_posts_due_within_the_horizon(run_cli, tmp_path):
    team = Team(tmp_path, regions="[US, PL]", extra="watch: {horizon: 150}\n")
    team.queue.write_text(SCOPED_QUEUE, encoding="utf-8")
    check(run_cli, team, NOW)  # the scheduler's queue, as the morning's check saw it
    team.news(SHOOTING, FOLLOW_UP)
    code, out, err = watch(run_cli, team, FIVE_LATER)
    assert code == 1, out + err
    assert "2 posts for this audience are due within 150 min" in out
    assert "- us-post (linkedin, due" in out and "- us-crisis (linkedin, due" in out
    assert "pl-post" not in out  # outside the pause's scope: PL is not paused


def test_a_horizon_that_is_not_whole_minutes_is_refused_at_its_line(run_cli, tmp_path):
    team = Team(tmp_path, extra="watch: {horizon: soon}\n")
    code, _, err = watch(run_cli, team, NOW)
    assert code == 2 and "safepost.yaml:" in err and "'horizon' must be a number" in err
