"""Which of the file's columns feeds each field of a Post: our names, then a preset's, then the user's.

Our own format must name every post and its network; a foreign export (a preset or an explicit
`columns` mapping) usually cannot, so there `id` and `platform` may be missing and get defaults.
"""
from __future__ import annotations

from dataclasses import dataclass

from safepost.errors import InputError
from safepost.queue.presets import Preset
from safepost.queue.source import normalize
from safepost.rulebook.fields import did_you_mean

FIELDS = ("id", "platform", "scheduled_at", "text", "timezone", "region", "language", "reply_to",
          "link", "media_alt", "account", "crisis")


@dataclass(frozen=True)
class Mapping:
    sources: dict[str, tuple[str, ...]]  # field -> the file's columns (normalised), joined by a space
    explicit: dict[str, str]  # field -> column as the user wrote it in `columns`
    required: frozenset[str]  # fields a post cannot be read without

    def check_columns(self, columns: tuple[str, ...], path: str, line: int | None) -> None:
        """Fail on the header line, once, rather than on every row of a file that cannot work."""
        present = {normalize(column) for column in columns}
        listing = ", ".join(column.strip() for column in columns if column.strip())
        for field, column in self.explicit.items():
            if normalize(column) not in present:
                raise InputError(f"column '{column}' (mapped to {field}) is not in the file; "
                                 f"its columns are: {listing}", path, line)
        missing = [field for field in FIELDS if field in self.required and not set(self.sources[field]) <= present]
        if missing:  # every one at once: a file that lacks three columns is fixed in one go
            wanted = ", ".join(f"'{' + '.join(self.sources[field])}'" for field in missing)
            example = ",".join(f"{field}=NAME" for field in missing)
            raise InputError(f"no {wanted} column{'s' if len(missing) > 1 else ''}; the file's columns are: "
                             f"{listing} (map them with --columns {example})", path, line)

    def check_seen(self, keys: set[str], path: str) -> None:
        """For JSON and YAML, whose keys are only known once every post is read."""
        for field, column in self.explicit.items():
            if normalize(column) not in keys:
                raise InputError(f"no post has the key '{column}' (mapped to {field}); "
                                 f"the keys are: {', '.join(sorted(keys))}", path)


def build_mapping(preset: Preset | None, columns: dict[str, str] | None, platform_given: bool) -> Mapping:
    sources = {field: (field,) for field in FIELDS}
    if preset:
        sources.update(preset.columns)
    explicit = {}
    for field, column in (columns or {}).items():
        key = normalize(field)
        if key not in FIELDS:
            raise InputError(f"unknown field '{field}' in the column mapping{did_you_mean(key, FIELDS)}; "
                             f"the fields are: {', '.join(FIELDS)}")
        if not str(column).strip():
            raise InputError(f"the column mapping gives no column for '{key}'")
        sources[key] = (normalize(column),)
        explicit[key] = str(column).strip()
    foreign = preset is not None or bool(explicit)
    required = {"scheduled_at", "text"}
    if not foreign:
        required.add("id")
        if not platform_given:
            required.add("platform")
    return Mapping(sources, explicit, frozenset(required))
