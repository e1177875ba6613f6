"""The manager's view in a terminal: the answer first, then the why.

1. One line per flagged or held post: verdict, id, network, local time, the first reason in a
   few words; then a one-line total. At 80 columns a normal queue's answer fits one screen.
2. The details, grouped by cause: each incident or sensitive day (or rule) once, with its
   headlines and the rule notes, then the posts it touches with the matched words underlined.
3. With --all, every passing post with its text.

Width-aware: lines wrap at word boundaries with hanging indents. Piped output has no colour and
the same structure (matched words are marked with carets instead of underlined). Every string
from a post, a feed or a rulebook goes through `safe` before it is laid out."""
from __future__ import annotations

from safepost.model import Decision, Verdict
from safepost.render import Report, local_time, safe, time_label, utc_label
from safepost.render.layout import BADGE, BOLD, CYAN, DIM, LEVEL, MATCH, Ink, Span, cells, truncate
from safepost.render.review import (BLANKET, Cause, causes, flagged, headline_source, merged, news_line, notes_once,
                                    reason_parts, spans, unplaced_incidents, without_title)

MAX_TEXT = 1000  # characters of a post shown in the details; the rest is counted
ID_WIDTH = 24
RULE = "━━ "


def render(report: Report, width: int = 80, colour: bool = False, show_passes: bool = False) -> str:
    ink = Ink(colour, width)
    lines = _header(report, ink)
    rows = flagged(report)
    lines += _table(rows, ink)
    lines.append(_total(report, ink, show_passes))
    noted: set[str] = set()
    shown = causes(report)
    for cause in shown:
        lines.append("")
        lines += _cause(cause, ink, noted)
    if show_passes:
        lines += _passes(report, ink)
    others = unplaced_incidents(report, shown)
    if others:
        lines += ["", ink(RULE, DIM) + ink("Also in the news (no post touches it)", BOLD)]
        for incident in others:
            lines += ink.block("   ", f"{safe(incident.title)} [{incident.kind}, severity {incident.severity}, "
                                      f"{', '.join(incident.regions) or 'place unknown'}]")
    return "\n".join(lines) + "\n"


def _header(report: Report, ink: Ink) -> list[str]:
    news = news_line(report)
    lines = [ink("safepost check", BOLD) + ink(f" · now {utc_label(report.now)}" + (f" · {news}" if news else ""), DIM)]
    for status in report.feeds:
        if status.noteworthy:
            detail = "; ".join(safe(part) for part in (status.detail, *status.warnings) if part)
            lines += ink.block(ink("  ! ", LEVEL["flag"]), f"feed {safe(status.source)}: {status.outcome}"
                                                           + (f" ({detail})" if detail else ""), prefix_cells=4)
    for notice in report.notices:
        lines += ink.block(ink("  ! ", LEVEL["flag"]), safe(notice), prefix_cells=4)
    return lines + [""]


def _badge(verdict: Verdict, ink: Ink) -> str:
    return ink(f" {str(verdict).upper()} ", BADGE[str(verdict)])


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cells(text))


def _table(rows: list[Decision], ink: Ink) -> list[str]:
    """One line per post: verdict, id, network, local time, the first reason, cut to fit."""
    if not rows:
        return []
    ids = [truncate(safe(d.post.id), ID_WIDTH) for d in rows]
    networks = [safe(d.post.platform) for d in rows]
    times = [time_label(local_time(d.post)) for d in rows]
    id_w, net_w, time_w = (max(cells(v) for v in column) for column in (ids, networks, times))
    room = ink.width - (6 + 1 + id_w + 2 + net_w + 2 + time_w + 2)
    with_network = room >= 16 or ink.width - (6 + 1 + id_w + 2 + time_w + 2) < 16
    if not with_network:
        room += net_w + 2
    lines = []
    for decision, post_id, network, when in zip(rows, ids, networks, times):
        line = f"{_badge(decision.verdict, ink)} {ink(_pad(post_id, id_w), BOLD)}  "
        if with_network:
            line += f"{_pad(network, net_w)}  "
        line += f"{_pad(when, time_w)}  {_reason(decision, max(8, room))}"
        lines.append(line.rstrip())
    return lines


