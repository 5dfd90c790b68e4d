"""Typed, frozen entities of the ecosystem data file and the rules that tie them together."""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, WithJsonSchema

FIRST_PLAUSIBLE_YEAR = 1970


def _https_only(value: str) -> str:
    """Accept absolute https URLs only: no http, no javascript:, no relative paths."""
    if not value.startswith("https://") or len(value) <= len("https://") or any(c.isspace() for c in value):
        raise ValueError(f"expected an absolute https:// URL, got {value!r}")
    return value


Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=40)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
HttpsUrl = Annotated[
    str, AfterValidator(_https_only), WithJsonSchema({"type": "string", "format": "uri", "pattern": r"^https://\S+$"})
]
# The upper bound moves with the calendar; the schema states only the lower one, so it stays stable.
Year = Annotated[
    int,
    Field(ge=FIRST_PLAUSIBLE_YEAR, le=datetime.date.today().year),
    WithJsonSchema({"type": "integer", "minimum": FIRST_PLAUSIBLE_YEAR}),
]
Level = Literal["strong", "moderate", "weak", "neutral"]


class Entity(BaseModel):
    """Base of every record: unknown keys are errors, types are not coerced, values never change."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Identified(Entity):
    id: Id = Field(description="Stable identifier: lowercase words joined by hyphens; other entries refer to it.")
    name: Text = Field(description="Display name.")


class Rating(Entity):
    value: Text = Field(description="Short value shown in the table cell.")
    level: Level = Field(description="How well this serves a backend: drives the icon.")
    note: Text | None = Field(default=None, description="Optional explanation shown under the value.")


class Criterion(Identified):
    description: Text


class Language(Identified):
    homepage: HttpsUrl
    summary: Text
    ratings: dict[Id, Rating] = Field(description="One rating per criterion id.")


class Matchup(Entity):
    """A head-to-head summary of Go against one other language."""

    against: Id = Field(description="Id of the other language.")
    go_strengths: list[Text] = Field(min_length=1)
    other_strengths: list[Text] = Field(min_length=1)


class Category(Identified):
    description: Text


class Tool(Identified):
    category: Id = Field(description="Id of a category.")
    description: Text = Field(description="What it does, in one sentence.")
    written_in: Id = Field(description="Id of a language.")
    first_release: Year
    maintainer: Text
    license: Text = Field(description="SPDX licence identifier.")
    homepage: HttpsUrl
    repository: HttpsUrl | None = None


class Industry(Identified):
    description: Text
    examples: list[Text] = Field(min_length=1, description="Typical Go workloads in this industry.")


class Company(Identified):
    industries: list[Id] = Field(min_length=1, description="Ids of industries.")
    uses: list[Text] = Field(min_length=1, description="What the company builds with Go.")
    homepage: HttpsUrl
    source: HttpsUrl | None = Field(default=None, description="Public evidence of the company's Go use.")


class Database(Identified):
    kind: Text
    driver: Text = Field(description="Widely used Go driver (import path).")
    driver_url: HttpsUrl
    use_cases: list[Text] = Field(min_length=1)
    homepage: HttpsUrl


class Architecture(Identified):
    description: Text
    advantages: list[Text] = Field(min_length=1)
    use_cases: list[Text] = Field(min_length=1)
    go_fit: Text = Field(description="Why Go suits this style.")


class Ecosystem(Entity):
    """The whole data file: every collection the handbook's tables are generated from."""

    criteria: list[Criterion] = Field(min_length=1)
    languages: list[Language] = Field(min_length=1)
    matchups: list[Matchup] = Field(default_factory=list)
    categories: list[Category] = Field(min_length=1)
    tools: list[Tool] = Field(min_length=1)
    industries: list[Industry] = Field(min_length=1)
    companies: list[Company] = Field(min_length=1)
    databases: list[Database] = Field(min_length=1)
    architectures: list[Architecture] = Field(min_length=1)

    def language(self, language_id: str) -> Language:
        return next(item for item in self.languages if item.id == language_id)


Loc = tuple[str | int, ...]
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
        if isinstance(value, str) and value not in known[collection]:
            choices = ", ".join(sorted(known[collection]))
            problems.append((path, f"unknown {collection} id {value!r}; expected one of: {choices}"))

    for index, language in entries("languages"):
        ratings = language.get("ratings")
        if isinstance(ratings, dict):
            for criterion_id in ratings:
                check(("languages", index, "ratings", criterion_id), criterion_id, "criteria")
            for missing in sorted(known["criteria"] - set(ratings)):
                problems.append((("languages", index, "ratings"), f"missing rating for criterion {missing!r}"))
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
