"""Compile rulebook term lists into matcher terms, reporting a bad term where it is written, and
catch the term lists that cannot do what their author meant."""
from __future__ import annotations

from safepost.errors import InputError
from safepost.rulebook.fields import Fields, RuleWarning, report
from safepost.text.matcher import Term, TermError, TermIndex, compile_term
from safepost.yamlsafe import LineList

LanguageTerms = dict[str, tuple[Term, ...]]
GAPS = ("...", "…")


def _compile(text: str, language: str, path: str, position, key: str) -> Term | None:
    try:
        _check_syntax(text)
        return compile_term(text, None if language == "any" else language)
    except TermError as exc:
        report(InputError(f"{key}: {exc}", path, *position))
        return None


def _check_syntax(text: str) -> None:
    """Marks the matcher would quietly read as punctuation: the term would not mean what it says."""
    for chunk in text.split():
        if chunk not in GAPS and any(gap in chunk for gap in GAPS):
            raise TermError(f"'{chunk}': write '...' with a space on each side ('a ... b')")
        if chunk.lstrip("=").startswith("*") and chunk.strip("=*"):
            raise TermError(f"'{chunk}': '*' works at the end of a word only ('{chunk.strip('=*')}*')")


def compile_terms(fields: Fields, key: str, languages: tuple[str, ...],
                  required: bool) -> dict[str, tuple[Term, ...]]:
    """One list of terms compiled for each language the rule covers (each has its own forms)."""
    items = fields.items(key, required=required)
    compiled = {}
    for language in languages:
        terms = (_compile(text, language, fields.path, position, key) for text, position in items)
        compiled[language] = tuple(term for term in terms if term is not None)
    return compiled


def compile_language_map(fields: Fields, key: str, required: bool = False) -> dict[str, tuple[Term, ...]]:
    """A mapping language -> list of terms (`triggers: {en: [...], pl: [...]}`)."""
    if not fields.has(key):
        if required:
            raise fields.error(f"{fields.what} needs '{key}'")
        return {}
    sub = fields.sub(key, f"'{key}'")
    compiled = {}
    for language in sub.language_keys():
        compiled.update(compile_terms(sub, language, (str(language),), required=True))
    return compiled


def sample(term: Term) -> str:
    """The shortest text a term is written to match: its words, without gaps and marks."""
    return " ".join(chunk.strip("=*") for chunk in term.text.split() if chunk not in GAPS)


def check_exceptions(fields: Fields, key: str, terms: LanguageTerms, exceptions: LanguageTerms) -> None:
    """An exception that covers one of its rule's own terms whole silences that term for good (an
    error: the rule can never fire for it); one that holds none of the rule's terms never does
    anything (a warning)."""
    from safepost.text import analyze

    where = _positions(fields, key)
    for language, excepted in exceptions.items():
        analysed = None if language == "any" else language
        own, blockers = TermIndex(), TermIndex()
        for term in terms.get(language, ()) + terms.get("any", ()):
            own.add(term, term)
        for exception in excepted:
            blockers.add(exception, exception)
        for term in terms.get(language, ()):
            text = analyze(sample(term), analysed)
            found = [m for m in own.find(text) if m.payload is term]
            blocker = next((b for b in blockers.find(text)
                            if found and all(b.first <= m.first and m.last <= b.last for m in found)), None)
            if blocker:
                report(InputError(f"{key}: exception '{blocker.term}' covers the rule's own term "
                                  f"'{term.text}': the rule can never fire on it",
                                  fields.path, *where(language, blocker.term)))
        for exception in excepted:
            if not own.find(analyze(sample(exception), analysed)):
                report(RuleWarning(f"{key}: exception '{exception.text}' holds none of the rule's terms "
                                   f"{'' if language == 'any' else f'in {language} '}so it never applies",
                                   fields.path, *where(language, exception.text)))


def _positions(fields: Fields, key: str):
    """(language, term text) -> where the term is written; a flat list serves every language."""
    value = fields.data.get(key)
    found = {}
    for language, items in (value.items() if isinstance(value, dict) else [(None, value)]):
        for i, item in enumerate(items if isinstance(items, list) else [items]):
            position = items.position_of(i) if isinstance(items, LineList) else fields.where(key)
            found[(language, str(item).strip())] = position
    return lambda language, text: found.get((language if isinstance(value, dict) else None, text),
                                            fields.where(key))
