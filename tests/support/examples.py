"""The Go examples' folder and their README table, shared by the Go test and the example-page test."""

from __future__ import annotations

import re

from tools.go_examples import EXAMPLES_DIR

README = EXAMPLES_DIR / "README.md"
# One row of the README's table: file, topic, the page that shows it, and its highlighted lines.
README_ROW = re.compile(r"^\| `(?P<file>[^`]+\.go)` \| (?P<topic>.+?) \| `(?P<page>[^`]+\.md)` \| (?P<hl>`[^`]*`|—|in parts|not shown) \|$")
