"""`--format markdown`: GitHub-flavoured Markdown, for a ticket, a pull request or a wiki page.

The same story as the terminal: the counts, a table of every flagged and held post, then the
details grouped by cause, with the matched words in bold and the command that releases a post.

Post and feed text is data: it goes through `safe` (no control or bidi character survives), then
only the characters that could start Markdown formatting are escaped (`* _ ~ [ ] < > | & \\`` and
a line-leading `#`, `-`, `+`, `>`, `1.`): a stray `*` or `|` in a post cannot reformat the
message, and ordinary punctuation (`.`, `-`, `(`) is left alone, so it reads cleanly anywhere."""
from __future__ import annotations

import re

from safepost.model import Decision, Verdict
from safepost.render import Report, local_time, safe, time_label, utc_label
from safepost.render.review import (Cause, approve_command, causes, flagged, headline_source, marked_up, merged,
                                    news_line, notes_once, short_reason, unplaced_incidents, without_title)

_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
_LINE_START = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|[-+*](?=\s|$)|>|\d{1,9}[.)](?=\s|$))")
_LINK = re.compile(r"https?://[A-Za-z0-9.\-]+(?::\d+)?(?:/[A-Za-z0-9\-._~%!$'+,;=:@/?#]*)?")
ICON = {Verdict.HOLD: "🛑 HOLD", Verdict.FLAG: "⚠️ FLAG", Verdict.PASS: "✅ PASS"}
MAX_TEXT = 2000


def escape(text: str, line_start: bool = False) -> str:
    """`text` as literal Markdown: sanitised, on one line, its formatting characters escaped."""
    out = _INLINE.sub(r"\\\1", safe(text).replace("\r", " ").replace("\n", " "))
    if line_start:
        out = _LINE_START.sub(lambda m: m.group(1) + (m.group(2)[:-1] + "\\" + m.group(2)[-1] if m.group(2)[0].isdigit()
                                                      else "\\" + m.group(2)), out, count=1)
    return out


def code(text: str) -> str:
    """An inline code span that holds `text` whatever backticks it contains."""
    text = safe(text).replace("\n", " ")
    runs = [len(run) for run in re.findall(r"`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def link(title: str, url: str) -> str:
    """[title](url) when the URL is a plain http(s) address; else the title alone (a `javascript:`
    link in a feed is not made clickable)."""
    text = escape(title)
    return f"[{text}]({url})" if url and _LINK.fullmatch(url) else text


def highlighted(text: str, findings) -> str:
    """The post's text with the matched words in bold."""
    joined, more = marked_up(text, findings, MAX_TEXT, escape,
                             lambda word, _: f"**{escape(word.strip())}**" if word.strip() else "")
    lead = _LINE_START.match(safe(text)[:MAX_TEXT].replace("\n", " "))
    if lead and not joined.startswith("**"):  # "1. ..." or "# ..." would start a list or a heading
        at = lead.end(2) - 1 if lead.group(2)[0].isdigit() else lead.start(2)  # 1\. not \1.
        joined = joined[:at] + "\\" + joined[at:]
    return joined + (f" … ({more:,} more characters)" if more > 0 else "")


def render(report: Report, show_passes: bool = False) -> str:
    summary = report.summary()
    lines = [f"## safepost check: {summary['hold']:,} hold, {summary['flag']:,} flag, {summary['pass']:,} pass",
             "", f"Checked at {utc_label(report.now)}" + (f" · {news_line(report)}" if report.feeds else "") + "."]
    for notice in report.notices:
        lines += ["", f"> ⚠️ {escape(notice)}"]
    rows = flagged(report)
    if rows:
        lines += ["", "| verdict | post | network | local time | why |", "|---|---|---|---|---|"]
        lines += [f"| {ICON[d.verdict]} | {escape(d.post.id)} | {escape(d.post.platform)} | "
                  f"{time_label(local_time(d.post))} | {escape(short_reason(d))} |" for d in rows]
    noted: set[str] = set()
    shown = causes(report)
    for cause in shown:
        lines += _cause(cause, report, noted)
    if show_passes:
        passing = sorted((d for d in report.decisions if d.verdict == Verdict.PASS), key=lambda d: d.post.scheduled_at)
        if passing:
            lines += ["", f"### ✅ Passing posts ({len(passing):,})"]
            for decision in passing:
                lines += ["", f"#### {_post_title(decision)}", "", f"> {highlighted(decision.post.text, ())}"]
                lines += [f"- {escape(f.message)}" for f in decision.findings]
                lines += [f"- note: {escape(note)}" for note in decision.notes]
    others = unplaced_incidents(report, shown)
    if others:
        lines += ["", "### Also in the news (no post touches it)", ""]
        lines += [f"- {escape(i.title)} ({escape(i.kind)}, severity {i.severity})" for i in others]
    return "\n".join(lines) + "\n"


def _post_title(decision: Decision) -> str:
    post = decision.post
    line = f" · line {post.source_line}" if post.source_line else ""
    return (f"{ICON[decision.verdict]} {code(post.id)} · {escape(post.platform)} · "
            f"{time_label(local_time(post), weekday=True)}{line}")


def _cause(cause: Cause, report: Report, noted: set[str]) -> list[str]:
    icon = ICON[cause.level].split()[0]
    title = code(cause.title) if cause.kind == "rule" else escape(cause.title)
    lines = ["", f"### {icon} {title}"]
    if cause.facts:
        lines += ["", " · ".join(escape(fact) for fact in cause.facts if fact)]
    if cause.headlines:
        lines.append("")
        for headline in cause.headlines:
            source = headline_source(headline, escape)
            lines.append(f"- {link(headline.get('title', ''), headline.get('link') or '')} ({source})")
        if cause.more_headlines:
            lines.append(f"- and {cause.more_headlines} more headlines")
    for finding, key, value in notes_once(cause, noted):
        label = "why" if key == "note" else key
        which = f" {code(finding.rule)}" if cause.kind != "rule" and key == "note" else ""
        lines += ["", f"**{label}**{which}: {escape(value)}"]
    for entry in cause.entries:
        decision = entry.decision
        lines += ["", f"#### {_post_title(decision)}"]
        if cause.blanket:
            continue
        lines += ["", f"> {highlighted(decision.post.text, entry.findings)}", ""]
        for finding, words in merged(entry.findings):
            shown = words or ([finding.match] if finding.match and finding.check != "platform" else [])
            where = "".join(f" {code(word)}" for word in shown)
            lines.append(f"- **{finding.level}** {code(finding.rule)}{where}: "
                         f"{escape(without_title(finding.message, cause))}")
        lines += [f"- note: {escape(note)}" for note in decision.notes]
        lines.append(f"- to release it: {code(approve_command(decision, report.config_path))}")
    return lines
