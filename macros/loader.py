"""Reads the ecosystem YAML file into the validated model, reporting every problem with file, line and field."""

from __future__ import annotations

import datetime
import difflib
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from .model import Ecosystem, Loc, Source, license_history_problems, reference_problems

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
        count = len(problems)
        heading = f"{problems[0].file}: {count} problem{'s' if count != 1 else ''} in the ecosystem data"
        super().__init__("\n".join([heading, *(f"  {problem}" for problem in problems)]))


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
    data, root, _ = _compose(text, file)
    lines = _line_map(root)
    return [SourceAt(file, _line_of((*loc, "checked"), lines), _dotted(loc, data), source) for loc, source in eco.sources()]


def parse_ecosystem(text: str, *, file: str, today: datetime.date | None = None) -> Ecosystem:
    """Validate YAML text into an Ecosystem; `file` only labels the messages, `today` bounds the `checked` dates."""
    data, root, problems = _compose(text, file)
    if root is None and problems:  # a syntax error: there is nothing further to check
        raise EcosystemError(problems)
    if not isinstance(data, dict):
        found = "an empty file" if data is None else f"a {type(data).__name__}"
        raise EcosystemError([Problem(file, 1, "", f"expected a mapping of collections (criteria, languages, tools, ...), got {found}")])
    try:
        eco, details = Ecosystem.model_validate(data, context={"today": today}), []
    except ValidationError as error:
        eco, details = None, error.errors()
    # References are checked on the plain data, so they are reported together with every other mistake.
    references = reference_problems(data) + license_history_problems(data)
    if problems or details or references:
        lines = _line_map(root)  # only a file with problems pays for the line map
        problems += [_problem_from(detail, data, lines, file) for detail in details]
        problems += [Problem(file, _line_of(loc, lines), _dotted(loc, data), message) for loc, message in references]
        raise EcosystemError(sorted(problems, key=lambda problem: problem.line))
    return eco


def _compose(text: str, file: str) -> tuple[object, yaml.Node | None, list[Problem]]:
    """Build plain Python data, keeping the node tree for line numbers; flag duplicate keys."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        reason = getattr(error, "problem", None) or str(error)
        reason = reason.removeprefix("did not find ")  # libyaml's wording; the pure-Python parser says "expected"
        return None, None, [Problem(file, line, "", f"invalid YAML: {reason}")]
    finally:
        loader.dispose()
    duplicates: list[tuple[yaml.MappingNode, yaml.Node]] = []

    def build(node: yaml.Node) -> object:
        if isinstance(node, yaml.MappingNode):
            result: dict[object, object] = {}
            for key_node, value_node in node.value:
                key = key_node.value if key_node.tag == _STR_TAG else loader.construct_object(key_node, deep=True)
                if key in result:
                    duplicates.append((node, key_node))
                result[key] = build(value_node)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [build(item_node) for item_node in node.value]
        if node.tag == _STR_TAG:  # the common case, without the constructor's dispatch
            return node.value
        return loader.construct_object(node, deep=True)

    data = build(root) if root is not None else None
    problems = []
    if duplicates:  # rare: only now pay for the paths
        path_of = {id(node): loc for loc, _, node in _nodes(root)}
        for mapping, key_node in duplicates:
            loc = (*path_of[id(mapping)], key_node.value)
            problems.append(Problem(file, key_node.start_mark.line + 1, _dotted(loc, data), f"duplicate key {key_node.value!r}"))
    return data, root, problems


def _nodes(root: yaml.Node) -> Iterator[tuple[Loc, yaml.Node, yaml.Node]]:
    """Every node with its field path and the node that marks its line (its key, or the list item itself)."""
    yield (), root, root
    stack: list[tuple[Loc, yaml.Node]] = [((), root)]
    while stack:
        loc, node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            children = [((*loc, key_node.value), key_node, value_node) for key_node, value_node in node.value]
        elif isinstance(node, yaml.SequenceNode):
            children = [((*loc, index), item_node, item_node) for index, item_node in enumerate(node.value)]
        else:
            continue
        for child in children:
            yield child
            stack.append((child[0], child[2]))


def _line_map(root: yaml.Node | None) -> dict[Loc, int]:
    """Field path -> line of its key or list item; built only when there is something to report."""
    if root is None:
        return {}
    lines: dict[Loc, int] = {}
    for loc, marker, _ in _nodes(root):
        lines[loc] = marker.start_mark.line + 1  # a key given twice: its last value is the one validated
    return lines


def _problem_from(detail: dict, data: object, lines: dict[Loc, int], file: str) -> Problem:
    loc: Loc = tuple(detail["loc"])
    kind = detail["type"]
    if kind == "extra_forbidden":
        allowed = _allowed_keys(loc[:-1])
        hint = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        suggestion = f"; did you mean {hint[0]!r}?" if hint else ""
        message = f"unknown key {loc[-1]!r}{suggestion} Allowed keys: {', '.join(allowed)}"
    elif kind == "missing":
        message = "required field is missing"
    elif kind == "value_error":
        message = str(detail["ctx"]["error"])
    else:
        message = f"{detail['msg']} (got {detail['input']!r})"
    return Problem(file, _line_of(loc, lines), _dotted(loc, data), message)


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
    """Field names of the model that sits at `loc` in the Ecosystem tree."""
    node: object = Ecosystem
    for part in loc:
        if _is_model(node) and isinstance(part, str):
            field = node.model_fields.get(part)
            node = _unwrap(field.annotation) if field else None
        else:
            node = _element_type(node)
    return list(node.model_fields) if _is_model(node) else []


def _is_model(node: object) -> bool:
    return isinstance(node, type) and issubclass(node, BaseModel)


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
