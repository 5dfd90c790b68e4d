"""Typed, frozen entities of the ecosystem data file and the rules that tie them together."""

from __future__ import annotations

import dataclasses
import datetime
import functools
import re
from collections.abc import Iterator
from typing import Annotated, Literal, TypeGuard

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    TypeAdapter,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic.dataclasses import dataclass, is_pydantic_dataclass

from .licenses import SPDX_IDS
from .messages import Loc, missing_rating, not_spdx, unknown_reference

FIRST_PLAUSIBLE_YEAR = 1970
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_HTTPS_URL = re.compile(r"https://\S+")


def _https_only(value: str) -> str:
    """Accept absolute https URLs only: no http, no javascript:, no relative paths."""
    if not _HTTPS_URL.fullmatch(value):
        raise ValueError(f"expected an absolute https:// URL, got {value!r}")
    return value


def _iso_date(value: object) -> object:
    """Accept an unquoted YAML date or the same text quoted; reject timestamps and every other spelling."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:  # a day that does not exist, such as 2026-02-30
            pass
    raise ValueError(f"expected an ISO date such as 2026-11-30, got {value!r}")


def _spdx_id(value: str) -> str:
    if value not in SPDX_IDS:
        raise ValueError(not_spdx(value))
    return value


def _not_in_future(value: datetime.date, info: ValidationInfo) -> datetime.date:
    """A source cannot have been checked after today; tests pass their own today through the validation context."""
    today = (info.context or {}).get("today") or datetime.date.today()
    if value > today:
        raise ValueError(
            f"expected a date no later than today ({today.isoformat()}), got {value.isoformat()}: "
            "`checked` is the day someone last confirmed the source"
        )
    return value


# Strict on every scalar rather than in the config: a strict config would make nested records refuse the
# mappings they are read from, while here only "2014" for a year, 5 for a string and the like are refused.
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
Id = Annotated[str, Strict(), StringConstraints(pattern=_ID.pattern, max_length=40)]
Text = Annotated[str, Strict(), StringConstraints(strip_whitespace=True, min_length=1)]
HttpsUrl = Annotated[
    str, Strict(), AfterValidator(_https_only), WithJsonSchema({"type": "string", "format": "uri", "pattern": r"^https://\S+$"})
]
# The upper bound moves with the calendar; the schema states only the lower one, so it stays stable.
Year = Annotated[
    int,
    Strict(),
    Field(ge=FIRST_PLAUSIBLE_YEAR, le=datetime.date.today().year),
    WithJsonSchema({"type": "integer", "minimum": FIRST_PLAUSIBLE_YEAR}),
]
CheckedDate = Annotated[
    datetime.date,
    BeforeValidator(_iso_date),
    AfterValidator(_not_in_future),
    WithJsonSchema({"type": "string", "format": "date"}),
]
# The schema lists the ids, so an editor offers them while typing and flags `Apache 2.0` at once.
LicenseId = Annotated[
    str,
    Strict(),
    AfterValidator(_spdx_id),
    WithJsonSchema({"type": "string", "enum": list(SPDX_IDS)}),
]
Level = Literal["strong", "moderate", "weak", "neutral"]


# Every record: unknown keys are errors, values never change. Slotted dataclasses rather than BaseModel because
# each record is then one object for the cyclic garbage collector instead of three, which at a thousand times
# the data is most of the loading time.
_record = dataclass(frozen=True, slots=True, kw_only=True, config=ConfigDict(extra="forbid"))
# pydantic orders the fields that set their own Field() ahead of the rest unless they say kw_only themselves;
# saying it keeps the declaration order in the schema and in the order of validation errors.
_field = functools.partial(Field, kw_only=True)


@_record
class Identified:
    id: Id = _field(description="Stable identifier: lowercase words joined by hyphens; other entries refer to it.")
    name: Text = _field(description="Display name.")


@_record
class Source:
    """Where a reader can confirm a fact, and the day someone last did."""

    url: HttpsUrl = _field(description="Public page that states the facts, ideally the project's or company's own.")
    checked: CheckedDate = _field(description="ISO date on which someone last read the page and found the facts still true.")


@_record
class Rating:
    value: Text = _field(description="Short value shown in the table cell.")
    level: Level = _field(description="How well this serves a backend: drives the icon.")
    note: Text | None = _field(default=None, description="Optional explanation shown under the value.")
    source: Source | None = _field(
        default=None, description="Evidence for a rating that is not common knowledge (a version, a date, a claim)."
    )


@_record
class Criterion(Identified):
    description: Text


@_record
class Language(Identified):
    homepage: HttpsUrl
    summary: Text
    source: Source | None = _field(default=None, description="Evidence for the dates and facts in the summary.")
    ratings: dict[Id, Rating] = _field(description="One rating per criterion id.")


@_record
class Matchup:
    """A head-to-head summary of Go against one other language."""

    against: Id = _field(description="Id of the other language.")
    go_strengths: list[Text] = _field(min_length=1)
    other_strengths: list[Text] = _field(min_length=1)


@_record
class Category(Identified):
    description: Text


@_record
class LicensePeriod:
    """One licence a project was released under, from a year on, until the next period starts."""

    license: LicenseId = _field(description="SPDX licence identifier (spdx.org/licenses), e.g. Apache-2.0.")
    since: Year = _field(description="Year of the first release under this licence.")
    source: Source | None = _field(default=None, description="Evidence for the change; required on every period after the first.")


@_record
class Affiliation:
    """A foundation that hosts a project, or a company that owns its maintainer: it can change while the maintainers stay."""

    name: Text = _field(description="e.g. 'Cloud Native Computing Foundation (CNCF)' or 'IBM'.")
    since: Year | None = _field(default=None, description="Year it began, where the source gives one.")
    source: Source


@_record
class Successor:
    """A project that continues a tool under other terms or another owner, which a reader choosing the tool should know."""

    name: Text
    relation: Literal["fork", "successor"] = _field(
        description="fork: a copy of the code developed separately; successor: its replacement."
    )
    since: Year = _field(description="Year the fork or successor started.")
    license: LicenseId = _field(description="SPDX licence identifier (spdx.org/licenses), e.g. MPL-2.0.")
    maintainer: Text = _field(description="Who develops it and, where one does, which foundation hosts it.")
    homepage: HttpsUrl
    source: Source


@_record
class Tool(Identified):
    category: Id = _field(description="Id of a category.")
    description: Text = _field(description="What it does, in one sentence.")
    written_in: Id = _field(description="Id of a language.")
    first_release: Year
    maintainer: Text = _field(
        description="Who develops it, as the project itself says, e.g. 'HashiCorp'; an owning company goes in owned_by."
    )
    owned_by: Affiliation | None = _field(
        default=None, description="The company that owns the maintainer, when that is not the maintainer itself."
    )
    hosted_by: Affiliation | None = _field(
        default=None, description="The foundation that hosts the project, when that is not the maintainer."
    )
    license: LicenseId = _field(
        description="SPDX identifier (spdx.org/licenses) of the licence of current releases, e.g. Apache-2.0, not 'Apache 2.0'."
    )
    license_history: list[LicensePeriod] = _field(
        default_factory=list,
        description="Only where the licence changed: every licence oldest first, the last one equal to `license`.",
    )
    successors: list[Successor] = _field(
        default_factory=list, description="Forks and successors that matter to a reader choosing the tool."
    )
    homepage: HttpsUrl
    repository: HttpsUrl | None = None
    source: Source = _field(description="Evidence for the first release, maintainer and licence.")
    unverified: list[Literal["first_release", "maintainer", "license"]] = _field(
        default_factory=list, description="Facts the source does not confirm yet; the tables mark them as unverified."
    )

    def earlier_licenses(self) -> list[tuple[str, int]]:
        """(licence, year it ended) for every period before the current one, newest first."""
        periods = self.license_history
        return [(periods[index].license, periods[index + 1].since) for index in reversed(range(len(periods) - 1))]


@_record
class Industry(Identified):
    description: Text
    examples: list[Text] = _field(min_length=1, description="Typical Go workloads in this industry.")


@_record
class Company(Identified):
    industries: list[Id] = _field(min_length=1, description="Ids of industries.")
    uses: list[Text] = _field(min_length=1, description="What the company builds with Go.")
    homepage: HttpsUrl
    source: Source = _field(description="Public evidence of the company's Go use, ideally its own engineering writing.")


@_record
class Database(Identified):
    kind: Text
    driver: Text = _field(description="Widely used Go driver (import path).")
    driver_url: HttpsUrl
    use_cases: list[Text] = _field(min_length=1)
    homepage: HttpsUrl
    source: Source = _field(description="Evidence for the driver: usually its own repository or documentation.")


@_record
class Architecture(Identified):
    description: Text
    advantages: list[Text] = _field(min_length=1)
    use_cases: list[Text] = _field(min_length=1)
    go_fit: Text = _field(description="Why Go suits this style.")


@_record
class Ecosystem:
    """The whole data file: every collection the handbook's tables are generated from."""

    criteria: list[Criterion] = _field(min_length=1)
    languages: list[Language] = _field(min_length=1)
    matchups: list[Matchup] = _field(default_factory=list)
    categories: list[Category] = _field(min_length=1)
    tools: list[Tool] = _field(min_length=1)
    industries: list[Industry] = _field(min_length=1)
    companies: list[Company] = _field(min_length=1)
    databases: list[Database] = _field(min_length=1)
    architectures: list[Architecture] = _field(min_length=1)

    def language(self, language_id: str) -> Language:
        return next(item for item in self.languages if item.id == language_id)

    def sources(self) -> Iterator[tuple[Loc, Source]]:
        """Every source in the file with its field path, in file order, wherever the model allows one."""
        yield from _sources_in(self, ())


