"""How the team's decisions change the gate's: applied at the edge, so `gate.check` stays pure.

- While a pause is open every post in its scope is held, with the pause and its reason as the
  finding.
- A crisis post (a `crisis` column, or an account in `crisis_accounts:`) is never held by a pause:
  it goes through every check and is flagged, so a person approves it.
- A post that fell due inside a pause that has ended (and in its scope) is held until a person
  gives it a new time or approves it: the end of a pause never releases a burst of stale posts.
- A person's approval releases a post from the findings they saw when they approved it. It is
  bound to the post's text and time, and a finding with a newer cause (an incident or a pause that
  began after the check they approved from) holds the post again: a yes given on Monday is not a
  yes to Tuesday's news.
"""
from __future__ import annotations

from datetime import datetime
from typing import Iterable

from safepost.gate import decide
from safepost.model import Decision, Finding, Incident, Post, Verdict, iso
from safepost.records import APPROVED_RULE, CRISIS_RULE, PAUSE_RULE, Approval, Pause, TeamState, fingerprint
from safepost.render import utc_label

MAX_LISTED = 10


def pause_finding(pause: Pause) -> Finding:
    return Finding(PAUSE_RULE, "pause", Verdict.HOLD,
                   f"held by pause {pause.id} ({pause.scope.label}): nothing in it goes out until a person "
                   "resumes it or approves this post", evidence=_pause_evidence(pause))


def missed_finding(pause: Pause) -> Finding:
    return Finding(PAUSE_RULE, "pause", Verdict.HOLD,
                   f"missed during the pause of {pause.window}: reschedule or approve",
                   evidence={**_pause_evidence(pause), "missed": True})


def crisis_finding(post: Post) -> Finding:
    why = "marked crisis in the queue" if post.crisis else f"account {post.account} is in crisis_accounts"
    return Finding(CRISIS_RULE, "crisis", Verdict.FLAG,
                   f"crisis communication ({why}): no pause holds it, every check still applies, and a "
                   "person approves it", evidence={"crisis": why})


def _pause_evidence(pause: Pause) -> dict:
    return {"pause": f"{pause.window}, by {pause.started_by}: {pause.reason}", "pause_id": pause.id,
            "scope": pause.scope.as_dict()}


def is_crisis(post: Post, crisis_accounts: tuple[str, ...]) -> bool:
    return post.crisis or bool(post.account and post.account in crisis_accounts)


def hold_for_pauses(decisions: list[Decision], state: TeamState, now: datetime, audience,
                    crisis_accounts: tuple[str, ...] = ()) -> list[Decision]:
    """An active pause holds the posts in its scope; an ended pause holds the posts in its scope
    that fell due inside it. A crisis post is held by neither, and flagged for a person instead."""
    active = state.active_pauses(now)
    ended = [pause for pause in state.pauses if pause.over_at(now)]
    out = []
    for decision in decisions:
        post = decision.post
        if is_crisis(post, crisis_accounts):
            out.append(decide(post, [*decision.findings, crisis_finding(post)], decision.notes))
            continue
        inside = lambda pause: pause.scope.holds(post, audience.regions, audience.language)  # noqa: E731
        holding = next((p for p in active if inside(p)), None)
        missed = next((p for p in ended if p.covers(post.scheduled_at) and inside(p)), None)
        extra = [pause_finding(holding)] if holding else []
        extra += [missed_finding(missed)] if missed else []
        out.append(decide(post, [*decision.findings, *extra], decision.notes) if extra else decision)
    return out


def apply_approvals(decisions: list[Decision], state: TeamState,
                    incidents: Iterable[Incident]) -> list[Decision]:
    started = {incident.id: incident.started for incident in incidents if incident.started}
    out = []
    for decision in decisions:
        approval = state.approvals.get(decision.post.id)
        if approval is None and decision.verdict != Verdict.PASS:
            out.append(_with_note_of_another_text(decision, state))
        elif approval is None or decision.verdict == Verdict.PASS:
            out.append(decision)
        else:
            out.append(_with_approval(decision, approval, state, started))
    return out


def _with_note_of_another_text(decision: Decision, state: TeamState) -> Decision:
    """A post named by network, time and text (no id in the export) whose text was edited is a
    new post; an approval of the old text is said to be for a different text, not applied."""
    from safepost.queue.posts import same_slot

    slot = same_slot(decision.post.id)
    earlier = next((a for post_id, a in state.approvals.items()
                    if slot and post_id != decision.post.id and post_id.startswith(slot)), None)
    if earlier is None:
        return decision
    who = f"{earlier.approved_by} at {utc_label(earlier.approved_at)}"
    return decide(decision.post, list(decision.findings),
                  (*decision.notes, f"the approval by {who} was for a different text at this time: this text "
                                    "needs its own approval"))


def _with_approval(decision: Decision, approval: Approval, state: TeamState,
                   started: dict[str, datetime]) -> Decision:
    post = decision.post
    who = f"{approval.approved_by} at {utc_label(approval.approved_at)}"
    lapse = approval.lapse_reason(fingerprint(post.text), post.scheduled_at)
    if lapse:
        return decide(post, list(decision.findings),
                      (*decision.notes, f"the approval by {who} no longer applies: {lapse}"))
    new = [f for f in decision.findings if not _covered(f, approval, state, started)]
    if new:
        return decide(post, new, (*decision.notes, f"approved by {who}; held again for what came up since"))
    released = sorted({f"{f.level} {f.rule}" for f in decision.findings})
    message = f"Approved by {who}" + (f": {approval.note}" if approval.note else "")
    finding = Finding(APPROVED_RULE, "approval", Verdict.PASS, message,
                      evidence={"approved_by": approval.approved_by, "approved_at": iso(approval.approved_at),
                                "note": approval.note, "released": released})
    return decide(post, [finding], (*decision.notes, f"{message}; released from: {', '.join(released)}"))


def _covered(finding: Finding, approval: Approval, state: TeamState, started: dict[str, datetime]) -> bool:
    """The person saw this rule fire, for a cause that already existed when they looked."""
    if finding.rule not in approval.released:
        return False
    pause_id = finding.evidence.get("pause_id")
    since = state.pause_started(pause_id) if pause_id is not None else \
        started.get(finding.evidence.get("incident_id", ""))
    return since is None or since <= approval.seen_at


def notices(decisions: list[Decision], state: TeamState, now: datetime) -> list[str]:
    """Run-wide lines for the report: the pause, the posts still missed, the posts released by hand."""
    lines = []
    for active in state.active_pauses(now):
        lines.append(f"The queue is paused for {active.scope.label} (pause {active.id}, {active.window}, by "
                     f"{active.started_by}): {active.reason}. Every post in it is held until a person runs "
                     f"`safepost resume {active.id} --by NAME` or approves it.")
    missed = [d.post.id for d in decisions
              if any(f.evidence.get("missed") for f in d.findings) and d.verdict == Verdict.HOLD]
    if missed:
        lines.append(f"{len(missed)} post(s) fell due while the queue was paused and are held until "
                     f"rescheduled or approved: {_listing(missed)}")
    approved = [f"{d.post.id} (by {f.evidence['approved_by']})" for d in decisions for f in d.findings
                if f.rule == APPROVED_RULE]
    if approved:
        lines.append(f"{len(approved)} post(s) go out on a person's approval: {_listing(approved)}")
    return lines


def _listing(items: list[str]) -> str:
    more = len(items) - MAX_LISTED
    return ", ".join(items[:MAX_LISTED]) + (f" and {more} more" if more > 0 else "")
