"""MkDocs hook: keeps every request on the site.

Material's header link to the repository asks api.github.com for stars and the
latest release whenever it finds the `source` component marker. The handbook
makes no requests to other hosts, online or offline: keep the plain link, drop the marker.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

_SOURCE_MARKER = ' class="md-source" data-md-component="source"'


def _without_marker(html: str) -> str:
    return html.replace(_SOURCE_MARKER, ' class="md-source"')


def on_post_page(output: str, *, page, config: MkDocsConfig) -> str:
    """Pages built from Markdown."""
    return _without_marker(output)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """Pages built from templates alone, such as 404.html."""
    return _without_marker(output_content)
