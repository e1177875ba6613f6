"""Whose death a story reports, by the rulebook's works: a headline that names a famous person
in a story of a death ("The Prodigy's Keith Flint dies aged 49") ties the story to that person's
works, which a post may quote without naming them."""
from __future__ import annotations

import dataclasses
import re

from safepost.model import Incident
from safepost.news.reading import Reading
from safepost.rulebook import Rulebook

INFLECTION = 4  # letters a name may carry in a headline: Кобзона, Flint's, Kobzonun, Wajdy
_WORD = re.compile(r"[^\W\d_]+")


def with_work(incident: Incident, story: list[Reading], rulebook: Rulebook) -> Incident:
    """The incident tied to the work entry of the person whose death its tragic headlines report."""
    if "death" not in incident.kinds or not incident.harmed or incident.remembered:
        return incident
    people = rulebook.cached("work-names", lambda: _names(rulebook))
    if not people:
        return incident
    titles = [set(_WORD.findall(r.headline.title.lower())) for r in story if r.tragic]
    for work, name in people:
        if any(all(_written(word, title) for word in name) for title in titles):
            return dataclasses.replace(incident, work=work.id)
    return incident


def _names(rulebook: Rulebook) -> list[tuple[object, tuple[str, ...]]]:
    """(work, the name's words in lower case), longest names first: "Keith Flint" before "Flint"."""
    found = [(work, tuple(_WORD.findall(name.lower()))) for work in rulebook.rules("works")
             for names in work.names.values() for name in names]
    return sorted(((work, words) for work, words in found if words), key=lambda pair: -len(pair[1]))


def _written(word: str, title: set[str]) -> bool:
    """The name's word in the headline, bare or with an ending: "кобзон" in "Кобзона"."""
    return word in title or any(written.startswith(word) and len(written) - len(word) <= INFLECTION
                                for written in title)
