"""overrides/hooks/task_lists.py: task-list checkboxes in Material's markup, named by their item's words."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

from tests.support.hooks import load_hook

task_lists = load_hook("task_lists")


def render(text: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(text, extensions=[task_lists.TaskListExtension()]), "lxml")


def test_checkbox_is_named_by_the_words_of_its_item() -> None:
    """The item's text, inline Markdown rendered, sits inside the checkbox's label, which names it."""
    html = render("- [x] Code is formatted with `gofmt`\n- [ ] Tests pass\n")
    items = html.select("ul.task-list > li.task-list-item")
    assert len(items) == 2
    first = items[0].select_one("label.task-list-control")
    assert first.select_one("input[type=checkbox][disabled][checked]") is not None
    assert first.select_one("span.task-list-indicator") is not None
    assert first.select_one("code").get_text() == "gofmt"
    assert " ".join(first.get_text().split()) == "Code is formatted with gofmt"
    assert not items[1].select_one("input").has_attr("checked")


def test_loose_list_items_get_their_checkbox_in_the_paragraph() -> None:
    """In a loose list the marker opens the item's first paragraph; the checkbox goes there."""
    html = render("- [X] First\n\n    More about it.\n\n- [ ] Second\n")
    label = html.select_one("li.task-list-item > p > label.task-list-control")
    assert label is not None and label.get_text(strip=True) == "First"
    assert html.select_one("li.task-list-item > p:nth-of-type(2)").get_text() == "More about it."


def test_items_without_a_marker_are_left_alone() -> None:
    """A plain list and text that only looks like a marker later in the line stay as they are."""
    html = render("- plain [x] item\n- [y] not a marker\n")
    assert html.select("input") == [] and html.select(".task-list") == []
