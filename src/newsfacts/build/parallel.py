"""Extracting many seeds: from the cache when nothing changed, else on every core, in order."""

from __future__ import annotations

import copy
import logging
import os
from bisect import bisect_left
from collections import deque
from collections.abc import Container, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import TypeVar, overload

from newsfacts.build.cache import ExtractionCache, extractor_version
from newsfacts.build.cache import log as cache_log
from newsfacts.build.rows import ArticleExtraction, OnArticle, extract_article, known_actors
from newsfacts.errors import NewsfactsError
from newsfacts.extract import RegistryEntry
from newsfacts.package.write import is_boundary
from newsfacts.sources.curated import ArticleMeta, Curated
from newsfacts.sources.records import Accepted
from newsfacts.sources.seeds import (
    SeedFiles,
    read_seed,
    read_seed_bytes,
    seed_from_bytes,
    seed_stem,
)
from newsfacts.sources.shards import shard_seed_path

T = TypeVar("T")


PARALLEL_FROM = 64  # fewer seeds are not worth starting worker processes for


BATCH = 8  # seeds per task sent to a worker process


BATCHES_IN_FLIGHT_PER_WORKER = 4  # bounded read-ahead: memory stays flat however many seeds


@dataclass(frozen=True)
class Cluster:
    """Where extraction runs when not on this machine's cores: a cluster's executor (see
    build.cluster), how many tasks it runs at once, and whether its workers share no disk with
    this machine (then seeds are sent as bytes, and the cache is not used by them)."""

    executor: Executor
    slots: int
    remote: bool = False


@dataclass(frozen=True)
class SeedJob:
    path: Path
    meta: ArticleMeta
    source_file: str
    allow_symlinks: bool = False
    data: bytes | None = None  # the seed's bytes, for a seed from a shard file (no file)


_registry: dict[str, RegistryEntry] = {}  # set once per worker process


_cache: ExtractionCache | None = None


def _init_worker(registry: dict[str, RegistryEntry], cache: ExtractionCache | None) -> None:
    global _registry, _cache
    _registry, _cache = registry, cache


def _cached_or_run(job: SeedJob) -> ArticleExtraction:
    """The seed's extraction with this process's registry and cache (_init_worker)."""
    return _extraction(job, _registry, _cache)


def _extraction(
    job: SeedJob, registry: dict[str, RegistryEntry], cache: ExtractionCache | None
) -> ArticleExtraction:
    """The seed's extraction: its cache entry once the entry passed every check, else
    extracted (and cached)."""
    if job.data is None:
        seed = read_seed(job.path, job.allow_symlinks)
    else:
        seed = seed_from_bytes(job.path, job.data)
    key = cache.key(seed.sha256, job.meta, job.source_file) if cache else None
    if cache and key:
        found = cache.get(key, seed, job.meta, job.source_file)
        if found:
            return found
    extraction = extract_article(seed, job.meta, registry, job.source_file)
    if cache and key:
        cache.put(key, extraction, seed, job.meta, job.source_file)
    return extraction


def extractions(
    paths: Sequence[Path],
    curated: Curated,
    root: Path,
    cache: ExtractionCache | None = None,
    on_article: OnArticle | None = None,
    allow_symlinks: bool = False,
) -> Iterator[ArticleExtraction]:
    """Every seed's extraction in the order of `paths`: from the cache when the seed, its
    metadata, the registry and the extractor are unchanged, else extracted (on every core
    when there are many seeds)."""
    # jobs are made as they are needed
    jobs = (_job(path, curated, root, allow_symlinks) for path in paths)
    return run_jobs(jobs, len(paths), curated, cache, on_article)


