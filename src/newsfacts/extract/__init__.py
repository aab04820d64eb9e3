"""Extraction: one article's text in, its actors, mentions, quotes and statistics out.

In: an article's normalised text, where its body starts, the registry of known actors, and
its byline. Out: an `Extraction` of spans (offsets into that text, in code points) with the
article's own actor keys. Nothing here knows about other articles: build/ gives records
their dataset-wide ids.
- text.py, numbers.py: paragraphs, sentences, words; numbers in digits and words;
- rules.py: what a rule is (a named pattern with examples it must and must not find);
  quote_rules.py, actor_rules.py, statistic_rules.py: the rules, each with its examples;
- quotes.py, actors.py, statistics.py: the finders, applying the rules in declared order;
- lexicons.py: the word lists of src/newsfacts/lexicons/ and of pycountry, gender-guesser;
- fast.py: speed helpers only (prefilters, lower-cased twins), no linguistics.
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
