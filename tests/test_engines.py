"""The fast engine gives stock Frictionless's verdicts: on the valid seed build, and on a suite
of broken packages (one per check kind, in CSV and where it can be expressed in Parquet), the
same errors in the same order, message for message (cell value, row, field, error type)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsfacts.read.files import read_descriptor
from newsfacts.validate import table_checks as checks
from newsfacts.validate.checks.frictionless_tables import frictionless_problems, table_problems
from newsfacts.validate.run import validate

from .parts import part_file, rehash

Rows = list[list[str]]
ARTICLE = "000_68207eccf74b6ec5"


def read_csv(path: Path) -> Rows:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def write_csv(path: Path, rows: Rows) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def csv_edit(table: str, change: Callable[[Rows], Rows]) -> Callable[[Path], None]:
    def edit(build: Path) -> None:
        path = part_file(build / "csv", table)
        write_csv(path, change(read_csv(path)))
        rehash(build / "csv")

    return edit


def set_cell(table: str, row: int, column: str, value: str) -> Callable[[Path], None]:
    """Data row `row` (1 = the first) of a CSV table gets `value` in `column`."""

    def change(rows: Rows) -> Rows:
        rows[row][rows[0].index(column)] = value
        return rows

    return csv_edit(table, change)


def text_edit(table: str, change: Callable[[str], str]) -> Callable[[Path], None]:
    def edit(build: Path) -> None:
        path = part_file(build / "csv", table)
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
        rehash(build / "csv")

    return edit


def parquet_edit(table: str, change: Callable[[pa.Table], pa.Table]) -> Callable[[Path], None]:
    def edit(build: Path) -> None:
        path = part_file(build / "parquet", table)
        pq.write_table(change(pq.read_table(path)), path)
        rehash(build / "parquet")

    return edit


def set_column(
    table: str, column: str, values: Callable[[list], list], kind: pa.DataType | None = None
) -> Callable[[Path], None]:  # type: ignore[type-arg]
    def change(data: pa.Table) -> pa.Table:
        index = data.schema.get_field_index(column)
        new = pa.array(
            values(data.column(column).to_pylist()), type=kind or data.schema.field(index).type
        )
        return data.set_column(index, column, new)

    return parquet_edit(table, change)


def first(value: object) -> Callable[[list], list]:  # type: ignore[type-arg]
    return lambda values: [value, *values[1:]]


def duplicate_first_row(rows: Rows) -> Rows:
    return [rows[0], rows[1], *rows[1:]]


def semicolons(text: str) -> str:
    """The same table written with ; between cells (Frictionless guesses the dialect)."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\n").writerows(read_csv_text(text))
    return buffer.getvalue()


def read_csv_text(text: str) -> Rows:
    return list(csv.reader(io.StringIO(text, newline="")))


def correction(correction_id: str, record_id: str) -> list[str]:
    return [correction_id, "reject", "quotes", record_id, ARTICLE, "rejected"]


def reverse_resources(fmt: str) -> Callable[[Path], None]:
    """The descriptor lists the tables backwards: referencing tables before referenced ones."""

    def edit(build: Path) -> None:
        path = build / fmt / "datapackage.json"
        descriptor = json.loads(path.read_text(encoding="utf-8"))
        descriptor["resources"].reverse()
        path.write_text(json.dumps(descriptor), encoding="utf-8")

    return edit


