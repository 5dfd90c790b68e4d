"""Comparison tables and matrices generated from the ecosystem model."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

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


# Marks a fact its source does not confirm; the table's legend, above it, says so in words.
UNVERIFIED_MARK = "\u2020"
UNVERIFIED = "Not yet confirmed by the cited source"


def source_link(source: Source, label: str = "Source") -> str:
    """A link to the evidence for a fact; the day it was last checked is its tooltip, and the table's legend gives it too."""
    return (
        f'<a class="gfbs-source" href="{text(source.url)}" rel="noopener" title="Checked on {source.checked.isoformat()}">{text(label)}</a>'
    )


def sources_checked(sources: Iterable[Source]) -> str:
    """The legend line for a table's sources: the day they were checked, or the first and last day."""
    days = sorted({source.checked for source in sources})
    if not days:
        return ""
    when = days[0].isoformat() if len(days) == 1 else f"between {days[0].isoformat()} and {days[-1].isoformat()}"
    return f"Sources last checked {'on ' if len(days) == 1 else ''}{when}."


def license_text(tool: Tool) -> str:
    """The current licence, followed by each earlier one and the year it ended: `BUSL-1.1 (MPL-2.0 until 2023)`."""
    earlier = ", ".join(f"{license_id} until {year}" for license_id, year in tool.earlier_licenses())
    return f"{tool.license} ({earlier})" if earlier else tool.license


def _unverified_mark() -> str:
    return f'<sup class="gfbs-unverified" role="img" aria-label="{UNVERIFIED}" title="{UNVERIFIED}">{UNVERIFIED_MARK}</sup>'


def _unverified(tool: Tool, field: str, html: str) -> str:
    return f"{html}{_unverified_mark()}" if field in tool.unverified else html


def _tool_sources(tool: Tool) -> list[Source]:
    """Every source a tool's row cites: its own, its licence changes', its affiliations' and its successors'."""
    sources = [tool.source, *(period.source for period in tool.license_history if period.source)]
    sources += [affiliation.source for affiliation in (tool.owned_by, tool.hosted_by) if affiliation]
    return sources + [item.source for item in tool.successors]


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
    checked = sources_checked(lang.ratings[c.id].source for lang in chosen for c in eco.criteria if lang.ratings[c.id].source)
    legend = f"{_level_legend()} {checked}".strip()
    return render_table(
        Table("language-comparison", f"How {names} compare for backend work", columns, tuple(rows), legend, ("gfbs-compare",))
    )


def language_matchup(eco: Ecosystem, against: str) -> str:
    """Go against one other language: where each is stronger, as two lists side by side.

    Lists, not a table: the n-th strength of one language has nothing to do with the n-th of the other.
    """
    matchup = next((m for m in eco.matchups if m.against == against), None)
    if matchup is None:
        choices = ", ".join(m.against for m in eco.matchups)
        raise ValueError(f"no matchup against {against!r}; expected one of: {choices}")
    sides = ((eco.language("go").name, matchup.go_strengths), (eco.language(against).name, matchup.other_strengths))
    columns = "".join(
        f'<div class="gfbs-matchup__side"><p class="gfbs-matchup__title">Where {text(name)} is stronger</p>{bullet_list(strengths)}</div>'
        for name, strengths in sides
    )
    return f'<div class="gfbs-matchup" id="matchup-{text(against)}">{columns}</div>'


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
    # A column that says the same in every row says nothing: "Written in" shows only when the tools differ.
    mixed = len({tool.written_in for tool in chosen}) > 1
    columns = (
        Column("Tool"),
        Column("Category", "category"),
        Column("What it does"),
        *((Column("Written in", "category"),) if mixed else ()),
        Column("First release", "number"),
        Column("Maintainer"),
        Column("Licence", "category"),
    )
    rows = []
    for tool in chosen:
        # The links sit under the tool's name, so the table needs no column of its own for them.
        links = [link(tool.homepage, "Website", external=True)]
        if tool.repository:
            links.append(link(tool.repository, "Repository", external=True))
        links.append(source_link(tool.source))
        written_in = (text(languages[tool.written_in]),) if mixed else ()
        rows.append(
            Row(
                f"tool-{tool.id}",
                f'{_self_link(f"tool-{tool.id}", tool.name)}<br><span class="gfbs-links">{" · ".join(links)}</span>',
                (
                    text(categories[tool.category]),
                    text(tool.description) + _successor_notes(tool),
                    *written_in,
                    _unverified(tool, "first_release", text(tool.first_release)),
                    _unverified(tool, "maintainer", _maintainer_cell(tool)),
                    _license_cell(tool),
                ),
                # The licence column sorts and filters by the current licence alone.
                ("", "", *("",) * len(written_in), str(tool.first_release), "", tool.license),
            )
        )
    table_id = "tools-" + "-".join(tool.id for tool in chosen) if tools or category else "tools"
    caption = "Go tools and libraries" if tools is None and category is None else "Go tools on this topic"
    legend = [f"{_unverified_mark()} {UNVERIFIED.lower()}." if any(tool.unverified for tool in chosen) else ""]
    legend.append(sources_checked(source for tool in chosen for source in _tool_sources(tool)))
    return render_table(Table(table_id[:80], caption, columns, tuple(rows), " ".join(filter(None, legend))))


def company_matrix(eco: Ecosystem) -> str:
    """Companies as rows: the industries where each runs Go, what for, and the evidence under its name.

    One column lists the industries, each linked to its row in the industry matrix: a column per industry
    was mostly dashes and pushed the table past the page.
    """
    names = {industry.id: industry.name for industry in eco.industries}
    order = {industry.id: position for position, industry in enumerate(eco.industries)}
    columns = (Column("Company"), Column("Industries"), Column("Uses Go for"))
    rows = []
    for company in eco.companies:
        industries = sorted(company.industries, key=order.__getitem__)
        rows.append(
            Row(
                f"company-{company.id}",
                f'{_self_link(f"company-{company.id}", company.name)}<br><span class="gfbs-links">{source_link(company.source)}</span>',
                (", ".join(link(f"#industry-{industry}", names[industry]) for industry in industries), bullet_list(company.uses)),
            )
        )
    legend = sources_checked(company.source for company in eco.companies)
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
    legend = sources_checked(db.source for db in eco.databases)
    return render_table(Table("databases", "Databases and their Go drivers", columns, rows, legend))


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
