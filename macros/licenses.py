"""The licence identifiers the data file accepts: the SPDX ids the handbook can meet, and the nearest one to a near miss.

Source: the SPDX License List, https://spdx.org/licenses/ (the `Identifier` column). The list here is kept short on
purpose: open-source licences common among Go projects, and the source-available ones some of them moved to. A project
under a licence missing here gets its SPDX id added to this tuple, copied from that page.
"""

from __future__ import annotations

import difflib
import re

SPDX_IDS = (
    "0BSD",
    "AGPL-3.0-only",
    "AGPL-3.0-or-later",
    "Apache-2.0",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "BUSL-1.1",
    "CC0-1.0",
    "Elastic-2.0",
    "EPL-2.0",
    "GPL-2.0-only",
    "GPL-2.0-or-later",
    "GPL-3.0-only",
    "GPL-3.0-or-later",
    "ISC",
    "LGPL-2.1-only",
    "LGPL-2.1-or-later",
    "LGPL-3.0-only",
    "LGPL-3.0-or-later",
    "MIT",
    "MPL-2.0",
    "PostgreSQL",
    "SSPL-1.0",
    "Unlicense",
    "Zlib",
)

# Words and marks people write around an id ("MIT License", "Apache License, Version 2.0") that the id leaves out.
_FILLER = re.compile(r"\b(?:the|licen[cs]e|version)\b|[\s,-]+")


def _key(text: str) -> str:
    return _FILLER.sub("", text.lower())


_BY_KEY = {_key(spdx_id): spdx_id for spdx_id in SPDX_IDS}


def closest_spdx_id(text: str) -> str | None:
    """The SPDX id that `text` most likely means (`Apache 2.0` -> `Apache-2.0`), or None when nothing is close."""
    key = _key(text)
    if key in _BY_KEY:
        return _BY_KEY[key]
    close = difflib.get_close_matches(key, list(_BY_KEY), n=1, cutoff=0.75)
    return _BY_KEY[close[0]] if close else None
