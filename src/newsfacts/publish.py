"""Writing the CSV and Parquet data packages, their zips and SHA256SUMS, reproducibly.

Rows stream into both packages as they come (Parquet in row groups), so memory does not
grow with the corpus. Everything is written to a temporary folder beside the output and
swapped in at the end, so a failed build leaves the previous one untouched.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import fcntl
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import Any

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from . import card, schema, stats
from .dataset import Curated
from .errors import NewsfactsError
from .pipeline import MENTION_ACTOR, QUOTE_SPEAKER, Row, Rows, column
from .reader import file_hash
from .tally import Tally
from .validate import validate

FORMATS = ("csv", "parquet")
MEDIA_TYPES = {"csv": "text/csv", "parquet": "application/vnd.apache.parquet"}
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
ROW_GROUP_ROWS = {"articles": 2_000}  # articles carry their text: smaller groups
DEFAULT_ROW_GROUP_ROWS = 100_000
ARROW_BATCH_ROWS = 4_096  # rows held as Python tuples before they become an Arrow batch
ZIP_LEVEL = 1
STORED = (".parquet", ".png")  # compressed already: stored as they are in the zips


class TableRows:
    """One table's rows on their way into both packages: gathered as Python tuples, made
    into Arrow batches, and each batch written to the CSV file and the Parquet file."""

    def __init__(self, table: str, staging: Path) -> None:
        self.schema = schema.arrow_schema(table)
        self.csv = CsvTable(staging / "csv" / f"{table}.csv", self.schema)
        self.parquet = ParquetTable(table, staging / "parquet" / f"{table}.parquet", self.schema)
        self.rows: list[Row] = []

    def write(self, rows: list[Row]) -> None:
        self.rows += rows
        if len(self.rows) >= ARROW_BATCH_ROWS:
            self._write_batch()

    def _write_batch(self) -> None:
        batch = self.to_arrow(self.rows)
        self.rows = []
        self.csv.write(batch)
        self.parquet.write(batch)

    def to_arrow(self, rows: list[Row]) -> pa.RecordBatch:
        columns: list[Any] = list(zip(*rows, strict=True))
        arrays = [pa.array(c, type=f.type) for c, f in zip(columns, self.schema, strict=True)]
        return pa.RecordBatch.from_arrays(arrays, schema=self.schema)

    def close(self) -> None:
        if self.rows:
            self._write_batch()
        self.csv.close()
        self.parquet.close()


class CsvTable:
    """One table's CSV file, written by Arrow: strings quoted, None an empty cell, numbers
    in their shortest exact form, dates in ISO form, booleans true/false."""

    def __init__(self, path: Path, arrow_schema: pa.Schema) -> None:
        options = pa_csv.WriteOptions(quoting_style="needed")
        self.writer = pa_csv.CSVWriter(str(path), arrow_schema, write_options=options)

    def write(self, batch: pa.RecordBatch) -> None:
        self.writer.write_batch(batch)

    def close(self) -> None:
        self.writer.close()


class ParquetTable:
    """One table's Parquet file, written in row groups of a fixed number of rows (so the
    bytes depend only on the rows)."""

    def __init__(self, table: str, path: Path, arrow_schema: pa.Schema) -> None:
        self.schema = arrow_schema
        self.group = ROW_GROUP_ROWS.get(table, DEFAULT_ROW_GROUP_ROWS)
        self.writer = pq.ParquetWriter(path, self.schema, compression="zstd", write_statistics=True)
        self.batches: list[pa.RecordBatch] = []
        self.batched = 0

    def write(self, batch: pa.RecordBatch) -> None:
        self.batches.append(batch)
        self.batched += batch.num_rows
        if self.batched >= self.group:
            self._flush()

    def _flush(self, final: bool = False) -> None:
        """Write the whole row groups gathered so far (at the end: all that is left)."""
        table = pa.Table.from_batches(self.batches, schema=self.schema)
        whole = table.num_rows if final else table.num_rows - table.num_rows % self.group
        if whole:
            self.writer.write_table(table.slice(0, whole), row_group_size=self.group)
        rest = table.slice(whole)
        self.batches, self.batched = rest.to_batches(), rest.num_rows

    def close(self) -> None:
        self._flush(final=True)
        self.writer.close()


@dataclass
class Summary:
    """What the cards, the chart and the descriptor need, tallied while rows stream by (the
    counts per actor id in files of a scratch folder)."""

    mention_counts: Tally
    quote_counts: Tally
    rows: Counter[str] = field(default_factory=Counter)
    seed_folders: set[str] = field(default_factory=set)
    newest_date: dt.date | None = None
    without_text: int = 0
    actor_names: dict[str, str] = field(default_factory=dict)

    def add(self, table: str, rows: list[Row]) -> None:
        self.rows[table] += len(rows)
        if table == "mentions":
            self.mention_counts.update(r[MENTION_ACTOR] for r in rows)
        elif table == "quotes":
            self.quote_counts.update(r[QUOTE_SPEAKER] for r in rows if r[QUOTE_SPEAKER])
        elif table == "articles":
            for row in rows:
                self._add_article(row)
        elif table == "actors":  # written last: the quote counts are complete
            charted = self.charted
            self.actor_names.update((r[0], r[ACTOR_NAME]) for r in rows if r[0] in charted)

    def _add_article(self, row: Row) -> None:
        folder, _, _ = row[SOURCE_FILE].rpartition("/")  # relative POSIX paths, or names
        self.seed_folders.add(folder or ".")
        date = row[ARTICLE_DATE]
        if date and (self.newest_date is None or date > self.newest_date):
            self.newest_date = date
        self.without_text += row[ARTICLE_TEXT] is None

    @classmethod
    def in_folder(cls, scratch: Path) -> Summary:
        mentions = Tally(scratch / "mention-counts.sqlite")
        try:
            return cls(mentions, Tally(scratch / "quote-counts.sqlite"))
        except sqlite3.Error:
            mentions.close()
            raise

    @cached_property
    def charted(self) -> dict[str, int]:
        """The speakers that can make the chart, with their quotes: quoted at least as often as
        its last bar (only their names are kept, so memory does not grow with the actors table,
        unless very many speakers tie for the last bar)."""
        return self.quote_counts.top(stats.CHART_TOP)

    def chart_ranking(self) -> list[tuple[str, int]]:
        """The most quoted speakers, as the chart shows them."""
        return stats.speaker_ranking(self.charted, self.actor_names)[: stats.CHART_TOP]

    def close(self) -> None:
        self.mention_counts.close()
        self.quote_counts.close()


SOURCE_FILE = column("articles", "source_file")
ARTICLE_DATE = column("articles", "published_date")
ARTICLE_TEXT = column("articles", "text")
ACTOR_NAME = column("actors", "name")


class PackageWriter:
    """Streams rows into the table files of both packages under a staging folder."""

    def __init__(self, staging: Path, summary: Summary) -> None:
        self.staging = staging
        self.summary = summary
        for fmt in FORMATS:
            (staging / fmt).mkdir(parents=True)
        self.tables = {table: TableRows(table, staging) for table in schema.TABLES}

    def write(self, rows: Rows) -> None:
        for table, table_rows in rows.items():
            self.tables[table].write(table_rows)
            self.summary.add(table, table_rows)

    def close(self) -> None:
        for table in self.tables.values():
            table.close()

    def __enter__(self) -> PackageWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def resource(table: str, fmt: str, path: Path, hashes: dict[Path, str]) -> dict[str, Any]:
    """The table's resource in the descriptor; its file's sha256 is kept in `hashes`."""
    descriptor: dict[str, Any] = {
        "name": table,
        "type": "table",
        "path": path.name,
        "format": fmt,
        "mediatype": MEDIA_TYPES[fmt],
        "description": schema.table_schema(table)["description"],
    }
    if fmt == "csv":
        descriptor["encoding"] = "utf-8"
        descriptor["bytes"] = path.stat().st_size  # frictionless cannot count Parquet bytes
    hashes[path] = file_hash(path)
    descriptor["hash"] = f"sha256:{hashes[path]}"
    descriptor["schema"] = schema.resource_schema(table)
    return descriptor


def package_descriptor(
    curated: Curated, resources: list[dict[str, Any]], summary: Summary
) -> dict[str, Any]:
    """The package's metadata; `created` comes from the inputs (the release date in
    dataset.yaml, else the newest article date), never from the clock."""
    meta = curated.meta
    descriptor: dict[str, Any] = {
        "name": meta.name,
        "title": meta.title,
        "description": meta.description,
        "version": meta.version,
        "licenses": [meta.license.model_dump(exclude_none=True)],
        "contributors": [c.model_dump(exclude_none=True) for c in meta.contributors],
        "sources": [s.model_dump(exclude_none=True) for s in meta.sources] + [seed_source(summary)],
    }
    created = meta.released or summary.newest_date
    if created:
        descriptor["created"] = f"{created.isoformat()}T00:00:00Z"
    descriptor["resources"] = resources
    return descriptor


def seed_source(summary: Summary) -> dict[str, str]:
    """The seed articles as one source: the articles table gives each one's file and sha256
    (one entry per seed would make the descriptor grow with the corpus)."""
    count = summary.rows["articles"]
    source = {
        "title": f"{count:,} seed article{'' if count == 1 else 's'}: the articles table "
        "gives each one's file (source_file) and sha256"
    }
    if len(summary.seed_folders) == 1:
        source["path"] = next(iter(summary.seed_folders))
    return source


def finish_package(
    curated: Curated, summary: Summary, fmt: str, folder: Path, chart: Path, hashes: dict[Path, str]
) -> None:
    """The descriptor, card and chart (a copy of `chart`, drawn once for both packages) of a
    package whose tables are written; the tables' sha256 go into `hashes`."""
    resources = [resource(t, fmt, folder / f"{t}.{fmt}", hashes) for t in schema.TABLES]
    descriptor = package_descriptor(curated, resources, summary)
    (folder / "README.md").write_text(card.render(curated, summary, fmt), encoding="utf-8")
    if chart != folder / stats.CHART:
        shutil.copyfile(chart, folder / stats.CHART)
    (folder / "datapackage.json").write_text(
        json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def finish_build(staging: Path, curated: Curated, summary: Summary) -> None:
    """Descriptors, cards, charts, zips and SHA256SUMS of a build whose tables are written."""
    chart = staging / FORMATS[0] / stats.CHART
    stats.chart(summary.chart_ranking(), chart)
    hashes: dict[Path, str] = {}  # the tables' sha256, for the descriptors and SHA256SUMS
    for fmt in FORMATS:
        finish_package(curated, summary, fmt, staging / fmt, chart, hashes)
        write_zip(staging / fmt, staging / f"{curated.meta.name}-{curated.meta.version}-{fmt}.zip")
    write_checksums(staging, hashes)


def write_zip(folder: Path, target: Path) -> None:
    """A zip whose bytes depend only on the files' names and contents; files that are
    compressed already are stored."""
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted(folder.iterdir()):
            info = zipfile.ZipInfo(f"{folder.name}/{path.name}", date_time=ZIP_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = (
                zipfile.ZIP_STORED if path.suffix in STORED else zipfile.ZIP_DEFLATED
            )
            info.file_size = path.stat().st_size  # lets zipfile choose zip64 for large files
            # Fastest deflate: five times quicker than the default level for 20% more bytes.
            # (ZipInfo's level is private before Python 3.13; the name still works there.)
            setattr(info, "_compresslevel", ZIP_LEVEL)  # noqa: B010
            with path.open("rb") as source, archive.open(info, "w") as member:
                shutil.copyfileobj(source, member, 1 << 20)


def write_checksums(out: Path, known: dict[Path, str] | None = None) -> None:
    """SHA256SUMS of every file under `out`; `known` holds sha256s worked out already."""
    known = known or {}
    lines = [
        f"{known.get(p) or file_hash(p)}  {p.relative_to(out).as_posix()}"
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != "SHA256SUMS"
    ]
    (out / "SHA256SUMS").write_text("\n".join(lines) + "\n", encoding="utf-8")


@contextmanager
def staged_build(out: Path) -> Iterator[Path]:
    """A temporary folder beside `out` to write the new build into; swapped in atomically when
    the block ends without error: whatever happens, `out` is the previous build or the new
    one, never half of each. One build at a time per folder (a lock); leftovers of a killed
    build are removed."""
    out = out.resolve()
    check_replaceable(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with build_lock(out):
        remove_leftovers(out)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
        staging.chmod(0o755)
        try:
            yield staging
            swap_in(staging, out)
        except OSError as error:
            raise NewsfactsError(
                f"{out}: writing the build failed ({error.strerror or error}); "
                "the previous build is unchanged"
            ) from error
        finally:
            shutil.rmtree(staging, ignore_errors=True)


@contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """An exclusive lock on `<out>.lock`: a second build of the same folder stops at once."""
    lock_path = out.with_name(f".{out.name}.lock")
    with lock_path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise NewsfactsError(
                f"{out}: another newsfacts build is writing it; try again when it ends"
            ) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def remove_leftovers(out: Path) -> None:
    """Temporary folders that a killed build left beside `out` (only under the lock)."""
    for leftover in out.parent.glob(f".{out.name}.tmp-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def is_build(folder: Path) -> bool:
    return (folder / "SHA256SUMS").is_file() and (folder / "csv" / "datapackage.json").is_file()


def check_replaceable(out: Path) -> None:
    """Only an earlier build, or nothing, may be replaced: never a folder with other content."""
    if out.exists() and not (out.is_dir() and (is_build(out) or not any(out.iterdir()))):
        raise NewsfactsError(
            f"{out}: exists and is not a newsfacts build; refusing to replace it "
            "(choose another --out)"
        )


def swap_in(staging: Path, out: Path) -> None:
    """Put `staging` in place of `out` in one atomic step; the old build ends up in `staging`
    (removed by the caller)."""
    if not out.exists():
        staging.rename(out)
        return
    if not exchange(staging, out):  # no atomic exchange here: two renames, restored on failure
        old = staging.with_name(staging.name + "-old")
        out.rename(old)
        try:
            staging.rename(out)
        except OSError:
            old.rename(out)
            raise
        old.rename(staging)


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically with Linux's renameat2(RENAME_EXCHANGE); False if unavailable."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange)
    if result != 0:
        errno = ctypes.get_errno()
        if errno in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: not supported here
            return False
        raise OSError(errno, os.strerror(errno), str(second))
    return True


def release(build: Path, releases: Path) -> tuple[Path, bool]:
    """Validate a build and copy it to releases/<version>/; (the folder, whether it is new).

    A release is immutable: the same version with other content is refused."""
    if not is_build(build):
        raise NewsfactsError(f"{build}: not a newsfacts build (run newsfacts build first)")
    problems = [p for p in validate(build) if p.severity == "error"]
    if problems:
        raise NewsfactsError(f"{build}: not valid, nothing released: {problems[0]}")
    version = json.loads((build / "csv" / "datapackage.json").read_text(encoding="utf-8"))[
        "version"
    ]
    target = releases / str(version)
    if target.exists():
        if _tree_hashes(target) == _tree_hashes(build):
            return target, False
        raise NewsfactsError(
            f"{target}: release {version} exists with different content; "
            "raise the version in dataset/dataset.yaml to release again"
        )
    releases.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{version}.", dir=releases))
    try:
        shutil.copytree(build, staging, dirs_exist_ok=True)
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target, True


def _tree_hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): file_hash(p)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
