"""One seed in, the rows of every table out, with the article's own actor keys where actor ids go.

`extract_article` needs nothing but the seed, so it runs on every core and its result can be
cached. Rows are tuples in the contract's column order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
from typing import Any

from newsfacts import schema
from newsfacts.extract import RegistryEntry, Span, extract, text
from newsfacts.extract.actors import ArticleActor
from newsfacts.schema import Row, Rows
from newsfacts.schema.models import Record
from newsfacts.sources.curated import ArticleMeta, Curated
from newsfacts.sources.seeds import Seed

Tables = dict[str, list[Record]]  # table name -> records, for small in-memory uses


OnArticle = Callable[[str, int], None]  # called with each article_id and the article count


MENTION_ACTOR = schema.column("mentions", "actor_id")


QUOTE_SPEAKER = schema.column("quotes", "speaker_actor_id")


@dataclass(frozen=True)
class ArticleExtraction:
    """One article's rows; mentions and quotes carry the article's actor keys, not ids."""

    article_id: str
    rows: Rows
    actors: list[ArticleActor]


def extract_article(
    seed: Seed, meta: ArticleMeta, registry: dict[str, RegistryEntry], source_file: str
) -> ArticleExtraction:
    publisher, authors = byline(seed, meta)
    found = extract(seed.text, seed.body_start, registry, publisher, authors)
    article_id, body = seed.article_id, seed.text

    def span_row(table: str, span: Span, **values: Any) -> Row:
        """A record of `table` for `span`: its id, article, verbatim text and offsets."""
        start, end = span
        values[schema.primary_key(table)[0]] = schema.record_id(table, article_id, start, end)
        values["article_id"], values["text"] = article_id, body[start:end]
        values["start"], values["end"] = start, end
        return _in_column_order(table)(values)

    mentions = [span_row("mentions", m.span, actor_id=m.key) for m in found.actors.mentions]
    quotes = [
        span_row(
            "quotes",
            q.span,
            speaker_actor_id=q.speaker,
            kind=q.kind,
            cue=q.cue,
            attribution=q.attribution,
            attribution_confidence=q.confidence,
        )
        for q in found.quotes
    ]
    statistics = [
        span_row(
            "statistics",
            s.span,
            value=s.value,
            value_max=s.value_max,
            object=s.object,
            unit=s.unit,
            qualifier=s.qualifier,
        )
        for s in found.statistics
    ]
    rows = {
        "articles": [article_row(seed, meta, source_file, found.paragraph_count)],
        "mentions": _first_per_span(mentions),
        "quotes": _first_per_span(quotes),
        "statistics": sorted(statistics, key=_span),
    }
    return ArticleExtraction(article_id, rows, list(found.actors.actors.values()))


def article_row(seed: Seed, meta: ArticleMeta, source_file: str, paragraph_count: int) -> Row:
    """The article's own row: everything in it follows from the seed and its metadata."""
    publisher, authors = byline(seed, meta)
    body = seed.text
    return _in_column_order("articles")(
        {
            "article_id": seed.article_id,
            "source_file": source_file,
            "sha256": seed.sha256,
            "publisher": publisher,
            "authors": schema.LIST_SEPARATOR.join(authors) or None,
            "title": meta.title,
            "url": meta.url,
            "published_date": meta.published_date,
            "language": meta.language,
            "text": body,
            "body_start": seed.body_start,
            "char_count": len(body),
            "word_count": text.word_count(body[seed.body_start :]),
            "paragraph_count": paragraph_count,
        }
    )


@cache
def _in_column_order(table: str) -> Callable[[dict[str, Any]], Row]:
    """A function from a dict of a table's values to its row (the table has 2+ columns)."""
    return itemgetter(*schema.column_names(table))


def _span(row: Row) -> tuple[int, int]:
    return row[-2], row[-1]  # every span table ends with start, end (test_schema_drift)


def _first_per_span(rows: list[Row]) -> list[Row]:
    """One row per span, the first one found (a name matched twice is one mention), in text
    order."""
    first: dict[tuple[int, int], Row] = {}
    for row in rows:
        first.setdefault(_span(row), row)
    return [first[span] for span in sorted(first)]


def known_actors(curated: Curated) -> dict[str, RegistryEntry]:
    """Every name and alias of a known actor (dataset/actors.yaml) -> its entry, as the
    extractor takes them."""
    forms: dict[str, RegistryEntry] = {}
    for actor in curated.actors:
        entry = RegistryEntry(
            actor.id, actor.name, actor.kind, actor.title, actor.country, tuple(actor.aliases)
        )
        for form in (actor.name, *actor.aliases):
            forms[form] = entry
    return forms


def byline(seed: Seed, meta: ArticleMeta) -> tuple[str | None, tuple[str, ...]]:
    """Publisher and authors: dataset/articles.yaml first, else the article's byline line."""
    authors = tuple(meta.authors) if meta.authors is not None else seed.authors
    return meta.publisher or seed.publisher, authors