def _reason(decision: Decision, room: int) -> str:
    """What fired and the words, cut to fit: the words give way first."""
    label, match = (safe(part) for part in reason_parts(decision))
    if not match:
        return truncate(label, room)
    full = f"{label}: '{match}'"
    if cells(full) <= room:
        return full
    need = cells(match) + 2
    if cells(label) + 2 + 8 <= room:  # the whole label, and what room is left for the words
        quote_room = room - cells(label) - 2
    else:
        quote_room = min(need, room // 2)
        label = truncate(label, max(4, room - quote_room - 2))
    return truncate(f"{label}: '{truncate(match, max(1, quote_room - 2))}'", room)


def _total(report: Report, ink: Ink, show_passes: bool) -> str:
    summary = report.summary()
    count = len(report.decisions)
    line = (f"{count:,} post{'s' if count != 1 else ''}: "
            + ink(f"{summary['hold']:,} hold", LEVEL["hold"] if summary["hold"] else None) + " · "
            + ink(f"{summary['flag']:,} flag", LEVEL["flag"] if summary["flag"] else None) + " · "
            + ink(f"{summary['pass']:,} pass", LEVEL["pass"]))
    if summary["pass"] and not show_passes:
        line += ink(" (--all shows them)", DIM)
    return line


def _cause(cause: Cause, ink: Ink, noted: set[str]) -> list[str]:
    level = str(cause.level)
    lines = ink.block(ink(RULE, LEVEL[level]), safe(cause.title), prefix_cells=3, style=BOLD)
    if cause.facts:
        lines += ink.block("   ", " · ".join(safe(fact) for fact in cause.facts if fact), style=DIM)
    for headline in cause.headlines:
        source = headline_source(headline, safe)
        text = f"\u201c{safe(headline.get('title', ''))}\u201d" + (f" ({source})" if source else "")
        lines += ink.block("   - ", text)
    if cause.more_headlines:
        lines.append(ink(f"     and {cause.more_headlines} more headlines", DIM))
    for finding, key, value in notes_once(cause, noted):
        label = "why" if key == "note" else key
        if key == "note" and cause.kind != "rule":
            label = f"why {safe(finding.rule)}"
        lines += ink.block(f"   {ink(label, DIM)}: ", safe(value), indent=5, prefix_cells=cells(label) + 5)
    if cause.blanket:
        lines.append("")
    for entry in cause.entries:
        if not cause.blanket:
            lines.append("")
        lines += _entry(cause, entry, ink)
    return lines


def _post_title(decision: Decision, ink: Ink) -> str:
    post = decision.post
    where = f" · line {post.source_line}" if post.source_line else ""
    return (f"{_badge(decision.verdict, ink)} {ink(safe(post.id), BOLD)}"
            + ink(f"  {safe(post.platform)} · {time_label(local_time(post), weekday=True)}{where}", DIM))


def _post_text(decision: Decision, findings, ink: Ink) -> list[str]:
    text = safe(decision.post.text)
    more = len(text) - MAX_TEXT
    shown = text[:MAX_TEXT] if more > 0 else text
    marked = [Span(start, end, MATCH[str(level)], mark=True) for start, end, level in spans(findings, text)]
    lines = ink.block("    ", shown, marked)
    if more > 0:
        lines.append(ink(f"    … and {more:,} more characters", DIM))
    return lines


def _entry(cause: Cause, entry, ink: Ink) -> list[str]:
    decision = entry.decision
    lines = [_post_title(decision, ink).rstrip()]
    if cause.blanket:  # what holds everything: the text only of posts held for nothing else
        alone = all(f.check in BLANKET for f in decision.findings if f.level > Verdict.PASS)
        return lines + (_post_text(decision, (), ink) if alone else [])
    lines += _post_text(decision, entry.findings, ink)
    for finding, matches in merged(entry.findings):
        level = str(finding.level)
        rule = safe(finding.rule)
        message = safe(without_title(finding.message, cause))
        quotes = ", ".join(f"'{safe(m)}'" for m in matches if m not in finding.message)
        text = f"{rule}  {message}" + (f" ({quotes})" if quotes else "")
        lines += ink.block(f"    {ink(level, LEVEL[level])}  ", text, [Span(0, len(rule), CYAN)],
                           prefix_cells=6 + len(level))
    for note in decision.notes:
        lines += ink.block(f"    {ink('note', DIM)}: ", safe(note), prefix_cells=10)
    return lines


def _passes(report: Report, ink: Ink) -> list[str]:
    passing = [d for d in report.decisions if d.verdict == Verdict.PASS]
    if not passing:
        return []
    lines = ["", ink(RULE, LEVEL["pass"]) + ink(f"Passing posts ({len(passing):,})", BOLD)]
    for decision in sorted(passing, key=lambda d: d.post.scheduled_at):
        lines.append("")
        lines.append(_post_title(decision, ink))
        lines += _post_text(decision, (), ink)
        for finding in decision.findings:  # an approval says who released it
            lines += ink.block(f"    {ink('pass', LEVEL['pass'])}  ", safe(finding.message), prefix_cells=10)
        for note in decision.notes:
            lines += ink.block(f"    {ink('note', DIM)}: ", safe(note), prefix_cells=10)
    return lines