class SeedJobs(Sequence[SeedJob]):
    """A job for each seed file of a folder, in the order of its names, each made when it is
    needed (a Path object per seed held for the whole build would grow with the corpus)."""

    def __init__(
        self,
        files: SeedFiles,
        articles: dict[str, ArticleMeta],
        root: Path,
        allow_symlinks: bool = False,
    ) -> None:
        self.files = files
        self.articles = articles
        self.prefix = _prefix_from_root(files.folder, root)  # the folder's path from root
        self.allow_symlinks = allow_symlinks

    def __len__(self) -> int:
        return len(self.files)

    @overload
    def __getitem__(self, index: int) -> SeedJob: ...

    @overload
    def __getitem__(self, index: slice) -> SeedJobs: ...

    def __getitem__(self, index: int | slice) -> SeedJob | SeedJobs:
        if isinstance(index, slice):
            jobs = copy.copy(self)
            jobs.files = self.files[index]
            return jobs
        name = self.files.names[index]
        meta = self.articles.get(name[: -len(".txt")], NO_META)
        source_file = name if self.prefix is None else self.prefix + name
        return SeedJob(self.files.folder / name, meta, source_file, self.allow_symlinks)

    def described(self) -> Iterator[tuple[str, str, str, ArticleMeta]]:
        """Each seed's article_id, absolute path, source path and metadata, without making
        its job (quicker, for fingerprints)."""
        folder = os.path.abspath(self.files.folder)
        for name in self.files.names:
            source_file = name if self.prefix is None else self.prefix + name
            article_id = name[: -len(".txt")]
            meta = self.articles.get(article_id, NO_META)
            yield article_id, f"{folder}/{name}", source_file, meta

    def __iter__(self) -> Iterator[SeedJob]:
        return (self[n] for n in range(len(self)))

    @property
    def article_ids(self) -> ArticleIds:
        return ArticleIds(self.files.names)


