"""The offline edition (`make offline`): a reproducible zip that works from file:// with no network."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from tools import bundle

pytestmark = pytest.mark.browser

# Pages from different sections, opened one after the other.
PAGES = [
    "index.html",
    "foundations/history.html",
    "language/concurrency.html",
    "practice/web-apis.html",
    "quality/security.html",
    "tooling/toolchain.html",
]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def offline(offline_edition, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The session's offline edition, plus a second full build of the same tree to compare it with."""
    root = tmp_path_factory.mktemp("offline-again")
    bundle.build_offline_site(root / "site-b", offline_edition.epoch)
    return {"zip": offline_edition.zip, "site_a": offline_edition.site, "site_b": root / "site-b", "root": root}


def test_bundle_is_small(offline: dict[str, Path]) -> None:
    """The zip stays under 5 MiB."""
    assert offline["zip"].stat().st_size < 5 * 1024 * 1024


def test_bundle_is_reproducible(offline: dict[str, Path]) -> None:
    """Two builds of the same tree, and two zips of one build, are byte-identical."""
    epoch = bundle.source_date_epoch()
    again = bundle.bundle(offline["site_a"], offline["root"] / "again" / "offline.zip", epoch)
    other = bundle.bundle(offline["site_b"], offline["root"] / "other" / "offline.zip", epoch)
    assert _sha256(again) == _sha256(offline["zip"])
    assert _sha256(other) == _sha256(offline["zip"])


def test_bundle_entries_are_normalised(offline: dict[str, Path]) -> None:
    """Entries are sorted, deflated, under one folder, with fixed times and modes, and include the local shim."""
    with zipfile.ZipFile(offline["zip"]) as archive:
        infos = archive.infolist()
    names = [info.filename for info in infos]
    assert names == sorted(names)
    assert all(name.startswith(f"{bundle.ROOT}/") for name in names)
    assert f"{bundle.ROOT}/assets/vendor/iframe-worker/shim.js" in names
    assert f"{bundle.ROOT}/search/search_index.js" in names
    assert {info.date_time for info in infos} == {infos[0].date_time}
    assert {info.external_attr >> 16 for info in infos} == {0o100644}
    assert {info.compress_type for info in infos} == {zipfile.ZIP_DEFLATED}


def test_failed_bundle_keeps_previous_zip(offline: dict[str, Path], tmp_path: Path) -> None:
    """Bundling a missing site raises and leaves the previous zip and its folder untouched."""
    target = tmp_path / "offline.zip"
    target.write_bytes(offline["zip"].read_bytes())
    before = _sha256(target)
    with pytest.raises(FileNotFoundError):
        bundle.bundle(tmp_path / "no-such-site", target)
    assert _sha256(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["offline.zip"]


def test_no_cdn_or_github_api_in_pages(offline: dict[str, Path]) -> None:
    """No page loads a script from unpkg.com or asks Material to query the GitHub API."""
    for page in offline["site_a"].rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "unpkg.com" not in text, page
        assert 'data-md-component="source"' not in text, page


def test_offline_site_in_browser(offline_edition, chromium) -> None:
    """Unzipped, the site browses, searches, navigates and switches palette with no request leaving file://."""
    site = offline_edition.unpacked
    blocked: list[str] = []
    errors: list[str] = []

    def guard(route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context = chromium.new_context(color_scheme="light")
    page = context.new_page()
    page.route("**/*", guard)
    page.on("pageerror", lambda error: errors.append(str(error)))

    for name in PAGES:
        page.goto((site / name).as_uri())
        page.wait_for_load_state("load")
        assert page.locator("h1").first.is_visible(), name
        assert "Offline edition, built from" in page.inner_text("footer"), name

    # Search runs in the iframe-worker shim and reads search/search_index.js.
    page.goto((site / "index.html").as_uri())
    query = page.locator("input.md-search__input")
    query.click()
    query.press_sequentially("goroutines", delay=30)
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=15000)
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith("file://")
    assert "goroutine" in page.inner_text("article").lower()

    # A tab link leads to another section's page.
    page.goto((site / "language" / "concurrency.html").as_uri())
    page.locator("a.md-tabs__link", has_text="Quality").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/quality/index.html"), page.url

    # The palette toggle cycles auto -> light -> dark: the scheme changes within three clicks.
    first = page.get_attribute("body", "data-md-color-scheme")
    for _ in range(3):
        page.locator("form[data-md-component=palette] label:visible").first.click()
        if page.get_attribute("body", "data-md-color-scheme") != first:
            break
    assert page.get_attribute("body", "data-md-color-scheme") != first

    context.close()
    assert blocked == [], f"requests left file://: {blocked}"
    assert errors == [], f"page errors: {errors}"
