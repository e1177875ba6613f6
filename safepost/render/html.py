"""`--format html`: one self-contained page to mail, attach to a ticket or open from a folder.

- The counts at the top, then a timeline of the queue by each post's local time (a lane per
  audience region), every post a dot coloured by its verdict, with the incidents in the news and
  the sensitive days drawn over the lanes they concern: which afternoon collides with which story.
- Then every flagged and held post: its text with the matched words highlighted, the reasons,
  the headlines, and the `safepost approve` command to copy.
- A filter by verdict, network and region that runs in the page (no server); without script the
  page shows everything.
- Readable on a phone (the layout narrows, the timeline scrolls sideways) and printable.

Nothing is fetched: the CSS and the script are inline, there are no images, fonts or links to
load, and a Content-Security-Policy allows only this page's own style and script (by hash), so
even a string that escaped escaping could not run or fetch anything. Every string from a post, a
feed or a rulebook goes through `safe` and then HTML escaping: `<script>`, `javascript:` and
markup show as text. Only plain http(s) headline links are made clickable."""
from __future__ import annotations

import base64
import hashlib
import html
import re
from datetime import datetime, timedelta, timezone

from safepost.model import Decision, Verdict
from safepost.render import MONTHS, WEEKDAYS, Report, local_time, safe, time_label, utc_label
from safepost.render.review import (Cause, approve_command, causes, flagged, headline_source, incident_label,
                                    marked_up, merged, news_line, rule_notes, short_reason, without_title)

MAX_TEXT = 5000
CARD_HEADLINES = 1
_URL = re.compile(r"https?://[A-Za-z0-9.\-]+(?::\d+)?(?:/[A-Za-z0-9\-._~%!$'()*+,;=:@/?#&]*)?")
NAMES = {Verdict.HOLD: "hold", Verdict.FLAG: "flag", Verdict.PASS: "pass"}

