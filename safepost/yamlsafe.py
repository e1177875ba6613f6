"""Safe YAML that remembers where everything is written and refuses anchors, so errors can say
`file:line:column`.

Rulebooks and configs are written by hand; a message that names the line is the difference
between a fix and a support ticket. Aliases are refused outright: hand-written rules never need
them and they are how a "billion laughs" file eats memory.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

MAX_BYTES = 5 * 1024 * 1024


Position = tuple[int, int]  # (line, column), both 1-based


class LineDict(dict):
    """A mapping that knows where it starts and where each key and each value is written."""

    line: int = 0
    column: int = 0
    key_lines: dict
    key_positions: dict
    value_positions: dict

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)

    def position_of(self, key) -> Position:
        """Where the key is written (the mapping's start for a key it does not have)."""
        return self.key_positions.get(key, (self.line, self.column))

    def value_position_of(self, key) -> Position:
        """Where the key's value starts: what a message about a wrong value points at."""
        return self.value_positions.get(key, self.position_of(key))


class LineList(list):
    """A sequence that knows where it starts and where each item is written."""

    line: int = 0
    column: int = 0
    item_lines: list
    item_positions: list

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line

    def position_of(self, index: int) -> Position:
        return self.item_positions[index] if index < len(self.item_positions) else (self.line, self.column)


def _position(node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _AliasFound(Exception):
    """A node used twice: an alias. load_text finds where the first alias is written."""


class _LineConstructor(yaml.constructor.SafeConstructor):
    """Builds LineDict/LineList with positions; refuses any node used twice (an alias)."""

    def construct_object(self, node, deep=False):
        if node in self.constructed_objects:
            raise _AliasFound()
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, IndexError, AttributeError, OverflowError) as exc:
            # e.g. `2026-13-01` read as a date, or `!!int x`: the line is known here, not later
            raise yaml.MarkedYAMLError(problem=f"cannot read this value ({exc})",
                                       problem_mark=node.start_mark) from None

    def construct_mapping(self, node, deep=False):
        self.flatten_mapping(node)
        result = LineDict()
        result.line, result.column = _position(node)
        result.key_lines, result.key_positions, result.value_positions = {}, {}, {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                raise yaml.MarkedYAMLError(problem="a key must be plain text",
                                           problem_mark=key_node.start_mark) from None
            if key in result:
                raise yaml.MarkedYAMLError(problem=f"duplicate key '{key}'",
                                           problem_mark=key_node.start_mark)
            result[key] = self.construct_object(value_node, deep=True)
            result.key_positions[key] = _position(key_node)
            result.key_lines[key] = result.key_positions[key][0]
            result.value_positions[key] = _position(value_node)
        return result

    def construct_sequence(self, node, deep=False):
        result = LineList(self.construct_object(child, deep=True) for child in node.value)
        result.line, result.column = _position(node)
        result.item_positions = [_position(child) for child in node.value]
        result.item_lines = [line for line, _ in result.item_positions]
        return result


_LineConstructor.add_constructor("tag:yaml.org,2002:map", _LineConstructor.construct_mapping)
_LineConstructor.add_constructor("tag:yaml.org,2002:seq", _LineConstructor.construct_sequence)


class _Resolver(yaml.resolver.Resolver):
    """YAML 1.1 reads yes/no/on/off as booleans: a rulebook listing the word "on", or Norway as
    "no", would silently change meaning. Only true/false are booleans here, as in YAML 1.2."""


_Resolver.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}
_Resolver.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                list("tTfF"))

# libyaml parses ten times faster than the pure-Python parser (rulebook load is most of a cold
# start); the pure one stands in where PyYAML was built without it.
try:
    from yaml.cyaml import CParser as _Parser
except ImportError:
    _Parser = None


class _PureLoader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer,
                  _LineConstructor, _Resolver):
    """The pure-Python parser: slower, but deep nesting ends in a RecursionError we can report,
    where libyaml's recursion would overflow the C stack."""

    def __init__(self, stream):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _LineConstructor.__init__(self)
        _Resolver.__init__(self)


class _FastLoader(*((_Parser,) if _Parser else ()), _LineConstructor, _Resolver):
    def __init__(self, stream):
        _Parser.__init__(self, stream)
        _LineConstructor.__init__(self)
        _Resolver.__init__(self)


MAX_C_DEPTH = 500  # nesting beyond this goes to the pure parser
_BRACKETS = re.compile(r"[\[\]{}]")
_LONG_LINE = re.compile(r"[^\n]{10000}")


def _loader_for(text: str):
    """libyaml unless the text nests deeply enough to threaten the C stack."""
    if _Parser is None or _LONG_LINE.search(text):
        return _PureLoader
    depth = 0
    for bracket in _BRACKETS.finditer(text):
        depth += 1 if bracket.group() in "[{" else -1
        if depth > MAX_C_DEPTH:
            return _PureLoader
    return _FastLoader


def load_text(text: str, path: str | Path):
    """Parse YAML text; any problem becomes an InputError naming path and line."""
    from safepost.errors import InputError

    try:
        loader = _loader_for(text)
        try:
            return yaml.load(text, Loader=loader)  # noqa: S506 - both loaders are safe constructors
        except _AliasFound:
            alias = next(event for event in yaml.parse(text, Loader=loader)
                         if isinstance(event, yaml.AliasEvent))
            raise yaml.MarkedYAMLError(problem="anchors and aliases (*name) are not allowed",
                                       problem_mark=alias.start_mark) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise InputError(problem, path, line, column) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise InputError(f"character 0x{exc.character:02x} is not allowed in YAML", path, line) from None
    except yaml.YAMLError as exc:
        raise InputError(f"invalid YAML: {exc}", path) from None
    except RecursionError:
        raise InputError("YAML nested too deeply", path) from None


def load_file(path: str | Path, max_bytes: int = MAX_BYTES):
    """Read and parse a YAML file with size, encoding and syntax checks."""

    return load_text(decode_utf8(read_bytes(path, max_bytes), path), path)


def read_bytes(path: str | Path, max_bytes: int | None = None) -> bytes:
    """A user's file, read whole, with the usual failures as one-line errors."""
    from safepost.errors import InputError

    path = Path(path)
    try:
        if max_bytes is not None and path.stat().st_size > max_bytes:
            raise InputError(f"file is {path.stat().st_size:,} bytes; the limit is {max_bytes:,}", path)
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    except IsADirectoryError:
        raise InputError("is a directory, expected a file", path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None


def decode_utf8(raw: bytes, path: str | Path) -> str:
    """Decode UTF-8 (BOM allowed); invalid bytes are reported with their line."""
    from safepost.errors import InputError

    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})", path, line) from None

