"""Unique and primary keys over a stream of batches, in bounded memory.

Each key value is reduced to a 64-bit hash kept with its row number. Rows whose hashes meet
are only candidates: a second pass compares their actual values, so a hash collision can
never make a duplicate that is not there.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, BinaryIO

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

KnownKeys = Mapping[tuple[str, str], pa.ChunkedArray]  # (table, field) -> values held elsewhere
Hashes = np.ndarray[Any, np.dtype[np.uint64]]
RowNumbers = np.ndarray[Any, np.dtype[np.int64]]

BASE = np.uint64(0x100000001B3)
NULL_HASH = np.uint64(0x9E3779B97F4A7C15)


def mix(values: Hashes) -> Hashes:
    """splitmix64's finaliser: spreads every input bit over the whole hash."""
    with np.errstate(over="ignore"):
        values = (values ^ (values >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        values = (values ^ (values >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return values ^ (values >> np.uint64(31))


def string_hashes(column: pa.Array) -> Hashes:
    """A hash of each string's UTF-8 bytes and length, whatever else the column holds (so
    that equal strings in different batches meet): ASCII strings hashed on Arrow's buffers,
    the others by Python."""
    column = pc.fill_null(column, "")
    ascii_only = np.asarray(pc.string_is_ascii(column).to_numpy(zero_copy_only=False), bool)
    if ascii_only.all():
        return ascii_hashes(column)
    hashes = np.empty(len(column), np.uint64)
    hashes[ascii_only] = ascii_hashes(column.filter(pa.array(ascii_only)))
    hashes[~ascii_only] = python_hashes(column.filter(pa.array(~ascii_only)))
    return hashes


def ascii_hashes(column: pa.Array) -> Hashes:
    """ASCII strings padded to one byte width, read as rows of 64-bit words, each mixed in
    whole (a multiply alone let ids that differ in two words collide: the candidates then
    cost a second read of the table), the words past a string's end left out. HASH_ROWS
    strings at a time: padded to the longest, a million actor ids took 500 MB at once."""
    if len(column) > HASH_ROWS:
        chunks = range(0, len(column), HASH_ROWS)
        return np.concatenate([ascii_hashes(column.slice(n, HASH_ROWS)) for n in chunks])
    lengths = pc.binary_length(column).to_numpy(zero_copy_only=False).astype(np.int64)
    width = 8 * -(-int(lengths.max(initial=0)) // 8)
    hashes = mix(lengths.astype(np.uint64))
    if width == 0:
        return mix(hashes)
    padded = pc.utf8_rpad(column, width=width, padding=" ").cast(pa.large_string())
    padded = pa.concat_arrays([padded])  # own buffers, offset 0
    start = int(np.frombuffer(padded.buffers()[1], dtype=np.int64)[0])
    data = padded.buffers()[2]
    words = np.frombuffer(data, dtype=np.uint64, count=len(padded) * width // 8, offset=start)
    words = words.reshape(len(padded), width // 8)
    with np.errstate(over="ignore"):
        for word in range(width // 8):
            inside = lengths > 8 * word
            hashes = np.where(inside, mix(hashes ^ words[:, word]), hashes)
    return mix(hashes)


HASH_ROWS = 1 << 16  # strings padded and hashed at a time (a string's hash is its own)


def python_hashes(column: pa.Array) -> Hashes:
    """Python's own string hash (of non-ASCII strings, whose byte widths differ once padded)."""
    hashes = np.fromiter(map(hash, column.to_pylist()), dtype=np.int64, count=len(column))
    return mix(hashes.view(np.uint64))


def column_hashes(column: pa.Array) -> Hashes:
    hashes = string_hashes(column.cast(pa.string()))  # other types: by their text
    nulls = pc.is_null(column).to_numpy(zero_copy_only=False)
    return np.where(nulls, NULL_HASH, hashes)


def row_hashes(columns: list[pa.Array]) -> Hashes:
    combined = np.zeros(len(columns[0]), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for column in columns:
            combined = mix(combined * BASE + column_hashes(column))
    return combined


# An index holds this many entries (4 MB) in memory, then writes them out: a validation's
# peak stays flat as tables grow. One validate of 100,000 articles (3.2M rows a package):
# 371-386 MB and 6.0-6.3 s; with 4M entries in memory, 487-493 MB and 5.7-6.2 s.
SPILL_ROWS = 1 << 18
PARTS = 64  # a written-out index is read back one hash range (of 64) at a time
PART_SHIFT = np.uint64(58)  # the range: a hash's top 6 bits
ENTRY = np.dtype([("hash", np.uint64), ("row", np.int64)])


@dataclass
class KeyIndex:
    """The hashes and row numbers of one key's non-null values. Past SPILL_ROWS entries they
    go to a temporary file, sorted into hash ranges: looking for shared hashes then needs one
    range in memory at a time, so memory stays flat however long the table."""

    entries: list[Any] = field(default_factory=list)
    size: int = 0
    spill: BinaryIO | None = None
    pieces: list[list[tuple[int, int]]] = field(default_factory=list)  # (offset, count) by range

    def add(self, hashes: Hashes, rows: RowNumbers) -> None:
        entries = np.empty(len(hashes), ENTRY)
        entries["hash"], entries["row"] = hashes, rows
        self.entries.append(entries)
        self.size += len(entries)
        if self.size >= SPILL_ROWS:
            self.write_out()

    def write_out(self) -> None:
        """Appends the entries in memory to the file, range by range."""
        if not self.entries:
            return
        entries = np.concatenate(self.entries)
        self.entries, self.size = [], 0
        if self.spill is None:
            self.spill = tempfile.TemporaryFile()  # noqa: SIM115 (lives as long as the index)
            self.pieces = [[] for _ in range(PARTS)]
        parts = entries["hash"] >> PART_SHIFT
        order = np.argsort(parts, kind="stable")
        entries, parts = entries[order], parts[order]
        bounds = np.searchsorted(parts, np.arange(PARTS + 1, dtype=np.uint64))
        self.spill.seek(0, os.SEEK_END)
        for part in range(PARTS):
            piece = entries[bounds[part] : bounds[part + 1]]
            if len(piece):
                self.pieces[part].append((self.spill.tell(), len(piece)))
                self.spill.write(piece.tobytes())

    def ranges(self) -> Iterator[Any]:
        """The entries, a hash range at a time (all together if they were never written out)."""
        if self.spill is None:
            if self.entries:
                yield np.concatenate(self.entries)
            return
        self.write_out()
        for pieces in self.pieces:
            chunks = []
            for offset, count in pieces:
                self.spill.seek(offset)
                chunks.append(np.frombuffer(self.spill.read(count * ENTRY.itemsize), ENTRY))
            if chunks:
                yield np.concatenate(chunks)

    def candidate_rows(self) -> set[int]:
        """Rows whose hash some other row shares: possibly duplicates."""
        found: set[int] = set()
        for entries in self.ranges():
            hashes = entries["hash"]
            ordered = np.sort(hashes)
            shared = ordered[1:][ordered[1:] == ordered[:-1]]
            if len(shared):
                found.update(int(r) for r in entries["row"][np.isin(hashes, shared)])
        return found


def duplicates(values_by_row: list[tuple[int, Any]]) -> list[tuple[int, int]]:
    """(row, the previous row with the same value) for every repeat, in row order."""
    last: dict[Any, int] = {}
    found = []
    for row, value in sorted(values_by_row):
        if value in last:
            found.append((row, last[value]))
        last[value] = row
    return found


class KeyValues:
    """The distinct values of one key field, for foreign keys: a table's key values (the
    values referenced), or the values a table references. Kept by hash range, as KeyIndex
    keeps its entries; past SPILL_BYTES they go to a temporary file, so memory stays flat
    however long the tables (a million articles' and actors' ids, held whole, took 250 MB).
    `missing_from` compares one hash range at a time, by the values themselves: a hash
    collision can never make a value found."""

    def __init__(self) -> None:
        self.pending: list[list[pa.Array]] = [[] for _ in range(PARTS)]
        self.size = 0  # bytes in `pending`
        self.spill: BinaryIO | None = None
        self.pieces: list[list[tuple[int, int]]] = [[] for _ in range(PARTS)]

    def add(self, values: pa.Array) -> None:
        """Adds the non-null values (as strings)."""
        values = pc.unique(pc.drop_null(values.cast(pa.string())))
        if not len(values):
            return
        parts = string_hashes(values) >> PART_SHIFT
        order = np.argsort(parts, kind="stable")
        values = values.take(pa.array(order))
        bounds = np.searchsorted(parts[order], np.arange(PARTS + 1, dtype=np.uint64))
        for part in range(PARTS):
            if bounds[part] < bounds[part + 1]:
                self.pending[part].append(
                    values.slice(bounds[part], bounds[part + 1] - bounds[part])
                )
        self.size += values.nbytes
        if self.size >= SPILL_BYTES:
            self.write_out()

    def write_out(self) -> None:
        """Appends each range's values in memory to the file, one Arrow batch a range."""
        if self.spill is None:
            self.spill = tempfile.TemporaryFile()  # noqa: SIM115 (lives as long as the values)
        for part, chunks in enumerate(self.pending):
            if chunks:
                batch = pa.record_batch([unique_of(chunks)], names=["value"])
                data = batch.serialize()
                self.spill.seek(0, os.SEEK_END)
                self.pieces[part].append((self.spill.tell(), data.size))
                self.spill.write(data)
        self.spill.flush()  # read back with pread, past the file object's buffer
        self.pending, self.size = [[] for _ in range(PARTS)], 0

    def values_in(self, part: int) -> pa.Array:
        """The values of one hash range (read with pread: other threads may read at once)."""
        chunks = list(self.pending[part])
        for offset, size in self.pieces[part]:
            assert self.spill is not None  # pieces are in the file
            data = pa.py_buffer(os.pread(self.spill.fileno(), size, offset))
            chunks.append(pa.ipc.read_record_batch(data, VALUE_SCHEMA).column(0))
        return unique_of(chunks)

    def missing_from(self, other: KeyValues) -> pa.Array:
        """The values held here that `other` does not hold."""
        missing = []
        for part in range(PARTS):
            mine = self.values_in(part)
            if len(mine):
                found = pc.is_in(mine, value_set=other.values_in(part))
                missing.append(mine.filter(pc.invert(found)))
        return unique_of(missing)


SPILL_BYTES = 2 << 20  # a key's values held in memory before they are written out
VALUE_SCHEMA = pa.schema([("value", pa.string())])


def unique_of(chunks: list[pa.Array]) -> pa.Array:
    return pc.unique(pa.concat_arrays(chunks)) if chunks else pa.array([], pa.string())
