"""Writing the CSV and Parquet data packages in parts, and SHA256SUMS, reproducibly.

Rows stream into both packages as they come (Parquet in row groups), so memory does not
grow with the corpus.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from newsfacts import schema
from newsfacts.package import card
from newsfacts.package import chart as charts
from newsfacts.package.facts import PackageFacts
from newsfacts.read.files import file_hash
from newsfacts.schema import Row, Rows
from newsfacts.sources.curated import DEFAULT_PART_ARTICLES, Curated

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

    def __init__(self, table: str, staging: Path, key: str) -> None:
        self.schema = schema.arrow_schema(table)
        self.enums = {
            f["name"]: f["constraints"]["enum"] for f in schema.fields(table) if schema.is_enum(f)
        }
        self.csv = CsvTable(part_path(staging, "csv", table, key), self.schema)
        self.parquet = ParquetTable(table, part_path(staging, "parquet", table, key), self.schema)
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
        arrays = [
            enum_array(c, self.enums[f.name]) if f.name in self.enums else pa.array(c, f.type)
            for c, f in zip(columns, self.schema, strict=True)
        ]
        return pa.RecordBatch.from_arrays(arrays, schema=self.schema)

    def close(self) -> None:
        if self.rows:
            self._write_batch()
        self.csv.close()
        self.parquet.close()


def enum_array(values: tuple[str | None, ...], allowed: list[str]) -> pa.DictionaryArray:
    """An enum column whose dictionary is the allowed values in the schema's order (then any
    value outside them, kept for validation to report): the same in every batch, so readers
    see every allowed value as a category, in that order."""
    dictionary = list(dict.fromkeys([*allowed, *(v for v in values if v is not None)]))
    index = {value: position for position, value in enumerate(dictionary)}
    indices = pa.array([None if v is None else index[v] for v in values], pa.int32())
    return pa.DictionaryArray.from_arrays(indices, pa.array(dictionary, pa.string()))


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


FIRST_PART = "part-0"  # the key of a table's only part when nothing else names it


LONG_PART = 2  # a part this many times part_articles long ends sooner (is_boundary)
LONG_PART_ODDS = 16  # ... at a condition this many times likelier


def is_boundary(article_id: str, part_articles: int, articles_in_part: int = 0) -> bool:
    """Whether a part ends after this article (the part's `articles_in_part`-th): 1 in
    `part_articles` ids, chosen by a stable hash of the id alone, so that adding or removing
    an article moves no other boundary. Such boundaries leave parts of geometric sizes (the
    longest of 25 parts about six times the mean), so a part that already holds
    LONG_PART × `part_articles` articles also ends after an article whose hash meets a
    LONG_PART_ODDS times likelier condition: still chosen by the ids, the rest of the corpus
    unmoved, parts at most about 2.2 × part_articles long."""
    digest = stable_hash(article_id)
    if digest % part_articles == 0:
        return True
    long_part = articles_in_part >= LONG_PART * part_articles
    return long_part and digest % max(2, part_articles // LONG_PART_ODDS) == 0


def stable_hash(key: str) -> int:
    """The first 8 bytes of the key's sha256, as an integer (the same on every machine)."""
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big")


def actor_part(actor_id: str, actor_parts: int) -> str:
    """The part of the actors table an actor is in: by hash of its id."""
    return FIRST_PART if actor_parts == 1 else f"part-{stable_hash(actor_id) % actor_parts}"


ARTICLE_TABLES = ("articles", *schema.SPAN_TABLES)  # parted by ranges of articles
ACTOR_ID = schema.column("actors", "actor_id")


class TableParts:
    """One table's part files as they are written: the open parts by key, and every part's
    files (CSV and Parquet) in the order of the resource's `path`."""

    def __init__(self, table: str, staging: Path) -> None:
        self.table = table
        self.staging = staging
        self.open: dict[str, TableRows] = {}
        self.keys: list[str] = []

    def part(self, key: str) -> TableRows:
        if key not in self.open:
            self.open[key] = TableRows(self.table, self.staging, key)
            self.keys.append(key)
        return self.open[key]

    def close(self, key: str) -> None:
        self.open.pop(key).close()

    def close_all(self) -> None:
        if not self.keys:
            self.part(FIRST_PART)  # an empty table still has one (header-only) part
        for key in list(self.open):
            self.close(key)


def part_path(staging: Path, fmt: str, table: str, key: str) -> Path:
    return staging / fmt / table / f"{key}.{fmt}"


class PackageWriter:
    """Streams rows into the part files of both packages under a staging folder. Articles
    come in article_id order, each with its rows; a part of every article-scoped table ends
    after an article that is_boundary; actors are split by hash of actor_id."""

    def __init__(
        self,
        staging: Path,
        facts: PackageFacts,
        part_articles: int = DEFAULT_PART_ARTICLES,
        actor_parts: int = 1,
    ) -> None:
        self.staging = staging
        self.facts = facts
        self.part_articles = part_articles
        self.actor_parts = actor_parts
        for fmt in FORMATS:
            for table in schema.TABLES:
                (staging / fmt / table).mkdir(parents=True)
        self.tables = {table: TableParts(table, staging) for table in schema.TABLES}
        self.current: str | None = None  # the key of the open article part
        self.articles_in_part = 0  # written into it so far

    def write(self, rows: Rows) -> None:
        """One article's rows (of the article-scoped tables), or rows of actors or
        corrections."""
        if rows.get("articles"):
            self._write_article(rows)
            return
        for table, table_rows in rows.items():
            if table == "actors":
                self._write_actors(table_rows)
            elif table_rows:
                self.tables[table].part(FIRST_PART).write(table_rows)
            self.facts.add(table, table_rows)

    def _write_article(self, rows: Rows) -> None:
        self.write_article(rows)
        for table, table_rows in rows.items():
            self.facts.add(table, table_rows)

    def write_article(self, rows: Rows) -> None:
        """One article's rows, into the files of its part (the facts are the caller's)."""
        article_id = str(rows["articles"][0][schema.column("articles", "article_id")])
        if self.current is None:
            self.current = f"part-{article_id}"
        for table, table_rows in rows.items():
            if table_rows:
                self.tables[table].part(self.current).write(table_rows)
        self.articles_in_part += 1
        if is_boundary(article_id, self.part_articles, self.articles_in_part):
            self._end_article_part()

    def keep_part(self, key: str) -> None:
        """A part of the article tables whose files the caller puts in place, in the order
        of the parts (after a part that ended at a boundary)."""
        if self.current is not None:
            raise ValueError(f"{key}: kept while {self.current} is open")
        for table in ARTICLE_TABLES:
            self.tables[table].keys.append(key)

    def _end_article_part(self) -> None:
        if self.current is None:
            return
        for table in ARTICLE_TABLES:
            self.tables[table].part(self.current)  # every article table has every part
            self.tables[table].close(self.current)
        self.current = None
        self.articles_in_part = 0

    def _write_actors(self, rows: list[Row]) -> None:
        by_part: dict[str, list[Row]] = {}
        for row in rows:
            by_part.setdefault(actor_part(str(row[ACTOR_ID]), self.actor_parts), []).append(row)
        for key in sorted(by_part):
            self.tables["actors"].part(key).write(by_part[key])

    def part_files(self) -> PartFiles:
        """Every table's part files in each format, in the order of its resource's `path`."""
        return {
            fmt: {
                name: [part_path(self.staging, fmt, name, key) for key in table.keys]
                for name, table in self.tables.items()
            }
            for fmt in FORMATS
        }

    def close(self) -> None:
        self._end_article_part()
        for table in self.tables.values():
            table.close_all()
        actors = self.tables["actors"]
        actors.keys.sort(key=lambda key: int(key.rsplit("-", 1)[1]))

    def __enter__(self) -> PackageWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def resource(
    table: str, fmt: str, folder: Path, parts: list[Path], hashes: dict[Path, str]
) -> dict[str, Any]:
    """The table's resource in the descriptor: `path` lists its part files (a Frictionless
    multipart resource), and `part_bytes` and `part_hashes` give each part's size and sha256
    in the same order (Frictionless checks one `hash` per resource, which a multipart resource
    cannot have: newsfacts checks these). The sha256s are kept in `hashes`."""
    for path in parts:
        if path not in hashes:
            hashes[path] = file_hash(path)
    descriptor: dict[str, Any] = {
        "name": table,
        "type": "table",
        "path": [path.relative_to(folder).as_posix() for path in parts],
        "format": fmt,
        "mediatype": MEDIA_TYPES[fmt],
        "description": schema.table_schema(table)["description"],
    }
    if fmt == "csv":
        descriptor["encoding"] = "utf-8"
    descriptor["part_bytes"] = [path.stat().st_size for path in parts]
    descriptor["part_hashes"] = [f"sha256:{hashes[path]}" for path in parts]
    descriptor["schema"] = schema.resource_schema(table)
    return descriptor


def package_descriptor(
    curated: Curated, resources: list[dict[str, Any]], facts: PackageFacts
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
        "sources": [s.model_dump(exclude_none=True) for s in meta.sources] + [seed_source(facts)],
        schema.CONTRACT_MARKER: schema.CONTRACT_VALUE,  # checked against schema/ by validate
    }
    created = meta.released or facts.newest_date
    if created:
        descriptor["created"] = f"{created.isoformat()}T00:00:00Z"
    descriptor["resources"] = resources
    return descriptor


def seed_source(facts: PackageFacts) -> dict[str, str]:
    """The seed articles as one source: the articles table gives each one's file and sha256
    (one entry per seed would make the descriptor grow with the corpus)."""
    count = facts.rows["articles"]
    source = {
        "title": f"{count:,} seed article{'' if count == 1 else 's'}: the articles table "
        "gives each one's file (source_file) and sha256"
    }
    if len(facts.seed_folders) == 1:
        source["path"] = next(iter(facts.seed_folders))
    return source


PartFiles = dict[str, dict[str, list[Path]]]  # format -> table -> its part files, in order


def finish_package(
    curated: Curated,
    facts: PackageFacts,
    fmt: str,
    folder: Path,
    chart: Path,
    parts: dict[str, list[Path]],
    hashes: dict[Path, str],
) -> None:
    """The descriptor, card and chart (a copy of `chart`, drawn once for both packages) of a
    package whose table parts are written; their sha256 go into `hashes`."""
    resources = [resource(t, fmt, folder, parts[t], hashes) for t in schema.TABLES]
    descriptor = package_descriptor(curated, resources, facts)
    (folder / "README.md").write_text(card.render(curated, facts, fmt), encoding="utf-8")
    if chart != folder / charts.CHART:
        shutil.copyfile(chart, folder / charts.CHART)
    (folder / "datapackage.json").write_text(
        json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def finish_build(
    staging: Path,
    curated: Curated,
    facts: PackageFacts,
    parts: PartFiles,
    known: dict[Path, str] | None = None,
    draw: Callable[[list[tuple[str, int]], Path], None] = charts.chart,
) -> dict[Path, str]:
    """Descriptors, cards, charts and SHA256SUMS of a build whose table parts are written
    (zips are made by `newsfacts release`); `known`: sha256s of part files known already
    (kept from the previous build); `draw` makes the chart (charts.chart, or a copy of the
    same chart drawn before). Every file's sha256."""
    chart = staging / FORMATS[0] / charts.CHART
    draw(facts.chart_ranking(), chart)
    hashes = dict(known or {})  # the parts' sha256, for the descriptors and SHA256SUMS
    for fmt in FORMATS:
        finish_package(curated, facts, fmt, staging / fmt, chart, parts[fmt], hashes)
    write_checksums(staging, hashes)
    return hashes


def write_zips(build: Path, stem: str) -> list[Path]:
    """`<stem>-csv.zip` and `<stem>-parquet.zip` of a build's packages, beside them (made by
    `newsfacts release`: a build keeps only the package folders and SHA256SUMS)."""
    zips = [build / f"{stem}-{fmt}.zip" for fmt in FORMATS]
    for fmt, target in zip(FORMATS, zips, strict=True):
        write_zip(build / fmt, target)
    return zips


def write_zip(folder: Path, target: Path) -> None:
    """A zip whose bytes depend only on the files' names and contents; files that are
    compressed already are stored."""
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            name = path.relative_to(folder.parent).as_posix()
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
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