CSS = """
:root{--hold:#b71c1c;--flag:#f9a825;--pass:#2e7d32;--ink:#1b1b1b;--muted:#5f6368;--line:#dadce0;
--paper:#fff;--tint:#f6f7f9;--incident:#d32f2f;--day:#6a1b9a}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--tint)}
main{max-width:980px;margin:0 auto;padding:16px}
h1{font-size:1.5em;margin:0 0 4px}h2{font-size:1.15em;margin:28px 0 8px}h3{font-size:1.05em;margin:0}
.meta,.muted{color:var(--muted);font-size:.9em}
.counts{display:flex;gap:12px;flex-wrap:wrap;margin:12px 0}
.count{flex:1 1 120px;background:var(--paper);border:1px solid var(--line);border-left:6px solid;border-radius:6px;padding:8px 12px}
.count b{display:block;font-size:1.9em;line-height:1.1}
.count.hold{border-left-color:var(--hold)}.count.flag{border-left-color:var(--flag)}.count.pass{border-left-color:var(--pass)}
.notice{background:#fff4e5;border:1px solid #f0c36d;border-radius:6px;padding:8px 12px;margin:8px 0}
.filters{display:none;gap:12px;flex-wrap:wrap;align-items:end;background:var(--paper);border:1px solid var(--line);
border-radius:6px;padding:8px 12px;position:sticky;top:0;z-index:2}
.js .filters{display:flex}
.filters label{display:flex;flex-direction:column;font-size:.85em;color:var(--muted)}
.filters select{font:inherit;color:var(--ink);padding:4px;min-width:9em}
.scroll{overflow-x:auto;background:var(--paper);border:1px solid var(--line);border-radius:6px}
svg.timeline{display:block;min-width:680px;width:100%;height:auto;font-size:11px}
.lane{fill:var(--tint)}.lane-label{fill:var(--ink);font-weight:600}
.tick{stroke:var(--line)}.tick-label{fill:var(--muted)}
.band-incident{fill:var(--incident);fill-opacity:.16;stroke:var(--incident);stroke-opacity:.5}
.band-day{fill:var(--day);fill-opacity:.14;stroke:var(--day);stroke-opacity:.45}
.band-label{fill:var(--ink);font-size:10px}
circle.dot{stroke:#fff;stroke-width:1.5;r:6px}
.dot.hold{fill:var(--hold)}.dot.flag{fill:var(--flag)}.dot.pass{fill:var(--pass)}
table{width:100%;border-collapse:collapse;background:var(--paper)}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:.85em;color:var(--muted);font-weight:600}
.badge{display:inline-block;min-width:3.6em;text-align:center;font-weight:700;font-size:.8em;border-radius:4px;padding:1px 6px}
.badge.hold,td.v.hold{background:var(--hold);color:#fff}.badge.flag,td.v.flag{background:var(--flag);color:#000}
.badge.pass{background:var(--pass);color:#fff}td.v{font-weight:700;font-size:.8em;text-align:center;width:4.5em}
.cause,.post{background:var(--paper);border:1px solid var(--line);border-left:6px solid var(--line);border-radius:6px;padding:12px 14px;margin:10px 0}
.cause.incident{border-left-color:var(--incident)}.cause.date{border-left-color:var(--day)}
.post.hold{border-left-color:var(--hold)}.post.flag{border-left-color:var(--flag)}.post.pass{border-left-color:var(--pass)}
.post header{display:flex;gap:8px;align-items:baseline;flex-wrap:wrap}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font-size:1.05em;margin:10px 0;padding:8px 10px;background:var(--tint);border-radius:4px}
mark{padding:0 2px;border-radius:3px;text-decoration:underline;text-decoration-thickness:2px}
mark.hold{background:#ffcdd2;color:#7f0000;text-decoration-color:var(--hold)}
mark.flag{background:#fff3c4;color:#5d4200;text-decoration-color:var(--flag)}
ul{margin:6px 0;padding-left:20px}li{margin:3px 0}
code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--tint);border-radius:3px;padding:1px 4px;overflow-wrap:anywhere}
.findings .hold>b{color:var(--hold)}.findings .flag>b{color:#8a6100}.findings .pass>b{color:var(--pass)}
.headlines{border-left:3px solid var(--line);padding-left:10px;margin:8px 0}
.approve{display:flex;gap:8px;align-items:center;flex-wrap:wrap;margin-top:8px}
.approve code{user-select:all;padding:4px 6px}.approve::before{content:"To release it:";color:var(--muted);font-size:.9em}
button.copy{font:inherit;font-size:.85em;padding:3px 10px;border:1px solid var(--line);border-radius:4px;background:var(--paper);cursor:pointer}
.is-hidden{display:none!important}
a{color:#0b57d0}
@media (max-width:640px){main{padding:8px}body{font-size:14px}.hide-narrow{display:none}th,td{padding:5px 4px}}
@media print{body{background:#fff;font-size:10pt}.filters,button.copy{display:none!important}
.cause,.post,.count{break-inside:avoid;border-color:#999}.scroll{overflow:visible;border:0}
svg.timeline{min-width:0}a{color:inherit;text-decoration:none}main{max-width:none;padding:0}}
"""

SCRIPT = """
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var selects = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-verdict]"));
  var counter = document.getElementById("shown");
  function apply() {
    var shown = 0, total = 0;
    items.forEach(function (item) {
      var keep = selects.every(function (select) {
        return !select.value || item.getAttribute("data-" + select.getAttribute("data-filter")) === select.value;
      });
      item.classList.toggle("is-hidden", !keep);
      if (item.classList.contains("post")) { total += 1; if (keep) { shown += 1; } }
    });
    if (counter) { counter.textContent = "Showing " + shown + " of " + total + " posts below"; }
  }
  selects.forEach(function (select) { select.addEventListener("change", apply); });
  Array.prototype.slice.call(document.querySelectorAll(".approve code")).forEach(function (code) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy";
    button.textContent = "Copy";
    code.parentNode.appendChild(button);
    button.addEventListener("click", function () {
      var text = code.textContent;
      function done() { button.textContent = "Copied"; setTimeout(function () { button.textContent = "Copy"; }, 1500); }
      function fallback() {
        var range = document.createRange();
        range.selectNodeContents(code);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        try { if (document.execCommand("copy")) { done(); } } catch (e) { /* the text stays selected */ }
      }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, fallback);
      } else { fallback(); }
    });
  });
  apply();
})();
"""