CSV_CASES: dict[str, Callable[[Path], None]] = {
    "resources-reversed": reverse_resources("csv"),
    "integer-type": set_cell("articles", 1, "body_start", "x"),
    "integer-fraction": set_cell("mentions", 1, "start", "1.5"),
    "integer-spaces-plus-underscore": set_cell("mentions", 2, "start", " +1_0 "),
    "number-type": set_cell("statistics", 1, "value", "abc"),
    "number-exponent-nan": set_cell("statistics", 1, "value_max", "NaN"),
    "number-exponent": set_cell("statistics", 2, "value", "1e3"),
    "boolean-type": set_cell("actors", 1, "unnamed", "yes"),
    "boolean-upper": set_cell("actors", 1, "unnamed", "TRUE"),
    "date-type": set_cell("articles", 1, "published_date", "2024-02-30"),
    "date-valid": set_cell("articles", 1, "published_date", "2024-02-29"),
    "date-unpadded": set_cell("articles", 1, "published_date", "2024-2-9"),
    "required": set_cell("quotes", 1, "text", ""),
    "enum": set_cell("actors", 1, "kind", "alien"),
    "pattern": set_cell("actors", 2, "actor_id", "Bad Id"),
    "pattern-non-ascii-space": set_cell("articles", 1, "url", "https://a.example/x\u00a0y"),
    "pattern-trailing-newline": set_cell("articles", 1, "language", "en\n"),
    "pattern-vertical-tab": set_cell("articles", 1, "url", "https://a.example/x\x0by"),
    "pattern-non-ascii-letter": set_cell("articles", 1, "url", "https://exämple.org/"),
    "pattern-non-ascii-slug": set_cell("actors", 2, "actor_id", "josé"),
    "minimum": set_cell("mentions", 1, "start", "-1"),
    "max-length": set_cell("articles", 1, "article_id", "a" * 200),
    "unique-and-primary-key": csv_edit("actors", duplicate_first_row),
    "composite-primary-key": csv_edit(
        "corrections",
        lambda rows: [
            rows[0],
            correction("c1", "q1"),
            correction("c1", "q2"),
            correction("c1", "q1"),
        ],
    ),
    "foreign-key-article": set_cell("quotes", 1, "article_id", "no-such-article"),
    "foreign-key-actor": set_cell("mentions", 1, "actor_id", "nobody-at-all"),
    "renamed-header": csv_edit(
        "quotes", lambda rows: [[*rows[0][:5], "cues", *rows[0][6:]], *rows[1:]]
    ),
    "reordered-header": csv_edit(
        "quotes", lambda rows: [[rows[0][1], rows[0][0], *rows[0][2:]], *rows[1:]]
    ),
    "blank-label": csv_edit("quotes", lambda rows: [["", *rows[0][1:]], *rows[1:]]),
    "duplicate-label": csv_edit("quotes", lambda rows: [[rows[0][1], *rows[0][1:]], *rows[1:]]),
    "missing-header-column": csv_edit("statistics", lambda rows: [r[:-1] for r in rows]),
    "extra-header-column": csv_edit("statistics", lambda rows: [[*r, "x"] for r in rows]),
    "header-only-shorter": csv_edit("statistics", lambda rows: [rows[0][:-1], *rows[1:]]),
    "header-only-longer": csv_edit("statistics", lambda rows: [[*rows[0], "extra"], *rows[1:]]),
    "short-and-long-rows": csv_edit(
        "mentions",
        lambda rows: [rows[0], rows[1][:2], [*rows[2], "x", "y"], [], rows[3][:1], *rows[4:]],
    ),
    "extra-cells-on-a-blank-row": csv_edit("quotes", lambda rows: [rows[0], [""] * 9, *rows[1:]]),
    "short-row-with-a-duplicate-key": csv_edit(
        "actors", lambda rows: [rows[0], rows[1], rows[1][:3], *rows[2:]]
    ),
    "short-row": csv_edit("statistics", lambda rows: [rows[0], rows[1][:-2], *rows[2:]]),
    "long-row": csv_edit("statistics", lambda rows: [rows[0], [*rows[1], "x"], *rows[2:]]),
    "blank-row-commas": csv_edit("quotes", lambda rows: [rows[0], [""] * len(rows[0]), *rows[1:]]),
    "blank-line": text_edit(
        "quotes", lambda text: text.replace("\n", "\n\n", 2).replace("\n\n", "\n", 1)
    ),
    "trailing-blank-line": text_edit("quotes", lambda text: text + "\n"),
    "semicolon-heavy-sample": text_edit(
        "statistics", lambda text: text.replace("people", "a;b;c;d;e;f;g;h")
    ),
    "semicolon-delimited-file": text_edit("statistics", semicolons),
    "stray-quote": text_edit(
        "actors", lambda text: text.replace(",U.S. official,", ',U.S. "official,', 1)
    ),
    "crlf-line-endings": text_edit("actors", lambda text: text.replace("\n", "\r\n")),
    "over-a-thousand-errors-hash-left": lambda build: write_csv(
        part_file(build / "csv", "mentions"),
        [read_csv(part_file(build / "csv", "mentions"))[0]]
        + [[*r[:4], "x", "-1"] for r in read_csv(part_file(build / "csv", "mentions"))[1:]] * 15,
    ),
    "bytes-and-hash-left": lambda build: (part_file(build / "csv", "actors")).write_text(
        (part_file(build / "csv", "actors"))
        .read_text(encoding="utf-8")
        .replace("official", "officer"),
        encoding="utf-8",
    ),
}

