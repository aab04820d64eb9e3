"""The CSV and Parquet packages of a build hold the same rows: compared in one pass over both."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from newsfacts.validate.cells import length, slice_of, typed_batches
from newsfacts.validate.problems import Problem


def aligned(
    left: Iterator[dict[str, pa.Array]], right: Iterator[dict[str, pa.Array]], counts: list[int]
) -> Iterator[tuple[dict[str, pa.Array], dict[str, pa.Array], int]]:
    """Pairs of equally long slices of two batch streams, with the row offset of each pair,
    while both last; `counts` ends up holding the number of rows of each stream."""
    pending: list[dict[str, pa.Array] | None] = [None, None]
    streams_ = (left, right)
    offset = 0
    while True:
        for side in (0, 1):
            while pending[side] is None or length(pending[side]) == 0:
                pending[side] = next(streams_[side], None)
                if pending[side] is None:
                    break
                counts[side] += length(pending[side])
        a, b = pending
        if a is None or b is None:
            for side in (0, 1):  # count what is left of the longer stream
                counts[side] += sum(length(batch) for batch in streams_[side])
            return
        size = min(length(a), length(b))
        yield slice_of(a, 0, size), slice_of(b, 0, size), offset
        pending = [slice_of(a, size, None), slice_of(b, size, None)]
        offset += size


def first_difference(a: pa.Array, b: pa.Array) -> int | None:
    both_null = pc.and_(a.is_null(), b.is_null())
    same = pc.or_(pc.fill_null(pc.equal(a, b), False), both_null)
    differs = ~np.asarray(same.to_numpy(zero_copy_only=False), dtype=bool)
    return int(np.argmax(differs)) if differs.any() else None


def compare_table(
    table: str, csv: tuple[Path, dict[str, Any]], parquet: tuple[Path, dict[str, Any]]
) -> list[Problem]:
    """Row counts, then the first row where each column differs; one pass over both files."""
    left, right = typed_batches(*csv), typed_batches(*parquet)
    counts = [0, 0]
    differing: dict[str, int] = {}
    for a, b, offset in aligned(left, right, counts):
        for column in a.keys() - differing.keys():
            if column in b and (index := first_difference(a[column], b[column])) is not None:
                differing[column] = offset + index + 2
    if counts[0] != counts[1]:
        message = f"{counts[0]} rows in CSV, {counts[1]} in Parquet"
        return [Problem("csv/parquet", table, None, None, message)]
    message = "CSV and Parquet values differ"
    return [
        Problem("csv/parquet", table, differing[f["name"]], f["name"], message)
        for f in csv[1]["schema"]["fields"]
        if f["name"] in differing
    ]


def same_rows_problems(
    csv: tuple[Path, dict[str, dict[str, Any]]],
    parquet: tuple[Path, dict[str, dict[str, Any]]],
    skip: set[str] | frozenset[str] = frozenset(),
) -> list[Problem]:
    """The tables of both packages compared row by row (but those in `skip`, known to agree)."""
    problems = []
    for table in [t for t in csv[1] if t in parquet[1] and t not in skip]:
        problems += compare_table(table, (csv[0], csv[1][table]), (parquet[0], parquet[1][table]))
    return problems
