"""Word rules: risky words and phrases, per language, with exceptions and examples."""
from __future__ import annotations

from dataclasses import dataclass, field

from safepost.model import Verdict
from safepost.rulebook.examples import Authored, parse_examples
from safepost.rulebook.fields import Fields
from safepost.rulebook.terms import check_exceptions, compile_terms
from safepost.text.matcher import Term

CATEGORIES = ("profanity", "insult", "innuendo", "drugging", "slur", "violence", "sarcasm",
              "dismissive", "other")


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


def parse_word_rule(data, path: str) -> WordRule:
    fields = Fields(data, path, "a word rule")
    fields.reject_unknown(("id", "level", "message", "language", "languages", "terms",
                           "exceptions", "category", "note", "source", "in_reply", "replies_only",
                           "examples"))
    languages = fields.languages("languages") or fields.languages("language", required=True)
    category = fields.text("category", "other")
    if category not in CATEGORIES:
        raise fields.error(f"unknown category '{category}' (one of {', '.join(CATEGORIES)})", "category")
    terms = compile_terms(fields, "terms", languages, required=True)
    exceptions = compile_terms(fields, "exceptions", languages, required=False)
    check_exceptions(fields, "exceptions", terms, exceptions)
    return WordRule(
        id=fields.text("id", required=True),
        level=fields.level("level", "flag"),
        message=fields.text("message", required=True),
        languages=languages,
        terms=terms,
        exceptions=exceptions,
        category=category,
        note=fields.text("note", ""),
        source=fields.text("source", ""),
        in_reply=fields.level("in_reply"),
        replies_only=fields.flag("replies_only", False),
        examples=parse_examples(fields),
        path=path,
        line=fields.line() or 0,
    )
