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
    """The incident tied to the work entry of the person whose death its tragic headlines report
    (the longest name written, when several are: "Prince Philip" before "Prince")."""
    if "death" not in incident.kinds or not incident.harmed or incident.remembered:
        return incident
    by_last_word = rulebook.cached("work-names", lambda: _names(rulebook))
    found = None
    for title in (set(_WORD.findall(r.headline.title.lower())) for r in story if r.tragic):
        for written in title:
            for stem in {written[:len(written) - cut] for cut in range(INFLECTION + 1) if len(written) - cut >= 2}:
                for work, name in by_last_word.get(stem, ()):
                    if (found is None or len(name) > len(found[1])) and all(_written(word, title) for word in name):
                        found = (work, name)
    return dataclasses.replace(incident, work=found[0].id) if found else incident


def _names(rulebook: Rulebook) -> dict[str, list[tuple[object, tuple[str, ...]]]]:
    """Each name's words in lower case, by its last word: a headline's words look up the few
    names they may end, not every name of the rulebook."""
    found: dict[str, list[tuple[object, tuple[str, ...]]]] = {}
    for work in rulebook.rules("works"):
        for names in work.names.values():
            for name in names:
                words = tuple(_WORD.findall(name.lower()))
                if words:
                    found.setdefault(words[-1], []).append((work, words))
    return found


def _written(word: str, title: set[str]) -> bool:
    """The name's word in the headline, bare or with an ending: "кобзон" in "Кобзона"."""
    return word in title or any(written.startswith(word) and len(written) - len(word) <= INFLECTION
                                for written in title)
