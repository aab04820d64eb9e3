"""Unique and primary keys over a stream of batches, in memory that grows by 16 bytes a row.

Each key value is reduced to a 64-bit hash kept with its row number. Rows whose hashes meet
are only candidates: a second pass compares their actual values, so a hash collision can
never make a duplicate that is not there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

Hashes = np.ndarray[Any, np.dtype[np.uint64]]
Rows = np.ndarray[Any, np.dtype[np.int64]]

BASE = np.uint64(0x100000001B3)
NULL_HASH = np.uint64(0x9E3779B97F4A7C15)


@cache
def powers(size: int) -> tuple[Hashes, Hashes]:
    """BASE**i and its inverse modulo 2**64, for i < size (BASE is odd, so invertible)."""
    inverse = np.uint64(pow(int(BASE), -1, 2**64))
    with np.errstate(over="ignore"):
        up = np.cumprod(np.full(size, BASE, dtype=np.uint64), dtype=np.uint64)
        down = np.cumprod(np.full(size, inverse, dtype=np.uint64), dtype=np.uint64)
    up = np.concatenate([np.ones(1, np.uint64), up[:-1]])
    down = np.concatenate([np.ones(1, np.uint64), down[:-1]])
    return up, down


def mix(values: Hashes) -> Hashes:
    """splitmix64's finaliser: spreads every input bit over the whole hash."""
    with np.errstate(over="ignore"):
        values = (values ^ (values >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        values = (values ^ (values >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return values ^ (values >> np.uint64(31))


def string_hashes(column: pa.Array) -> Hashes:
    """A polynomial hash of each string's UTF-8 bytes, computed on Arrow's buffers."""
    strings = pc.fill_null(column, "").cast(pa.large_binary())
    strings = pa.concat_arrays([strings])  # own buffers, offset 0
    offsets = np.frombuffer(strings.buffers()[1], dtype=np.int64)[: len(strings) + 1]
    data = np.frombuffer(strings.buffers()[2] or b"", dtype=np.uint8)[: offsets[-1]]
    starts, lengths = offsets[:-1], np.diff(offsets)
    if len(data) == 0:
        return mix(lengths.astype(np.uint64))
    size = 1 << int(len(data) - 1).bit_length()  # a power of two: few cached tables
    up, down = powers(size)
    with np.errstate(over="ignore"):
        weighted = data.astype(np.uint64) * up[: len(data)]
        prefix = np.concatenate([np.zeros(1, np.uint64), np.cumsum(weighted, dtype=np.uint64)])
        sums = (prefix[offsets[1:]] - prefix[starts]) * down[np.minimum(starts, size - 1)]
        return mix(sums ^ mix(lengths.astype(np.uint64)))


def column_hashes(column: pa.Array) -> Hashes:
    if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
        hashes = string_hashes(column)
    else:
        numbers = pc.fill_null(column.cast(pa.int64()), 0).to_numpy(zero_copy_only=False)
        hashes = mix(numbers.astype(np.int64).view(np.uint64))
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
        self.rows.append(rows)

    def candidate_rows(self) -> set[int]:
        """Rows whose hash some other row shares: possibly duplicates."""
        if not self.hashes:
            return set()
        hashes, rows = np.concatenate(self.hashes), np.concatenate(self.rows)
        order = np.argsort(hashes, kind="stable")
        ordered = hashes[order]
        shared = np.zeros(len(ordered), dtype=bool)
        same = ordered[1:] == ordered[:-1]
        shared[1:] |= same
        shared[:-1] |= same
        return {int(r) for r in rows[order][shared]}


def duplicates(values_by_row: list[tuple[int, Any]]) -> list[tuple[int, int]]:
    """(row, the previous row with the same value) for every repeat, in row order."""
    last: dict[Any, int] = {}
    found = []
    for row, value in sorted(values_by_row):
        if value in last:
            found.append((row, last[value]))
        last[value] = row
    return found
