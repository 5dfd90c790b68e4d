"""The data file's rules: every kind of mistake is reported with file, line, field path and what was expected."""

import dataclasses
import datetime
import re

import pytest

from macros.licenses import SPDX_IDS
from macros.loader import EcosystemError, Problem, load_ecosystem, locate_sources, parse_ecosystem
from macros.messages import GUIDES
from macros.model import Category, Company, Criterion, Database, Industry, Tool
from tests.support.guide import fenced, guide_section, with_example
from tests.support.sites import FIXTURES
from tools.project import REPO

FIXTURE = FIXTURES / "ecosystem.yml"
VALID = FIXTURE.read_text(encoding="utf-8")


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based line of the nth line containing `needle`, so tests never hard-code line numbers."""
    found = [number for number, line in enumerate(text.splitlines(), 1) if needle in line]
    return found[nth - 1]


def problems_for(text: str) -> list[Problem]:
    with pytest.raises(EcosystemError) as caught:
        parse_ecosystem(text, file="docs/data/ecosystem.yml")
    assert str(caught.value).startswith("docs/data/ecosystem.yml: ")
    return caught.value.problems


def test_valid_fixture_loads_into_frozen_model() -> None:
    """A valid file becomes typed, immutable entities."""
    eco = load_ecosystem(FIXTURE)
    assert [tool.id for tool in eco.tools] == ["kubernetes", "terraform"]
    assert eco.tools[0].first_release == 2014
    assert eco.tools[0].source.checked == datetime.date(2025, 6, 1)
    assert eco.tools[1].earlier_licenses() == [("MPL-2.0", 2023)]
    with pytest.raises(dataclasses.FrozenInstanceError):
        eco.tools[0].name = "Changed"  # type: ignore[misc]


# Each case: name, the edit to the valid fixture (old, new), the line expected (text on it, which occurrence),
# the field path, and part of the message.
BROKEN = [
    (
        "unknown key with hint",
        ("    license: Apache-2.0", "    license: Apache-2.0\n    licence: MIT"),
        ("licence: MIT", 1),
        "tools[0](id=kubernetes).licence",
        "unknown key 'licence'; did you mean 'license'?",
    ),
    (
        "missing required field",
        ("    maintainer: Kubernetes project community\n", ""),
        ("- id: kubernetes", 1),
        "tools[0](id=kubernetes).maintainer",
        "required field `maintainer` is missing: add `maintainer:` to this entry",
    ),
    (
        "wrong type",
        ("first_release: 2014", 'first_release: "2014"'),
        ("first_release", 1),
        "tools[0](id=kubernetes).first_release",
        "`first_release` is a year written as a plain number, without quotes, e.g. `first_release: 2014` (got '2014')",
    ),
    (
        "implausible year",
        ("first_release: 2014", "first_release: 1850"),
        ("first_release", 1),
        "tools[0](id=kubernetes).first_release",
        "`first_release` must be a year from 1970 on (got 1850)",
    ),
    (
        "duplicate id",
        ("  - id: java", "  - id: go"),
        ("  - id: go", 2),
        "languages[1](id=go).id",
        "duplicate id 'go': already used by languages[0]",
    ),
    (
        "unknown reference",
        ("industries: [streaming]", "industries: [gaming]"),
        ("industries: [gaming]", 1),
        "companies[0](id=netflix).industries[0]",
        "unknown industry 'gaming'; did you mean 'streaming'? Known industries: streaming.",
    ),
    (
        "http url",
        ("homepage: https://kubernetes.io", "homepage: http://kubernetes.io"),
        ("homepage: http://", 1),
        "tools[0](id=kubernetes).homepage",
        "expected an absolute https:// URL, got 'http://kubernetes.io'",
    ),
    (
        "javascript url",
        ("homepage: https://redis.io", "homepage: javascript:alert(1)"),
        ("javascript:", 1),
        "databases[0](id=redis).homepage",
        "expected an absolute https:// URL, got 'javascript:alert(1)'",
    ),
    (
        "bad level",
        ("level: strong", "level: great"),
        ("level: great", 1),
        "languages[0](id=go).ratings.compile-speed.level",
        "'strong', 'moderate', 'weak' or 'neutral'",
    ),
    (
        "missing rating",
        ("      typing: {value: Static, level: neutral}\n      compile-speed: {value: Slower", "      compile-speed: {value: Slower"),
        ("ratings:", 2),
        "languages[1](id=java).ratings",
        "missing rating for criterion 'typing'",
    ),
    # Provenance: every source has an https URL and a real, past ISO date.
    (
        "missing source",
        ("    source: {url: https://github.com/redis/go-redis, checked: 2026-11-30}\n", ""),
        ("- id: redis", 1),
        "databases[0](id=redis).source",
        "required field `source` is missing: add `source:` to this entry",
    ),
    (
        "source without a date",
        ("{url: https://github.com/redis/go-redis, checked: 2026-11-30}", "{url: https://github.com/redis/go-redis}"),
        ("url: https://github.com/redis/go-redis}", 1),
        "databases[0](id=redis).source.checked",
        "required field `checked` is missing: add `checked:` under `source:`",
    ),
    (
        "source as a bare URL",
        ("source: {url: https://github.com/redis/go-redis, checked: 2026-11-30}", "source: https://github.com/redis/go-redis"),
        ("source: https://github.com/redis", 1),
        "databases[0](id=redis).source",
        "`source` must be a group of `key: value` lines, each on its own line indented below `source:`; its keys: url, checked",
    ),
    (
        "http source",
        ("{url: https://github.com/redis/go-redis,", "{url: http://github.com/redis/go-redis,"),
        ("url: http://github.com/redis", 1),
        "databases[0](id=redis).source.url",
        "expected an absolute https:// URL, got 'http://github.com/redis/go-redis'",
    ),
    (
        "checked not a date",
        ("checked: 2025-06-01", "checked: June 2025"),
        ("checked: June 2025", 1),
        "tools[0](id=kubernetes).source.checked",
        "expected an ISO date such as 2026-11-30, got 'June 2025'",
    ),
    (
        "checked a timestamp",
        ("checked: 2025-06-01", "checked: 2025-06-01 10:00:00"),
        ("checked: 2025-06-01 10", 1),
        "tools[0](id=kubernetes).source.checked",
        "expected an ISO date such as 2026-11-30, got datetime.datetime(2025, 6, 1, 10, 0)",
    ),
    (
        "checked an impossible day",
        ("checked: 2025-06-01", 'checked: "2025-02-30"'),
        ('checked: "2025-02-30"', 1),
        "tools[0](id=kubernetes).source.checked",
        "expected an ISO date such as 2026-11-30, got '2025-02-30'",
    ),
    (
        "checked in the future",
        ("checked: 2025-06-01", "checked: 2999-01-01"),
        ("checked: 2999-01-01", 1),
        "tools[0](id=kubernetes).source.checked",
        "expected a date no later than today",
    ),
    (
        "unknown source key",
        (
            "{url: https://github.com/redis/go-redis, checked: 2026-11-30}",
            "{url: https://github.com/redis/go-redis, checked: 2026-11-30, date: 2026-11-30}",
        ),
        ("date: 2026-11-30}", 1),
        "databases[0](id=redis).source.date",
        "unknown key 'date'. Allowed keys: url, checked",
    ),
    (
        "unknown relation",
        ("relation: fork", "relation: rewrite"),
        ("relation: rewrite", 1),
        "tools[1](id=terraform).successors[0].relation",
        "'fork' or 'successor'",
    ),
    (
        "unknown unverified field",
        (
            "homepage: https://developer.hashicorp.com/terraform",
            "homepage: https://developer.hashicorp.com/terraform\n    unverified: [homepage]",
        ),
        ("unverified: [homepage]", 1),
        "tools[1](id=terraform).unverified[0]",
        "'first_release', 'maintainer' or 'license'",
    ),
    # Licence histories must agree with themselves and with the tool.
    (
        "history of one period",
        (
            "      - {license: MPL-2.0, since: 2014}\n      - license: BUSL-1.1\n        since: 2023\n        source: {url: https://www.hashicorp.com/license-faq, checked: 2026-11-30}\n",
            "      - {license: BUSL-1.1, since: 2014}\n",
        ),
        ("license_history:", 1),
        "tools[1](id=terraform).license_history",
        "expected two or more periods, oldest first",
    ),
    (
        "history out of order",
        ("since: 2023", "since: 2013"),
        ("since: 2013", 1),
        "tools[1](id=terraform).license_history[1].since",
        "expected a year after 2014: periods run oldest first",
    ),
    (
        "history repeats a licence",
        ("{license: MPL-2.0, since: 2014}", "{license: BUSL-1.1, since: 2014}"),
        ("- license: BUSL-1.1", 1),
        "tools[1](id=terraform).license_history[1].license",
        "same licence as the period before ('BUSL-1.1'): merge the two periods",
    ),
    (
        "history ends on another licence",
        ("    license: BUSL-1.1\n    license_history:", "    license: MPL-2.0\n    license_history:"),
        ("- license: BUSL-1.1", 1),
        "tools[1](id=terraform).license_history[1].license",
        "expected 'MPL-2.0': the last period is the tool's current `license`",
    ),
    (
        "history starts before the first release",
        ("{license: MPL-2.0, since: 2014}", "{license: MPL-2.0, since: 2012}"),
        ("since: 2012", 1),
        "tools[1](id=terraform).license_history[0].since",
        "expected 2014 or later: the tool's first release was in 2014",
    ),
    (
        "licence change without a source",
        (
            "        since: 2023\n        source: {url: https://www.hashicorp.com/license-faq, checked: 2026-11-30}\n",
            "        since: 2023\n",
        ),
        ("- license: BUSL-1.1", 1),
        "tools[1](id=terraform).license_history[1]",
        "a licence change needs a `source` (url and checked date) showing the move to 'BUSL-1.1'",
    ),
]


@pytest.mark.parametrize(("name", "edit", "marker", "path", "message"), BROKEN, ids=[case[0] for case in BROKEN])
def test_broken_data_names_line_field_and_expectation(name, edit, marker, path, message) -> None:
    """Each mistake is reported once, at the right line, with the field path and what was expected."""
    old, new = edit
    assert old in VALID, f"{name}: the fixture no longer contains {old!r}"
    text = VALID.replace(old, new, 1)
    problems = problems_for(text)
    # A mistake may have knock-on effects (a duplicated id also leaves its references dangling).
    problem = next((p for p in problems if p.path == path), None)
    assert problem is not None, f"{name}: no problem at {path} in {[str(p) for p in problems]}"
    expected_line = line_of(text, *marker)
    assert (problem.file, problem.line) == ("docs/data/ecosystem.yml", expected_line)
    assert message in problem.message
    assert str(problem) == f"docs/data/ecosystem.yml:{expected_line}: {path}: {problem.message}"


INDENTATION = (
    "this line's indentation does not line up with the entry above: the keys of one entry, and the `- ` items of one list, "
    "start in the same column: in this file `- id:` 2 spaces in, the entry's other keys 4 and the items of its lists 6"
)
# The mistakes of an editor who knows YAML and Markdown but not Python. Each case: name, the edit to the valid
# fixture (old, new), the text on the line reported, the field path ("" for the file as a whole), and the one
# message, in plain words, that says what to write instead.
PLAIN_WORDS = [
    (
        "text instead of a list",
        ("uses: [Backend systems]", "uses: Backend systems"),
        "uses: Backend systems",
        "companies[0](id=netflix).uses",
        "`uses` must be a list: put each item on its own line starting with `- `, e.g. `uses:` and on the next line, indented, `- Backend systems`",
    ),
    (
        "id that is not lowercase words and hyphens",
        ("  - id: netflix", "  - id: Netflix Inc"),
        "- id: Netflix Inc",
        "companies[0](id=Netflix Inc).id",
        "an id is lowercase words joined by hyphens, e.g. `netflix-inc` (got 'Netflix Inc')",
    ),
    (
        "reference written as a name",
        ("category: orchestration", "category: Orchestration"),
        "category: Orchestration",
        "tools[0](id=kubernetes).category",
        "an id is lowercase words joined by hyphens, e.g. `orchestration` (got 'Orchestration')",
    ),
    (
        "unquoted colon in a list of texts",
        ("uses: [Backend systems]", "uses:\n      - Geofencing: a lookup service"),
        "- Geofencing",
        "companies[0](id=netflix).uses[0]",
        'text that contains `: ` must be in quotes: write `- "Geofencing: a lookup service"`',
    ),
    (
        "unquoted colon in a value",
        ("    name: Netflix", "    name: Netflix: the company"),
        "name: Netflix: the company",
        "",
        'text that contains `: ` must be in quotes: write `name: "Netflix: the company"`',
    ),
    (
        "key indented too far",
        ("    homepage: https://www.netflix.com", "     homepage: https://www.netflix.com"),
        "     homepage: https://www.netflix",
        "",
        INDENTATION,
    ),
    (
        "key indented too little",
        ("    homepage: https://www.netflix.com", "   homepage: https://www.netflix.com"),
        "   homepage: https://www.netflix",
        "",
        INDENTATION,
    ),
    (
        "list item out of line",
        ("    uses: [Backend systems]", "    uses:\n      - Backend systems\n     - Streaming"),
        "     - Streaming",
        "",
        INDENTATION,
    ),
    (
        "tab",
        ("    homepage: https://www.netflix.com", "\thomepage: https://www.netflix.com"),
        "\thomepage",
        "",
        "tab character: indent with spaces (two per level), never with tabs",
    ),
    (
        "unclosed list",
        ("    description: Orchestrates containers.", "    description: [unclosed"),
        "[unclosed",
        "",
        "`[` is never closed on this line: end it with `]`, e.g. `uses: [Payments, Lending]`",
    ),
    (
        "licence that is not an SPDX id",
        ("    license: Apache-2.0", "    license: Apache 2.0"),
        "license: Apache 2.0",
        "tools[0](id=kubernetes).license",
        "'Apache 2.0' is not an SPDX licence identifier; did you mean 'Apache-2.0'? "
        "Write the id as spdx.org/licenses lists it, e.g. `license: Apache-2.0`",
    ),
    (
        "licence history that is not an SPDX id",
        ("{license: MPL-2.0, since: 2014}", "{license: MPL 2.0, since: 2014}"),
        "license: MPL 2.0",
        "tools[1](id=terraform).license_history[0].license",
        "'MPL 2.0' is not an SPDX licence identifier; did you mean 'MPL-2.0'? Write the id as spdx.org/licenses lists it, e.g. `license: MPL-2.0`",
    ),
    (
        "successor licence far from any SPDX id",
        ("        license: MPL-2.0\n", "        license: Proprietary\n"),
        "license: Proprietary",
        "tools[1](id=terraform).successors[0].license",
        f"'Proprietary' is not an SPDX licence identifier: write the id as spdx.org/licenses lists it, e.g. `license: Apache-2.0`. "
        f"Known here: {', '.join(SPDX_IDS)}; add another to macros/licenses.py",
    ),
    (
        "unknown industry",
        ("industries: [streaming]", "industries: [banking]"),
        "industries: [banking]",
        "companies[0](id=netflix).industries[0]",
        "unknown industry 'banking'. Known industries: streaming. To add a new industry, add an entry to the top-level "
        '`industries:` list with id, name, description and examples (CONTRIBUTING.md, "Add an industry")',
    ),
    (
        "unknown category with a near miss",
        ("category: orchestration", "category: orchestraton"),
        "category: orchestraton",
        "tools[0](id=kubernetes).category",
        "unknown category 'orchestraton'; did you mean 'orchestration'? Known categories: infrastructure-as-code, orchestration. "
        'To add a new category, add an entry to the top-level `categories:` list with id, name and description (CONTRIBUTING.md, "Add a category")',
    ),
    (
        "misspelt required key",
        ("    industries: [streaming]", "    industry: [streaming]"),
        "industry: [streaming]",
        "companies[0](id=netflix).industry",
        "unknown key 'industry'; did you mean 'industries'? `industries` is required here: rename `industry:` to `industries:`",
    ),
]


@pytest.mark.parametrize(("name", "edit", "marker", "path", "message"), PLAIN_WORDS, ids=[case[0] for case in PLAIN_WORDS])
def test_common_mistakes_get_one_message_in_plain_words(name, edit, marker, path, message) -> None:
    """One mistake, one message that says what to write instead, still with the line and the entry's id."""
    old, new = edit
    assert old in VALID, f"{name}: the fixture no longer contains {old!r}"
    text = VALID.replace(old, new, 1)
    [problem] = problems_for(text)
    assert (problem.line, problem.path, problem.message) == (line_of(text, marker), path, message)


