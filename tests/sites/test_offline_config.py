"""mkdocs.offline.yml says only what file:// changes: every other setting of mkdocs.yml reaches the offline edition."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.support.sites import build_site, page, write_tiny_site
from tools.project import OFFLINE_CONFIG, REPO

# Features as a site might list them: two need a web server, two do not.
FEATURES = ["navigation.expand", "navigation.instant", "navigation.instant.progress", "search.highlight"]
SEPARATOR = r"[\s\-]+"


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A tiny handbook whose mkdocs.yml changes the theme features and a search option, built online and offline.

    The offline build uses the real mkdocs.offline.yml, which inherits the tiny site's mkdocs.yml as it does the
    handbook's.
    """
    if not (REPO / "node_modules" / "iframe-worker").is_dir():
        pytest.skip("node_modules has no iframe-worker: run `npm ci` (make test does)")
    root = tmp_path_factory.mktemp("editions")
    changes = {"theme": {"features": FEATURES}, "plugins": {"search": {"separator": SEPARATOR}}}
    config = write_tiny_site(root, {"index.md": page("Home", "Hello."), "guide.md": page("Guide", "Text.")}, full=True, config=changes)
    shutil.copy(OFFLINE_CONFIG, root / OFFLINE_CONFIG.name)
    sites = {}
    for name, config_file in (("online", config), ("offline", root / OFFLINE_CONFIG.name)):
        build = build_site(config_file, root / name)
        assert build.ok, build.log
        sites[name] = build.site
    return sites


def _features(site: Path, page_file: str) -> list[str]:
    """The theme features Material wrote into a page's configuration block."""
    block = (site / page_file).read_text(encoding="utf-8").split('<script id="__config" type="application/json">')[1]
    return json.loads(block.split("</script>")[0])["features"]


def test_a_feature_listed_online_reaches_the_offline_edition_without_the_server_ones(editions: dict[str, Path]) -> None:
    """The offline pages have mkdocs.yml's features, in order, minus instant navigation and its progress bar."""
    assert _features(editions["online"], "guide/index.html") == FEATURES
    assert _features(editions["offline"], "guide.html") == ["navigation.expand", "search.highlight"]


def test_a_plugin_option_set_online_reaches_the_offline_edition(editions: dict[str, Path]) -> None:
    """The search separator of mkdocs.yml is the offline index's too, and the offline plugin inlines that index."""
    for name in ("online", "offline"):
        index = json.loads((editions[name] / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["separator"] == SEPARATOR, name
    assert (editions["offline"] / "search" / "search_index.js").is_file()
    assert not (editions["online"] / "search" / "search_index.js").exists()


def test_only_the_offline_edition_gets_the_local_shim(editions: dict[str, Path]) -> None:
    """overrides/hooks/offline.py runs in every build but adds the iframe-worker shim to the offline one only."""
    shim = Path("assets/vendor/iframe-worker/shim.js")
    assert (editions["offline"] / shim).is_file()
    assert not (editions["online"] / shim).exists()
