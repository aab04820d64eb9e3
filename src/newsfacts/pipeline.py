"""From seed files and curated knowledge to the rows of every table, with stable ids.

Two steps. `extract_article` turns one seed into its rows, with the article's own actor
keys where actor ids go: it needs nothing but the seed, so it runs on every core and its
result can be cached. `Builder.add` then gives those rows dataset-wide actor ids, one
article after the other in article_id order. Rows are tuples in the contract's column order.
"""

from __future__ import annotations

import heapq
import os
import pickle
import sqlite3
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import islice
from operator import itemgetter
from pathlib import Path
from typing import Any, TypeVar

from . import models, schema
from .cache import ExtractionCache
from .dataset import ArticleMeta, Curated, empty_curated
from .dataset import load as load_curated
from .errors import NewsfactsError
from .extract import RegistryEntry, Span, extract, text
from .extract.actors import ArticleActor, slug
from .models import Record
from .seeds import Seed, read_seed

ALIAS_SEPARATOR = " | "
SPAN_TABLES = ("mentions", "quotes", "statistics")
Row = tuple[Any, ...]
Rows = dict[str, list[Row]]  # table name -> rows, in column order
Tables = dict[str, list[Record]]  # table name -> records, for small in-memory uses
OnArticle = Callable[[str, int], None]  # called with each article_id and the article count
T = TypeVar("T")


def column(table: str, name: str) -> int:
    return schema.column_names(table).index(name)