PARQUET_CASES: dict[str, Callable[[Path], None]] = {
    "resources-reversed-with-a-foreign-key-error": lambda build: (
        set_column("mentions", "actor_id", first("nobody-at-all"))(build),
        reverse_resources("parquet")(build),
    ),
    "enum": set_column("actors", "kind", first("alien")),  # a dictionary-encoded column
    "enum-as-plain-strings": set_column("actors", "kind", first("alien"), pa.string()),
    "enum-null-in-dictionary": set_column("actors", "kind", first(None)),
    "pattern": set_column("actors", "actor_id", first("Bad Id")),
    "required-empty-string": set_column("quotes", "text", first("")),
    "required-null-string": set_column("quotes", "text", first(None)),
    "null-integer": set_column("mentions", "start", first(None)),
    "null-number": set_column("statistics", "value", first(None)),
    "minimum": set_column("mentions", "start", first(-1)),
    "integer-as-strings": set_column(
        "mentions", "start", lambda v: ["x", *map(str, v[1:])], pa.string()
    ),
    "boolean-as-integers": set_column(
        "actors", "unnamed", lambda v: [int(b) for b in v], pa.int64()
    ),
    "date-as-strings": set_column(
        "articles", "published_date", lambda v: ["2024-02-30", *v[1:]], pa.string()
    ),
    "string-as-integers": set_column("quotes", "cue", lambda v: list(range(len(v))), pa.int64()),
    "unique-and-primary-key": parquet_edit(
        "actors", lambda t: pa.concat_tables([t.slice(0, 1), t])
    ),
    "foreign-key-actor": set_column("mentions", "actor_id", first("nobody-at-all")),
    "missing-column": parquet_edit("statistics", lambda t: t.drop_columns(["end"])),
    "missing-key-column": parquet_edit("mentions", lambda t: t.drop_columns(["mention_id"])),
    "extra-column": parquet_edit(
        "quotes", lambda t: t.append_column("extra", pa.array(["x"] * t.num_rows))
    ),
    "renamed-column": parquet_edit(
        "quotes", lambda t: t.rename_columns([*t.column_names[:5], "cues", *t.column_names[6:]])
    ),
}

# Unusual cells that Frictionless accepts (Python's int, Decimal and strptime do).
ACCEPTED = {
    "boolean-upper",
    "date-valid",
    "date-unpadded",
    "number-exponent",
    "number-exponent-nan",
    "integer-spaces-plus-underscore",
    "pattern-non-ascii-letter",  # Python's \\S matches any non-space character
    "crlf-line-endings",
    "semicolon-heavy-sample",
    "semicolon-delimited-file",
    "resources-reversed",
    "stray-quote",
    "pattern-trailing-newline",  # Python's $ matches before a final newline
    "null-number",  # Frictionless reads a null Parquet number as NaN: valid
}


