"""The main job: seeds and curated knowledge in, validated data packages out."""

from __future__ import annotations

import ctypes
import filecmp
import gc
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass, replace
from itertools import chain, islice
from pathlib import Path

import pyarrow as pa

from newsfacts.build import corrections
from newsfacts.build.actor_ids import ArticleActorStore
from newsfacts.build.cache import ExtractionCache
from newsfacts.build.parallel import (
    Cluster,
    SeedJob,
    check_articles_have_seeds,
    chunked,
    run_jobs,
    seed_jobs,
    shard_jobs,
)
from newsfacts.build.part_actors import NamedActors, PartActors
from newsfacts.build.part_rows import article_rows, corrections_of, own_actor, own_actor_values
from newsfacts.build.parts import FORMAT as SUMMARY_FORMAT
from newsfacts.build.parts import (
    PartPlan,
    PartStore,
    PartSummary,
    SeedHashes,
    build_digest,
    fingerprint,
    part_files,
    planned_parts,
)
from newsfacts.build.rows import ArticleExtraction, OnArticle, known_actors
from newsfacts.build.verify import IdSet, KeptParts, verify
from newsfacts.errors import NewsfactsError
from newsfacts.package import chart as charts
from newsfacts.package.facts import PackageFacts, PartFacts
from newsfacts.package.staging import (
    check_replaceable,
    keep_unchanged,
    listed_files,
    staged_build,
)
from newsfacts.package.write import PackageWriter, finish_build
from newsfacts.read.files import file_hash
from newsfacts.sources.curated import Curated, load_curated
from newsfacts.sources.seeds import list_seeds
from newsfacts.sources.shards import is_shard, read_shard
from newsfacts.validate.run import OnCheck


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
    """Extract every seed, write the rows into both packages part by part, validate them,
    then replace `out`; the rows per table.

    With `cache_dir`, each seed's extraction is cached there, and a summary of each part
    (build/parts.py): a rebuild extracts only new or changed seeds, and keeps the parts of
    `out` whose inputs and actor ids did not change as they are. With `no_text`, articles are
    published without their text (for publishers whose text cannot be redistributed): spans
    are checked against the seeds first. A seed that is a symbolic link is refused unless
    `allow_symlinks`. `seeds_dir` may be a shard file (JSON lines or Parquet); with `strict`,
    a file in the seeds folder that is not a seed is an error, not a warning. With `cluster`
    (build.cluster), the parts to build are extracted there, one task per part."""
    check_replaceable(out.resolve())
    curated = load_curated(dataset_dir)
    corrector = corrections.load_corrector(dataset_dir)
    cache = ExtractionCache(cache_dir, known_actors(curated)) if cache_dir else None
    if cache:
        cache.open()
    jobs: Sequence[SeedJob]
    if is_shard(seeds_dir):
        articles = read_shard(seeds_dir)
        check_articles_have_seeds(curated, {a.article_id for a in articles})
        jobs = shard_jobs(seeds_dir, articles, curated)
    else:
        paths = list_seeds(seeds_dir, allow_symlinks, strict)
        jobs = seed_jobs(paths, curated, seeds_dir.resolve().parent, allow_symlinks)
        check_articles_have_seeds(curated, jobs.article_ids)
    store = PartStore(cache.folder / "parts") if cache and cache.usable else None
    parts = _plan(jobs, curated, corrector, no_text, cache if store else None)
    run = PartsRun(parts, curated, corrector, cache, no_text, on_article, cluster)
    # scratch: files that keep memory flat (actors, counts per actor, parts' summaries)
    with tempfile.TemporaryDirectory(prefix="newsfacts-") as scratch, fewer_collections():
        with staged_build(out) as staging:
            rows = run.write_packages(staging, out.resolve(), store, Path(scratch))
            kept = keep_unchanged(staging, out.resolve())  # unchanged files: the old files
            release_free_memory()  # what writing freed, before validation takes its own
            verify(staging, out, on_check, kept, run.kept_parts(), run.actor_ids)
        if store:  # validated and in place: what a rebuild may keep
            run.save_summaries(store)
    return rows


def _plan(
    jobs: Sequence[SeedJob],
    curated: Curated,
    corrector: corrections.Corrector,
    no_text: bool,
    cache: ExtractionCache | None,
) -> list[PartPlan]:
    """The parts, each with its fingerprint when summaries are kept (a cache is used)."""
    parts = planned_parts(jobs, curated.meta.part_articles)
    if cache is None:
        return parts
    common = build_digest(cache.registry_digest, no_text, corrector)
    entries = {article: list(found) for article, found in corrector.by_article.items()}
    seeds = SeedHashes(cache.folder / "parts" / SEED_HASHES)
    parts = [replace(p, fingerprint=fingerprint(common, p, entries, seeds)) for p in parts]
    seeds.save()
    return parts


