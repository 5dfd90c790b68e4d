"""The JSON Schema of the data file, generated from the model so editors validate ecosystem.yml as people type.

Run `python -m tools.schema` to rewrite docs/data/ecosystem.schema.json; `--check` only reports staleness.
"""

from __future__ import annotations

import argparse
import json
import sys

from macros.model import ECOSYSTEM
from macros.render.downloads import SCHEMA_FILE
from tools.project import DOCS

SCHEMA_PATH = DOCS / SCHEMA_FILE


def ecosystem_schema() -> str:
    """The schema text exactly as committed: stable key order, trailing newline."""
    schema = ECOSYSTEM.json_schema()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Go for Backend Systems ecosystem data",
        **{key: value for key, value in schema.items() if key != "title"},
    }
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if the committed schema is out of date")
    args = parser.parse_args(argv)
    expected = ecosystem_schema()
    current = SCHEMA_PATH.read_text(encoding="utf-8") if SCHEMA_PATH.exists() else ""
    if current == expected:
        return 0
    if args.check:
        print(f"{SCHEMA_PATH}: out of date with macros/model.py; run `make schema` and commit the result", file=sys.stderr)
        return 1
    SCHEMA_PATH.write_text(expected, encoding="utf-8")  # written only when changed, so live reload does not loop
    print(f"wrote {SCHEMA_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
