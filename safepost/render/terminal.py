"""The manager's view: each flagged or held post, the offending words highlighted, the reason under
it, then a one-line total. Post and feed text is data: it is built into rich `Text` objects (never
parsed as markup) and cleaned of terminal control characters first."""
from __future__ import annotations

from rich.console import Console
from rich.text import Text

from safepost.model import Decision, Finding, Verdict
from safepost.render import Report, safe, utc_label

STYLE = {Verdict.HOLD: "bold white on red", Verdict.FLAG: "bold black on yellow",
         Verdict.PASS: "bold black on green"}
SPAN_STYLE = {Verdict.HOLD: "bold red underline", Verdict.FLAG: "bold yellow underline"}
EVIDENCE_ORDER = ("date", "pause", "note", "source")


def render(report: Report, console: Console, show_passes: bool = False) -> None:
    _header(report, console)
    for decision in report.decisions:
        if decision.verdict > Verdict.PASS:
            _decision(decision, console)
        elif show_passes:
            console.print(_title(decision))
            for note in decision.notes:
                console.print(Text(f"    note: {safe(note)}", style="dim"))
    summary = report.summary()
    total = Text(f"{len(report.decisions)} posts: ")
    total.append(f"{summary['hold']} hold", style="bold red" if summary["hold"] else "")
    total.append(" · ")
    total.append(f"{summary['flag']} flag", style="bold yellow" if summary["flag"] else "")
    total.append(" · ")
    total.append(f"{summary['pass']} pass", style="green")
    console.print(total)


def _header(report: Report, console: Console) -> None:
    console.print(Text(f"safepost check · now {utc_label(report.now)}", style="dim"))
    for status in report.feeds:
        line = Text(f"  feed {safe(status.source)}: {status.outcome}", style="dim")
        if status.detail:
            line.append(f" ({safe(status.detail)})")
        console.print(line)
    for incident in report.incidents:
        line = Text("  incident: ", style="dim")
        line.append(safe(incident.title), style="bold")
        line.append(f" [{incident.kind}, severity {incident.severity}]", style="dim")
        console.print(line)
    for notice in report.notices:
        console.print(Text(f"  ! {safe(notice)}", style="yellow"))
    console.print()


def _title(decision: Decision) -> Text:
    post = decision.post
    title = Text()
    title.append(f" {str(decision.verdict).upper()} ", style=STYLE[decision.verdict])
    title.append(f" {safe(post.id)}", style="bold")
    title.append(f"  {safe(post.platform)}  {utc_label(post.scheduled_at)}", style="dim")
    if post.source_line:
        title.append(f"  (line {post.source_line})", style="dim")
    return title


def _decision(decision: Decision, console: Console) -> None:
    console.print(_title(decision))
    body = Text("    ")
    body.append(_highlighted(decision.post.text, decision.findings))
    console.print(body)
    quoted: set[str] = set()  # an incident's headlines are quoted once per post
    for finding in decision.findings:
        _finding(finding, console, quoted)
    for note in decision.notes:
        console.print(Text(f"    note: {safe(note)}", style="dim"))
    console.print()


def _highlighted(text: str, findings: tuple[Finding, ...]) -> Text:
    out = Text(safe(text))
    for finding in sorted(findings, key=lambda f: f.level):
        if finding.span and finding.check != "platform":
            start, end = finding.span
            out.stylize(SPAN_STYLE[finding.level], start, end)
    return out


def _finding(finding: Finding, console: Console, quoted: set[str]) -> None:
    line = Text("    ")
    line.append(f"{finding.level}", style=SPAN_STYLE[finding.level].replace(" underline", ""))
    line.append(f"  {finding.rule}", style="cyan")
    if finding.match and finding.check != "platform":
        line.append(f'  "{safe(finding.match)}"')
    console.print(line)
    console.print(Text(f"      {safe(finding.message)}"))
    evidence = finding.evidence
    incident = evidence.get("incident_id")
    headlines = () if incident in quoted else evidence.get("headlines", ())
    if incident:
        quoted.add(incident)
    for headline in headlines:
        text = Text("      headline: ", style="dim")
        text.append(f'"{safe(headline["title"])}"')
        text.append(f" ({safe(headline.get('source', ''))}, {safe(headline.get('published') or 'undated')})",
                    style="dim")
        console.print(text)
    for key in EVIDENCE_ORDER:
        if evidence.get(key):
            console.print(Text(f"      {key}: {safe(evidence[key])}", style="dim"))