# Left to stock Frictionless by the fast engine (a dialect it would guess differently).
DELEGATED = {"semicolon-delimited-file"}


def verdicts(problems: list) -> list[tuple[str, int | None, str | None, str]]:  # type: ignore[type-arg]
    """Each error as Frictionless reports it: table, row, field, and the whole message (error
    type, cell value, row, field, note), in Frictionless's order."""
    return [(p.table, p.row, p.field or None, p.message) for p in problems]


def broken(out: Path, tmp_path: Path, fmt: str, case: Callable[[Path], None]) -> Path:
    build = tmp_path / "build"
    shutil.copytree(out, build)
    case(build)
    return build / fmt


def assert_same_verdicts(folder: Path, name: str) -> None:
    stock = verdicts(frictionless_problems(folder))
    descriptor = read_descriptor(folder)
    if name in DELEGATED:
        with pytest.raises(checks.Irregular):
            checks.package_problems(folder, descriptor)
        fast = verdicts(table_problems(folder, descriptor, "fast"))
    else:
        fast = verdicts(checks.package_problems(folder, descriptor))
    assert fast == stock
    assert bool(stock) == (name not in ACCEPTED), "the case must test what it says"


@pytest.mark.parametrize("name", sorted(CSV_CASES))
def test_csv_cases_give_the_same_verdicts(out: Path, tmp_path: Path, name: str) -> None:
    assert_same_verdicts(broken(out, tmp_path, "csv", CSV_CASES[name]), name)


@pytest.mark.parametrize("name", sorted(PARQUET_CASES))
def test_parquet_cases_give_the_same_verdicts(out: Path, tmp_path: Path, name: str) -> None:
    folder = broken(out, tmp_path, "parquet", PARQUET_CASES[name])
    assert_same_verdicts(folder, name)


def test_the_seed_build_is_valid_for_both_engines(out: Path) -> None:
    for fmt in ("csv", "parquet"):
        assert not frictionless_problems(out / fmt)
        assert not checks.package_problems(out / fmt, read_descriptor(out / fmt))
    assert validate(out, "fast") == validate(out, "frictionless") == []


def test_hash_collisions_never_make_a_duplicate(out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every key hashed to 0: all rows are candidates, and the second pass, comparing the actual
    values, finds no duplicate in the seed build and the real one in a broken copy."""
    import numpy as np

    monkeypatch.setattr(checks, "row_hashes", lambda columns: np.zeros(len(columns[0]), np.uint64))
    for fmt in ("csv", "parquet"):
        assert not checks.package_problems(out / fmt, read_descriptor(out / fmt))


def test_hash_collisions_keep_the_real_duplicates(
    out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import numpy as np

    folder = broken(out, tmp_path, "csv", CSV_CASES["unique-and-primary-key"])
    expected = verdicts(frictionless_problems(folder))
    monkeypatch.setattr(checks, "row_hashes", lambda columns: np.zeros(len(columns[0]), np.uint64))
    assert verdicts(checks.package_problems(folder, read_descriptor(folder))) == expected


def test_a_dictionary_encoded_enum_is_read_by_the_fast_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Its values, decoded, are checked as a string column's (not cell by cell)."""
    from newsfacts import schema
    from newsfacts.validate import cells

    def slow_path(*_: object) -> None:
        raise AssertionError("read cell by cell")

    monkeypatch.setattr(cells, "read_python", slow_path)
    column = pa.array(["direct", None, "alien", "indirect"]).dictionary_encode()
    read = cells.read_column(schema.field("quotes", "kind"), column)
    assert read.values.to_pylist() == ["direct", None, "alien", "indirect"]
    assert read.violated["enum"].tolist() == [False, False, True, False]
    assert read.violated["required"].tolist() == [False, True, False, False]