class ArticleIds(Sequence[str]):
    """The article ids of seed files' names sorted by article id, each made when asked for
    (a list of a million ids would take about 60 MB for the whole build)."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = names

    def __len__(self) -> int:
        return len(self.names)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> ArticleIds: ...

    def __getitem__(self, index: int | slice) -> str | ArticleIds:
        if isinstance(index, slice):
            return ArticleIds(self.names[index])
        return seed_stem(self.names[index])

    def __contains__(self, found: object) -> bool:
        if not isinstance(found, str):
            return False
        at = bisect_left(self.names, found, key=seed_stem)
        return at < len(self.names) and seed_stem(self.names[at]) == found


def seed_jobs(
    files: SeedFiles, curated: Curated, root: Path, allow_symlinks: bool = False
) -> SeedJobs:
    """A job for each seed file, in the order of `files`."""
    return SeedJobs(files, curated.articles, root, allow_symlinks)


def shard_jobs(shard: Path, articles: Sequence[Accepted], curated: Curated) -> list[SeedJob]:
    """A job for each of a shard file's articles, as if each were imported into seeds/
    beside the shard: the same paths, metadata (dataset/articles.yaml laid over the
    record's) and so the same rows."""
    root = shard.resolve().parent
    return [
        SeedJob(
            path := shard_seed_path(shard, article.article_id),
            _laid_over(article.meta, curated.articles.get(article.article_id)),
            relative_path(path, root),
            data=article.seed,
        )
        for article in articles
    ]


def _laid_over(meta: ArticleMeta, curated: ArticleMeta | None) -> ArticleMeta:
    return meta.model_copy(update=curated.model_dump(exclude_unset=True)) if curated else meta


def run_jobs(
    jobs: Iterable[SeedJob],
    total: int,
    curated: Curated,
    cache: ExtractionCache | None = None,
    on_article: OnArticle | None = None,
    cluster: Cluster | None = None,
) -> Iterator[ArticleExtraction]:
    registry = known_actors(curated)
    parallel = total >= PARALLEL_FROM and (os.cpu_count() or 1) > 1
    _init_worker(registry, cache)
    if cluster:
        results: Iterable[ArticleExtraction] = _on_cluster(
            jobs, registry, cache, cluster, curated.meta.part_articles
        )
    elif not parallel:
        results = map(_cached_or_run, jobs)
    else:
        results = _in_order(jobs, registry, cache)
    for extraction in results:
        if on_article:
            on_article(extraction.article_id, total)
        yield extraction


NO_META = ArticleMeta()  # a seed without an entry in dataset/articles.yaml


def _job(path: Path, curated: Curated, root: Path, allow_symlinks: bool) -> SeedJob:
    meta = curated.articles.get(path.stem, NO_META)
    return SeedJob(path, meta, relative_path(path, root), allow_symlinks)


def _in_order(
    jobs: Iterable[SeedJob], registry: dict[str, RegistryEntry], cache: ExtractionCache | None
) -> Iterator[ArticleExtraction]:
    """Worker processes read the cache (checking an entry costs about what loading it does)
    and extract what it lacks, a batch at a time; results in job order, with a bounded
    number of batches in flight."""
    workers = os.cpu_count() or 2
    pending: deque[Future[Batch]] = deque()
    with ProcessPoolExecutor(
        workers, initializer=_init_pool_worker, initargs=(registry, cache)
    ) as pool:
        for batch in chunked(jobs, BATCH):
            pending.append(pool.submit(_run_all, batch))
            while len(pending) > workers * BATCHES_IN_FLIGHT_PER_WORKER:
                yield from _results(pending.popleft())
        while pending:
            yield from _results(pending.popleft())


def _on_cluster(
    jobs: Iterable[SeedJob],
    registry: dict[str, RegistryEntry],
    cache: ExtractionCache | None,
    cluster: Cluster,
    part_articles: int,
) -> Iterator[ArticleExtraction]:
    """One task per part of the article tables (the parts the packages are written in),
    results in job order, two tasks in flight per slot. A task carries all it needs, so any
    worker can run it again when another dies."""
    cache = None if cluster.remote else cache
    pending: deque[Future[Batch]] = deque()
    for part in parts_of(jobs, part_articles):
        if cluster.remote:
            part = [with_seed_bytes(job) for job in part]
        version = extractor_version()
        pending.append(cluster.executor.submit(extract_part, part, registry, cache, version))
        while len(pending) > 2 * cluster.slots:
            yield from _results(pending.popleft())
    while pending:
        yield from _results(pending.popleft())


def parts_of(jobs: Iterable[SeedJob], part_articles: int) -> Iterator[list[SeedJob]]:
    """The jobs in the parts the article tables are written in (package.write.is_boundary)."""
    part: list[SeedJob] = []
    for job in jobs:
        part.append(job)
        if is_boundary(job.path.stem, part_articles, len(part)):
            yield part
            part = []
    if part:
        yield part


def with_seed_bytes(job: SeedJob) -> SeedJob:
    """The job with its seed's bytes, for a worker that cannot read this machine's files."""
    if job.data is not None:
        return job
    data = read_seed_bytes(job.path, job.allow_symlinks)
    return SeedJob(job.path, job.meta, job.source_file, job.allow_symlinks, data)


def extract_part(
    jobs: list[SeedJob],
    registry: dict[str, RegistryEntry],
    cache: ExtractionCache | None,
    version: str,
) -> Batch:
    """A cluster task: a part's extractions (from the cache a local cluster shares), by a
    worker that runs the build's extractor `version` (one may have joined the cluster after
    the build checked them all). The registry and cache are this task's own, not the
    process's: a worker may run tasks of several builds at once, on its threads."""
    if extractor_version() != version:
        raise NewsfactsError(
            f"a Dask worker runs extractor version {extractor_version()}, this build "
            f"{version}; install the same newsfacts on every worker"
        )
    return [_extraction(job, registry, cache) for job in jobs], []


Batch = tuple[list[ArticleExtraction], list[str]]  # a batch's results and the cache's warnings


class _Warnings(logging.Handler):
    """In a worker process: the cache's warnings, sent back with the batch's results and
    logged by the main process (its stderr, above the progress bar)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


_warnings = _Warnings()


def _init_pool_worker(registry: dict[str, RegistryEntry], cache: ExtractionCache | None) -> None:
    _init_worker(registry, cache)
    cache_log.addHandler(_warnings)
    cache_log.propagate = False


def _run_all(jobs: list[SeedJob]) -> Batch:
    results = [_cached_or_run(job) for job in jobs]
    messages = list(_warnings.messages)
    _warnings.messages.clear()
    return results, messages


def _results(batch: Future[Batch]) -> Iterator[ArticleExtraction]:
    results, messages = batch.result()
    for message in messages:
        cache_log.warning("%s", message)
    yield from results


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


def check_articles_have_seeds(curated: Curated, seen: Container[str]) -> None:
    stale = sorted(article for article in curated.articles if article not in seen)
    if stale:
        articles_file = Path(curated.folder) / "articles.yaml"
        raise NewsfactsError(f"{articles_file}: {stale[0]}: no seed file for this article_id")