@pytest.mark.parametrize(("text", "found"), [("", "an empty file"), ("# only a comment\n", "an empty file"), ("- a\n", "a list")])
def test_empty_or_non_mapping_file_is_rejected(text: str, found: str) -> None:
    """A file without collections says what it found and what it expected."""
    [problem] = problems_for(text)
    assert problem.line == 1
    assert problem.message == f"expected a mapping of collections (criteria, languages, tools, ...), got {found}"


def test_duplicate_yaml_key_is_reported() -> None:
    """A key given twice in one mapping is an error, not a silent overwrite."""
    text = VALID.replace("    license: Apache-2.0\n", "    license: Apache-2.0\n    license: MIT\n")
    [problem] = problems_for(text)
    assert problem.line == line_of(text, "license: MIT")
    assert problem.message == "duplicate key 'license'"


def test_duplicate_key_in_a_flow_mapping_names_its_own_field() -> None:
    """A key repeated inside `{...}` on one line is named by its own path, not by a neighbour's on that line."""
    text = VALID.replace("typing: {value: Static, level: neutral}", "typing: {value: Static, value: Dynamic, level: neutral}", 1)
    [problem] = problems_for(text)
    assert (problem.line, problem.path) == (line_of(text, "value: Dynamic"), "languages[0](id=go).ratings.typing.value")
    assert problem.message == "duplicate key 'value'"


