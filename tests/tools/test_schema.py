"""The committed JSON Schema matches the model, and the data file points editors at it."""

import json

import yaml

from macros.licenses import SPDX_IDS
from tools import schema
from tools.project import DOCS


def test_committed_schema_is_current() -> None:
    """A model change without `make schema` fails here, with the command to run."""
    assert schema.main(["--check"]) == 0, "docs/data/ecosystem.schema.json is stale: run `make schema`"


def test_check_reports_a_stale_schema(tmp_path, monkeypatch, capsys) -> None:
    """--check fails and says how to fix it when the file differs from the model."""
    stale = tmp_path / "ecosystem.schema.json"
    stale.write_text("{}\n")
    monkeypatch.setattr(schema, "SCHEMA_PATH", stale)
    assert schema.main(["--check"]) == 1
    assert "run `make schema`" in capsys.readouterr().err
    assert stale.read_text() == "{}\n"


def test_data_file_declares_its_schema_for_editors() -> None:
    """The first line wires YAML editors to the schema for validation and completion."""
    first_line = (DOCS / "data" / "ecosystem.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=./ecosystem.schema.json"


def test_schema_rejects_what_the_model_rejects() -> None:
    """The schema forbids unknown keys and non-https URLs, as the model does."""
    document = json.loads(schema.ecosystem_schema())
    tool = document["$defs"]["Tool"]
    assert tool["additionalProperties"] is False
    assert tool["properties"]["homepage"]["pattern"] == r"^https://\S+$"
    assert set(document["required"]) >= {"languages", "tools", "companies", "databases"}
    assert yaml.safe_load((DOCS / "data" / "ecosystem.yml").read_text(encoding="utf-8"))["tools"]


def test_schema_requires_a_dated_source_on_every_tool_company_and_database() -> None:
    """Editors flag a missing source or an undated one as people type, as the build does."""
    defs = json.loads(schema.ecosystem_schema())["$defs"]
    for entity in ("Tool", "Company", "Database"):
        assert "source" in defs[entity]["required"], entity
    assert set(defs["Source"]["required"]) == {"url", "checked"}
    assert defs["Source"]["properties"]["checked"]["format"] == "date"
    assert defs["Source"]["additionalProperties"] is False
    since = defs["LicensePeriod"]["properties"]["since"]
    assert (since["type"], since["minimum"]) == ("integer", 1970)


def test_schema_lists_the_spdx_ids_for_every_licence() -> None:
    """Editors offer the accepted SPDX ids and flag `Apache 2.0` while typing, in `license`, its history and successors."""
    defs = json.loads(schema.ecosystem_schema())["$defs"]
    for entity in ("Tool", "LicensePeriod", "Successor"):
        licence = defs[entity]["properties"]["license"]
        assert licence["enum"] == list(SPDX_IDS), entity
        assert "spdx.org/licenses" in licence["description"], entity