MENTION_ACTOR = column("mentions", "actor_id")
QUOTE_SPEAKER = column("quotes", "speaker_actor_id")
ID_FIELD = {"mentions": "mention_id", "quotes": "quote_id", "statistics": "statistic_id"}
ID_LETTER = {"mentions": "m", "quotes": "q", "statistics": "s"}


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

    def row(table: str, **values: Any) -> Row:
        return _in_column_order(table)(values)

    def span_row(table: str, span: Span, **values: Any) -> Row:
        """A record of `table` for `span`: its id, article, verbatim text and offsets."""
        start, end = span
        values[ID_FIELD[table]] = f"{article_id}-{ID_LETTER[table]}-{start}-{end}"
        values["article_id"], values["text"] = article_id, body[start:end]
        values["start"], values["end"] = start, end
        return _in_column_order(table)(values)

    mentions = [span_row("mentions", m.span, actor_id=m.key) for m in found.actors.mentions]
    quotes = [
        span_row("quotes", q.span, speaker_actor_id=q.speaker, kind=q.kind, cue=q.cue)
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
    article = row(
        "articles",
        article_id=article_id,
        source_file=source_file,
        sha256=seed.sha256,
        publisher=publisher,
        authors=ALIAS_SEPARATOR.join(authors) or None,
        title=meta.title,
        url=meta.url,
        published_date=meta.published_date,
        language=meta.language,
        text=body,
        body_start=seed.body_start,
        char_count=len(body),
        word_count=text.word_count(body[seed.body_start :]),
        paragraph_count=found.paragraph_count,
    )
    rows = {
        "articles": [article],
        "mentions": _first_per_span(mentions),
        "quotes": _first_per_span(quotes),
        "statistics": sorted(statistics, key=_span),
    }
    return ArticleExtraction(article_id, rows, list(found.actors.actors.values()))


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


def byline(seed: Seed, meta: ArticleMeta) -> tuple[str | None, tuple[str, ...]]:
    """Publisher and authors: dataset/articles.yaml first, else the article's byline line."""
    authors = tuple(meta.authors) if meta.authors is not None else seed.authors
    return meta.publisher or seed.publisher, authors


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

    def merge(self, actor: ArticleActor) -> None:
        self.aliases |= actor.aliases
        self.title = self.title or actor.title
        self.country_code = self.country_code or actor.country_code

    def row(self, mention_count: int) -> Row:
        values = {
            **{k: v for k, v in vars(self).items() if k != "aliases"},
            "aliases": ALIAS_SEPARATOR.join(sorted(self.aliases - {self.name})) or None,
            "mention_count": mention_count,
        }
        return tuple(values[c] for c in schema.column_names("actors"))


class Builder:
    """Dataset-wide actor ids for each article's rows, in the order articles are added.

    Named actors are merged over every article, in memory. An article's own actors (the
    unnamed: "officials" of that article) are done with when their article is: they go to
    an `ArticleActorStore`, so memory does not grow with the corpus."""

    def __init__(self, store: ArticleActorStore | None = None) -> None:
        self.actors: dict[str, DatasetActor] = {}  # named actors
        self.store = store or ArticleActorStore()

    def add(self, extraction: ArticleExtraction) -> Rows:
        own: dict[str, DatasetActor] = {}
        ids = {a.key: self._actor_id(a, extraction.article_id, own) for a in extraction.actors}
        self.store.add(own.values())
        rows = extraction.rows
        return {
            **rows,
            "mentions": [_with(r, MENTION_ACTOR, ids[r[MENTION_ACTOR]]) for r in rows["mentions"]],
            "quotes": [
                _with(r, QUOTE_SPEAKER, ids[r[QUOTE_SPEAKER]]) if r[QUOTE_SPEAKER] else r
                for r in rows["quotes"]
            ],
        }

    def actor_rows(self, mention_counts: Mapping[str, int]) -> Iterator[Row]:
        """Every actor's row, sorted by actor_id (a new iterator each call)."""
        named = (actor for _, actor in sorted(self.actors.items()))
        every = heapq.merge(named, self.store.sorted(), key=lambda actor: actor.actor_id)
        return (actor.row(mention_counts.get(actor.actor_id, 0)) for actor in every)

    def _actor_id(self, actor: ArticleActor, article_id: str, own: dict[str, DatasetActor]) -> str:
        if actor.registry_id:
            actor_id = actor.registry_id
        elif actor.unnamed:  # slugs have no "--": these never clash with named actors
            actor_id = f"{article_id.lower()}--{slug(actor.name)}"
        else:
            actor_id = slug(actor.name)
            known = self.actors.get(actor_id)
            if known and known.kind != actor.kind and not known.registered:
                actor_id = f"{actor_id}-{actor.kind}"  # Georgia the country, Georgia a person
        found = own if actor.unnamed and not actor.registry_id else self.actors
        if actor_id not in found:
            found[actor_id] = DatasetActor(
                actor_id,
                actor.name,
                actor.kind,
                actor.title,
                actor.country_code,
                actor.unnamed,
                article_id if actor.unnamed else None,
                actor.registry_id is not None,
            )
        found[actor_id].merge(actor)
        return actor_id


class ArticleActorStore:
    """Actors that belong to one article, kept in SQLite (a file, or memory) and read back
    sorted by actor_id. SQLite compares text as UTF-8 bytes: the order of Python's sorted()."""

    def __init__(self, path: Path | None = None) -> None:
        self.db = sqlite3.connect(path or ":memory:")
        self.db.execute("PRAGMA journal_mode = OFF")  # a scratch file: no crash recovery
        self.db.execute("PRAGMA synchronous = OFF")
        self.db.execute("CREATE TABLE actors (actor_id TEXT, actor BLOB)")

    def add(self, actors: Iterable[DatasetActor]) -> None:
        self.db.executemany(
            "INSERT INTO actors VALUES (?, ?)",
            ((actor.actor_id, pickle.dumps(actor)) for actor in actors),
        )

    def sorted(self) -> Iterator[DatasetActor]:
        for (blob,) in self.db.execute("SELECT actor FROM actors ORDER BY actor_id"):
            yield pickle.loads(blob)

    def close(self) -> None:
        self.db.close()


def _with(row: Row, index: int, value: Any) -> Row:
    return (*row[:index], value, *row[index + 1 :])


# -- extracting many seeds -------------------------------------------------------------

PARALLEL_FROM = 64  # fewer seeds are not worth starting worker processes for
BATCH = 8  # seeds per task sent to a worker process
BATCHES_IN_FLIGHT_PER_WORKER = 4  # bounded read-ahead: memory stays flat however many seeds


@dataclass(frozen=True)
class SeedJob:
    path: Path
    meta: ArticleMeta
    source_file: str
    cache_key: str | None


_registry: dict[str, RegistryEntry] = {}  # set once per worker process
_cache: ExtractionCache | None = None


def _init_worker(registry: dict[str, RegistryEntry], cache: ExtractionCache | None) -> None:
    global _registry, _cache
    _registry, _cache = registry, cache


def _run(job: SeedJob) -> ArticleExtraction:
    extraction = extract_article(read_seed(job.path), job.meta, _registry, job.source_file)
    if _cache and job.cache_key:
        _cache.put(job.cache_key, extraction)
    return extraction


def extractions(
    paths: Sequence[Path],
    curated: Curated,
    root: Path,
    cache: ExtractionCache | None = None,
    on_article: OnArticle | None = None,
) -> Iterator[ArticleExtraction]:
    """Every seed's extraction in the order of `paths`: from the cache when the seed, its
    metadata, the registry and the extractor are unchanged, else extracted (on every core
    when there are many seeds)."""
    registry = curated.registry()
    jobs = (_job(path, curated, root, cache) for path in paths)  # made as they are needed
    parallel = len(paths) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1
    _init_worker(registry, cache)
    if not parallel:
        results: Iterable[ArticleExtraction] = (_cached_or_run(job, cache) for job in jobs)
    else:
        results = _in_order(jobs, registry, cache)
    for extraction in results:
        if on_article:
            on_article(extraction.article_id, len(paths))
        yield extraction


def _job(
    path: Path,
    curated: Curated,
    root: Path,
    cache: ExtractionCache | None,
) -> SeedJob:
    meta = curated.articles.get(path.stem, ArticleMeta())
    source_file = _relative(path, root)
    key = cache.key(path, meta, source_file) if cache else None
    return SeedJob(path, meta, source_file, key)


def _cached_or_run(job: SeedJob, cache: ExtractionCache | None) -> ArticleExtraction:
    found = cache.get(job.cache_key) if cache and job.cache_key else None
    return found or _run(job)


def _in_order(
    jobs: Iterable[SeedJob], registry: dict[str, RegistryEntry], cache: ExtractionCache | None
) -> Iterator[ArticleExtraction]:
    """Cache hits read here, misses extracted by worker processes a batch at a time; results
    in job order, with a bounded number of batches in flight."""
    workers = os.cpu_count() or 2
    pending: deque[tuple[list[ArticleExtraction | None], Future[list[ArticleExtraction]] | None]]
    pending = deque()
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(registry, cache)) as pool:
        for batch in batches(jobs, BATCH):
            found = [cache.get(job.cache_key) if cache and job.cache_key else None for job in batch]
            misses = [job for job, hit in zip(batch, found, strict=True) if hit is None]
            pending.append((found, pool.submit(_run_all, misses) if misses else None))
            while len(pending) > workers * BATCHES_IN_FLIGHT_PER_WORKER:
                yield from _merged(*pending.popleft())
        while pending:
            yield from _merged(*pending.popleft())


