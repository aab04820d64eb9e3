"""Articles a line or a row: JSON lines, CSV and Parquet files read as records.

Each reader yields a `Record` per line or row, or a `Skipped` naming the file and line (or
row) and the problem; a file that cannot be read at all is a `NewsfactsError`. Readers stream:
memory stays flat however long the file.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

from newsfacts.errors import NewsfactsError
from newsfacts.sources.records import FIELD_NAMES, Record, Skipped, from_mapping

FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
PARQUET_BATCH = 1_024


def read_records(
    path: Path, format: str, names: Mapping[str, tuple[str, ...]]
) -> Iterator[Record | Skipped]:
    readers = {"jsonl": read_jsonl, "csv": read_csv, "parquet": read_parquet}
    return readers[format](path, names)


def read_jsonl(path: Path, names: Mapping[str, tuple[str, ...]]) -> Iterator[Record | Skipped]:
    with _open_text(path) as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            origin = f"{path}:{number}"
            try:
                row = json.loads(line)
            except ValueError as error:
                yield Skipped(origin, "error", f"not valid JSON: {error}")
                continue
            except RecursionError:
                yield Skipped(origin, "error", "not valid JSON: nested too deeply")
                continue
            if not isinstance(row, dict):
                yield Skipped(origin, "error", f"a JSON {type(row).__name__}, expected an object")
                continue
            yield _record(row, origin, names)


def read_csv(path: Path, names: Mapping[str, tuple[str, ...]]) -> Iterator[Record | Skipped]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # an article is longer than 128 KB at times
    with _open_text(path) as handle:
        reader = csv.reader(handle, strict=True)
        start = 1
        try:
            columns = next(reader, [])
            _check_columns(path, columns, names)
            start = reader.line_num + 1  # the line where the next row begins
            for values in reader:
                if values:
                    yield _record(
                        dict(zip(columns, values, strict=False)), f"{path}:{start}", names
                    )
                start = reader.line_num + 1
        except csv.Error as error:
            yield Skipped(f"{path}:{start}", "error", f"malformed CSV: {error}")


def _check_columns(path: Path, columns: list[str], names: Mapping[str, tuple[str, ...]]) -> None:
    """A header with a text column, no name twice, and every --map column in it."""
    shown = ", ".join(c[:40] for c in columns[:12]) or "none"
    if not any(name in columns for name in names["text"]):
        raise NewsfactsError(
            f"{path}: no text column (looked for {', '.join(names['text'])}; "
            f"the columns are {shown}; use --map text=COLUMN)"
        )
    twice = next((c for c in columns if columns.count(c) > 1), None)
    if twice is not None:
        raise NewsfactsError(f"{path}: column {twice!r} appears twice in the header")
    for field, choices in names.items():
        if len(choices) == 1 and choices[0] not in columns and choices != FIELD_NAMES[field]:
            raise NewsfactsError(f"{path}: --map {field}={choices[0]}: no such column ({shown})")


def read_parquet(path: Path, names: Mapping[str, tuple[str, ...]]) -> Iterator[Record | Skipped]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
        number = 0
        for batch in parquet.iter_batches(batch_size=PARQUET_BATCH):
            for row in batch.to_pylist():
                number += 1
                yield _record(row, f"{path}:row {number}", names)
    except (OSError, pa.ArrowException) as error:
        raise NewsfactsError(f"{path}: cannot read as Parquet: {error}") from error


def _record(
    row: Mapping[str, object], origin: str, names: Mapping[str, tuple[str, ...]]
) -> Record | Skipped:
    try:
        return from_mapping(row, origin, names)
    except NewsfactsError as error:
        return Skipped(origin, "error", str(error).removeprefix(f"{origin}: "))


class _open_text:
    """A UTF-8 text file (BOM dropped), with one clear error when it cannot be opened."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> Iterator[str]:
        try:
            self.handle = self.path.open(encoding="utf-8-sig", newline="")
        except OSError as error:
            raise NewsfactsError(f"{self.path}: cannot read: {error.strerror or error}") from None
        return self._lines()

    def _lines(self) -> Iterator[str]:
        try:
            yield from self.handle
        except UnicodeDecodeError as error:
            raise NewsfactsError(f"{self.path}: not UTF-8 ({error.reason})") from None

    def __exit__(self, *exc: object) -> None:
        self.handle.close()
