"""`--format markdown`: for pasting into a chat or a ticket. Post text is escaped so a stray `*`
or `|` in a post cannot reformat the message, and the matched words are shown in bold."""
from __future__ import annotations

import re

from safepost.model import Decision, Verdict
from safepost.render import Report, utc_label
from safepost.text.normalize import clean_for_terminal

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")
ICON = {Verdict.HOLD: "🛑 HOLD", Verdict.FLAG: "⚠️ FLAG", Verdict.PASS: "✅ PASS"}


def escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", clean_for_terminal(text).replace("\n", " "))


def _highlighted(decision: Decision) -> str:
    text = decision.post.text
    spans = sorted({f.span for f in decision.findings if f.span and f.check != "platform"})
    out, position = [], 0
    for start, end in spans:
        if start < position:
            continue
        out.append(escape(text[position:start]))
        out.append(f"**{escape(text[start:end])}**")
        position = end
    out.append(escape(text[position:]))
    return "".join(out)


def render(report: Report, show_passes: bool = False) -> str:
    summary = report.summary()
    lines = [f"## safepost check: {summary['hold']} hold, {summary['flag']} flag, "
             f"{summary['pass']} pass", "", f"Checked at {utc_label(report.now)}."]
    if report.incidents:
        lines += ["", "**Active incidents**", ""]
        lines += [f"- {escape(i.title)} ({i.kind}, severity {i.severity})" for i in report.incidents]
    for notice in report.notices:
        lines += ["", f"> {escape(notice)}"]
    for decision in report.decisions:
        if decision.verdict == Verdict.PASS and not show_passes:
            continue
        post = decision.post
        lines += ["", f"### {ICON[decision.verdict]} · {escape(post.id)} · {escape(post.platform)} · "
                      f"{utc_label(post.scheduled_at)}", "", f"> {_highlighted(decision)}", ""]
        for finding in decision.findings:
            lines.append(f"- **{finding.level}** `{finding.rule}`: {escape(finding.message)}")
            for headline in finding.evidence.get("headlines", ()):
                lines.append(f"  - headline: {escape(headline['title'])} ({escape(headline.get('source', ''))})")
            if finding.evidence.get("note"):
                lines.append(f"  - why: {escape(finding.evidence['note'])}")
        lines += [f"- note: {escape(note)}" for note in decision.notes]
    return "\n".join(lines) + "\n"
