"""Unique and primary keys over a stream of batches, in memory that grows by 12 bytes a row.

Each key value is reduced to a 64-bit hash kept with its row number. Rows whose hashes meet
are only candidates: a second pass compares their actual values, so a hash collision can
never make a duplicate that is not there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

Hashes = np.ndarray[Any, np.dtype[np.uint64]]
Rows = np.ndarray[Any, np.dtype[np.int64]]

BASE = np.uint64(0x100000001B3)
NULL_HASH = np.uint64(0x9E3779B97F4A7C15)


def mix(values: Hashes) -> Hashes:
    """splitmix64's finaliser: spreads every input bit over the whole hash."""
    with np.errstate(over="ignore"):
        values = (values ^ (values >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        values = (values ^ (values >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return values ^ (values >> np.uint64(31))


def string_hashes(column: pa.Array) -> Hashes:
    """A hash of each string's UTF-8 bytes and length, computed on Arrow's buffers."""
    lengths = pc.binary_length(pc.fill_null(column, ""))
    width = 8 * -(-int(pc.max(lengths).as_py() or 0) // 8)
    padded = pc.utf8_rpad(pc.fill_null(column, ""), width=width, padding=" ")
    if width and pc.min_max(pc.binary_length(padded)).as_py() == {"min": width, "max": width}:
        return padded_hashes(padded, width, lengths.to_numpy(zero_copy_only=False))
    return python_hashes(pc.fill_null(column, ""))


def padded_hashes(padded: pa.Array, width: int, lengths: Any) -> Hashes:
    """Strings padded to one byte width: read as rows of 64-bit words and combined."""
    padded = pa.concat_arrays([padded.cast(pa.large_string())])  # own buffers, offset 0
    start = int(np.frombuffer(padded.buffers()[1], dtype=np.int64)[0])
    data = padded.buffers()[2]
    words = np.frombuffer(data, dtype=np.uint64, count=len(padded) * width // 8, offset=start)
    words = words.reshape(len(padded), width // 8)
    hashes = mix(lengths.astype(np.uint64))
    with np.errstate(over="ignore"):
        for column in range(width // 8):
            hashes = (hashes ^ words[:, column]) * BASE
    return mix(hashes)


def python_hashes(column: pa.Array) -> Hashes:
    """Python's own string hash (strings whose byte widths differ once padded: non-ASCII)."""
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


@dataclass
class KeyIndex:
    """The hashes and row numbers of one key's non-null values."""

    hashes: list[Hashes] = field(default_factory=list)
    rows: list[Rows] = field(default_factory=list)

    def add(self, hashes: Hashes, rows: Rows) -> None:
        self.hashes.append(hashes)
        fits = len(rows) == 0 or int(rows.max()) < 2**31
        self.rows.append(rows.astype(np.int32) if fits else rows)  # 12 bytes a row, not 16

    def candidate_rows(self) -> set[int]:
        """Rows whose hash some other row shares: possibly duplicates."""
        if not self.hashes:
            return set()
        hashes = np.concatenate(self.hashes)
        self.hashes = [hashes]  # the batches' arrays go: one copy of the hashes at a time
        ordered = np.sort(hashes)
        shared = ordered[1:][ordered[1:] == ordered[:-1]]
        if len(shared) == 0:
            return set()
        rows = np.concatenate(self.rows)
        return {int(r) for r in rows[np.isin(hashes, shared)]}


def duplicates(values_by_row: list[tuple[int, Any]]) -> list[tuple[int, int]]:
    """(row, the previous row with the same value) for every repeat, in row order."""
    last: dict[Any, int] = {}
    found = []
    for row, value in sorted(values_by_row):
        if value in last:
            found.append((row, last[value]))
        last[value] = row
    return found