def test_all_problems_are_reported_at_once() -> None:
    """Mistakes of every kind in one file, references and duplicate keys included, are listed together in file order."""
    text = (
        VALID.replace("    name: Kubernetes", "    nmae: Kubernetes")
        .replace("first_release: 2014", 'first_release: "2014"', 1)
        .replace("industries: [streaming]", "industries: [gaming]")
        .replace("homepage: https://redis.io", "homepage: javascript:alert(1)\n    homepage: https://redis.io")
    )
    problems = problems_for(text)
    # Misspelling `name` is one problem, named by the misspelt key; the missing field is not listed again.
    assert [p.path.rsplit(".", 1)[-1] for p in problems] == ["nmae", "first_release", "industries[0]", "homepage"]
    assert [p.line for p in problems] == sorted(p.line for p in problems)
    assert problems[-1].message == "duplicate key 'homepage'"
    assert "4 problems" in str(EcosystemError(problems))


def test_checked_dates_are_bounded_by_the_injected_today() -> None:
    """`today` decides what counts as the future, so the rule can be tested on any calendar day."""
    text = VALID.replace("checked: 2025-06-01", "checked: 2026-12-01")
    [problem] = problems_for_today(text, datetime.date(2026, 11, 30))
    assert problem.message.startswith("expected a date no later than today (2026-11-30), got 2026-12-01")
    assert parse_ecosystem(text, file="f.yml", today=datetime.date(2026, 12, 1)).tools[0].source.checked == datetime.date(2026, 12, 1)


