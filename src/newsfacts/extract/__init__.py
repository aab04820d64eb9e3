"""Extraction: one article's text in, its actors, mentions, quotes and statistics out.

Offsets index into the article's normalised text. Nothing here knows about
other articles; pipeline.py gives records their dataset-wide ids.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from . import fast, lexicons, statistics, text
from .actors import ActorFinder, ArticleActors, RegistryEntry, add_byline_actors
from .quotes import QuoteFinder, QuoteSpan
from .statistics import StatisticSpan
from .text import Span

__all__ = ["Extraction", "RegistryEntry", "Span", "extract"]


@dataclass(frozen=True)
class Extraction:
    actors: ArticleActors
    quotes: list[QuoteSpan]
    statistics: list[StatisticSpan]
    paragraph_count: int


def extract(
    article_text: str,
    body_start: int,
    registry: Mapping[str, RegistryEntry],
    publisher: str | None = None,
    authors: tuple[str, ...] = (),
) -> Extraction:
    """Extract every record of one article."""
    lex = lexicons.load_lexicons()
    paragraphs = [
        (p, text.sentences(article_text, p)) for p in text.paragraphs(article_text, body_start)
    ]
    found = ActorFinder(article_text, lex, dict(registry)).find(paragraphs)
    add_byline_actors(found, article_text[:body_start], publisher, authors, registry)
    lower_text = fast.lowered(article_text)
    quotes = QuoteFinder(article_text, lex, found, lower_text).find(paragraphs)
    stats = [s for p, _ in paragraphs for s in statistics.find(article_text, p, lex, lower_text)]
    return Extraction(found, quotes, stats, len(paragraphs))
