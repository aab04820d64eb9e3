"""Writing the CSV and Parquet data packages, their zips and SHA256SUMS, reproducibly.

Rows stream into both packages as they come (Parquet in row groups), so memory does not
grow with the corpus.
"""

from __future__ import annotations

import json
import shutil
import zipfile
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
from newsfacts.sources.curated import Curated

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
        self.enums = {
            f["name"]: f["constraints"]["enum"] for f in schema.fields(table) if schema.is_enum(f)
        }
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


class PackageWriter:
    """Streams rows into the table files of both packages under a staging folder."""

    def __init__(self, staging: Path, facts: PackageFacts) -> None:
        self.staging = staging
        self.facts = facts
        for fmt in FORMATS:
            (staging / fmt).mkdir(parents=True)
        self.tables = {table: TableRows(table, staging) for table in schema.TABLES}

    def write(self, rows: Rows) -> None:
        for table, table_rows in rows.items():
            self.tables[table].write(table_rows)
            self.facts.add(table, table_rows)

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


def finish_package(
    curated: Curated,
    facts: PackageFacts,
    fmt: str,
    folder: Path,
    chart: Path,
    hashes: dict[Path, str],
) -> None:
    """The descriptor, card and chart (a copy of `chart`, drawn once for both packages) of a
    package whose tables are written; the tables' sha256 go into `hashes`."""
    resources = [resource(t, fmt, folder / f"{t}.{fmt}", hashes) for t in schema.TABLES]
    descriptor = package_descriptor(curated, resources, facts)
    (folder / "README.md").write_text(card.render(curated, facts, fmt), encoding="utf-8")
    if chart != folder / charts.CHART:
        shutil.copyfile(chart, folder / charts.CHART)
    (folder / "datapackage.json").write_text(
        json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def finish_build(staging: Path, curated: Curated, facts: PackageFacts) -> None:
    """Descriptors, cards, charts, zips and SHA256SUMS of a build whose tables are written."""
    chart = staging / FORMATS[0] / charts.CHART
    charts.chart(facts.chart_ranking(), chart)
    hashes: dict[Path, str] = {}  # the tables' sha256, for the descriptors and SHA256SUMS
    for fmt in FORMATS:
        finish_package(curated, facts, fmt, staging / fmt, chart, hashes)
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