def problems_for_today(text: str, today: datetime.date) -> list[Problem]:
    with pytest.raises(EcosystemError) as caught:
        parse_ecosystem(text, file="docs/data/ecosystem.yml", today=today)
    return caught.value.problems


def test_quoted_iso_date_is_accepted() -> None:
    """A date an editor quoted is still a date: the JSON Schema sees dates as strings, so both spellings pass."""
    eco = parse_ecosystem(VALID.replace("checked: 2025-06-01", 'checked: "2025-06-01"'), file="f.yml")
    assert eco.tools[0].source.checked == datetime.date(2025, 6, 1)


def test_every_source_is_located_on_its_checked_line() -> None:
    """Each source is found with its field path (naming the entry) and the line of its `checked` date."""
    found = {ref.path: ref for ref in locate_sources(VALID, file="f.yml")}
    assert set(found) == {
        "languages[1](id=java).ratings.compile-speed.source",
        "tools[0](id=kubernetes).hosted_by.source",
        "tools[0](id=kubernetes).source",
        "tools[1](id=terraform).license_history[1].source",
        "tools[1](id=terraform).successors[0].source",
        "tools[1](id=terraform).source",
        "companies[0](id=netflix).source",
        "databases[0](id=redis).source",
    }
    kubernetes = found["tools[0](id=kubernetes).source"]
    assert (kubernetes.line, kubernetes.source.checked) == (line_of(VALID, "checked: 2025-06-01"), datetime.date(2025, 6, 1))


