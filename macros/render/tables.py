"""Comparison tables and matrices generated from the ecosystem model."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Ecosystem, Rating, Source, Tool
from .html import Column, Row, Table, bullet_list, link, render_table, text

LEVELS = {
    # level: (icon, label, sort rank)
    "strong": ("\u25cf", "Strong", "3"),
    "moderate": ("\u25d0", "Moderate", "2"),
    "weak": ("\u25cb", "Weak", "1"),
    "neutral": ("\u2013", "Neutral", "0"),
}


def _level_icon(level: str) -> str:
    icon, label, _ = LEVELS[level]
    return f'<span class="gfbs-level gfbs-level--{level}" role="img" aria-label="{label}" title="{label}">{icon}</span>'


def _level_legend() -> str:
    parts = [f"{_level_icon(level)} {label}" for level, (_, label, _) in LEVELS.items()]
    return "Legend: " + ", ".join(parts) + " (neutral: a description rather than a strength or weakness)."


def _self_link(anchor: str, name: str) -> str:
    return link(f"#{anchor}", name)


def source_link(source: Source, label: str = "Source") -> str:
    """A link to the evidence for a fact, with the day it was last checked beside it."""
    checked = source.checked.isoformat()
    return (
        f'<a class="gfbs-source" href="{text(source.url)}" rel="noopener">{text(label)}</a>'
        f' <span class="gfbs-note">(checked <time datetime="{checked}">{checked}</time>)</span>'
    )


def license_text(tool: Tool) -> str:
    """The current licence, followed by each earlier one and the year it ended: `BUSL-1.1 (MPL-2.0 until 2023)`."""
    earlier = ", ".join(f"{license_id} until {year}" for license_id, year in tool.earlier_licenses())
    return f"{tool.license} ({earlier})" if earlier else tool.license


def _unverified(tool: Tool, field: str, html: str) -> str:
    if field not in tool.unverified:
        return html
    return f'{html} <span class="gfbs-unverified" title="Not yet confirmed by the cited source">(unverified)</span>'


def _license_cell(tool: Tool) -> str:
    cell = f"<code>{text(license_text(tool))}</code>"
    changes = [period.source for period in tool.license_history if period.source]
    if changes:
        cell += "<br>" + "<br>".join(source_link(source, "Licence change") for source in changes)
    return _unverified(tool, "license", cell)


def _maintainer_cell(tool: Tool) -> str:
    """`HashiCorp; owned by IBM since 2025`, each affiliation with its own source."""
    cell = text(tool.maintainer)
    for verb, label, affiliation in (("owned", "Ownership", tool.owned_by), ("hosted", "Hosting", tool.hosted_by)):
        if affiliation:
            since = f" since {affiliation.since}" if affiliation.since else ""
            cell += f"; {verb} by {text(affiliation.name)}{since}<br>{source_link(affiliation.source, label)}"
    return cell


def _successor_notes(tool: Tool) -> str:
    """`Forked in 2023 as OpenTofu (MPL-2.0; ...)` or `Replaced in ... by ...`, one line each, with its source."""
    notes = []
    for item in tool.successors:
        what = "Forked in {year} as {name}" if item.relation == "fork" else "Replaced in {year} by {name}"
        notes.append(
            '<br><span class="gfbs-note">'
            + what.format(year=text(item.since), name=link(item.homepage, item.name, external=True))
            + f" ({text(item.license)}; {text(item.maintainer)}). {source_link(item.source)}</span>"
        )
    return "".join(notes)


def _rating_source(rating: Rating) -> str:
    return f' <span class="gfbs-note">{source_link(rating.source)}</span>' if rating.source else ""


def _pick(items: Sequence, wanted: Sequence[str] | None, kind: str) -> list:
    """Entries in the order asked for, or all of them; an unknown id is an error naming the choices."""
    if wanted is None:
        return list(items)
    by_id = {item.id: item for item in items}
    unknown = [item_id for item_id in wanted if item_id not in by_id]
    if unknown:
        raise ValueError(f"unknown {kind} id {', '.join(map(repr, unknown))}; expected one of: {', '.join(by_id)}")
    return [by_id[item_id] for item_id in wanted]


def language_comparison(eco: Ecosystem, *, languages: Sequence[str] | None = None) -> str:
    """Criteria as rows, languages as columns; each cell an icon with its text, a value and a note."""
    chosen = _pick(eco.languages, languages, "language")
    columns = (Column("Criterion"), *(Column(lang.name, anchor=f"language-{lang.id}") for lang in chosen))
    rows = []
    for criterion in eco.criteria:
        cells, keys = [], []
        for lang in chosen:
            rating = lang.ratings[criterion.id]
            note = f'<br><span class="gfbs-note">{text(rating.note)}</span>' if rating.note else ""
            cells.append(f"{_level_icon(rating.level)} {text(rating.value)}{note}{_rating_source(rating)}")
            keys.append(f"{LEVELS[rating.level][2]} {rating.value}")
        header = (
            f'{_self_link(f"criterion-{criterion.id}", criterion.name)}<br><span class="gfbs-note">{text(criterion.description)}</span>'
        )
        rows.append(Row(f"criterion-{criterion.id}", header, tuple(cells), tuple(keys)))
    names = ", ".join(lang.name for lang in chosen)
    return render_table(
        Table("language-comparison", f"How {names} compare for backend work", columns, tuple(rows), _level_legend(), ("gfbs-compare",))
    )


def language_matchup(eco: Ecosystem, against: str) -> str:
    """Go against one other language: where each is stronger, side by side."""
    matchup = next((m for m in eco.matchups if m.against == against), None)
    if matchup is None:
        choices = ", ".join(m.against for m in eco.matchups)
        raise ValueError(f"no matchup against {against!r}; expected one of: {choices}")
    other = eco.language(against)
    go = eco.language("go")
    width = max(len(matchup.go_strengths), len(matchup.other_strengths))
    rows = tuple(
        Row(
            f"matchup-{against}-{index + 1}",
            text(index + 1),
            (
                text(matchup.go_strengths[index]) if index < len(matchup.go_strengths) else "",
                text(matchup.other_strengths[index]) if index < len(matchup.other_strengths) else "",
            ),
        )
        for index in range(width)
    )
    columns = (Column("#", "number"), Column(f"Where {go.name} is stronger"), Column(f"Where {other.name} is stronger"))
    return render_table(Table(f"matchup-{against}", f"{go.name} vs {other.name}", columns, rows, classes=("gfbs-matchup",)))


def tool_matrix(eco: Ecosystem, *, tools: Sequence[str] | None = None, category: str | None = None, by: str | None = None) -> str:
    """Tools and libraries with what they do, who maintains them and under which licence.

    `tools` picks entries by id (in that order), `category` keeps one category, `by="category"` groups rows.
    """
    chosen = _pick(eco.tools, tools, "tool")
    if category is not None:
        _pick(eco.categories, [category], "category")
        chosen = [tool for tool in chosen if tool.category == category]
    if by not in (None, "category"):
        raise ValueError(f'tool_matrix(by={by!r}): expected by="category" or no grouping')
    if by == "category":
        order = {item.id: position for position, item in enumerate(eco.categories)}
        chosen.sort(key=lambda tool: (order[tool.category], tool.name.lower()))
    categories = {item.id: item.name for item in eco.categories}
    languages = {item.id: item.name for item in eco.languages}
    columns = (
        Column("Tool"),
        Column("Category", "category"),
        Column("What it does"),
        Column("Written in", "category"),
        Column("First release", "number"),
        Column("Maintainer"),
        Column("Licence", "category"),
        Column("Links"),
    )
    rows = []
    for tool in chosen:
        links = [link(tool.homepage, "Website", external=True)]
        if tool.repository:
            links.append(link(tool.repository, "Repository", external=True))
        links.append(source_link(tool.source))
        rows.append(
            Row(
                f"tool-{tool.id}",
                _self_link(f"tool-{tool.id}", tool.name),
                (
                    text(categories[tool.category]),
                    text(tool.description) + _successor_notes(tool),
                    text(languages[tool.written_in]),
                    _unverified(tool, "first_release", text(tool.first_release)),
                    _unverified(tool, "maintainer", _maintainer_cell(tool)),
                    _license_cell(tool),
                    " · ".join(links),
                ),
                # The licence column sorts and filters by the current licence alone.
                ("", "", "", str(tool.first_release), "", tool.license, ""),
            )
        )
    table_id = "tools-" + "-".join(tool.id for tool in chosen) if tools or category else "tools"
    caption = "Go tools and libraries" if tools is None and category is None else "Go tools on this topic"
    return render_table(Table(table_id[:80], caption, columns, tuple(rows)))


def company_matrix(eco: Ecosystem) -> str:
    """Companies as rows, industries as columns: where each company runs Go, what for, and the evidence."""
    columns = (
        Column("Company"),
        *(Column(industry.name, "category", href=f"#industry-{industry.id}") for industry in eco.industries),
        Column("Uses Go for"),
        Column("Source"),
    )
    rows = []
    for company in eco.companies:
        marks, keys = [], []
        for industry in eco.industries:
            used = industry.id in company.industries
            marks.append(
                '<span class="gfbs-mark" role="img" aria-label="Yes" title="Yes">\u2713</span>'
                if used
                else '<span class="gfbs-mark gfbs-mark--no" role="img" aria-label="No" title="No">\u2013</span>'
            )
            keys.append("Yes" if used else "No")
        rows.append(
            Row(
                f"company-{company.id}",
                _self_link(f"company-{company.id}", company.name),
                (*marks, bullet_list(company.uses), source_link(company.source)),
                (*keys, "", ""),
            )
        )
    legend = "\u2713 the company uses Go in this industry; \u2013 not recorded. Column headers link to the industry."
    return render_table(Table("company-matrix", "Companies that run Go, by industry", columns, tuple(rows), legend, ("gfbs-matrix",)))


def industry_matrix(eco: Ecosystem) -> str:
    """Industries with typical Go workloads and the companies recorded in each."""
    columns = (Column("Industry"), Column("How Go is used"), Column("Typical workloads"), Column("Companies"))
    rows = []
    for industry in eco.industries:
        companies = [link(f"#company-{c.id}", c.name) for c in eco.companies if industry.id in c.industries]
        rows.append(
            Row(
                f"industry-{industry.id}",
                _self_link(f"industry-{industry.id}", industry.name),
                (text(industry.description), bullet_list(industry.examples), ", ".join(companies) or "None recorded"),
            )
        )
    return render_table(Table("industry-matrix", "Industries where Go runs backends", columns, tuple(rows)))


def database_matrix(eco: Ecosystem) -> str:
    """Databases with the Go driver most projects use and what Go does with them."""
    columns = (Column("Database"), Column("Kind", "category"), Column("Go driver"), Column("Common uses"), Column("Links"))
    rows = tuple(
        Row(
            f"database-{db.id}",
            _self_link(f"database-{db.id}", db.name),
            (
                text(db.kind),
                f'<a href="{text(db.driver_url)}" rel="noopener"><code>{text(db.driver)}</code></a>',
                bullet_list(db.use_cases),
                f"{link(db.homepage, 'Website', external=True)} · {source_link(db.source)}",
            ),
            ("", db.driver, "", ""),
        )
        for db in eco.databases
    )
    return render_table(Table("databases", "Databases and their Go drivers", columns, rows))


def architecture_comparison(eco: Ecosystem) -> str:
    """Architectural styles side by side: what they are, their advantages, use cases and why Go fits."""
    columns = (Column("Architecture"), Column("What it is"), Column("Advantages"), Column("Use cases"), Column("Why Go fits"))
    rows = tuple(
        Row(
            f"arch-{arch.id}",
            _self_link(f"arch-{arch.id}", arch.name),
            (text(arch.description), bullet_list(arch.advantages), bullet_list(arch.use_cases), text(arch.go_fit)),
        )
        for arch in eco.architectures
    )
    return render_table(Table("architectures", "Backend architectures and how Go fits them", columns, rows))
