"""Checks Frictionless cannot make, batch by batch: spans against their article's text, and
the CSV and Parquet packages holding the same rows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from . import streams
from .cells import read_column
from .problems import Problem
from .reader import resource_path

SPAN_TABLES = ("mentions", "quotes", "statistics")
SPAN_FIELDS = ("article_id", "start", "end", "text")


def typed_batches(
    folder: Path, resource: dict[str, Any], names: tuple[str, ...] | None = None
) -> Iterator[dict[str, pa.Array]]:
    """Batches of a table's columns in their field types (a value that does not parse: null)."""
    path = resource_path(folder, resource)
    fields = resource["schema"]["fields"]
    wanted = [f for f in fields if names is None or f["name"] in names]
    all_names = [f["name"] for f in fields]
    for batch in streams.batches(path, all_names):
        yield {f["name"]: read_column(f, batch.column(f["name"])).values for f in wanted}


def article_texts(folder: Path, resource: dict[str, Any]) -> dict[str, str | None]:
    """article_id -> text: the one table the span check keeps (it indexes into the texts)."""
    texts: dict[str, str | None] = {}
    for batch in typed_batches(folder, resource, ("article_id", "text")):
        texts.update(zip(batch["article_id"].to_pylist(), batch["text"].to_pylist(), strict=True))
    return texts


def span_problems(
    package: str, folder: Path, resources: dict[str, dict[str, Any]]
) -> list[Problem]:
    """articles.text[start:end] must equal each record's text (unless published without text)."""
    texts = article_texts(folder, resources["articles"])
    problems = []
    without = sum(1 for t in texts.values() if t is None)
    if without:
        note = f"spans cannot be checked for {without} article(s) published without text"
        problems.append(Problem(package, "articles", None, "text", note, "note"))
    for table in SPAN_TABLES:
        row = 2
        for batch in typed_batches(folder, resources[table], SPAN_FIELDS):
            columns = [batch[name].to_pylist() for name in SPAN_FIELDS]
            for offset, (article_id, start, end, value) in enumerate(zip(*columns, strict=True)):
                article = texts.get(article_id)
                if article is None or start is None or end is None or value is None:
                    continue  # a missing value or foreign key: Frictionless reports it
                if article[int(start) : int(end)] != value:
                    message = (
                        f"text[{start}:{end}] of article {article_id} is not the record's text"
                    )
                    problems.append(Problem(package, table, row + offset, "text", message))
            row += len(columns[0])
    return problems


def aligned(
    left: Iterator[dict[str, pa.Array]], right: Iterator[dict[str, pa.Array]]
) -> Iterator[tuple[dict[str, pa.Array], dict[str, pa.Array], int]]:
    """Pairs of equally long slices of two batch streams, with the row offset of each pair;
    stops where the shorter stream ends."""
    a: dict[str, pa.Array] | None = None
    b: dict[str, pa.Array] | None = None
    offset = 0
    while True:
        if not a or len(next(iter(a.values()))) == 0:
            a = next(left, None)
        if not b or len(next(iter(b.values()))) == 0:
            b = next(right, None)
        if a is None or b is None:
            return
        size = min(len(next(iter(a.values()))), len(next(iter(b.values()))))
        yield (
            {k: v.slice(0, size) for k, v in a.items()},
            {k: v.slice(0, size) for k, v in b.items()},
            offset,
        )
        a = {k: v.slice(size) for k, v in a.items()}
        b = {k: v.slice(size) for k, v in b.items()}
        offset += size


def first_difference(a: pa.Array, b: pa.Array) -> int | None:
    both_null = pc.and_(a.is_null(), b.is_null())
    same = pc.or_(pc.fill_null(pc.equal(a, b), False), both_null)
    differs = ~np.asarray(same.to_numpy(zero_copy_only=False), dtype=bool)
    return int(np.argmax(differs)) if differs.any() else None


def table_rows(folder: Path, resource: dict[str, Any]) -> int:
    path = resource_path(folder, resource)
    if streams.is_parquet(path):
        return int(pq.ParquetFile(path).metadata.num_rows)
    names = [f["name"] for f in resource["schema"]["fields"]]
    return sum(batch.num_rows for batch in streams.batches(path, names))


def same_rows_problems(
    csv: tuple[Path, dict[str, dict[str, Any]]], parquet: tuple[Path, dict[str, dict[str, Any]]]
) -> list[Problem]:
    problems = []
    for table in csv[1].keys() & parquet[1].keys():
        left, right = csv[1][table], parquet[1][table]
        counts = table_rows(csv[0], left), table_rows(parquet[0], right)
        if counts[0] != counts[1]:
            message = f"{counts[0]} rows in CSV, {counts[1]} in Parquet"
            problems.append(Problem("csv/parquet", table, None, None, message))
            continue
        differing: dict[str, int] = {}
        pairs = aligned(typed_batches(csv[0], left), typed_batches(parquet[0], right))
        for a, b, offset in pairs:
            for column in a.keys() - differing.keys():
                if column in b and (index := first_difference(a[column], b[column])) is not None:
                    differing[column] = offset + index + 2
        for f in left["schema"]["fields"]:
            if f["name"] in differing:
                message = "CSV and Parquet values differ"
                problems.append(
                    Problem("csv/parquet", table, differing[f["name"]], f["name"], message)
                )
    return problems
