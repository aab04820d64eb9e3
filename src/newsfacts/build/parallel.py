"""Extracting many seeds: from the cache when nothing changed, else on every core, in order."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import TypeVar

from newsfacts.build.cache import ExtractionCache
from newsfacts.build.rows import ArticleExtraction, OnArticle, extract_article, known_actors
from newsfacts.errors import NewsfactsError
from newsfacts.extract import RegistryEntry
from newsfacts.sources.curated import ArticleMeta, Curated
from newsfacts.sources.seeds import read_seed

T = TypeVar("T")


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
    registry = known_actors(curated)
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
    source_file = relative_path(path, root)
    key = cache.key(path, meta, source_file) if cache else None
    return SeedJob(path, meta, source_file, key)


def _cached_or_run(job: SeedJob, cache: ExtractionCache | None) -> ArticleExtraction:
    return _cached(job, cache) or _run(job)


def _cached(job: SeedJob, cache: ExtractionCache | None) -> ArticleExtraction | None:
    if cache is None or job.cache_key is None:
        return None
    return cache.get(job.cache_key, job.path, job.meta, job.source_file)


def _in_order(
    jobs: Iterable[SeedJob], registry: dict[str, RegistryEntry], cache: ExtractionCache | None
) -> Iterator[ArticleExtraction]:
    """Cache hits read here, misses extracted by worker processes a batch at a time; results
    in job order, with a bounded number of batches in flight."""
    workers = os.cpu_count() or 2
    pending: deque[tuple[list[ArticleExtraction | None], Future[list[ArticleExtraction]] | None]]
    pending = deque()
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(registry, cache)) as pool:
        for batch in chunked(jobs, BATCH):
            found = [_cached(job, cache) for job in batch]
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


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """`items` in lists of `size` (the last one shorter)."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def relative_path(path: Path, root: Path) -> str:
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
