"""Reads the ecosystem YAML file into the validated model, reporting every problem with file, line and field."""

from __future__ import annotations

import datetime
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from .messages import validation_messages, yaml_problem
from .model import ECOSYSTEM, Ecosystem, Loc, Source, license_history_problems, reference_problems

# libyaml's parser is an order of magnitude faster; both give the same nodes and line marks.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR_TAG = "tag:yaml.org,2002:str"
# The one data file every table is generated from, relative to docs_dir.
DATA_FILE = "data/ecosystem.yml"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the data file, located as precisely as the YAML allows."""

    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.path or '(file)'}: {self.message}"


class EcosystemError(Exception):
    """The data file is unusable; `problems` lists everything found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join([problems_heading(problems), *(f"  {problem}" for problem in problems)]))


def problems_heading(problems: Sequence[Problem]) -> str:
    """The line that opens every report of the data file's problems, in the terminal and in the preview."""
    count = len(problems)
    return f"{problems[0].file}: {count} problem{'s' if count != 1 else ''} in the ecosystem data"


def load_ecosystem(path: Path, *, display_name: str | None = None, today: datetime.date | None = None) -> Ecosystem:
    """Parse, validate and cross-check the data file; raise EcosystemError listing every problem."""
    name = display_name or str(path)
    return parse_ecosystem(path.read_text(encoding="utf-8"), file=name, today=today)


@dataclass(frozen=True)
class SourceAt:
    """One source of the data file and where it sits, so a report can send the editor to its `checked` line."""

    file: str
    line: int
    path: str  # the source's field path, e.g. `tools[2](id=terraform).source`
    source: Source


def locate_sources(text: str, *, file: str, today: datetime.date | None = None) -> list[SourceAt]:
    """Every source in valid YAML text with the line of its `checked` date; raises EcosystemError like parse_ecosystem."""
    eco = parse_ecosystem(text, file=file, today=today)
    read = _read(text, file, with_lines=True)
    return [SourceAt(file, _line_of((*loc, "checked"), read.lines), _dotted(loc, read.data), source) for loc, source in eco.sources()]


def parse_ecosystem(text: str, *, file: str, today: datetime.date | None = None) -> Ecosystem:
    """Validate YAML text into an Ecosystem; `file` only labels the messages, `today` bounds the `checked` dates."""
    read = _read(text, file, with_lines=False)
    if read.syntax_error:  # there is nothing further to check
        raise EcosystemError(read.problems)
    data = read.data
    if not isinstance(data, dict):
        found = "an empty file" if data is None else f"a {type(data).__name__}"
        raise EcosystemError([Problem(file, 1, "", f"expected a mapping of collections (criteria, languages, tools, ...), got {found}")])
    try:
        eco, details = ECOSYSTEM.validate_python(data, context={"today": today}), []
    except ValidationError as error:
        eco, details = None, error.errors()
    # References are checked on the plain data, so they are reported together with every other mistake.
    references = reference_problems(data) + license_history_problems(data)
    if read.problems or details or references:
        read = _read(text, file, with_lines=True)  # only a file with problems pays for the line map
        problems = list(read.problems)
        located = validation_messages(details, keys_at=_allowed_keys) + references
        problems += [Problem(file, _line_of(loc, read.lines), _dotted(loc, data), message) for loc, message in located]
        raise EcosystemError(sorted(problems, key=lambda problem: problem.line))
    return eco


@dataclass
class _Read:
    """What one pass over the YAML gives: plain data, the problems YAML itself shows, and (on request) the line map."""

    data: object = None
    problems: list[Problem] = field(default_factory=list)
    lines: dict[Loc, int] = field(default_factory=dict)  # field path -> line of its key or list item
    syntax_error: bool = False
    duplicates: list[tuple[Loc, int]] = field(default_factory=list)  # each repeated key's field path and line


