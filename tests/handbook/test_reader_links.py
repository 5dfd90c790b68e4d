"""What every page offers a reader beyond its text: a way to report a problem, and a picture when it is shared."""

from __future__ import annotations

import struct
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from mkdocs.config import load_config

from tests.support.handbook import built, nav_pages
from tools.project import CONFIG, REPO

pytestmark = pytest.mark.site
SETTINGS = load_config(str(CONFIG))
FORM = REPO / ".github" / "ISSUE_TEMPLATE" / "correct-a-fact.yml"


@pytest.mark.parametrize("source", nav_pages())
def test_every_page_links_the_issue_form_with_its_address_filled_in(handbook_pages, source: str) -> None:
    """The link opens the "Correct a fact" form, its `page` field (an id the form really has) set to the page's address."""
    soup = built(handbook_pages, source)
    (report,) = [a for a in soup.find_all("a") if a.get_text(strip=True) == "Report a problem with this page"]
    url = urlsplit(report["href"])
    assert f"{url.scheme}://{url.netloc}{url.path}" == SETTINGS["repo_url"] + "/issues/new"
    query = parse_qs(url.query)
    assert query["template"] == [FORM.name]
    field_ids = {field.get("id") for field in yaml.safe_load(FORM.read_text(encoding="utf-8"))["body"]}
    assert set(query) - {"template"} <= field_ids
    assert query["page"] == [soup.find("link", rel="canonical")["href"]]
    assert not report.find_parent().find("script")


@pytest.mark.parametrize("source", ["index.md", "language/concurrency.md"])
def test_shared_links_show_the_sites_picture(handbook, handbook_pages, source: str) -> None:
    """og:image is an absolute URL under site_url, and the file it names is a 1200x630 PNG in the built site."""
    soup = built(handbook_pages, source)
    image = soup.find("meta", property="og:image")["content"]
    assert image.startswith(SETTINGS["site_url"])
    png = (handbook.site / image.removeprefix(SETTINGS["site_url"])).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (1200, 630)
