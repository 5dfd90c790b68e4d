"""Plain-words messages for the data file's problems: what is wrong and what to write instead, with an example.

The loader finds where each problem is (file, line, entry id); this module says what it is, for an editor who knows
YAML and Markdown rather than Python: pydantic's validation errors, the YAML parser's errors, unknown ids and licences.
Every message is one line, as the terminal and the preview's problem panel both show it.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Sequence

import yaml
from pydantic_core import ErrorDetails

from .licenses import SPDX_IDS, closest_spdx_id

Loc = tuple[str | int, ...]
_INDENTATION = (
    "this line's indentation does not line up with the entry above: the keys of one entry, and the `- ` items of one list, "
    "start in the same column: in this file `- id:` 2 spaces in, the entry's other keys 4 and the items of its lists 6"
)
# The singular of each collection that entries refer to, for "unknown industry 'banking'".
_SINGULAR = {"criteria": "criterion", "languages": "language", "categories": "category", "industries": "industry"}
# The CONTRIBUTING.md section that shows how to add an entry to a collection, by its heading.
GUIDES = {"criteria": "Add a row to the language comparison", "categories": "Add a category", "industries": "Add an industry"}


# --- validation errors --------------------------------------------------------------------------------------


def validation_messages(details: Sequence[ErrorDetails], *, keys_at: Callable[[Loc], list[str]]) -> list[tuple[Loc, str]]:
    """One (field path, message) per mistake in pydantic's error details; `keys_at` names the keys of the record at a path.

    A misspelt required key is one mistake, so it gets one message: the unknown key, never also the missing one.
    """
    hints = {}
    for detail in details:
        if detail["type"] == "unexpected_keyword_argument":
            loc = tuple(detail["loc"])
            hints[loc] = next(iter(difflib.get_close_matches(str(loc[-1]), keys_at(loc[:-1]), n=1)), None)
    missing = {tuple(detail["loc"]) for detail in details if detail["type"] == "missing"}
    renamed = {(*loc[:-1], hint) for loc, hint in hints.items() if hint and (*loc[:-1], hint) in missing}
    messages = []
    for detail in details:
        loc = tuple(detail["loc"])
        if detail["type"] == "unexpected_keyword_argument":
            messages.append((loc, _unknown_key(str(loc[-1]), hints[loc], keys_at(loc[:-1]), required=(*loc[:-1], hints[loc]) in renamed)))
        elif loc not in renamed:
            messages.append((loc, _message(detail, keys_at)))
    return messages


def _unknown_key(key: str, hint: str | None, allowed: list[str], *, required: bool) -> str:
    if required:
        return f"unknown key {key!r}; did you mean {hint!r}? `{hint}` is required here: rename `{key}:` to `{hint}:`"
    suggestion = f"; did you mean {hint!r}?" if hint else "."
    return f"unknown key {key!r}{suggestion} Allowed keys: {', '.join(allowed)}"


def _message(detail: ErrorDetails, keys_at: Callable[[Loc], list[str]]) -> str:
    loc, kind, ctx = tuple(detail["loc"]), detail["type"], detail.get("ctx") or {}
    value = detail["input"]
    field = _field(loc)
    item = isinstance(loc[-1], int) if loc else False
    # How the mistaken line starts: `- ` for an item of a list, `name: ` for a field.
    lead = "- " if item else f"{field}: "
    subject = f"each item of `{field}`" if item else f"`{field}`"
    if kind == "missing":
        under = "to the file" if len(loc) == 1 else f"under `{loc[-2]}:`" if isinstance(loc[-2], str) else "to this entry"
        return f"required field `{field}` is missing: add `{field}:` {under}"
    if kind == "list_type":
        example = value if isinstance(value, str) else "…"
        return (
            f"`{field}` must be a list: put each item on its own line starting with `- `, "
            f"e.g. `{field}:` and on the next line, indented, `- {example}`"
        )
    if kind == "too_short":
        return f"`{field}` needs at least one item: put each on its own line below `{field}:`, starting with `- `"
    if kind == "string_type":
        return _not_text(subject, lead, value)
    if kind == "string_too_short":
        return f"{subject} is empty: write the text after `{lead}`"
    if kind == "string_pattern_mismatch":  # only ids have a pattern
        return f"an id is lowercase words joined by hyphens, e.g. `{_slug(value)}` (got {value!r})"
    if kind == "string_too_long":
        return f"an id has at most {ctx['max_length']} characters (got {len(value)}): shorten it, e.g. `{_slug(value)[: ctx['max_length']].strip('-')}`"
    if kind == "int_type":
        return f"{subject} is a year written as a plain number, without quotes, e.g. `{lead}2014` (got {value!r})"
    if kind == "greater_than_equal":
        return f"{subject} must be a year from {ctx['ge']} on (got {value!r})"
    if kind == "less_than_equal":
        return f"{subject} must be a year no later than {ctx['le']} (got {value!r})"
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", ctx["expected"])
        hint = difflib.get_close_matches(str(value), choices, n=1)
        suggestion = f"; did you mean {hint[0]!r}?" if hint else ""
        return f"{subject} must be {ctx['expected']} (got {value!r}){suggestion}"
    if kind in ("dataclass_type", "dict_type"):
        keys = keys_at(loc)
        listed = f"; its keys: {', '.join(keys)}" if keys else ""
        return f"{subject} must be a group of `key: value` lines, each on its own line indented below `{field}:`{listed} (got {value!r})"
    if kind == "value_error":  # the model's own validators already say what they expected
        return str(ctx["error"])
    return f"{detail['msg']} (got {value!r})"


def _field(loc: Loc) -> str:
    """The name of the field a path ends in: `uses` for `companies[3].uses[0]`."""
    return next((str(part) for part in reversed(loc) if isinstance(part, str)), "")


def _not_text(subject: str, lead: str, value: object) -> str:
    if isinstance(value, dict) and len(value) == 1:  # `- Geofencing: a lookup service` reads as a key and its value
        [(key, rest)] = value.items()
        text = f"{key}:" if rest is None else f"{key}: {rest}"
        return f"text that contains `: ` must be in quotes: write `{lead}{_quoted(text)}`"
    if value is None:
        return f"{subject} has no value: write the text after `{lead}`"
    if isinstance(value, bool):
        return (
            f"{subject} must be text, but YAML reads an unquoted yes, no, true, false, on or off as a yes-or-no value: "
            f'put the text in quotes, e.g. `{lead}"yes"`'
        )
    if isinstance(value, int | float):
        return f'{subject} must be text, but YAML reads {value} as a number: put it in quotes, e.g. `{lead}"{value}"`'
    if hasattr(value, "isoformat"):
        return f'{subject} must be text, but YAML reads {value.isoformat()} as a date: put it in quotes, e.g. `{lead}"{value.isoformat()}"`'
    shape = "a list" if isinstance(value, list) else "a group of fields"
    return f"{subject} must be one text, not {shape}: write it on one line after `{lead}` (got {value!r})"


def _quoted(text: str) -> str:
    """`text` as a YAML quoted string: double quotes unless it holds one, then single quotes (doubled inside)."""
    return f'"{text}"' if '"' not in text else "'" + text.replace("'", "''") + "'"


def _slug(text: object) -> str:
    """An id made from any text: `Monzo Bank` -> `monzo-bank`, `Zürich` -> `zurich`."""
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "monzo-bank"


# --- the model's own rules --------------------------------------------------------------------------------------


def not_spdx(value: str) -> str:
    """A licence that is not one of the SPDX ids the data file accepts."""
    hint = closest_spdx_id(value)
    if hint:
        return f"{value!r} is not an SPDX licence identifier; did you mean {hint!r}? Write the id as spdx.org/licenses lists it, e.g. `license: {hint}`"
    return (
        f"{value!r} is not an SPDX licence identifier: write the id as spdx.org/licenses lists it, e.g. `license: Apache-2.0`. "
        f"Known here: {', '.join(SPDX_IDS)}; add another to macros/licenses.py"
    )


def unknown_reference(collection: str, value: str, known: set[str], needs: Sequence[str]) -> str:
    """An id that names no entry of `collection`: the near miss, the known ids, and how to add a new one."""
    singular = _SINGULAR.get(collection, collection)
    hint = difflib.get_close_matches(value, sorted(known), n=1)
    suggestion = f"; did you mean {hint[0]!r}?" if hint else "."
    guide = f' (CONTRIBUTING.md, "{GUIDES[collection]}")' if collection in GUIDES else ""
    return (
        f"unknown {singular} {value!r}{suggestion} Known {collection}: {', '.join(sorted(known))}. "
        f"To add a new {singular}, add an entry to the top-level `{collection}:` list with {_and(needs)}{guide}"
    )


def missing_rating(criterion: str) -> str:
    return f"missing rating for criterion {criterion!r}: add `{criterion}: {{value: …, level: …}}` under this language's `ratings:`"


def _and(words: Sequence[str]) -> str:
    return ", ".join(words[:-1]) + f" and {words[-1]}" if len(words) > 1 else "".join(words)


# --- YAML syntax errors ---------------------------------------------------------------------------------------


def yaml_problem(error: yaml.YAMLError, text: str) -> tuple[int, str]:
    """(line, message) for a YAML syntax error: the common mistakes in plain words, the parser's own words otherwise."""
    mark = getattr(error, "problem_mark", None)
    start = getattr(error, "context_mark", None)
    line = mark.line + 1 if mark else 1
    reason = (getattr(error, "problem", None) or str(error)).removeprefix("did not find ")  # libyaml's "did not find expected"
    source = text.splitlines()[mark.line] if mark and mark.line < len(text.splitlines()) else ""
    column = mark.column if mark else 0
    if "tab" in reason or "\t" in source[: column + 1]:  # libyaml names the tab in some places, not in others
        return line, "tab character: indent with spaces (two per level), never with tabs"
    if reason.startswith("mapping values are not allowed"):
        if ": " in source[:column]:  # a second `: ` on the line that holds a key
            return line, f"text that contains `: ` must be in quotes: write `{_quote_value(source)}`"
        return line, _INDENTATION
    if reason in ("expected key", "expected '-' indicator") or reason.startswith("expected <block end>"):
        return line, _INDENTATION
    if reason.startswith("block sequence entries are not allowed"):
        return line, "a list item cannot follow its key on the same line: put each `- ` item on its own line below the key, indented"
    if reason.startswith(("expected ',' or ']'", "expected ',' or '}'")):  # the pure-Python parser adds ", but found ..."
        closing = reason[17]
        opening = "[" if closing == "]" else "{"
        where = start.line + 1 if start else line
        return where, f"`{opening}` is never closed on this line: end it with `{closing}`, e.g. `uses: [Payments, Lending]`"
    if reason == "found unexpected end of stream" and start:
        return start.line + 1, "a quote is never closed: end the text with the same quote mark it starts with"
    if reason.startswith("found character") and "cannot start any token" in reason:
        return line, f"a value cannot start with this character: put the value in quotes, e.g. `{_quote_value(source)}`"
    return line, f"invalid YAML: {reason}"


def _quote_value(source: str) -> str:
    """The line with its text quoted: a list item whole, a field's value after its key."""
    stripped = source.strip()
    if stripped.startswith("- "):
        return f"- {_quoted(stripped[2:].strip())}"
    key, _, value = stripped.partition(": ")
    return f"{key}: {_quoted(value.strip())}"
