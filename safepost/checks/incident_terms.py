"""A post that names what an active incident is about (#Aurora, Boston, Sandy, #notguilty)
collides with it, wherever its audience is. On the tone ladder: held when promotional, joking
or profane, flagged when sincere. An ordinary post that names the place ("flights from
Sheremetyevo are delayed") is flagged for a person; one that takes up the story's hashtag
(#WhyIStayed, #Aurora) is held: a brand joining a tragedy's hashtag is the story of the day. A
story where nobody was hurt is flagged at most. The shop that read the trending #Aurora as its
dress hashtag is the case this exists for."""
from __future__ import annotations

from typing import Iterable

from safepost.checks import Context, ladder
from safepost.checks.incident_scope import active_for, evidence
from safepost.model import Finding, Verdict
from safepost.text.matcher import Match, TermError, TermIndex, compile_term

NAME = "incident-terms"


# Names are matched through a lemmatiser (Казани ~ Казань) but never through a stemmer: the
# Norwegian stem of "Bergen" is "berg", a mountain; Azerbaijani has neither.
NAME_FORMS = ("en", "ru", "uk", "pl")


CODE_PART = 4  # a name at least this long, opening or closing a code (SANDYSALE, KOBE24)


def _index(incidents) -> tuple[TermIndex, dict[str, object]]:
    """The incidents' terms, and their one-word names for reading promo codes."""
    index = TermIndex()
    names: dict[str, object] = {}
    for incident in incidents:
        language = incident.language if incident.language in NAME_FORMS else None
        for text in incident.terms:
            try:
                index.add(compile_term(text, language), incident)
            except TermError:
                continue  # a term with nothing to match (punctuation from a headline)
            word = text.lower().lstrip("#")
            if len(word) >= CODE_PART and word.isalpha():
                names.setdefault(word, incident)
    return index, names


def _in_codes(ctx: Context, names: dict[str, object]) -> list[Match]:
    """A promo code that opens or closes with a story's name: "Enter SANDYSALE at checkout"."""
    found = []
    for i, token in enumerate(ctx.analysis.tokens):
        written = ctx.analysis.text[token.start:token.end]
        if len(written) <= CODE_PART or not (written.isupper() or any(ch.isdigit() for ch in written)):
            continue
        for name, incident in names.items():
            if token.norm != name and (token.norm.startswith(name) or token.norm.endswith(name)):
                found.append(Match(incident, name, token.start, token.end, i, i + 1, written))
                break
    return found


def run(ctx: Context) -> Iterable[Finding]:
    if not ctx.incidents:
        return
    index, names = ctx.scope.cached(NAME, lambda: _index(ctx.incidents))
    seen = set()
    for match in index.find(ctx.analysis) + _in_codes(ctx, names):
        incident = match.payload
        if incident.id in seen or not active_for(ctx, incident):
            continue
        seen.add(incident.id)
        hashtag = any(t.tag >= 0 for t in ctx.analysis.tokens[match.first:match.last])
        level = ladder.level(ctx.rung, Verdict.HOLD if hashtag else Verdict.FLAG)
        if not incident.harmed:
            level = min(level, Verdict.FLAG)
        yield Finding(
            f"incident.{incident.kind}.mention", NAME, level,
            f"Mentions '{match.term}', which is what \"{incident.title}\" is about: {ctx.rung.describe()}",
            match.text, (match.start, match.end), evidence(incident, term=match.term),
        )
