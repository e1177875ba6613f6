"""Word rules: risky words and phrases, per language, with exceptions and examples.

Profanity carries a grade, the way cuss and retext-profanities grade words by sureness:
`strong` (flagged in posts, held in replies) and `mild` (flagged wherever it is: "damn",
"crappy", "a bitch" said of Mondays). The config's `grades:` moves a whole grade up or down.
A rule with `with:` fires only when the post also holds one of those terms somewhere: a
politician's name is news, a politician's name next to "died" or "clown" is mockery.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from safepost.model import Verdict
from safepost.rulebook.examples import Authored, parse_examples
from safepost.rulebook.fields import Fields
from safepost.rulebook.terms import check_exceptions, compile_terms, read_sets
from safepost.text.matcher import Term

CATEGORIES = ("profanity", "insult", "attack", "innuendo", "drugging", "slur", "violence", "sarcasm",
              "dismissive", "sensitive", "other")
# grade -> (level in a post, level in a reply): the defaults a rule of that grade starts from
GRADES = {"strong": (Verdict.FLAG, Verdict.HOLD), "mild": (Verdict.FLAG, Verdict.FLAG)}


@dataclass(frozen=True)
class WordRule(Authored):
    id: str
    level: Verdict
    message: str
    languages: tuple[str, ...]
    terms: dict[str, tuple[Term, ...]]  # by language ("any" = every language)
    exceptions: dict[str, tuple[Term, ...]] = field(default_factory=dict)
    category: str = "other"
    in_reply: Verdict | None = None  # level when the post answers someone (replies check)
    replies_only: bool = False  # meaningful only when said to a customer
    grade: str | None = None  # strong | mild, for profanity
    with_terms: dict[str, tuple[Term, ...]] = field(default_factory=dict)  # also needed in the post
    iab: str = ""  # the IAB Content Taxonomy sensitive topic a `sensitive` rule stands for


def parse_word_rule(data, path: str) -> WordRule:
    fields = Fields(data, path, "a word rule")
    fields.reject_unknown(("id", "level", "message", "language", "languages", "terms",
                           "exceptions", "category", "note", "source", "in_reply", "replies_only",
                           "examples", "grade", "with", "iab", "sets"))
    languages = fields.languages("languages") or fields.languages("language", required=True)
    category = fields.text("category", "other")
    if category not in CATEGORIES:
        raise fields.error(f"unknown category '{category}' (one of {', '.join(CATEGORIES)})", "category")
    grade = fields.text("grade")
    if grade is not None and grade not in GRADES:
        raise fields.error(f"unknown grade '{grade}' (one of {', '.join(GRADES)})", "grade")
    post_level, reply_level = GRADES[grade] if grade else (Verdict.FLAG, None)
    sets = read_sets(fields)
    terms = compile_terms(fields, "terms", languages, required=True, sets=sets)
    exceptions = compile_terms(fields, "exceptions", languages, required=False, sets=sets)
    check_exceptions(fields, "exceptions", terms, exceptions)
    return WordRule(
        id=fields.text("id", required=True),
        level=fields.level("level", str(post_level)),
        message=fields.text("message", required=True),
        languages=languages,
        terms=terms,
        exceptions=exceptions,
        category=category,
        note=fields.text("note", ""),
        source=fields.text("source", ""),
        in_reply=fields.level("in_reply") or reply_level,
        replies_only=fields.flag("replies_only", False),
        grade=grade,
        with_terms=compile_terms(fields, "with", languages, required=False, sets=sets) if fields.has("with") else {},
        iab=fields.text("iab", "") or "",
        examples=parse_examples(fields),
        path=path,
        line=fields.line() or 0,
    )
