"""CsvEqualsParquet: the CSV and Parquet packages of a build hold the same rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsfacts.validate import same_rows
from newsfacts.validate.checks import CHECKS
from newsfacts.validate.checks.csv_equals_parquet import CsvEqualsParquet
from newsfacts.validate.problems import Problem
from newsfacts.validate.run import validate

from ..parts import part_file
from ..test_engines import rehash
from . import reported


def replace_first(path: Path, column: str, value: object) -> None:
    """The Parquet table at `path` with `value` in the first row of `column`."""
    table = pq.read_table(path)
    index = table.schema.get_field_index(column)
    values = table.column(column).to_pylist()
    values[0] = value
    pq.write_table(
        table.set_column(index, column, pa.array(values, table.schema.field(index).type)), path
    )
    rehash(path.parent.parent)


def test_a_valid_build_holds_the_same_rows(out: Path) -> None:
    assert reported(out, CsvEqualsParquet()) == []


def test_a_changed_value_is_reported_at_its_row(copy: Path) -> None:
    replace_first(part_file(copy / "parquet", "actors"), "name", "Someone Else")
    assert reported(copy, CsvEqualsParquet()) == [
        "csv/parquet:actors row 2 field name: CSV and Parquet values differ"
    ]


def test_a_deleted_row_is_reported_by_count(copy: Path) -> None:
    path = part_file(copy / "parquet", "quotes")
    table = pq.read_table(path)
    pq.write_table(table.slice(1), path)
    rows = table.num_rows
    assert reported(copy, CsvEqualsParquet()) == [
        f"csv/parquet:quotes: {rows} rows in CSV, {rows - 1} in Parquet"
    ]


def test_tables_whose_digests_agree_are_not_read_again(
    copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    replace_first(part_file(copy / "parquet", "actors"), "name", "Someone Else")
    compared: list[str] = []
    compare_table = same_rows.compare_table

    def counted(table: str, *files: tuple[Path, dict[str, Any]]) -> list[Problem]:
        compared.append(table)
        return compare_table(table, *files)

    monkeypatch.setattr(same_rows, "compare_table", counted)
    assert any("csv/parquet:actors" in str(p) for p in validate(copy))  # digests given
    assert compared == ["actors"]
    compared.clear()
    assert reported(copy, CsvEqualsParquet()) != []  # no digests: every table read
    assert len(compared) == 6


def test_left_out_when_the_span_check_cannot_read_a_package(copy: Path) -> None:
    path = part_file(copy / "parquet", "quotes")
    path.write_bytes(path.read_bytes()[:100])
    messages = [str(p) for p in validate(copy, "fast", CHECKS)]
    assert any(m.startswith("parquet: cannot read the tables") for m in messages)
    assert not any(m.startswith("csv/parquet") for m in messages)
    assert reported(copy, CsvEqualsParquet())[0].startswith("csv/parquet: cannot compare")


def test_a_changed_enum_value_is_reported_at_its_row(copy: Path) -> None:
    path = part_file(copy / "parquet", "quotes")
    first = pq.read_table(path).column("kind")[0].as_py()
    assert pa.types.is_dictionary(pq.read_schema(path).field("kind").type)
    replace_first(path, "kind", "indirect" if first == "direct" else "direct")
    assert pa.types.is_dictionary(pq.read_schema(path).field("kind").type)
    assert reported(copy, CsvEqualsParquet()) == [
        "csv/parquet:quotes row 2 field kind: CSV and Parquet values differ"
    ]


def test_enums_written_as_plain_strings_hold_the_same_rows(copy: Path) -> None:
    """The values are compared, not how Parquet encodes them."""
    path = part_file(copy / "parquet", "quotes")
    table = pq.read_table(path)
    index = table.schema.get_field_index("kind")
    pq.write_table(table.set_column(index, "kind", table.column("kind").cast(pa.string())), path)
    rehash(copy / "parquet")
    assert reported(copy, CsvEqualsParquet()) == []
