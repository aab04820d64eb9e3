"""From seed files and curated knowledge to the rows of every table, with stable ids."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import TypeVar

from . import models
from .dataset import ArticleMeta, Curated, empty_curated
from .dataset import load as load_curated
from .errors import NewsfactsError
from .extract import Extraction, RegistryEntry, Span, extract, text
from .extract.actors import ArticleActor, slug
from .models import Record
from .seeds import Seed, read_seed

ALIAS_SEPARATOR = " | "
Tables = dict[str, list[Record]]
OnArticle = Callable[[str, int], None]  # called with each article_id and the article count


@dataclass
class DatasetActor:
    """An actor merged over every article that mentions it."""

    actor_id: str
    name: str
    kind: str
    title: str | None
    country_code: str | None
    unnamed: bool
    article_id: str | None
    registered: bool
    aliases: set[str] = field(default_factory=set)
    mention_count: int = 0

    def merge(self, actor: ArticleActor) -> None:
        self.aliases |= actor.aliases
        self.title = self.title or actor.title
        self.country_code = self.country_code or actor.country_code

    def record(self) -> models.Actor:
        aliases = sorted(self.aliases - {self.name})
        return models.Actor(
            actor_id=self.actor_id,
            name=self.name,
            kind=self.kind,  # type: ignore[arg-type]
            title=self.title,
            country_code=self.country_code,
            aliases=ALIAS_SEPARATOR.join(aliases) or None,
            unnamed=self.unnamed,
            article_id=self.article_id,
            registered=self.registered,
            mention_count=self.mention_count,
        )


class Builder:
    def __init__(self, curated: Curated, root: Path) -> None:
        self.curated = curated
        self.root = root
        self.registry = curated.registry()
        self.actors: dict[str, DatasetActor] = {}
        self.tables: Tables = {name: [] for name in models.MODELS}

    def add(self, seed: Seed, found: Extraction | None = None) -> None:
        """Add one article; `found` is its extraction when a worker process already ran it."""
        meta = self.curated.articles.get(seed.article_id, ArticleMeta())
        publisher, authors = byline(seed, meta)
        found = found or extract(seed.text, seed.body_start, self.registry, publisher, authors)
        self.tables["articles"].append(self._article(seed, meta, publisher, authors))
        ids = {
            key: self._actor_id(actor, seed.article_id)
            for key, actor in found.actors.actors.items()
        }
        self._add_records(seed.article_id, seed.text, found, ids)

    def _article(
        self, seed: Seed, meta: ArticleMeta, publisher: str | None, authors: tuple[str, ...]
    ) -> models.Article:
        paragraphs = text.paragraphs(seed.text, seed.body_start)
        return models.Article(
            article_id=seed.article_id,
            source_file=self._relative(seed.path),
            sha256=seed.sha256,
            publisher=publisher,
            authors=ALIAS_SEPARATOR.join(authors) or None,
            title=meta.title,
            url=meta.url,
            published_date=meta.published_date,
            language=meta.language,
            text=seed.text,
            body_start=seed.body_start,
            char_count=len(seed.text),
            word_count=text.word_count(seed.text[seed.body_start :]),
            paragraph_count=len(paragraphs),
        )

    def _relative(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.name

    def _actor_id(self, actor: ArticleActor, article_id: str) -> str:
        if actor.registry_id:
            actor_id = actor.registry_id
        elif actor.unnamed:
            actor_id = f"{article_id.lower()}--{slug(actor.name)}"
        else:
            actor_id = slug(actor.name)
            known = self.actors.get(actor_id)
            if known and known.kind != actor.kind and not known.registered:
                actor_id = f"{actor_id}-{actor.kind}"  # Georgia the country, Georgia a person
        if actor_id not in self.actors:
            self.actors[actor_id] = DatasetActor(
                actor_id,
                actor.name,
                actor.kind,
                actor.title,
                actor.country_code,
                actor.unnamed,
                article_id if actor.unnamed else None,
                actor.registry_id is not None,
            )
        self.actors[actor_id].merge(actor)
        return actor_id

    def _add_records(
        self, article_id: str, article_text: str, found: Extraction, ids: dict[str, str]
    ) -> None:
        """Records with ids made of the article and the span, so a rebuild never renumbers."""
        mentions = _first_per_span(_mentions(article_id, article_text, found, ids))
        for record in mentions:
            self.actors[record.actor_id].mention_count += 1
        self.tables["mentions"].extend(mentions)
        self.tables["quotes"].extend(_first_per_span(_quotes(article_id, article_text, found, ids)))
        self.tables["statistics"].extend(_statistics(article_id, article_text, found))

    def finish(self) -> Tables:
        self.tables["actors"] = [actor.record() for _, actor in sorted(self.actors.items())]
        for name in ("mentions", "quotes", "statistics"):
            self.tables[name].sort(key=lambda r: (r.article_id, r.start, r.end))  # type: ignore[attr-defined]
        return self.tables


SpanRecord = TypeVar("SpanRecord", models.Mention, models.Quote)


def _first_per_span(records: list[SpanRecord]) -> list[SpanRecord]:
    """One record per span: the first one found (a name matched twice is one mention)."""
    seen: dict[tuple[int, int], SpanRecord] = {}
    for record in records:
        seen.setdefault((record.start, record.end), record)
    return list(seen.values())


def recount_mentions(tables: Tables) -> Tables:
    """Each actor's mention_count from the mentions table (after corrections moved some)."""
    counts: dict[str, int] = {}
    for mention in tables["mentions"]:
        assert isinstance(mention, models.Mention)
        counts[mention.actor_id] = counts.get(mention.actor_id, 0) + 1
    actors = [
        a.model_copy(update={"mention_count": counts.get(a.actor_id, 0)})  # type: ignore[attr-defined]
        for a in tables["actors"]
    ]
    return {**tables, "actors": actors}