def _run_all(jobs: list[SeedJob]) -> list[ArticleExtraction]:
    return [_run(job) for job in jobs]


def _merged(
    found: list[ArticleExtraction | None], extracted: Future[list[ArticleExtraction]] | None
) -> Iterator[ArticleExtraction]:
    """A batch's results in order: its cache hits, and the rest as the worker extracted them."""
    rest = iter(extracted.result() if extracted else [])
    for hit in found:
        yield hit or next(rest)


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """`items` in lists of `size` (the last one shorter)."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _relative(path: Path, root: Path) -> str:
    """The seed's path from `root`, or its name when it is not under root."""
    prefix = _prefix_from_root(path.parent, root)
    return path.name if prefix is None else prefix + path.name


@lru_cache(maxsize=64)
def _prefix_from_root(folder: Path, root: Path) -> str | None:
    """`folder` from `root` as a path prefix ("" for root itself), None when it is not under
    root: worked out once per folder, not once per seed."""
    try:
        relative = folder.resolve().relative_to(root.resolve())
    except ValueError:
        return None
    return "" if relative == Path() else f"{relative.as_posix()}/"


def check_articles_have_seeds(curated: Curated, seen: set[str]) -> None:
    stale = sorted(set(curated.articles) - seen)
    if stale:
        articles_file = Path(curated.folder) / "articles.yaml"
        raise NewsfactsError(f"{articles_file}: {stale[0]}: no seed file for this article_id")


# -- small in-memory uses: one article, evaluation, tests ------------------------------


def records(rows: Rows) -> Tables:
    """Rows as validated pydantic records."""
    return {
        name: [
            models.MODELS[name](**dict(zip(schema.column_names(name), row, strict=True)))
            for row in rows.get(name, [])
        ]
        for name in schema.TABLES
    }


def article_tables(seed: Seed, curated: Curated, root: Path) -> Tables:
    """The records of one already read seed."""
    meta = curated.articles.get(seed.article_id, ArticleMeta())
    builder = Builder()
    extraction = extract_article(seed, meta, curated.registry(), _relative(seed.path, root))
    rows = builder.add(extraction)
    counts = Counter(r[MENTION_ACTOR] for r in rows["mentions"])
    return records({**rows, "actors": list(builder.actor_rows(counts))})


def extract_records(seed_path: Path, dataset_dir: Path) -> Tables:
    """The rows of one article (the registry in dataset_dir applies when it exists)."""
    curated = load_curated(dataset_dir) if (dataset_dir / "dataset.yaml").exists() else None
    root = seed_path.resolve().parent.parent
    return article_tables(read_seed(seed_path), curated or empty_curated(dataset_dir), root)
