"""A light post, the day someone dies, that uses the word the news calls them by: "Космічні
знижки! Набори «Юний космонавт» −30%" the afternoon Ukraine's first cosmonaut died, swimming
lessons the day a swimmer died. The post names neither the person nor the death; the calling is
what it sells. One shared word is thin evidence, so the finding is a flag, never a hold, and only
for a light post (selling, joking, swearing) on the day of the death, in the person's country
(or anywhere, when the news does not say where they were from).
The calling is a word the headlines write in lower case outside quotes, and one the language
uses rarely ("cosmonaut", not "singer" or "actor"): a name, a nickname or a film's title
(«Юноны и Авось», "Yaşar" of Yaşar Nuri) is not a calling, and an everyday word is anyone's."""
from __future__ import annotations

from os.path import commonprefix
from typing import Iterable

from safepost.checks import Context
from safepost.checks.incident_scope import (IN, UNPLACED, active_for, evidence, of_the_stories, relation,
                                            within_first_day)
from safepost.model import Finding, Incident, Verdict
from safepost.news.reading import in_quotes, lexicon_index, trigger_matches
from safepost.rulebook import Rulebook
from safepost.text import Analysis, analyze

NAME = "incident-calling"
BEFORE = 4  # words before a name that may call the person
AFTER = 3  # words after a name and its comma
STEM = 5  # letters a word shares with a calling, at least, to be of its family
KIN_ENDING = 2  # letters the shorter of the two may differ in at its end
NEWS_WORDS = ("death", "injury", "grave", "mourning", "mourning_here", "remembrance", "silence", "follow_up")


def run(ctx: Context) -> Iterable[Finding]:
    by_word = of_the_stories(ctx, NAME, lambda incidents: _callings(incidents, ctx.rulebook))
    if not by_word or not ctx.rung.light:
        return
    for token in ctx.analysis.tokens:
        for key in token.keys:
            for calling, incident in by_word.get(key[:STEM], ()):
                if not _kin(key, calling) or not (active_for(ctx, incident) and within_first_day(ctx, incident)) \
                        or relation(ctx, incident) not in (IN, UNPLACED):
                    continue
                written = ctx.analysis.text[token.start:token.end]
                yield Finding(
                    f"incident.{incident.kind}.calling", NAME, Verdict.FLAG,
                    f"Uses '{written}', what the news calls the person whose death it reports "
                    f"(\"{incident.title}\"), the day of the death: {ctx.rung.describe()} needs a person's review",
                    written, (token.start, token.end), evidence(incident, term=written))
                return  # one calling is one finding


def _kin(word: str, calling: str) -> bool:
    """The calling, or a word of its family that differs only in its last letters: the
    guitarist's guitars, the swimmer's swimming, the physicist's physics."""
    shared = len(commonprefix((word, calling)))
    return shared >= max(STEM, min(len(word), len(calling)) - KIN_ENDING)


def _callings(incidents, rulebook: Rulebook) -> dict[str, list[tuple[str, Incident]]]:
    """The uncommon words each lone death's headlines call the person by, written in lower case
    outside quotes, by key: not the news's own words (died, mourning, tributes), which any death
    is told in."""
    by_word: dict[str, list[tuple[str, Incident]]] = {}  # by the calling's first letters
    for incident in incidents:
        if incident.kind != "death" or incident.deaths or incident.remembered:
            continue  # a toll is a disaster's, not one person's
        uncommon = set(incident.words)
        for headline in incident.headlines:
            title = headline.title
            analysis = analyze(title, incident.language)
            tokens = analysis.tokens
            for i in _beside_a_name(title, tokens) - _news_words(analysis, rulebook):
                token = tokens[i]
                if title[token.start].islower() and not in_quotes(title, token):
                    for key in {key for key in token.keys if len(key) >= STEM} & uncommon:
                        if (key, incident) not in by_word.setdefault(key[:STEM], []):
                            by_word[key[:STEM]].append((key, incident))
    return by_word


def _news_words(analysis: Analysis, rulebook: Rulebook) -> set[int]:
    """The positions of the words that tell the event and the grief: its kind's triggers and the
    news lexicon's words of death, harm, mourning and remembrance."""
    found = trigger_matches(rulebook, analysis)
    for attribute in NEWS_WORDS:
        found = found + lexicon_index(rulebook, analysis.language, attribute).find(analysis)
    return {i for m in found for i in range(m.first, m.last)}


def _beside_a_name(title: str, tokens) -> set[int]:
    """The positions a calling stands in: the few words before a name ("перший космонавт
    незалежної України Леонід Каденюк", "Apple-grunnlegger Steve Jobs"), or after one and its
    comma ("Shane MacGowan, Pogues frontman") or its full stop ("Nie żyje Tomasz Stańko.
    Legendarny trębacz jazzowy miał 76 lat")."""
    named = [i for i, token in enumerate(tokens) if title[token.start].isupper()]
    found = set()
    for i in named:
        found.update(range(max(0, i - BEFORE), i))
        if title[tokens[i].end:tokens[i].end + 1] in (",", "."):
            found.update(range(i + 1, min(len(tokens), i + 1 + AFTER)))
    return found - set(named)