# Validates parsed YAML into an Ecosystem and writes its JSON Schema; built once, as building compiles the validator.
ECOSYSTEM = TypeAdapter(Ecosystem)


def _sources_in(node: object, loc: Loc) -> Iterator[tuple[Loc, Source]]:
    if isinstance(node, Source):
        yield loc, node
    elif dataclasses.is_dataclass(node):
        for item in dataclasses.fields(node):
            yield from _sources_in(getattr(node, item.name), (*loc, item.name))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _sources_in(item, (*loc, index))
    elif isinstance(node, dict):
        for key, item in node.items():
            yield from _sources_in(item, (*loc, key))


# The collections that other entries refer to by id, and the record each entry of them is.
_REFERRED = {"criteria": Criterion, "languages": Language, "categories": Category, "industries": Industry}
_COLLECTIONS_WITH_IDS = ("criteria", "languages", "categories", "tools", "industries", "companies", "databases", "architectures")


def reference_problems(data: object) -> list[tuple[Loc, str]]:
    """Every duplicate id and dangling reference in the parsed YAML, as (field path, message) pairs.

    It reads the plain data rather than the model, so it also runs on a file with other mistakes
    and a contributor sees every problem in one build. Values of the wrong type are left to the model.
    """
    root = data if isinstance(data, dict) else {}
    problems: list[tuple[Loc, str]] = []

    def entries(collection: str) -> list[tuple[int, dict]]:
        items = root.get(collection)
        return [(index, item) for index, item in enumerate(items) if isinstance(item, dict)] if isinstance(items, list) else []

    def ids_of(collection: str) -> set[str]:
        seen: dict[str, int] = {}
        for index, item in entries(collection):
            item_id = item.get("id")
            if not isinstance(item_id, str):
                continue
            if item_id in seen:
                problems.append(((collection, index, "id"), f"duplicate id {item_id!r}: already used by {collection}[{seen[item_id]}]"))
            else:
                seen[item_id] = index
        return set(seen)

    known = {name: ids_of(name) for name in _COLLECTIONS_WITH_IDS}

    def check(path: Loc, value: object, collection: str) -> None:
        # A value that is not even an id is the model's to report, with the id it should be.
        if isinstance(value, str) and _ID.fullmatch(value) and value not in known[collection]:
            problems.append((path, unknown_reference(collection, value, known[collection], _required_fields(_REFERRED[collection]))))

    for index, language in entries("languages"):
        ratings = language.get("ratings")
        if isinstance(ratings, dict):
            for criterion_id in ratings:
                check(("languages", index, "ratings", criterion_id), criterion_id, "criteria")
            for missing in sorted(known["criteria"] - set(ratings)):
                problems.append((("languages", index, "ratings"), missing_rating(missing)))
    for index, matchup in entries("matchups"):
        check(("matchups", index, "against"), matchup.get("against"), "languages")
    for index, tool in entries("tools"):
        check(("tools", index, "category"), tool.get("category"), "categories")
        check(("tools", index, "written_in"), tool.get("written_in"), "languages")
    for index, company in entries("companies"):
        industries = company.get("industries")
        for position, industry_id in enumerate(industries if isinstance(industries, list) else []):
            check(("companies", index, "industries", position), industry_id, "industries")
    return problems


