"""The alert `watch` sends, in the form each apprise service reads best: plain text (SMS,
webhooks, ntfy), Markdown (Slack, Discord, Rocket.Chat: apprise turns it into each one's dialect)
or HTML (e-mail, Telegram).

The alert is written once, as plain text, by safepost/watch.py and kept in the store until it is
delivered; this module lays that text out for a service at the moment it is sent. Its shape is
known: paragraphs, `Why: ...` lines, `- ` headline items ending with the article's address, and
commands to run (after `: ` at the end of a line, or between backticks).

Headline text comes from feeds: it goes through `safe`, then is escaped for the form. In Markdown
the formatting characters become look-alikes instead of backslash escapes (`* _ ~ \\``), which
Slack and others would show literally; in HTML everything is escaped and only plain http(s)
addresses become links."""
from __future__ import annotations

import html
import re

from safepost.render import safe

FORMS = ("text", "markdown", "html")
_COMMAND = re.compile(r"^(?P<lead>.*?: )(?P<command>safepost \S.*)$")
_TICKS = re.compile(r"`([^`\n]+)`")
_URL = re.compile(r"https?://[A-Za-z0-9.\-]+(?::\d+)?(?:/[A-Za-z0-9\-._~%!$'()*+,;=:@/?#&]*)?")
_LABEL = re.compile(r"^(?P<label>Why|Headlines):(?P<rest> .*)?$")
_MD_LOOK_ALIKES = str.maketrans({"*": "\u2217", "_": "\u02cd", "~": "\u223c", "`": "\u02cb"})
_MD_ESCAPE = re.compile(r"([\\\[\]<>#])")


def render_alert(body: str, form: str) -> str:
    """The alert body for a service that reads `form` (text, markdown or html)."""
    if form == "html":
        return _html(body)
    if form == "markdown":
        return _markdown(body)
    return safe(body)


def _pieces(line: str) -> list[tuple[str, bool]]:
    """(text, is_code) pieces of a line: `backticked` commands and a trailing `: safepost ...`."""
    found = _COMMAND.match(line)
    tail = []
    if found:
        line, tail = found.group("lead"), [(found.group("command"), True)]
    pieces, position = [], 0
    for tick in _TICKS.finditer(line):
        pieces.append((line[position:tick.start()], False))
        pieces.append((tick.group(1), True))
        position = tick.end()
    pieces.append((line[position:], False))
    return [(text, code) for text, code in pieces + tail if text]


def _md_text(text: str) -> str:
    return _MD_ESCAPE.sub(r"\\\1", safe(text).translate(_MD_LOOK_ALIKES))


def _md_code(text: str) -> str:
    return "`" + safe(text).replace("`", "\u02cb") + "`"


def _markdown(body: str) -> str:
    out = []
    for line in body.split("\n"):
        item = line.startswith("- ")
        text = line[2:] if item else line
        label = _LABEL.match(text) if not item else None
        if label and label.group("rest"):
            rendered = f"**{label.group('label')}:**" + "".join(
                _md_code(t) if code else _md_text(t) for t, code in _pieces(label.group("rest")))
        elif label:
            rendered = f"**{label.group('label')}:**"
        else:
            rendered = "".join(_md_code(t) if code else _md_text(t) for t, code in _pieces(text))
        if out and out[-1] and line.strip() and not (item and out[-1].startswith("- ")):
            out.append("")  # each line its own paragraph: Markdown would join them
        out.append(("- " if item else "") + rendered)
    return "\n".join(out)


def _html_text(text: str) -> str:
    """Escaped text with plain http(s) addresses as links."""
    text = safe(text)
    out, position = [], 0
    for url in _URL.finditer(text):
        out.append(html.escape(text[position:url.start()], quote=False))
        address = html.escape(url.group(), quote=True)
        out.append(f'<a href="{address}">{address}</a>')
        position = url.end()
    out.append(html.escape(text[position:], quote=False))
    return "".join(out)


def _html_line(text: str, item: bool = False) -> str:
    label = None if item else _LABEL.match(text)
    lead = ""
    if label:
        lead, text = f"<b>{html.escape(label.group('label'))}:</b>", label.group("rest") or ""
    return lead + "".join(f"<code>{html.escape(safe(t), quote=False)}</code>" if code else _html_text(t) for t, code in _pieces(text))


def _html(body: str) -> str:
    out, items = [], []

    def close_list() -> None:
        if items:
            out.append("<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")
            items.clear()

    for line in body.split("\n"):
        if line.startswith("- "):
            items.append(_html_line(line[2:], item=True))
            continue
        close_list()
        if line.strip():
            out.append(f"<p>{_html_line(line)}</p>")
    close_list()
    return "\n".join(out)