# --- CONTRIBUTING.md: the worked examples, and the `make check` output pasted under each -----------------------

DATA = (REPO / "docs" / "data" / "ecosystem.yml").read_text(encoding="utf-8")
# Each case: the section of CONTRIBUTING.md, the record its example is, the collection it is added to, the
# sections whose entries it needs first, and the mistake (old, new) whose output the section shows.
EXAMPLES = [
    ("Add a company", Company, "companies", (), ("    industries:\n", "    industry:\n")),
    ("Add a category", Category, "categories", (), ("id: web-servers", "id: Web servers")),
    ("Add a tool", Tool, "tools", ("Add a category",), ("license: Apache-2.0", "license: Apache 2.0")),
    ("Add an industry", Industry, "industries", (), ("      - Matchmaking", "     - Matchmaking")),
    (
        "Add a database",
        Database,
        "databases",
        (),
        (
            "    use_cases:\n      - Embedded storage for a single service\n      - Tests and local development\n",
            "    use_cases: Embedded storage for a single service\n",
        ),
    ),
    ("Add a row to the language comparison", Criterion, "criteria", (), (re.compile(r".*# under nodejs\n"), "")),
]


def _anywhere(text: str) -> str:
    """Output with the line numbers and list positions that depend on where the data file stands today left out."""
    return re.sub(r"\[\d+\]\(id=", "[N](id=", re.sub(r"\.yml:\d+:", ".yml:N:", text))


