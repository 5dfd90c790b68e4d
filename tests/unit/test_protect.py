"""Sealing code away from Jinja: what is sealed, and that restoring gives back the exact text."""

import pytest

from macros.protect import protect_code, restore_code

# Each case: Markdown in, and a piece of it that must not be visible to Jinja after sealing.
SEALED_CASES = [
    ("fenced go", '```go\nt.Parse("{{ .Name }}")\n```\n', "{{ .Name }}"),
    ("tilde fence", "~~~go\nm := [][]int{{1, 2}}\n~~~\n", "{{1, 2}}"),
    ("longer fence holds shorter", "````md\n```go\n{{ x }}\n```\n{{ y }}\n````\n", "{{ y }}"),
    ("fence in a tab", '=== "Go"\n\n    ```go\n    {{ .Name }}\n    ```\n', "{{ .Name }}"),
    ("fence in a list", "- item\n\n    ```go\n    {{ .Name }}\n    ```\n", "{{ .Name }}"),
    ("inline code", "Use `{{ .Name }}` here.", "{{ .Name }}"),
    ("double-tick inline", "Use ``a ` {{ b }}`` here.", "{{ b }}"),
    ("unclosed fence", "```go\n{{ .Name }}\n", "{{ .Name }}"),
    ("block comment in code", "`{% raw %}`", "{% raw %}"),
]


@pytest.mark.parametrize(("name", "markdown", "hidden"), SEALED_CASES, ids=[case[0] for case in SEALED_CASES])
def test_code_is_sealed_and_restored_exactly(name: str, markdown: str, hidden: str) -> None:
    """Template syntax inside code is invisible after sealing and comes back byte for byte."""
    sealed = protect_code(markdown)
    assert hidden not in sealed
    assert "{" not in sealed, f"{name}: a brace is still visible to Jinja"
    assert restore_code(sealed) == markdown


def test_prose_stays_visible_to_the_template_engine() -> None:
    """Macro calls in prose are left alone so they still run."""
    markdown = "Intro {{ tool_matrix() }}\n\n```go\nx := 1\n```\n\nAfter {{ company_matrix() }} `code`\n"
    sealed = protect_code(markdown)
    assert "{{ tool_matrix() }}" in sealed
    assert "{{ company_matrix() }}" in sealed
    assert restore_code(sealed) == markdown


def test_text_without_code_is_unchanged() -> None:
    """Pages without code pass through untouched."""
    assert protect_code("# Title\n\nPlain text.\n") == "# Title\n\nPlain text.\n"