def _required_fields(record: type) -> list[str]:
    fields = record.__pydantic_fields__ if is_pydantic_dataclass(record) else {}
    return [name for name, info in fields.items() if info.is_required()]


def license_history_problems(data: object) -> list[tuple[Loc, str]]:
    """Licence histories that contradict themselves or the tool, as (field path, message) pairs.

    Like reference_problems it reads the plain data, so these are listed with every other mistake;
    values of the wrong type are left to the model.
    """
    root = data if isinstance(data, dict) else {}
    tools = root.get("tools")
    tools = tools if isinstance(tools, list) else []
    problems: list[tuple[Loc, str]] = []
    for index, tool in enumerate(tools):
        history = tool.get("license_history") if isinstance(tool, dict) else None
        if not isinstance(history, list) or not history:
            continue
        here: Loc = ("tools", index, "license_history")
        if len(history) == 1:
            problems.append((here, "expected two or more periods, oldest first; a licence that never changed goes in `license` alone"))
            continue
        periods = [(position, period) for position, period in enumerate(history) if isinstance(period, dict)]
        previous: dict | None = None
        for position, period in periods:
            since, license_id = period.get("since"), period.get("license")
            if previous is not None:
                earlier = previous.get("since")
                if _is_year(since) and _is_year(earlier) and since <= earlier:
                    problems.append(
                        ((*here, position, "since"), f"expected a year after {earlier}: periods run oldest first, one per change")
                    )
                if isinstance(license_id, str) and license_id == previous.get("license"):
                    problems.append(
                        ((*here, position, "license"), f"same licence as the period before ({license_id!r}): merge the two periods")
                    )
                if "source" not in period:
                    problems.append(
                        ((*here, position), f"a licence change needs a `source` (url and checked date) showing the move to {license_id!r}")
                    )
            previous = period
        first_release, first = tool.get("first_release"), history[0]
        if isinstance(first, dict) and _is_year(first.get("since")) and _is_year(first_release) and first["since"] < first_release:
            problems.append(((*here, 0, "since"), f"expected {first_release} or later: the tool's first release was in {first_release}"))
        last, current = history[-1], tool.get("license")
        if isinstance(last, dict) and isinstance(current, str) and isinstance(last.get("license"), str) and last["license"] != current:
            problems.append(
                ((*here, len(history) - 1, "license"), f"expected {current!r}: the last period is the tool's current `license`")
            )
    return problems


def _is_year(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)