def _read(text: str, file: str, *, with_lines: bool) -> _Read:
    """Read the YAML in one pass over libyaml's events into plain data, flagging every duplicate key.

    Reading events instead of composing PyYAML's node tree keeps only the data alive: a node tree of a
    large file is millions of objects that the cyclic collector walks again and again while it grows.
    Plain scalars are typed by PyYAML's own resolver and constructor, exactly as `yaml.safe_load` types them.
    With `with_lines`, every field path is mapped to its line, for reports; duplicate keys are named by their path then.
    """
    read = _Read()
    loader = _Loader(text)
    # Each open collection: [container, its field path, the key waiting for its value (mappings), that key's line].
    stack: list[list] = []
    anchors: dict[str, object] = {}
    try:
        while True:
            event = loader.get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent:
                value = _scalar(loader, event)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                container: object = {} if kind is yaml.MappingStartEvent else []
                if event.anchor:
                    anchors[event.anchor] = container
                stack.append([container, _child_loc(stack, with_lines), _NO_KEY, event.start_mark.line + 1])
                if with_lines and len(stack) > 1:
                    read.lines[stack[-1][1]] = _item_line(stack[-2], event)
                continue
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                value = stack.pop()[0]
                if stack and type(stack[-1][0]) is list:
                    stack[-1][0].append(value)
                elif stack:
                    _set(stack[-1], value, read)
                else:
                    read.data = value
                continue
            elif kind is yaml.AliasEvent:
                if event.anchor not in anchors:
                    raise yaml.composer.ComposerError(None, None, f"found undefined alias {event.anchor!r}", event.start_mark)
                value = anchors[event.anchor]
            elif kind is yaml.StreamEndEvent:
                break
            else:  # stream and document starts and ends
                continue
            if kind is yaml.ScalarEvent and event.anchor:
                anchors[event.anchor] = value
            if not stack:
                read.data = value
            elif type(stack[-1][0]) is list:
                if with_lines:
                    read.lines[(*stack[-1][1], len(stack[-1][0]))] = event.start_mark.line + 1
                stack[-1][0].append(value)
            elif stack[-1][2] is _NO_KEY:
                stack[-1][2], stack[-1][3] = value, event.start_mark.line + 1
                if with_lines:
                    read.lines[(*stack[-1][1], value)] = event.start_mark.line + 1
            else:
                _set(stack[-1], value, read)
    except yaml.YAMLError as error:
        line, message = yaml_problem(error, text)
        read.problems = [Problem(file, line, "", message)]
        read.syntax_error = True
    finally:
        loader.dispose()
    if not read.syntax_error:  # paths name the entry's id, so they are written once the data is whole
        read.problems = [
            Problem(file, line, _dotted(loc, read.data) if with_lines else str(loc[-1]), f"duplicate key {loc[-1]!r}")
            for loc, line in read.duplicates
        ]
    return read


_NO_KEY = object()  # a mapping that waits for its next key, not for a value


def _scalar(loader: yaml.Loader, event: yaml.ScalarEvent) -> object:
    """The value of a scalar as yaml.safe_load gives it; strings, by far the most common, skip the constructor."""
    if event.tag in (None, "!"):
        if not event.implicit[0] or not loader.yaml_implicit_resolvers.get(event.value[:1]):
            return event.value  # quoted, or a plain scalar no implicit type (int, bool, date, ...) can start like
        tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
    else:
        tag = event.tag
    if tag == _STR_TAG:
        return event.value
    return loader.construct_object(yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style))


def _child_loc(stack: list[list], with_lines: bool) -> Loc:
    """The field path of a collection about to open under the innermost open one (only tracked for line maps)."""
    if not with_lines or not stack:
        return ()
    container, loc, key, _ = stack[-1]
    return (*loc, len(container)) if type(container) is list else (*loc, key)


def _item_line(parent: list, event: yaml.Event) -> int:
    """A collection's line: its key's line in a mapping, its own first line in a list."""
    return event.start_mark.line + 1 if type(parent[0]) is list else parent[3]


def _set(frame: list, value: object, read: _Read) -> None:
    """Store a mapping's value under its waiting key; a key given twice is a problem (the last value is kept)."""
    mapping, loc, key, line = frame
    if key in mapping:
        read.duplicates.append(((*loc, key), line))
    mapping[key] = value
    frame[2] = _NO_KEY


def _line_of(loc: Loc, lines: dict[Loc, int]) -> int:
    """The line of the nearest enclosing node that exists in the file."""
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return 1


def _dotted(loc: Loc, data: object) -> str:
    """Render a field path like `tools[2].license`, naming the entry's id where it has one."""
    text = ""
    node = data
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
            node = node[part] if isinstance(node, list) and part < len(node) else None
            if isinstance(node, dict) and isinstance(node.get("id"), str):
                text += f"(id={node['id']})"
        else:
            text += f".{part}" if text else str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return text


def _allowed_keys(loc: Loc) -> list[str]:
    """Field names of the record that sits at `loc` in the Ecosystem tree."""
    node: object = Ecosystem
    for part in loc:
        if _is_record(node) and isinstance(part, str):
            annotation = typing.get_type_hints(node).get(part)
            node = _unwrap(annotation) if annotation else None
        else:
            node = _element_type(node)
    return [item.name for item in fields(node)] if _is_record(node) else []


def _is_record(node: object) -> bool:
    return isinstance(node, type) and is_dataclass(node)


def _unwrap(annotation: object) -> object:
    """Strip Optional and Annotated wrappers."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(arg for arg in typing.get_args(annotation) if arg is not type(None))
        else:
            return annotation


def _element_type(annotation: object) -> object:
    """The item type of list[X] or the value type of dict[K, X]."""
    args = typing.get_args(_unwrap(annotation))
    return _unwrap(args[-1]) if args else None