@pytest.mark.parametrize(("heading", "record", "collection", "needs", "mistake"), EXAMPLES, ids=[case[0] for case in EXAMPLES])
def test_contributing_examples_are_valid_and_show_real_output(heading, record, collection, needs, mistake) -> None:
    """Each worked example loads into today's data file, lists its record's required fields, and shows what make check says."""
    section = guide_section(heading)
    text = DATA
    for needed in needs:
        needed_collection = next(case[2] for case in EXAMPLES if case[0] == needed)
        text = with_example(text, needed, needed_collection)
    parse_ecosystem(with_example(text, heading, collection), file="docs/data/ecosystem.yml")
    required = re.findall(r"`(\w+)`", re.search(r"Required fields: (.*?)[.;]", section, re.DOTALL)[1])
    assert required == [name for name, info in record.__pydantic_fields__.items() if info.is_required()]
    [shown] = fenced(section, "text")
    output = "\n".join(str(problem) for problem in problems_for(with_example(text, heading, collection, mistake)))
    assert _anywhere(output) == _anywhere(shown.rstrip("\n"))


def test_every_guide_a_message_names_is_a_section_of_contributing() -> None:
    """An unknown id points at a CONTRIBUTING.md section; renaming that section must not leave the pointer dangling."""
    for heading in GUIDES.values():
        assert guide_section(heading)
