"""How much of the source article (not of the code) the built handbook keeps: every bullet, heading and claim, on some page."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that carry no claim; everything else of four letters or more is a key term.
STOP_WORDS = frozenset(
    [
        "about",
        "also",
        "among",
        "because",
        "been",
        "before",
        "being",
        "both",
        "each",
        "even",
        "from",
        "have",
        "into",
        "like",
        "many",
        "make",
        "makes",
        "more",
        "most",
        "much",
        "must",
        "only",
        "other",
        "over",
        "same",
        "some",
        "such",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "very",
        "what",
        "when",
        "where",
        "which",
        "while",
        "will",
        "with",
        "within",
        "without",
        "would",
        "your",
        "it's",
    ]
)
THRESHOLD = 0.8  # share of a sentence's key terms that one block of one page must hold


@dataclass(frozen=True)
class Unit:
    """One piece of the article: a heading or bullet (kept as a phrase) or a prose sentence (kept as key terms)."""

    kind: str  # "phrase" or "claim"
    text: str


@dataclass(frozen=True)
class Miss:
    unit: Unit
    best_page: str
    missing: tuple[str, ...]


def normalise(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower()
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9'+./()-]+", " ", text)).strip()


def stem(word: str) -> str:
    """A crude stemmer: enough to match 'goroutines' with 'goroutine' and 'handling' with 'handle'."""
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ed", "es", "s", "ly", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def key_terms(text: str) -> tuple[str, ...]:
    words = re.findall(r"[a-z0-9][a-z0-9'+.-]*[a-z0-9]|[a-z0-9]", normalise(text))
    return tuple(dict.fromkeys(stem(w) for w in words if len(w) >= 4 and w not in STOP_WORDS))


def article_units(article: str) -> list[Unit]:
    """Split the article: short lines (headings, bullets) are phrases, paragraphs are split into sentences."""
    units: list[Unit] = []
    for raw in article.splitlines():
        line = raw.strip()
        if not line:
            continue
        line = re.sub(r"^(- |\d+\. )", "", line)
        if len(line.split()) <= 8 and not line.endswith("."):
            units.append(Unit("phrase", line.rstrip(":")))
            continue
        for sentence in re.split(r"(?<=[.:])\s+(?=[A-Z])", line):
            if key_terms(sentence):
                units.append(Unit("claim", sentence.strip()))
    return units


def find_misses(units: list[Unit], pages: dict[str, list[str]]) -> list[Miss]:
    """Units that no page keeps: `pages` maps a page to the text of its blocks (paragraphs, items, cells, headings)."""
    norm_pages = {page: [normalise(block) for block in blocks] for page, blocks in pages.items()}
    term_pages = {page: [set(key_terms(block)) for block in blocks] for page, blocks in pages.items()}
    whole = {page: " ".join(blocks) for page, blocks in norm_pages.items()}
    misses: list[Miss] = []
    for unit in units:
        if unit.kind == "phrase":
            phrase = normalise(unit.text)
            if not any(re.search(rf"(?<![a-z0-9]){re.escape(phrase)}(?![a-z0-9])", text) for text in whole.values()):
                misses.append(Miss(unit, "", (phrase,)))
            continue
        terms = key_terms(unit.text)
        best_page, best_missing = "", terms
        for page, blocks in term_pages.items():
            for block in blocks:
                missing = tuple(t for t in terms if t not in block)
                if len(missing) < len(best_missing):
                    best_page, best_missing = page, missing
        if len(terms) - len(best_missing) < THRESHOLD * len(terms):
            misses.append(Miss(unit, best_page, best_missing))
    return misses
