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
    for number, line in _binary_lines(path):
        origin = f"{path}:{number}"
        try:
            text = line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as error:
            yield Skipped(origin, "error", f"not UTF-8 (invalid byte at column {error.start + 1})")
            continue
        yield from _json_line(text, origin, names)


def _binary_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    try:
        handle = path.open("rb")
    except OSError as error:
        raise NewsfactsError(f"{path}: cannot read: {error.strerror or error}") from None
    with handle:
        yield from enumerate(handle, 1)


def _json_line(
    line: str, origin: str, names: Mapping[str, tuple[str, ...]]
) -> Iterator[Record | Skipped]:
    """The record of one JSON line; nothing for a blank line."""
    if not line.strip():
        return
    try:
        row = json.loads(line)
    except ValueError as error:
        yield Skipped(origin, "error", f"not valid JSON: {error}")
    except RecursionError:
        yield Skipped(origin, "error", "not valid JSON: nested too deeply")
    else:
        if isinstance(row, dict):
            yield _record(row, origin, names)
        else:
            yield Skipped(origin, "error", f"a JSON {type(row).__name__}, expected an object")


def read_csv(path: Path, names: Mapping[str, tuple[str, ...]]) -> Iterator[Record | Skipped]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # an article is longer than 128 KB at times
    undecodable: list[int] = []  # the line that is not UTF-8, where reading stopped
    reader = csv.reader(_decoded(path, undecodable), strict=True)
    start = 1
    try:
        columns = next(reader, [])
        _check_columns(path, columns, names)
        start = reader.line_num + 1  # the line where the next row begins
        for values in reader:
            if len(values) > len(columns):
                problem = f"{len(values)} values in a row of {len(columns)} columns"
                yield Skipped(f"{path}:{start}", "error", f"malformed CSV: {problem}")
            elif values:
                yield _record(dict(zip(columns, values, strict=False)), f"{path}:{start}", names)
            start = reader.line_num + 1
    except csv.Error as error:
        yield Skipped(f"{path}:{start}", "error", f"malformed CSV: {error}")
    if undecodable:
        yield Skipped(f"{path}:{undecodable[0]}", "error", "not UTF-8; the lines after it unread")


def _decoded(path: Path, undecodable: list[int]) -> Iterator[str]:
    """The file's lines as text (a BOM dropped); at a line that is not UTF-8, its number is
    put in `undecodable` and the lines stop."""
    for number, line in _binary_lines(path):
        try:
            yield line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            undecodable.append(number)
            return


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