def _digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


CSP = (f"default-src 'none'; style-src '{_digest(CSS)}'; script-src '{_digest(SCRIPT)}'; img-src 'none'; "
       "font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; "
       "base-uri 'none'; form-action 'none'")


def h(text: object) -> str:
    """Sanitised, then escaped for an attribute value (quotes too)."""
    return html.escape(safe(text), quote=True)


def t(text: object) -> str:
    """Sanitised, then escaped for text between tags (where quotes mean nothing)."""
    return html.escape(safe(text), quote=False)


def render(report: Report, show_passes: bool = False) -> str:
    summary = report.summary()
    rows = flagged(report)
    shown_causes = causes(report)
    rule_anchor: dict[str, str] = {}
    for cause in shown_causes:
        for finding in cause.rules():
            if rule_notes(finding):
                rule_anchor.setdefault(finding.rule, f"rule-{len(rule_anchor) + 1}")
    incident_anchor = {incident.id: f"incident-{number}" for number, incident in enumerate(report.incidents, 1)}
    title = f"safepost check: {summary['hold']:,} hold, {summary['flag']:,} flag, {summary['pass']:,} pass"
    parts = ["<!doctype html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
             f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
             '<meta name="referrer" content="no-referrer">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{t(title)}</title>", f"<style>{CSS}</style>", "</head>", "<body>", "<main>"]
    parts += _header(report, summary)
    parts += _filters(report)
    parts += _timeline(report, shown_causes, rows)
    parts += _table(rows)
    parts += _context(report, shown_causes, incident_anchor, rule_anchor)
    parts += ['<section id="posts">', f"<h2>Posts to review ({len(rows):,})</h2>"]
    if not rows:
        parts.append('<p class="muted">Nothing is flagged or held.</p>')
    page = _Page(report, shown_causes, incident_anchor, rule_anchor)
    for number, decision in enumerate(rows, 1):
        parts.append(_card(decision, number, page))
    passing = [d for d in report.decisions if d.verdict == Verdict.PASS]
    if show_passes and passing:
        parts.append(f"<h2>Passing posts ({len(passing):,})</h2>")
        parts += [_card(d, None, page) for d in sorted(passing, key=lambda d: d.post.scheduled_at)]
    elif passing:
        parts.append(f'<p class="muted">{len(passing):,} passing posts are on the timeline; '
                     "<code>--all</code> lists them here with their text.</p>")
    parts.append("</section>")
    parts += _rules(shown_causes, rule_anchor)
    parts += ["</main>", f"<script>{SCRIPT}</script>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _header(report: Report, summary: dict[str, int]) -> list[str]:
    source = f"{t(report.source)} · " if report.source else ""
    news = news_line(report)
    out = ["<header>", "<h1>safepost check</h1>",
           f'<p class="meta">{source}checked at {t(utc_label(report.now))}'
           f"{' · ' + t(news) if news else ''} · {len(report.decisions):,} posts</p>",
           '<div class="counts">']
    for name in ("hold", "flag", "pass"):
        out.append(f'<div class="count {name}" data-count="{name}"><b>{summary[name]:,}</b> {name}</div>')
    out.append("</div>")
    for status in report.feeds:
        if status.noteworthy:
            detail = "; ".join(t(part) for part in (status.detail, *status.warnings) if part)
            detail = f" ({detail})" if detail else ""
            out.append(f'<p class="notice">Feed {t(status.source)}: {t(status.outcome)}{detail}</p>')
    out += [f'<p class="notice">{t(notice)}</p>' for notice in report.notices]
    return out + ["</header>"]


def _filters(report: Report) -> list[str]:
    networks = sorted({d.post.platform for d in report.decisions})
    regions = sorted({_region(d) for d in report.decisions})

    def select(name: str, label: str, values: list[tuple[str, str]]) -> str:
        options = "".join(f'<option value="{h(value)}">{h(text)}</option>' for value, text in values)
        return (f'<label>{label}<select data-filter="{name}" id="filter-{name}">'
                f'<option value="">all</option>{options}</select></label>')

    return ['<nav class="filters" aria-label="Filter the posts">',
            select("verdict", "Verdict", [("hold", "hold"), ("flag", "flag"), ("pass", "pass")]),
            select("network", "Network", [(n, n) for n in networks]),
            select("region", "Region", [(r, r or "no region") for r in regions]),
            '<span id="shown" class="muted" aria-live="polite"></span>', "</nav>"]


def _region(decision: Decision) -> str:
    return (decision.post.region or "").upper()


# the timeline

LEFT, RIGHT, TOP, LANE, WIDTH = 56, 8, 26, 40, 1000


def _naive(moment: datetime) -> datetime:
    return moment.replace(tzinfo=None)


def _lane_zone(region: str):
    from safepost.render import _region_zone, _zone

    return _zone(_region_zone(region)) if region else timezone.utc


def _timeline(report: Report, shown_causes: list[Cause], rows: list[Decision]) -> list[str]:
    """Lanes by audience region; x is each post's local wall-clock time, so '1 Aug' is the same
    column for every lane, and a sensitive day (a day in that region) is exactly that column."""
    if not report.decisions:
        return []
    lanes = sorted({_region(d) for d in report.decisions}, key=lambda r: (r == "", r))
    aware = {id(d): local_time(d.post) for d in report.decisions}
    locals_ = {key: _naive(moment) for key, moment in aware.items()}
    first = min(locals_.values()).replace(hour=0, minute=0, second=0, microsecond=0)
    last = max(locals_.values()).replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
    span = (last - first).total_seconds()
    inner = WIDTH - LEFT - RIGHT

    def x(moment: datetime) -> float:
        return LEFT + inner * max(0.0, min(1.0, (moment - first).total_seconds() / span))

    height = TOP + LANE * len(lanes) + 6
    out = ['<section id="timeline">', "<h2>Timeline</h2>",
           '<p class="muted">Each post at its local time (the post\'s time zone, else its region\'s); '
           'red bands: incidents in the news; purple bands: sensitive days.</p>', '<div class="scroll">',
           f'<svg class="timeline" viewBox="0 0 {WIDTH} {height}" role="img" '
           f'aria-label="The queue by local time, by region">']
    days = int(span // 86400)
    step = next(s for s in (1, 2, 7, 14, 30, 61, 122, 365, 10**6) if days / s <= 14)
    for number in range(0, days + 1, step):
        day = first + timedelta(days=number)
        tx = x(day)
        out.append(f'<line class="tick" x1="{tx:.1f}" y1="{TOP - 6}" x2="{tx:.1f}" y2="{height - 6}"/>')
        if number < days:
            out.append(f'<text class="tick-label" x="{tx + 3:.1f}" y="{TOP - 10}">'
                       f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}</text>")
    for row, lane in enumerate(lanes):
        top = TOP + row * LANE
        out.append(f'<rect class="lane" x="{LEFT}" y="{top + 2}" width="{inner}" height="{LANE - 4}" rx="3"/>')
        out.append(f'<text class="lane-label" x="4" y="{top + LANE / 2 + 4:.1f}">{t(lane or "none")}</text>')
        out += _bands(report, shown_causes, lane, top, x, first, last)
    out += _dots(report, lanes, aware, locals_, x, rows)
    out += ["</svg>", "</div>", "</section>"]
    return out


def _bands(report: Report, shown_causes: list[Cause], lane: str, top: int, x, first, last) -> list[str]:
    out = []
    zone = _lane_zone(lane)
    touching = {c.key[1] for c in shown_causes if c.kind == "incident"}
    for incident in report.incidents:
        if incident.regions and lane not in incident.regions:
            continue
        if not incident.regions and incident.id not in touching:
            continue  # a story safepost could not place is drawn in every lane only where it touches a post
        begin = incident.started or min((hl.published for hl in incident.headlines if hl.published), default=None)
        start = _naive(begin.astimezone(zone)) if begin else first
        end = _naive(incident.active_until.astimezone(zone)) if incident.active_until else last
        if end <= first or start >= last:
            continue
        label = incident_label({"terms": incident.terms, "kind": incident.kind, "incident": incident.title})
        out.append(_band("incident", x(start), x(end), top, f"{label} (severity {incident.severity})",
                         f"{incident.title}: {incident.kind}, severity {incident.severity}"))
    seen = set()
    for cause in shown_causes:
        if cause.kind != "date":
            continue
        regions = {str(f.evidence.get("region") or "").upper() for e in cause.entries for f in e.findings}
        if lane not in regions and not (regions == {""} and lane == ""):
            continue
        try:
            day = datetime.fromisoformat(str(cause.key[2]))
        except ValueError:
            continue
        if (cause.key[1], day) in seen:
            continue
        seen.add((cause.key[1], day))
        out.append(_band("day", x(day), x(day + timedelta(days=1)), top, cause.title, cause.title))
    return out


def _band(kind: str, left: float, right: float, top: int, label: str, tooltip: str) -> str:
    width = max(2.0, right - left)
    room = int(width / 5.5)
    text = label if len(label) <= room else (label[:max(0, room - 1)] + "…" if room > 3 else "")
    caption = (f'<text class="band-label" x="{left + 3:.1f}" y="{top + 13}">{t(text)}</text>' if text else "")
    return (f'<g class="band {kind}"><title>{t(tooltip)}</title>'
            f'<rect class="band-{kind}" x="{left:.1f}" y="{top + 3}" width="{width:.1f}" height="{LANE - 6}" rx="2"/>'
            f"{caption}</g>")


def _dots(report: Report, lanes: list[str], aware: dict, locals_: dict, x, rows: list[Decision]) -> list[str]:
    """A dot per post; dots that would overlap in a lane are stacked up and down a little."""
    out = []
    row_of = {lane: row for row, lane in enumerate(lanes)}
    crowd: dict[tuple[str, int], int] = {}
    ordered = sorted(report.decisions, key=lambda d: (d.verdict, d.post.scheduled_at))  # holds drawn on top
    numbers = {id(d): n for n, d in enumerate(rows, 1)}
    attrs: dict[tuple, str] = {}  # a queue has few networks and regions: escape each once
    for decision in ordered:
        post = decision.post
        lane = _region(decision)
        key = id(decision)
        cx = x(locals_[key])
        slot = (lane, int(cx // 9))
        near = crowd.get(slot, 0)
        crowd[slot] = near + 1
        offset = ((near + 1) // 2) * (5 if near % 2 else -5) if near else 0
        cy = TOP + row_of[lane] * LANE + LANE / 2 + 6 + max(-14, min(12, offset))
        verdict = NAMES[decision.verdict]
        both = (verdict, post.platform, lane)
        attr = attrs.get(both)
        if attr is None:
            attr = attrs[both] = f'data-verdict="{verdict}" data-network="{h(post.platform)}" data-region="{h(lane)}"'
        tip = t(f"{verdict.upper()} {post.id} · {post.platform} · {time_label(aware[key])}")
        dot = f'<circle class="dot {verdict}" cx="{cx:.1f}" cy="{cy:.1f}"><title>{tip}</title></circle>'
        number = numbers.get(key)
        out.append(f'<a {attr} href="#post-{number}">{dot}</a>' if number else f"<g {attr}>{dot}</g>")
    return out


# the table, the context and the cards

def _table(rows: list[Decision]) -> list[str]:
    if not rows:
        return []
    out = ['<section id="summary">', "<h2>Flagged and held</h2>", '<div class="scroll">', "<table>",
           "<thead><tr><th>Verdict</th><th>Post</th><th>Network</th><th>Local time</th><th>Why</th></tr></thead>",
           "<tbody>"]
    for number, decision in enumerate(rows, 1):
        post = decision.post
        verdict = NAMES[decision.verdict]
        out.append(f'<tr data-verdict="{verdict}" data-network="{h(post.platform)}" data-region="{h(_region(decision))}">'
                   f'<td class="v {verdict}">{verdict.upper()}</td><td><a href="#post-{number}">{t(post.id)}</a></td>'
                   f"<td>{t(post.platform)}</td><td>{t(time_label(local_time(post)))}</td>"
                   f"<td>{t(short_reason(decision))}</td></tr>")
    return out + ["</tbody>", "</table>", "</div>", "</section>"]


def _link(title: str, url: str) -> str:
    text = t(title)
    if url and _URL.fullmatch(url):
        return f'<a href="{h(url)}" rel="noreferrer">{text}</a>'
    return text


def _headline(headline: dict) -> str:
    source = headline_source(headline, t)
    return f"<li>\u201c{_link(headline.get('title', ''), headline.get('link') or '')}\u201d " \
           f'<span class="muted">({source})</span></li>'


def _context(report: Report, shown_causes: list[Cause], incident_anchor: dict, rule_anchor: dict) -> list[str]:
    """The incidents and sensitive days the posts collide with, each once, with all headlines."""
    found = [c for c in shown_causes if c.kind in ("incident", "date")]
    touching = {c.key[1] for c in found if c.kind == "incident"}
    quiet = [i for i in report.incidents if i.id not in touching]
    if not found and not quiet:
        return []
    out = ['<section id="context">', "<h2>What the posts collide with</h2>"]
    for cause in found:
        anchor = incident_anchor.get(cause.key[1], "") if cause.kind == "incident" else ""
        out.append(f'<div class="cause {cause.kind}"{f" id={chr(34)}{anchor}{chr(34)}" if anchor else ""}>')
        out.append(f"<h3>{t(cause.title)}</h3>")
        if cause.facts:
            out.append(f'<p class="meta">{t(" · ".join(f for f in cause.facts if f))}</p>')
        if cause.headlines:
            out.append('<ul class="headlines">' + "".join(_headline(hl) for hl in cause.headlines) + "</ul>")
        if cause.more_headlines:
            out.append(f'<p class="muted">and {cause.more_headlines} more headlines</p>')
        touched = ", ".join(t(e.decision.post.id) for e in cause.entries)
        out.append(f'<p class="muted">Touches {len(cause.entries):,} post{"s" if len(cause.entries) != 1 else ""}: '
                   f"{touched}</p>")
        out.append("</div>")
    for incident in quiet:
        anchor = incident_anchor[incident.id]
        out.append(f'<div class="cause incident" id="{anchor}"><h3>{t(incident.title)}</h3>'
                   f'<p class="meta">{t(incident.kind)}, severity {incident.severity}, '
                   f'{t(", ".join(incident.regions) or "place unknown")} · touches no post</p></div>')
    return out + ["</section>"]


def _highlighted(text: str, findings) -> str:
    def plain(piece: str) -> str:
        return html.escape(piece, quote=False)

    marked, more = marked_up(text, findings, MAX_TEXT, plain,
                             lambda word, level: f'<mark class="{NAMES[level]}">{plain(word)}</mark>')
    return marked + (f' <span class="muted">… and {more:,} more characters</span>' if more > 0 else "")


class _Page:
    """What every card looks up, indexed once: a page of 100,000 posts stays linear."""

    def __init__(self, report: Report, shown_causes: list[Cause], incident_anchor: dict, rule_anchor: dict):
        self.report, self.incident_anchor, self.rule_anchor = report, incident_anchor, rule_anchor
        self.incidents = {incident.id: incident for incident in report.incidents}
        self.cause_of: dict[tuple[int, int], Cause] = {}
        for cause in shown_causes:
            for entry in cause.entries:
                for finding in entry.findings:
                    self.cause_of.setdefault((id(entry.decision), id(finding)), cause)


def _card(decision: Decision, number: int | None, page: _Page) -> str:
    post = decision.post
    report = page.report
    verdict = NAMES[decision.verdict]
    anchor = f' id="post-{number}"' if number else ""
    where = f" · line {post.source_line}" if post.source_line else ""
    region = _region(decision)
    out = [f'<article class="post {verdict}"{anchor} data-verdict="{verdict}" data-network="{h(post.platform)}" '
           f'data-region="{h(region)}">',
           f'<header><span class="badge {verdict}">{verdict.upper()}</span><h3>{t(post.id)}</h3>'
           f'<span class="meta">{t(post.platform)}{" · " + t(region) if region else ""} · '
           f"{t(time_label(local_time(post), weekday=True))}{where}</span></header>",
           f'<p class="text">{_highlighted(post.text, [f for f in decision.findings if f.level > Verdict.PASS])}</p>']
    if decision.findings:
        out.append('<ul class="findings">')
        for finding, words in merged(decision.findings):
            level = NAMES[finding.level]
            cause = page.cause_of.get((id(decision), id(finding)))
            message = without_title(finding.message, cause) if cause else finding.message
            if words:
                message += " (" + ", ".join(f"'{w}'" for w in words) + ")"
            rule = t(finding.rule)
            if finding.rule in page.rule_anchor:
                rule = f'<a href="#{page.rule_anchor[finding.rule]}">{rule}</a>'
            out.append(f'<li class="{level}"><b>{level}</b> <code>{rule}</code> {t(message)}</li>')
        out.append("</ul>")
    out += _card_headlines(decision, page)
    out += [f'<p class="muted">Note: {t(note)}</p>' for note in decision.notes]
    if decision.verdict > Verdict.PASS:
        out.append(f'<div class="approve"><code>{t(approve_command(decision, report.config_path))}</code></div>')
    out.append("</article>")
    return "\n".join(out)


def _card_headlines(decision: Decision, page: _Page) -> list[str]:
    """Under a post, each incident it collides with: its name, its leading headline, and a link
    to all its headlines (listed once, above the posts)."""
    out = []
    by_id, incident_anchor = page.incidents, page.incident_anchor
    seen = set()
    for finding in decision.findings:
        incident_id = finding.evidence.get("incident_id")
        if not incident_id or incident_id in seen:
            continue
        seen.add(incident_id)
        incident = by_id.get(incident_id)
        headlines = [hl.as_dict() for hl in incident.headlines] if incident else finding.evidence.get("headlines", [])
        anchor = incident_anchor.get(incident_id)
        name = t(incident_label(finding.evidence))
        name = f'<a href="#{anchor}">{name}</a>' if anchor else name
        lead = "".join(f" \u201c{t(hl.get('title', ''))}\u201d" for hl in headlines[:CARD_HEADLINES])
        more = len(headlines) - CARD_HEADLINES
        out.append(f'<p class="headlines">In the news: {name}{lead}'
                   + (f' <span class="muted">and {more} more</span>' if more > 0 else "") + "</p>")
    return out


def _rules(shown_causes: list[Cause], rule_anchor: dict) -> list[str]:
    if not rule_anchor:
        return []
    out = ['<section id="rules">', "<h2>Why these rules exist</h2>"]
    done = set()
    for cause in shown_causes:
        for finding in cause.rules():
            if finding.rule not in rule_anchor or finding.rule in done:
                continue
            done.add(finding.rule)
            out.append(f'<div class="cause rule" id="{rule_anchor[finding.rule]}"><h3><code>{t(finding.rule)}</code></h3>')
            for key, value in rule_notes(finding):
                out.append(f"<p><b>{'Why' if key == 'note' else 'Source'}:</b> {t(value)}</p>")
            out.append("</div>")
    return out + ["</section>"]
