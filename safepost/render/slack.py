"""`--format slack`: Slack mrkdwn, to paste into a channel or post through a webhook.

Slack has no backslash escapes: a `\\*` shows as a backslash and a star. So post and feed text
is made inert another way:
- `&`, `<` and `>` become `&amp;`, `&lt;` and `&gt;`, as Slack requires; with them go every
  `<!channel>`, `<@U123>` mention and `<http://x|label>` link a post could hold;
- the formatting characters `* _ ~ \\`` become look-alikes that format nothing (∗ ˍ ∼ ˋ);
- a bare `@channel`, `@here` or `@everyone` gets a full-width at sign (＠), so it pings nobody;
- `://` in a post's link becomes `[:]//`, so Slack neither links nor unfurls it (a post could
  otherwise make Slack fetch any address it names).
Everything goes through `safe` first (no control or bidi character survives)."""
from __future__ import annotations

import re

from safepost.model import Decision, Verdict
from safepost.render import Report, local_time, safe, time_label, utc_label
from safepost.render.review import (Cause, approve_command, causes, flagged, headline_source, marked_up, merged,
                                    news_line, notes_once, short_reason, unplaced_incidents, without_title)

_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_LOOK_ALIKES = str.maketrans({"*": "\u2217", "_": "\u02cd", "~": "\u223c", "`": "\u02cb"})
_BROADCAST = re.compile(r"(?<![\w.])@(?=(channel|here|everyone)\b)", re.IGNORECASE)
_SCHEME = re.compile(r"(?<=[A-Za-z])://")
ICON = {Verdict.HOLD: ":octagonal_sign: *HOLD*", Verdict.FLAG: ":warning: *FLAG*",
        Verdict.PASS: ":white_check_mark: *PASS*"}
MAX_TEXT = 2000


def escape(text: str) -> str:
    """`text` as inert mrkdwn: it shows as written and formats, mentions and links nothing."""
    text = safe(text).replace("\r", " ").replace("\n", " ").translate(_ENTITIES).translate(_LOOK_ALIKES)
    return _SCHEME.sub("[:]//", _BROADCAST.sub("\uff20", text))


def code(text: str) -> str:
    """An inline code span (a command to copy); a backtick inside becomes a look-alike."""
    return "`" + safe(text).replace("\n", " ").translate(_ENTITIES).replace("`", "\u02cb") + "`"


def highlighted(text: str, findings) -> str:
    """The post's text with the matched words in bold."""
    marked, more = marked_up(text, findings, MAX_TEXT, escape,
                             lambda word, _: f"*{escape(word.strip())}*" if word.strip() else escape(word))
    return marked + (f" … ({more:,} more characters)" if more > 0 else "")


def render(report: Report, show_passes: bool = False) -> str:
    summary = report.summary()
    news = news_line(report)
    lines = [f"*safepost check*: {summary['hold']:,} hold · {summary['flag']:,} flag · {summary['pass']:,} pass "
             f"(at {utc_label(report.now)}{f'; {news}' if news else ''})"]
    lines += [f":warning: {escape(notice)}" for notice in report.notices]
    rows = flagged(report)
    if rows:
        lines.append("")
        lines += [f"{ICON[d.verdict]} {code(d.post.id)} · {escape(d.post.platform)} · "
                  f"{time_label(local_time(d.post))} · {escape(short_reason(d))}" for d in rows]
    noted: set[str] = set()
    shown = causes(report)
    for cause in shown:
        lines += _cause(cause, report, noted)
    if show_passes:
        passing = sorted((d for d in report.decisions if d.verdict == Verdict.PASS), key=lambda d: d.post.scheduled_at)
        if passing:
            lines += ["", f"*Passing posts ({len(passing):,})*"]
            for decision in passing:
                lines += [_post_title(decision), f">{highlighted(decision.post.text, ())}"]
                lines += [f"      {escape(f.message)}" for f in decision.findings]
    others = unplaced_incidents(report, shown)
    if others:
        lines += ["", "*Also in the news* (no post touches it)"]
        lines += [f"• {escape(i.title)} ({escape(i.kind)}, severity {i.severity})" for i in others]
    return "\n".join(lines) + "\n"


def _post_title(decision: Decision) -> str:
    post = decision.post
    line = f" · line {post.source_line}" if post.source_line else ""
    return (f"{ICON[decision.verdict]} {code(post.id)} · {escape(post.platform)} · "
            f"{time_label(local_time(post), weekday=True)}{line}")


def _cause(cause: Cause, report: Report, noted: set[str]) -> list[str]:
    title = code(cause.title) if cause.kind == "rule" else f"*{escape(cause.title)}*"
    lines = ["", f"{ICON[cause.level].split()[0]} {title}"]
    if cause.facts:
        lines.append(" · ".join(escape(fact) for fact in cause.facts if fact))
    for headline in cause.headlines:
        source = headline_source(headline, escape)
        lines.append(f">“{escape(headline.get('title', ''))}” ({source})")
    if cause.more_headlines:
        lines.append(f">and {cause.more_headlines} more headlines")
    for finding, key, value in notes_once(cause, noted):
        label = "why" if key == "note" else key
        which = f" {code(finding.rule)}" if cause.kind != "rule" and key == "note" else ""
        lines.append(f"_{label}_{which}: {escape(value)}")
    for entry in cause.entries:
        decision = entry.decision
        lines += ["", _post_title(decision)]
        if cause.blanket:
            continue
        lines.append(f">{highlighted(decision.post.text, entry.findings)}")
        for finding, words in merged(entry.findings):
            quoted = " (" + ", ".join(f"'{escape(word)}'" for word in words) + ")" if words else ""
            lines.append(f"      {finding.level} {code(finding.rule)}: {escape(without_title(finding.message, cause))}"
                         + quoted)
        lines += [f"      note: {escape(note)}" for note in decision.notes]
        lines.append(f"      to release it: {code(approve_command(decision, report.config_path))}")
    return lines
