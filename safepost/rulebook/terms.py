"""Compile rulebook term lists into matcher terms, reporting a bad term at its own line."""
from __future__ import annotations

from safepost.errors import InputError
from safepost.rulebook.fields import Fields, check_language
from safepost.text.matcher import Term, TermError, compile_term


def _compile(text: str, language: str, path: str, line: int | None, key: str) -> Term:
    try:
        return compile_term(text, None if language == "any" else language)
    except TermError as exc:
        raise InputError(f"{key}: {exc}", path, line) from None


def compile_terms(fields: Fields, key: str, languages: tuple[str, ...],
                  required: bool) -> dict[str, tuple[Term, ...]]:
    """One list of terms compiled for each language the rule covers (each has its own forms)."""
    texts = fields.texts(key, required=required)
    lines = fields.item_lines(key)
    return {language: tuple(_compile(text, language, fields.path, line, key)
                            for text, line in zip(texts, lines))
            for language in languages}


def compile_language_map(fields: Fields, key: str, required: bool = False) -> dict[str, tuple[Term, ...]]:
    """A mapping language -> list of terms (`triggers: {en: [...], pl: [...]}`)."""
    if not fields.has(key):
        if required:
            raise fields.error(f"{fields.what} needs '{key}'")
        return {}
    sub = Fields(fields.data[key], fields.path, f"'{key}'", fields.line(key) or 0)
    compiled = {}
    for language in sub.data:
        check_language(str(language), fields.path, sub.line(language))
        compiled.update(compile_terms(sub, language, (str(language),), required=True))
    return compiled