@dataclass
class PartDone:
    """A part once written or kept: what the rest of the build needs of it (its summary is
    in the store, or, built now, in the run's scratch folder: no summary is held in memory)."""

    key: str
    fingerprint: str
    built: bool
    files: dict[str, str]  # its files' names in SHA256SUMS -> sha256 (a built part's: hashed)


class PartsRun:
    """One build, part after part in article order: each part kept from the previous build
    (its summary's fingerprint and actor ids unchanged, its files there) or built: extracted
    (via the cache), given actor ids, corrected and written. Then the actors and corrections
    tables, reduced from every part's summary."""

    def __init__(
        self,
        parts: list[PartPlan],
        curated: Curated,
        corrector: corrections.Corrector,
        cache: ExtractionCache | None,
        no_text: bool,
        on_article: OnArticle | None,
        cluster: Cluster | None = None,
    ) -> None:
        self.parts = parts
        self.cluster = cluster
        self.curated = curated
        self.corrector = corrector
        self.cache = cache
        self.no_text = no_text
        self.on_article = on_article
        self.total = sum(len(part.jobs) for part in parts)
        self.named = NamedActors()
        self.finished: list[PartDone] = []
        self.kept_candidates: set[str] = set()  # parts with a summary in the store
        self.previous = Path()  # the build being replaced
        self.listed: dict[str, str] = {}  # its SHA256SUMS
        self.actor_ids = IdSet()  # of the actors table written
        self.store: PartStore | None = None
        self.scratch = Path()  # built parts' summaries until they are saved (with a store)
        self.chart: tuple[list[tuple[str, int]], str] | None = None  # drawn: for the next

    def write_packages(
        self, staging: Path, previous: Path, store: PartStore | None, scratch: Path
    ) -> dict[str, int]:
        """Every part into both packages, then the actors and corrections; then descriptors,
        cards and checksums. The rows per table."""
        self.previous, self.store, self.scratch = previous, store, scratch
        self.listed = listed_files(previous) or {}
        if store and self.listed:
            self.kept_candidates = {p.key for p in self.parts if store.has(p)}
        with closing(PackageFacts.in_folder(scratch)) as facts:
            own = ArticleActorStore(scratch / "article-actors.sqlite")
            with closing(own), self._writer(staging, facts) as writer:
                fresh = self._extractions([p for p in self.parts if not self._candidate(p)])
                for number, part in enumerate(self.parts):
                    summary = self._kept(number, part, writer)
                    built = summary is None
                    if summary is None:
                        summary = self._built(number, part, fresh, writer)
                    self._add(summary, facts, own, built)
                self._write_actors_and_corrections(writer, facts, own)
            known = self._kept_hashes(staging)
            parts = writer.part_files()
            hashes = finish_build(staging, self.curated, facts, parts, known, self._draw)
            self._note_files(staging, hashes)
            return dict(facts.rows)

    def _candidate(self, part: PartPlan) -> bool:
        return part.key in self.kept_candidates

    def _writer(self, staging: Path, facts: PackageFacts) -> PackageWriter:
        meta = self.curated.meta
        return PackageWriter(staging, facts, meta.part_articles, meta.actor_parts)

    def _extractions(self, parts: list[PartPlan]) -> Iterator[ArticleExtraction]:
        """The parts' extractions, in order (each reported to on_article as it comes); each
        job made when it is needed."""
        jobs = chain.from_iterable(part.jobs for part in parts)
        total = sum(len(part.jobs) for part in parts)
        return run_jobs(jobs, total, self.curated, self.cache, self._extracted, self.cluster)

    def _extracted(self, article_id: str, _: int) -> None:
        if self.on_article:
            self.on_article(article_id, self.total)

    def _kept(self, number: int, part: PartPlan, writer: PackageWriter) -> PartSummary | None:
        """The part's summary when the part is kept: its files linked from the previous
        build; None when it must be built."""
        summary = None
        if self.store and self._candidate(part):
            summary = self.store.load(part, self.listed)
        if summary is None or self.named.resolve(summary.claims) != summary.ids:
            return None
        self.named.add(number, summary.claims, summary.ids)
        self.corrector.for_articles(part.article_ids)  # done with: nothing to apply again
        writer.keep_part(part.key)
        self._progress(part)
        return summary

    def _built(
        self,
        number: int,
        part: PartPlan,
        fresh: Iterator[ArticleExtraction],
        writer: PackageWriter,
    ) -> PartSummary:
        if self._candidate(part):
            extractions = self._extractions([part])  # not kept after all: extracted
        else:
            extractions = islice(fresh, len(part.jobs))
        actors = PartActors(self.named)
        corrector = self.corrector.for_articles(part.article_ids)
        facts = PartFacts()
        for extraction in extractions:  # written as they come: no part is held whole
            keys = actors.article(extraction)
            writer.write_article(article_rows(extraction, keys, corrector, facts, self.no_text))
        claims, ids = actors.claims(), actors.ids
        self.named.add(number, claims, ids)
        log, references = corrections_of(corrector)
        return PartSummary(
            format=SUMMARY_FORMAT,
            key=part.key,
            fingerprint=part.fingerprint,
            claims=claims,
            ids=ids,
            own_actors=[own_actor_values(a) for a in actors.own],
            rows=facts.rows,
            seed_folders=sorted(facts.seed_folders),
            newest_date=facts.newest_date,
            without_text=facts.without_text,
            mention_counts=dict(facts.mention_counts),
            quote_counts=dict(facts.quote_counts),
            log=log,
            references=references,
            files={},  # known once the files are hashed (_note_files)
        )

    def _draw(self, ranking: list[tuple[str, int]], path: Path) -> None:
        """The chart: the previous build's when it drew the same ranking (matplotlib, slow to
        load, is not needed), else drawn."""
        drawn = self.store.chart_drawn(ranking) if self.store else None
        previous = self.previous / path.parent.name / path.name
        listed = listed_files(self.previous) or {}
        if drawn and listed.get(f"{path.parent.name}/{path.name}") == drawn:
            link_or_copy(previous, path)
            return
        charts.chart(ranking, path)
        if self.store:
            self.chart = (ranking, file_hash(path))

    def _progress(self, part: PartPlan) -> None:
        """A kept part's articles, for on_article."""
        for article_id in part.article_ids:
            self._extracted(article_id, self.total)

    def _add(
        self, summary: PartSummary, facts: PackageFacts, own: ArticleActorStore, built: bool
    ) -> None:
        """What the part adds to the package's facts, own actors and corrections; a built
        part's summary kept in the scratch folder until it is saved."""
        facts.add_part(
            PartFacts(
                summary.rows,
                set(summary.seed_folders),
                summary.newest_date,
                summary.without_text,
                Counter(summary.mention_counts),
                Counter(summary.quote_counts),
            )
        )
        own.add(own_actor(values) for values in summary.own_actors)
        self.corrector.add_part(summary.log, summary.references)
        self.finished.append(PartDone(summary.key, summary.fingerprint, built, dict(summary.files)))
        if built and self.store:
            (self.scratch / f"{summary.key}.json").write_bytes(summary.model_dump_json().encode())

    def _write_actors_and_corrections(
        self, writer: PackageWriter, facts: PackageFacts, own: ArticleActorStore
    ) -> None:
        counts = facts.mention_counts
        actors, log = self.corrector.finish(lambda: self.named.actor_rows(own, counts), counts)
        for batch in chunked(actors, ACTOR_BATCH):
            self.actor_ids.update(str(row[0]) for row in batch)
            writer.write({"actors": batch})
        writer.write({"corrections": log})

    def _kept_hashes(self, staging: Path) -> dict[Path, str]:
        """The kept parts' files, linked from the previous build, with their sha256 (as that
        build's SHA256SUMS lists them: checked before the build began)."""
        known = {}
        for part in self.finished:
            if part.built:
                continue
            for name, digest in part.files.items():
                link_or_copy(self.previous / name, staging / name)
                known[staging / name] = digest
        return known

    def _note_files(self, staging: Path, hashes: dict[Path, str]) -> None:
        for part in self.finished:
            if part.built:
                part.files = {name: hashes[staging / name] for name in part_files(part.key)}

    def kept_parts(self) -> KeptParts | None:
        """What validation needs to know of the parts kept (None: none was)."""
        kept = {part.key for part in self.finished if not part.built}
        if not kept:
            return None
        plans = [part for part in self.parts if part.key in kept]
        return KeptParts(
            written={part.key for part in self.finished if part.built},
            first_part=self.parts[0].key,
            articles=pa.chunked_array([pa.array(part.article_ids) for part in plans], pa.string()),
            actor_ids=lambda: self._kept_actor_ids(plans),
        )

    def _kept_actor_ids(self, plans: list[PartPlan]) -> Iterator[tuple[str, set[str]]]:
        """Each kept part's key and the actor ids its rows name, from its summary (read
        again, one at a time)."""
        for part in plans:
            summary = self.store.load(part, self.listed) if self.store else None
            if summary is None:
                raise NewsfactsError(f"{part.key}: its part summary changed during the build")
            yield part.key, {*summary.mention_counts, *summary.quote_counts}

    def save_summaries(self, store: PartStore) -> None:
        """Each part's summary, for the next build (the build's files are in place)."""
        for part in self.finished:
            if part.built:
                document = (self.scratch / f"{part.key}.json").read_bytes()
                summary = PartSummary.model_validate_json(document)
                store.save(summary.model_copy(update={"files": part.files}))
        store.keep_only({part.fingerprint for part in self.finished})
        if self.chart:
            store.save_chart(*self.chart)


def link_or_copy(source: Path, target: Path) -> None:
    """`target` as a hard link to `source` (so the file is left as it was), else a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


SEED_HASHES = "seeds.sqlite"  # SeedHashes, beside the parts' summaries
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
