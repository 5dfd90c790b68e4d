"""Reads the ecosystem YAML file into the validated model, reporting every problem with file, line and field."""

from __future__ import annotations

import contextlib
import datetime
import gc
import types
import typing
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeGuard

import yaml
from pydantic import ValidationError
from yaml.constructor import SafeConstructor

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

from .messages import Loc, validation_messages, yaml_problem
from .model import ECOSYSTEM, Ecosystem, Source, license_history_problems, reference_problems

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
    read, root = _read(text, file), _compose(text)
    return [SourceAt(file, _line_of((*loc, "checked"), root), _dotted(loc, read.data), source) for loc, source in eco.sources()]


def parse_ecosystem(text: str, *, file: str, today: datetime.date | None = None) -> Ecosystem:
    """Validate YAML text into an Ecosystem; `file` only labels the messages, `today` bounds the `checked` dates."""
    read = _read(text, file)
    if read.syntax_error:  # there is nothing further to check
        raise EcosystemError(read.problems)
    data = read.data
    if not isinstance(data, dict):
        found = "an empty file" if data is None else f"a {type(data).__name__}"
        raise EcosystemError([Problem(file, 1, "", f"expected a mapping of collections (criteria, languages, tools, ...), got {found}")])
    try:
        # Today is read once here, not once for each of the file's `checked` dates.
        eco, details = ECOSYSTEM.validate_python(data, context={"today": today or datetime.date.today()}), []
    except ValidationError as error:
        eco, details = None, error.errors()
    # References are checked on the plain data, so they are reported together with every other mistake.
    references = reference_problems(data) + license_history_problems(data)
    if read.problems or eco is None or references:
        root = _compose(text)  # only a file with problems pays for composing it again, with its lines
        located = validation_messages(details, keys_at=_allowed_keys) + references
        problems = read.problems + [Problem(file, _line_of(loc, root), _dotted(loc, data), message) for loc, message in located]
        raise EcosystemError(sorted(problems, key=lambda problem: problem.line))
    return eco


@dataclass
class _Read:
    """The plain data of the YAML, and the problems YAML itself shows."""

    data: object = None
    problems: list[Problem] = field(default_factory=list)
    syntax_error: bool = False


def _read(text: str, file: str) -> _Read:
    """Compose the YAML into nodes and build the plain data from them, flagging every duplicate key by path and line.

    The node tree is dropped once the data is built: a tree that stays alive is walked by the garbage collector
    on every collection that validation triggers, which at a thousand times today's data doubles the loading time.
    """
    loader = _Loader(text)
    duplicates: list[tuple[Loc, int]] = []
    try:
        with _collector_paused():
            root = loader.get_single_node()
            data = _plain(root, (), loader, duplicates) if root is not None else None
    except yaml.YAMLError as error:
        line, message = yaml_problem(error, text)
        return _Read(problems=[Problem(file, line, "", message)], syntax_error=True)
    finally:
        loader.dispose()
    # Paths name the entry's id, so they are written once the data is whole.
    return _Read(data, [Problem(file, line, _dotted(loc, data), f"duplicate key {loc[-1]!r}") for loc, line in duplicates])


def _compose(text: str) -> yaml.Node | None:
    """The node tree of YAML text that reads without syntax errors: every node carries its line, for reports."""
    return yaml.compose(text, Loader=_Loader)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Hold the cyclic garbage collector while a node tree is built and read, and restore it after.

    The tree holds no cycles, yet the collector walks it again and again while it grows: at a thousand
    times today's data that is three quarters of the reading time (`make bench`).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _plain(node: yaml.Node, loc: Loc, loader: SafeConstructor, duplicates: list[tuple[Loc, int]]) -> object:
    """The value of a node as yaml.safe_load gives it; a key given twice is recorded (the last value is kept, as there)."""
    if isinstance(node, yaml.ScalarNode):
        # Strings, by far the most common scalars, need no constructor; the composer has already resolved every tag.
        return node.value if node.tag == _STR_TAG else loader.construct_object(node)
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, (*loc, index), loader, duplicates) for index, item in enumerate(node.value)]
    mapping: dict = {}
    for key_node, value_node in node.value:
        key = _plain(key_node, loc, loader, duplicates)
        here = (*loc, key if isinstance(key, str | int) else str(key))
        if key in mapping:
            duplicates.append((here, key_node.start_mark.line + 1))
        mapping[key] = _plain(value_node, here, loader, duplicates)
    return mapping


def _line_of(loc: Loc, root: yaml.Node | None) -> int:
    """The line of the field at `loc` (its key's line, or a list item's own), or of the nearest enclosing one in the file."""
    line, node = 1, root
    for part in loc:
        if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        elif isinstance(node, yaml.MappingNode) and (pairs := [pair for pair in node.value if pair[0].value == part]):
            key_node, node = pairs[-1]  # a repeated key's last value is the one kept
            line = key_node.start_mark.line + 1
        else:
            break
    return line


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


def _is_record(node: object) -> TypeGuard[type[DataclassInstance]]:
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
