"""Extraction: one article's text in, its actors, mentions, quotes and statistics out.

Offsets index into the article's normalised text. Nothing here knows about
other articles; pipeline.py gives records their dataset-wide ids.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from . import lexicons, statistics, text
from .actors import Actor, ActorFinder, ArticleActors, RegistryEntry
from .quotes import QuoteFinder, QuoteSpan
from .statistics import StatisticSpan
from .text import Span

EXTRACTOR_VERSION = "1"

__all__ = ["EXTRACTOR_VERSION", "Extraction", "RegistryEntry", "Span", "extract"]


@dataclass(frozen=True)
class Extraction:
    actors: ArticleActors
    quotes: list[QuoteSpan]
    statistics: list[StatisticSpan]


def extract(
    article_text: str,
    body_start: int,
    article_id: str,
    registry: Mapping[str, RegistryEntry],
    publisher: str | None = None,
    authors: tuple[str, ...] = (),
) -> Extraction:
    """Extract every record of one article."""
    lex = lexicons.load()
    paragraphs = [
        (p, text.sentences(article_text, p)) for p in text.paragraphs(article_text, body_start)
    ]
    found = ActorFinder(article_text, lex, dict(registry)).find(paragraphs)
    _add_byline_actors(found, article_text[:body_start], publisher, authors, registry)
    found.mentions.sort(key=lambda m: (m.span.start, m.span.end))
    quotes = QuoteFinder(article_text, lex, found, article_id).find(paragraphs)
    stats = [s for p, _ in paragraphs for s in statistics.find(article_text, p, lex)]
    found.mentions.sort(key=lambda m: (m.span.start, m.span.end))
    return Extraction(found, quotes, stats)


def _add_byline_actors(
    found: ArticleActors,
    byline: str,
    publisher: str | None,
    authors: tuple[str, ...],
    registry: Mapping[str, RegistryEntry],
) -> None:
    """The byline's authors and publisher are actors, mentioned where the byline names them."""
    named = [(name, "person") for name in authors] + (
        [(publisher, "organization")] if publisher else []
    )
    for name, kind in named:
        entry = registry.get(name)
        actor = (
            Actor(
                entry.name,
                entry.name,
                entry.kind,
                entry.title,
                entry.country_code,
                registry_id=entry.actor_id,
            )
            if entry
            else Actor(name, name, kind)
        )
        at = byline.find(name)
        if at < 0:
            found.actors.setdefault(actor.key, actor)
            continue
        found.add(actor, Span(at, at + len(name)), name)
    _link_publisher_acronym(found, publisher)


def _link_publisher_acronym(found: ArticleActors, publisher: str | None) -> None:
    """ "(AP)" in the body is the byline's "The Associated Press"."""
    if not publisher:
        return
    from .actors import Mention, _acronym

    acronym = _acronym(publisher.removeprefix("The "))
    if (
        acronym in found.actors
        and found.actors[acronym].kind == "organization"
        and publisher in found.actors
    ):
        del found.actors[acronym]
        found.actors[publisher].aliases.add(acronym)
        found.mentions[:] = [
            Mention(m.span, publisher, m.possessive) if m.key == acronym else m
            for m in found.mentions
        ]
