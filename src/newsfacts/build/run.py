"""The main job: seeds and curated knowledge in, validated data packages out."""

from __future__ import annotations

import ctypes
import filecmp
import gc
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from pathlib import Path

import pyarrow as pa

from newsfacts.build import corrections
from newsfacts.build.actor_ids import ArticleActorStore, Builder
from newsfacts.build.cache import ExtractionCache
from newsfacts.build.parallel import (
    Cluster,
    check_articles_have_seeds,
    chunked,
    extractions,
    shard_extractions,
)
from newsfacts.build.rows import ArticleExtraction, OnArticle, known_actors
from newsfacts.errors import NewsfactsError
from newsfacts.package.facts import PackageFacts
from newsfacts.package.staging import check_replaceable, keep_unchanged, staged_build
from newsfacts.package.write import PackageWriter, finish_build
from newsfacts.schema import SPAN_TABLES, Rows, column
from newsfacts.sources.curated import Curated, load_curated
from newsfacts.sources.seeds import list_seeds
from newsfacts.sources.shards import is_shard, read_shard
from newsfacts.validate.run import OnCheck, validate


def _verify(
    staging: Path, out: Path, on_check: OnCheck | None = None, kept: tuple[str, ...] = ()
) -> None:
    # its own staging folder: nothing swaps it, so no lock (and no lock file beside it)
    kept_files = frozenset(staging / name for name in kept)
    found = validate(staging, while_builds_swap=False, on_check=on_check, kept_files=kept_files)
    problems = [p for p in found if p.severity == "error"]
    if problems:
        raise NewsfactsError(f"the new build is invalid, {out} left as it was: {problems[0]}")


def build(
    seeds_dir: Path,
    dataset_dir: Path,
    out: Path,
    on_article: OnArticle | None = None,
    no_text: bool = False,
    cache_dir: Path | None = None,
    allow_symlinks: bool = False,
    strict: bool = False,
    on_check: OnCheck | None = None,
    cluster: Cluster | None = None,
) -> dict[str, int]:
    """Extract every seed, stream the rows into both packages, validate them, then replace
    `out`; the rows per table.

    With `cache_dir`, each seed's extraction is cached there, so that a rebuild only extracts
    new or changed seeds. With `no_text`, articles are published without their text (for
    publishers whose text cannot be redistributed): spans are checked against the seeds first.
    A seed that is a symbolic link is refused unless `allow_symlinks`. `seeds_dir` may be a
    shard file (JSON lines or Parquet); with `strict`, a file in the seeds folder that is not
    a seed is an error, not a warning. With `cluster` (build.cluster), extraction runs there,
    one task per part."""
    check_replaceable(out.resolve())
    curated = load_curated(dataset_dir)
    corrector = corrections.load_corrector(dataset_dir)
    cache = ExtractionCache(cache_dir, known_actors(curated)) if cache_dir else None
    if cache:
        cache.open()
    if is_shard(seeds_dir):
        articles = read_shard(seeds_dir)
        check_articles_have_seeds(curated, {a.article_id for a in articles})
        found = shard_extractions(seeds_dir, articles, curated, cache, on_article, cluster)
    else:
        paths = list_seeds(seeds_dir, allow_symlinks, strict)
        check_articles_have_seeds(curated, {p.stem for p in paths})
        root = seeds_dir.resolve().parent
        found = extractions(paths, curated, root, cache, on_article, allow_symlinks, cluster)
    with fewer_collections(), staged_build(out) as staging:
        rows = _write_packages(staging, found, curated, corrector, no_text)
        kept = keep_unchanged(staging, out.resolve())  # unchanged parts: the old files
        release_free_memory()  # what writing freed, before validation takes its own
        _verify(staging, out, on_check, tuple(kept))
    return rows


ACTOR_BATCH = 4_096  # actor rows written at a time
YOUNG_OBJECTS_PER_COLLECTION = 100_000  # Python's default is 700


