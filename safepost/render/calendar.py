"""The sensitive-day calendar in the terminal: the coming days, or the queue laid over them.
Rule and post text is data: built into rich `Text`, never parsed as markup."""
from __future__ import annotations

from datetime import date

from rich.console import Console
from rich.table import Table
from rich.text import Text

from safepost.calendar import Placement, asks_text, day_text, describe
from safepost.model import Verdict
from safepost.render.terminal import STYLE, safe
from safepost.rulebook.dateexpr import MONTHS, WEEKDAYS
from safepost.rulebook.dates import Occurrence


def day_label(day: date) -> str:
    """'Sat 1 Aug 2026', whatever the machine's locale."""
    return f"{WEEKDAYS[day.weekday()][:3].title()} {day.day} {MONTHS[day.month - 1][:3].title()} {day.year}"


def window_label(occurrence: Occurrence) -> str:
    if occurrence.first == occurrence.last:
        return ""
    return f"counts from {day_text(occurrence.first)} to {day_text(occurrence.last)}"


def regions_label(occurrence: Occurrence) -> str:
    regions = [r for r in occurrence.rule.regions if r != "*"]
    return ", ".join(regions) or "all"


def render_days(occurrences: list[Occurrence], console: Console, heading: str) -> None:
    console.print(Text(heading, style="bold"))
    if not occurrences:
        console.print("No sensitive days in this period.")
        return
    table = Table(show_header=False, box=None, padding=(0, 1, 1, 0))
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold")
    for occurrence in occurrences:
        what = Text(safe(describe(occurrence)), style="bold")
        for extra in (window_label(occurrence), asks_text(occurrence.rule), occurrence.rule.note):
            if extra:
                what.append("\n" + safe(extra), style="dim")
        table.add_row(day_label(occurrence.day), regions_label(occurrence), what)
    console.print(table)


def render_overlay(slots: list[tuple[Occurrence, list[Placement]]], console: Console) -> None:
    if not slots:
        console.print("No sensitive days in the queue's period.")
        return
    for occurrence, placements in slots:
        title = Text(f"{day_label(occurrence.day)}  {regions_label(occurrence)}  ", style="bold")
        title.append(safe(describe(occurrence)))
        console.print(title)
        if not placements:
            console.print(Text("    no posts", style="dim"))
        for placement in placements:
            console.print(_placement(placement))
    posts = sum(len(p) for _, p in slots)
    console.print(Text(f"{plural(posts, 'post')} on {plural(len(slots), 'sensitive day')}", style="bold"))


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _placement(placement: Placement) -> Text:
    post = placement.decision.post
    level = placement.finding.level if placement.finding else Verdict.PASS
    line = Text("    ")
    line.append(f" {level} ".upper(), style=STYLE[level])
    line.append(f" {placement.hit.local:%H:%M %Z}  {safe(post.platform)}  post {safe(post.id)}: ")
    excerpt = post.text if len(post.text) <= 60 else post.text[:59] + "…"
    line.append(safe(excerpt))
    if placement.finding:
        line.append("\n      " + safe(placement.finding.message), style="dim")
    return line
