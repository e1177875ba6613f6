"""Optional: names from a trained spaCy pipeline (`ner_model:` in the config).

The core finds an incident's key terms without a model (capitalised words, places, hashtags), so
safepost works where no trained pipeline can be installed. Where one is installed, its entities
(people, places, organisations, events) are added to those terms: it catches names the
capitalisation heuristic cannot, such as names in Title Case headlines.
"""
from __future__ import annotations

from typing import Callable

from safepost.errors import InputError

LABELS = {"PERSON", "PER", "GPE", "LOC", "ORG", "EVENT", "FAC", "NORP"}


def load_entity_finder(model: str, config_path: str | None = None,
                       line: int | None = None) -> Callable[[str], list[str]]:
    """`ner_model` loaded, or an error at its line in the config saying how to get it."""
    try:
        import spacy
    except ImportError:
        raise InputError("'ner_model' is set but spaCy is not installed: pip install 'safepost[nlp]', "
                         "or remove 'ner_model'", config_path, line) from None
    try:
        nlp = spacy.load(model)
    except (OSError, ValueError) as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(f"'ner_model': cannot load the spaCy pipeline '{model}' ({first_line}); install it with "
                         f"`python -m spacy download {model}`, or remove 'ner_model'", config_path, line) from None

    def entities(text: str) -> list[str]:
        return [ent.text for ent in nlp(text).ents if ent.label_ in LABELS and len(ent.text) > 2]

    return entities