def _span_id(article_id: str, table: str, span: Span) -> str:
    return f"{article_id}-{table}-{span.start}-{span.end}"


def _mentions(
    article_id: str, text: str, found: Extraction, ids: dict[str, str]
) -> list[models.Mention]:
    return [
        models.Mention(
            mention_id=_span_id(article_id, "m", m.span),
            article_id=article_id,
            actor_id=ids[m.key],
            text=m.span.of(text),
            start=m.span.start,
            end=m.span.end,
        )
        for m in found.actors.mentions
    ]


def _quotes(
    article_id: str, text: str, found: Extraction, ids: dict[str, str]
) -> list[models.Quote]:
    return [
        models.Quote(
            quote_id=_span_id(article_id, "q", q.span),
            article_id=article_id,
            speaker_actor_id=ids[q.speaker] if q.speaker else None,
            kind=q.kind,  # type: ignore[arg-type]
            text=q.span.of(text),
            cue=q.cue,
            start=q.span.start,
            end=q.span.end,
        )
        for q in found.quotes
    ]


def _statistics(article_id: str, text: str, found: Extraction) -> list[models.Statistic]:
    return [
        models.Statistic(
            statistic_id=_span_id(article_id, "s", s.span),
            article_id=article_id,
            value=s.value,
            value_max=s.value_max,
            text=s.span.of(text),
            object=s.object,
            unit=s.unit,
            qualifier=s.qualifier,  # type: ignore[arg-type]
            start=s.span.start,
            end=s.span.end,
        )
        for s in found.statistics
    ]


def build_tables(
    seed_paths: list[Path],
    curated: Curated,
    root: Path,
    on_article: OnArticle | None = None,
) -> Tables:
    """Extract every seed; the rows of every table, ready to publish. Many seeds are read and
    extracted on every core; records are still merged in file order, so the output is the same."""
    builder = Builder(curated, root)
    seen = set()
    for seed, found in _extractions(seed_paths, curated, builder.registry):
        builder.add(seed, found)
        seen.add(seed.article_id)
        if on_article:
            on_article(seed.article_id, len(seed_paths))
    stale = sorted(set(curated.articles) - seen)
    if stale:
        articles_file = Path(curated.folder) / "articles.yaml"
        raise NewsfactsError(f"{articles_file}: {stale[0]}: no seed file for this article_id")
    return builder.finish()


PARALLEL_FROM = 64  # fewer seeds are not worth starting worker processes for


def byline(seed: Seed, meta: ArticleMeta) -> tuple[str | None, tuple[str, ...]]:
    """Publisher and authors: dataset/articles.yaml first, else the article's byline line."""
    authors = tuple(meta.authors) if meta.authors is not None else seed.authors
    return meta.publisher or seed.publisher, authors


def _read_and_extract(
    path: Path, meta: ArticleMeta | None, registry: dict[str, RegistryEntry]
) -> tuple[Seed, Extraction]:
    seed = read_seed(path)
    publisher, authors = byline(seed, meta or ArticleMeta())
    return seed, extract(seed.text, seed.body_start, registry, publisher, authors)


def _extractions(
    paths: list[Path], curated: Curated, registry: dict[str, RegistryEntry]
) -> Iterator[tuple[Seed, Extraction | None]]:
    if len(paths) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        yield from ((read_seed(path), None) for path in paths)
        return
    metas = [curated.articles.get(path.stem) for path in paths]
    with ProcessPoolExecutor() as pool:
        yield from pool.map(_read_and_extract, paths, metas, repeat(registry), chunksize=16)


def extract_records(seed_path: Path, dataset_dir: Path) -> Tables:
    """The rows of one article (the registry in dataset_dir applies when it exists)."""
    curated = load_curated(dataset_dir) if (dataset_dir / "dataset.yaml").exists() else None
    builder = Builder(curated or empty_curated(dataset_dir), seed_path.resolve().parent.parent)
    builder.add(read_seed(seed_path))
    return builder.finish()
