"""Task lists (`- [x] item`) whose checkboxes are named by their item's text, in Material's checkbox markup.

pymdownx.tasklist writes the checkbox as stashed raw HTML with no accessible name, and has no option to give it
one (its maintainer declined: facelessuser/pymdown-extensions#1109), so a screen reader announces "checkbox,
checked" with nothing to say what was checked (axe: "label", WCAG 4.1.2). This Markdown extension replaces it:
the same markup Material styles (label.task-list-control, span.task-list-indicator), built as elements, with the
item's words inside the label, so the checkbox's name is what the reader sees. The hook registers it for every page.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from mkdocs.config.defaults import MkDocsConfig

MARKER = re.compile(r"^ *\[(?P<state>[xX ])\] +")
# Before Markdown renders inline syntax (priority 20), so the item's text still starts with its marker.
CHECKBOX_PRIORITY = 25


def _add_class(element: etree.Element, name: str) -> None:
    classes = element.get("class", "").split()
    if name not in classes:
        element.set("class", " ".join([*classes, name]))


class _Checkboxes(Treeprocessor):
    """Turns a list item's leading `[ ]` or `[x]` into a disabled checkbox in Material's custom markup."""

    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        for item in root.iter("li"):
            holder = item
            if not (item.text or "").strip():
                # A loose list keeps the marker in the item's first paragraph.
                first = next(iter(item), None)
                if first is None or first.tag != "p":
                    continue
                holder = first
            words = holder.text or ""
            match = MARKER.match(words)
            if match is None:
                continue
            control = etree.Element("label", {"class": "task-list-control"})
            box = etree.SubElement(control, "input", {"type": "checkbox", "disabled": "disabled"})
            if match["state"] in "xX":
                box.set("checked", "checked")
            indicator = etree.SubElement(control, "span", {"class": "task-list-indicator"})
            # The item's own words sit inside the label, so they name the checkbox (inline Markdown is rendered later).
            indicator.tail = " " + words[match.end() :]
            holder.text = None
            holder.insert(0, control)
            _add_class(item, "task-list-item")
            _add_class(parents[item], "task-list")


class TaskListExtension(Extension):
    """`- [ ]` and `- [x]` list items as named, disabled checkboxes styled by Material."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_Checkboxes(md), "gfbs-task-list", CHECKBOX_PRIORITY)
        md.registerExtension(self)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Every page's Markdown gets the extension (an instance: hooks are not importable as extension names)."""
    # MkDocs declares the list as names, but hands every item to Markdown, which takes instances too.
    config.markdown_extensions.append(TaskListExtension())  # type: ignore[arg-type]
    return config