def release_free_memory() -> None:
    """Give back to the system the memory that Arrow's pool and the C allocator keep after
    it is freed, so that less of the writing peak stays under the validation's (at 100,000
    articles: 100 MB handed back, a validation peak about 45 MB lower)."""
    pa.default_memory_pool().release_unused()
    with suppress(OSError, AttributeError):  # glibc only
        ctypes.CDLL(None).malloc_trim(0)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """A build makes millions of short-lived rows, and Python's cycle collector would scan the
    long-lived objects (the imported libraries: hundreds of thousands) again and again: freeze
    those, and collect young objects less often. A third less time in the main process."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(YOUNG_OBJECTS_PER_COLLECTION, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def _write_packages(
    staging: Path,
    articles: Iterator[ArticleExtraction],
    curated: Curated,
    corrector: corrections.Corrector,
    no_text: bool,
) -> dict[str, int]:
    """Stream every article's rows into both packages, then the actors and corrections;
    then descriptors, cards and checksums. The rows per table."""
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)  # files that keep memory flat: actors and counts per actor
        with closing(PackageFacts.in_folder(scratch)) as facts:
            with (
                closing(ArticleActorStore(scratch / "article-actors.sqlite")) as store,
                PackageWriter(
                    staging, facts, curated.meta.part_articles, curated.meta.actor_parts
                ) as writer,
            ):
                builder = Builder(store)
                for extraction in articles:
                    rows = corrector.article(builder.add(extraction))
                    if no_text:
                        check_spans(rows)
                        rows = without_text(rows)
                    writer.write(rows)
                counts = facts.mention_counts
                actors, log = corrector.finish(lambda: builder.actor_rows(counts), counts)
                for batch in chunked(actors, ACTOR_BATCH):
                    writer.write({"actors": batch})
                writer.write({"corrections": log})
            finish_build(staging, curated, facts, writer.part_files())
            return dict(facts.rows)


def check_spans(rows: Rows) -> None:
    """Every record's text is its article's text[start:end] (as validate checks a package)."""
    texts = {r[ARTICLE_ID]: r[ARTICLE_TEXT] or "" for r in rows["articles"]}
    for table in SPAN_TABLES:
        columns = [column(table, c) for c in ("article_id", "start", "end", "text")]
        for row in rows[table]:
            article_id, start, end, value = (row[i] for i in columns)
            if texts[article_id][start:end] != value:
                where = f"{article_id} [{start}:{end}]"
                raise NewsfactsError(f"{table}: {where}: span does not match the article text")


def without_text(rows: Rows) -> Rows:
    articles = [(*r[:ARTICLE_TEXT], None, *r[ARTICLE_TEXT + 1 :]) for r in rows["articles"]]
    return {**rows, "articles": articles}


ARTICLE_ID, ARTICLE_TEXT = column("articles", "article_id"), column("articles", "text")


def stale_files(
    seeds_dir: Path,
    dataset_dir: Path,
    out: Path,
    no_text: bool = False,
    allow_symlinks: bool = False,
) -> list[str]:
    """Files of `out` that differ from a fresh build (added, missing or changed)."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "build"
        build(seeds_dir, dataset_dir, fresh, no_text=no_text, allow_symlinks=allow_symlinks)
        if not out.is_dir():
            return [f"{out}: missing"]
        return differences(fresh, out)


def differences(fresh: Path, committed: Path) -> list[str]:
    new = {p.relative_to(fresh).as_posix() for p in fresh.rglob("*") if p.is_file()}
    old = {p.relative_to(committed).as_posix() for p in committed.rglob("*") if p.is_file()}
    changed = [
        name
        for name in sorted(new & old)
        if not filecmp.cmp(fresh / name, committed / name, shallow=False)
    ]
    return (
        [f"{n}: missing" for n in sorted(new - old)]
        + [f"{n}: not produced by the build" for n in sorted(old - new)]
        + [f"{n}: differs" for n in changed]
    )
