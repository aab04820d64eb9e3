"""The batched machinery of the fast engine: small batches and text windows change nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsfacts import crosschecks, streams
from newsfacts.validate import validate

from .test_engines import CSV_CASES, broken, set_cell


def errors(build: Path) -> set[str]:
    return {str(p) for p in validate(build) if p.severity == "error"}


@pytest.mark.parametrize(
    "case",
    [
        set_cell("quotes", 1, "start", "438"),  # a span that no longer matches
        CSV_CASES["unique-and-primary-key"],
        CSV_CASES["foreign-key-actor"],
        CSV_CASES["blank-row-commas"],
        CSV_CASES["enum"],
        CSV_CASES["over-a-thousand-errors-hash-left"],
        CSV_CASES["short-and-long-rows"],
    ],
)
def test_tiny_batches_and_text_windows_find_the_same_problems(
    out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case
) -> None:  # type: ignore[no-untyped-def]
    build = broken(out, tmp_path, "csv", case).parent
    expected = errors(build)
    assert expected
    monkeypatch.setattr(streams, "CSV_BLOCK_BYTES", 4096)
    monkeypatch.setattr(streams, "PARQUET_BATCH_ROWS", 3)
    monkeypatch.setattr(crosschecks, "TEXT_WINDOW_CHARS", 1)
    assert errors(build) == expected


def test_a_deleted_parquet_row_is_counted_across_batches(
    out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyarrow.parquet as pq

    build = tmp_path / "build"
    shutil.copytree(out, build)
    path = build / "parquet" / "mentions.parquet"
    table = pq.read_table(path)
    pq.write_table(table.slice(1), path)
    monkeypatch.setattr(streams, "PARQUET_BATCH_ROWS", 4)
    rows = table.num_rows
    assert f"csv/parquet:mentions: {rows} rows in CSV, {rows - 1} in Parquet" in errors(build)


@pytest.mark.parametrize(
    "option",
    [{"trueValues": ["yes"]}, {"format": "email"}, {"constraints": {"exclusiveMinimum": 0}}],
)
def test_a_schema_the_fast_engine_does_not_compile_is_left_to_stock_frictionless(
    out: Path, tmp_path: Path, option: dict
) -> None:  # type: ignore[type-arg]
    import json

    from newsfacts import checks
    from newsfacts.reader import read_descriptor

    build = tmp_path / "build"
    shutil.copytree(out, build)
    path = build / "csv" / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    actors = next(r for r in descriptor["resources"] if r["name"] == "actors")
    field = next(f for f in actors["schema"]["fields"] if f["name"] == "unnamed")
    field.update(option)
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    with pytest.raises(checks.Irregular):
        checks.package_problems(build / "csv", read_descriptor(build / "csv"))
    fast, stock = validate(build / "csv", "fast"), validate(build / "csv", "frictionless")
    assert {str(p) for p in fast} == {str(p) for p in stock}
    assert any("schema differs from the schema/ contract" in str(p) for p in fast)
