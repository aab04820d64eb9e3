"""Reading a package's tables in batches, so that memory stays flat as the corpus grows."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from newsfacts.read.files import file_hash

# Small reads keep memory flat: Arrow's CSV reader reads several blocks ahead, and Arrow's
# allocator keeps what it freed, so the peak follows the block and batch sizes.
CSV_BLOCK_BYTES = 256 << 10
CSV_BATCH_BYTES = 4 << 20
PARQUET_BATCH_ROWS = 32 * 1024
PARQUET_BATCH_BYTES = 4 << 20  # uncompressed
PARQUET_BUFFER_BYTES = 64 << 10  # pages are read through a buffer, not a whole column chunk
PYTHON_BATCH_ROWS = 64 * 1024


CHUNK_BYTES = 1 << 20


def digest(path: Path) -> tuple[str, int]:
    """(sha256 hex digest, size in bytes) of a file, read in chunks; within one validation
    (`validate` empties the cache first), each file is hashed once unless it changes."""
    stat = path.stat()
    return cached_digest(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=256)
def cached_digest(path: Path, mtime_ns: int, size: int) -> tuple[str, int]:
    return file_hash(path), size


class IrregularRows(ValueError):
    """A CSV record with fewer or more cells than the header."""


def is_parquet(path: Path) -> bool:
    return path.suffix == ".parquet"


def labels(path: Path) -> list[str]:
    """The header row: the first CSV record, or the Parquet column names."""
    if is_parquet(path):
        return list(pq.ParquetFile(path).schema_arrow.names)
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle), [])


def csv_batches(
    path: Path, names: list[str], wanted: list[str] | None = None
) -> Iterator[pa.RecordBatch]:
    """The data records of a CSV file, every cell as a string ("" stays ""), blank lines kept,
    in batches of about CSV_BATCH_BYTES: read in small blocks (Arrow's reader holds dozens of
    blocks' worth of memory), checked in larger batches (fewer calls per row). With `wanted`,
    only those columns (the others are parsed, not converted)."""
    pending: list[pa.RecordBatch] = []
    size = 0
    for block in csv_blocks(path, names, wanted):
        pending.append(block)
        size += block.nbytes
        if size >= CSV_BATCH_BYTES:
            yield joined_batches(pending)
            pending, size = [], 0
    if pending:
        yield joined_batches(pending)


def joined_batches(batches: list[pa.RecordBatch]) -> pa.RecordBatch:
    return batches[0] if len(batches) == 1 else pa.concat_batches(batches)


def csv_blocks(
    path: Path, names: list[str], wanted: list[str] | None = None
) -> Iterator[pa.RecordBatch]:
    """The records of a CSV file a block at a time. A record longer than a block (a long
    article) is read again with larger blocks. Raises IrregularRows if any record's length
    differs from the header's."""
    block, done = CSV_BLOCK_BYTES, 0
    while True:
        try:
            for batch in csv_stream(path, names, block, done, wanted):
                done += batch.num_rows
                yield batch
            return
        except pa.ArrowInvalid as error:
            if "block size" not in str(error) or block > path.stat().st_size:
                raise
            block *= 4


def csv_stream(
    path: Path, names: list[str], block: int, skip: int, wanted: list[str] | None = None
) -> Iterator[pa.RecordBatch]:
    irregular: list[int] = []

    def on_invalid_row(row: pa_csv.InvalidRow) -> str:
        irregular.append(row.actual_columns)
        return "skip"

    reader = pa_csv.open_csv(
        path,
        read_options=pa_csv.ReadOptions(
            column_names=names, skip_rows=1, skip_rows_after_names=skip, block_size=block
        ),
        parse_options=pa_csv.ParseOptions(
            newlines_in_values=True,
            ignore_empty_lines=False,
            invalid_row_handler=on_invalid_row,
        ),
        convert_options=pa_csv.ConvertOptions(
            column_types={name: pa.string() for name in names},
            include_columns=wanted,
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    )
    for batch in reader:
        if irregular:
            break
        yield batch
    if irregular:
        raise IrregularRows(f"{path.name}: {len(irregular)} row(s) of the wrong length")


def python_csv_batches(
    path: Path, names: list[str]
) -> Iterator[tuple[pa.RecordBatch, np.ndarray[Any, np.dtype[np.int64]]]]:
    """The data records of a CSV file read by Python's csv module, as Frictionless reads them,
    with the number of cells of each record: a short record's absent cells are null, a long
    record's extra cells are dropped. For files whose records are not all as long as the
    header (slower than Arrow's reader, and exact)."""
    with path.open(encoding="utf-8", newline="") as handle:
        records = csv.reader(handle)
        next(records, None)
        while chunk := list(islice(records, PYTHON_BATCH_ROWS)):
            counts = np.fromiter(map(len, chunk), dtype=np.int64, count=len(chunk))
            columns = [
                pa.array([r[i] if i < len(r) else None for r in chunk], pa.string())
                for i in range(len(names))
            ]
            yield pa.RecordBatch.from_arrays(columns, names=names), counts


def parquet_batches(path: Path, columns: list[str] | None = None) -> Iterator[pa.RecordBatch]:
    """Batches of about PARQUET_BATCH_BYTES (fewer rows when the rows are long: articles)."""
    parquet = pq.ParquetFile(path, buffer_size=PARQUET_BUFFER_BYTES, pre_buffer=False)
    metadata = parquet.metadata
    size = sum(metadata.row_group(i).total_byte_size for i in range(metadata.num_row_groups))
    row_bytes = max(1, size // max(1, metadata.num_rows))
    rows = max(1, min(PARQUET_BATCH_ROWS, PARQUET_BATCH_BYTES // row_bytes))
    # one thread: decoding columns side by side holds them all at once, and saves little
    yield from parquet.iter_batches(batch_size=rows, columns=columns, use_threads=False)


def table_batches(
    path: Path, names: list[str], wanted: list[str] | None = None
) -> Iterator[pa.RecordBatch]:
    """Record batches of a table file whose columns are `names` (the header, by position);
    with `wanted`, only those of the columns, in that order."""
    if not is_parquet(path):
        yield from csv_batches(path, names, wanted)
        return
    stored = pq.ParquetFile(path).schema_arrow.names
    if wanted is None or len(stored) != len(names) or len(set(stored)) != len(stored):
        for batch in parquet_batches(path):  # all columns: names must fit them (or raise)
            batch = pa.RecordBatch.from_arrays(batch.columns, names=names)
            yield batch if wanted is None else batch.select(wanted)
        return
    columns = [stored[names.index(name)] for name in wanted]
    for batch in parquet_batches(path, columns):
        yield pa.RecordBatch.from_arrays(batch.columns, names=wanted)
