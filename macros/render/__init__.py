"""Pure render functions: validated ecosystem data in, HTML text out; no I/O, no globals."""

from .downloads import data_downloads
from .figures import diagram
from .tables import (
    architecture_comparison,
    company_matrix,
    database_matrix,
    industry_matrix,
    language_comparison,
    language_matchup,
    tool_matrix,
)

__all__ = [
    "architecture_comparison",
    "company_matrix",
    "data_downloads",
    "database_matrix",
    "diagram",
    "industry_matrix",
    "language_comparison",
    "language_matchup",
    "tool_matrix",
]
