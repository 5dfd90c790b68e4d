"""MkDocs hook: puts the editions that `make publish` made (offline zip, PDF, SHA-256 sums) into downloads/, and tells the templates.

tools/publish.py writes the files and a manifest into a folder and names it in `extra.editions` (GFBS_EDITIONS in
mkdocs.yml). This hook copies every file the manifest lists into the site's downloads/ folder and replaces
`extra.editions` with what overrides/partials/editions.html shows: the version, and each file's title, format, URL
and size. Every other build (make build, make serve, the tests) has no editions and shows no links.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

MANIFEST = "manifest.json"  # {"version": "...", "files": [{"name": ..., "title": ...}], "checksums": "..."}, by tools/publish.py
FOLDER = "downloads"  # where the files sit in the built site


@dataclass(frozen=True)
class Edition:
    """One file offered for download, as the templates show it."""

    title: str
    format: str  # "ZIP", "PDF"
    url: str  # relative to the site root
    size: str  # for people: "1.8 MB"


@dataclass(frozen=True)
class Editions:
    """What the templates show: the version the files were made from, the files, and their checksum file."""

    version: str
    files: tuple[Edition, ...]
    checksums: str  # URL of the SHA-256 sums, relative to the site root


def human_size(size: int) -> str:
    """A byte count as a reader wants it: "812 kB", "1.8 MB" (decimal units, as file managers show them)."""
    if size < 1_000_000:
        return f"{max(size, 1000) / 1000:.0f} kB"
    return f"{size / 1_000_000:.1f} MB"


def read_editions(folder: Path) -> tuple[Editions, list[Path]]:
    """The folder's manifest as Editions, with every file it names (the checksum file last); raise if one is missing."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise PluginError(f"{folder / MANIFEST}: cannot read the editions' manifest ({error}); run `make publish`") from error
    paths = [folder / item["name"] for item in manifest["files"]] + [folder / manifest["checksums"]]
    missing = [str(path) for path in paths if not path.is_file()]
    if missing:
        raise PluginError(f"{folder / MANIFEST} names files that are not there: {', '.join(missing)}")
    files = tuple(
        Edition(item["title"], path.suffix.lstrip(".").upper(), f"{FOLDER}/{item['name']}", human_size(path.stat().st_size))
        for item, path in zip(manifest["files"], paths[:-1], strict=True)
    )
    return Editions(manifest["version"], files, f"{FOLDER}/{manifest['checksums']}"), paths


_paths: list[Path] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Turn the folder named in `extra.editions` into what the templates show (None without editions)."""
    _paths.clear()
    folder = config.extra.get("editions")
    if not folder:
        config.extra["editions"] = None
        return config
    editions, paths = read_editions(Path(folder))
    _paths.extend(paths)
    config.extra["editions"] = editions
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add each file to the site under downloads/."""
    for path in _paths:
        files.append(File.generated(config, f"{FOLDER}/{path.name}", abs_src_path=str(path)))
    return files
