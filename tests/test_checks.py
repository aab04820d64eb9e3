"""The batched machinery of the fast engine: small batches and text windows change nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsfacts import schema
from newsfacts.validate import batches as streams
from newsfacts.validate import key_index as keys
from newsfacts.validate import spans as span_checks
from newsfacts.validate.run import validate

from .parts import part_file
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
    monkeypatch.setattr(streams, "CSV_BATCH_BYTES", 1)
    monkeypatch.setattr(streams, "PARQUET_BATCH_ROWS", 3)
    monkeypatch.setattr(span_checks, "TEXT_WINDOW_CHARS", 1)
    monkeypatch.setattr(keys, "SPILL_ROWS", 2)  # key indexes written out to their file
    assert errors(build) == expected


def test_a_deleted_parquet_row_is_counted_across_batches(
    out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyarrow.parquet as pq

    build = tmp_path / "build"
    shutil.copytree(out, build)
    path = part_file(build / "parquet", "mentions")
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

    from newsfacts.read.files import read_descriptor
    from newsfacts.validate import table_checks as checks

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


def reference_span_problems(folder: Path) -> list[tuple[str, int, str]]:
    """The span check at its simplest, every article's text in memory: (table, row, message)."""
    import csv

    with part_file(folder, "articles").open(encoding="utf-8", newline="") as handle:
        texts = {r["article_id"]: r["text"] for r in csv.DictReader(handle)}
    found = []
    for table in schema.SPAN_TABLES:
        with part_file(folder, table).open(encoding="utf-8", newline="") as handle:
            for row, record in enumerate(csv.DictReader(handle), start=2):
                article_id, start, end = record["article_id"], record["start"], record["end"]
                if not (record["text"] and start and end and texts.get(article_id)):
                    continue
                if texts[article_id][int(start) : int(end)] != record["text"]:
                    message = (
                        f"text[{start}:{end}] of article {article_id} is not the record's text"
                    )
                    found.append((table, row, message))
    return found


def reorder(folder: Path, table: str, order: str) -> None:
    """Rewrites a CSV table with its data rows reversed or shuffled."""
    import csv
    import random

    path = part_file(folder, table)
    with path.open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    if order == "reversed":
        rows.reverse()
    else:
        random.Random(7).shuffle(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])


def mismatched_spans(build: Path) -> None:
    """Spans that no longer match in every span table, and one whose article is not there."""
    for table, row in (("mentions", 2), ("mentions", 40), ("quotes", 1), ("statistics", 3)):
        set_cell(table, row, "start", "1")(build)
    set_cell("quotes", 2, "article_id", "no-such-article")(build)


@pytest.mark.parametrize("tiny", [False, True])
@pytest.mark.parametrize(
    "reordered",
    [
        {},
        {"mentions": "reversed"},
        {"articles": "reversed"},
        {"articles": "shuffled", "mentions": "shuffled", "quotes": "reversed"},
    ],
)
def test_spans_in_any_order_are_checked_as_when_sorted(
    out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reordered: dict, tiny: bool
) -> None:  # type: ignore[type-arg]
    from newsfacts.read.files import read_descriptor

    folder = broken(out, tmp_path, "csv", mismatched_spans)
    for table, order in reordered.items():
        reorder(folder, table, order)
    if tiny:  # many forward windows, and many second-pass windows
        monkeypatch.setattr(streams, "CSV_BLOCK_BYTES", 4096)
        monkeypatch.setattr(streams, "CSV_BATCH_BYTES", 1)
        monkeypatch.setattr(span_checks, "TEXT_WINDOW_CHARS", 1)
    resources = {r["name"]: r for r in read_descriptor(folder)["resources"]}
    found = span_checks.span_problems("csv", folder, resources)
    expected = reference_span_problems(folder)
    assert len(expected) >= 4
    assert [(p.table, p.row, p.message) for p in found if p.severity == "error"] == expected


def test_a_key_index_written_out_finds_the_same_candidates(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    random = np.random.default_rng(3)
    hashes = random.integers(0, 2**64 - 1, size=5000, dtype=np.uint64)
    hashes[[10, 4000, 4999]] = hashes[7]  # shared across batches
    hashes[2500] = hashes[2501]
    rows = np.arange(2, 5002, dtype=np.int64)

    def candidates() -> set[int]:
        index = keys.KeyIndex()
        for start in range(0, 5000, 700):
            index.add(hashes[start : start + 700], rows[start : start + 700])
        return index.candidate_rows() | index.candidate_rows()  # twice: the file stays

    in_memory = candidates()
    assert in_memory == {9, 12, 4002, 5001, 2502, 2503}
    monkeypatch.setattr(keys, "SPILL_ROWS", 1000)
    assert candidates() == in_memory


def test_spans_compared_as_bytes_agree_with_python_slices() -> None:
    """Non-ASCII texts, missing and repeated articles, negative, reversed and out-of-range
    bounds: the byte comparison flags exactly the spans Python's slicing flags."""
    import random

    import pyarrow as pa

    rng = random.Random(5)
    alphabet = "ab é’—😀\n"
    ids = [f"a{n % 9}" for n in range(12)]  # repeated ids: the last one counts
    texts = ["".join(rng.choices(alphabet, k=rng.randint(0, 30))) for _ in ids]
    texts[3] = None  # type: ignore[call-overload]
    latest = dict(zip(ids, texts, strict=True))
    spans: dict[str, list] = {"article_id": [], "start": [], "end": [], "text": [], "row": []}  # type: ignore[type-arg]
    for row in range(400):
        article = rng.choice([*ids, "absent"])
        start, end = rng.randint(-35, 35), rng.randint(-35, 35)
        piece = (latest.get(article) or "")[start:end]
        text = piece if rng.random() < 0.7 else piece + rng.choice(alphabet)
        for name, value in zip(spans, (article, start, end, text or "x", row), strict=True):
            spans[name].append(value)
    found = span_checks.window_problems(
        "csv",
        "quotes",
        span_checks.Texts.of(pa.array(ids), pa.array(texts, pa.string())),
        {name: pa.array(values) for name, values in spans.items()},
    )
    expected = [
        row
        for article, start, end, text, row in zip(*spans.values(), strict=True)
        if latest.get(article) and latest[article][start:end] != text
    ]
    assert [p.row for p in found] == expected
    assert len(expected) > 50


@pytest.mark.parametrize("collide", ["every-value", "by-length"])
@pytest.mark.parametrize("spill_bytes", [1, 1 << 20])
def test_foreign_key_values_are_missing_by_value_not_by_hash(
    monkeypatch: pytest.MonkeyPatch, collide: str, spill_bytes: int
) -> None:
    """Hashes that collide, among the referenced values or with a referencing one, in memory
    or written out a few values at a time: exactly the values not referenced are missing."""
    import numpy as np
    import pyarrow as pa

    def hashes(column: pa.Array) -> np.ndarray:  # type: ignore[type-arg]
        if collide == "every-value":
            return np.full(len(column), np.uint64(7) << np.uint64(58))
        return np.array([len(v or "") << 58 for v in column.to_pylist()], np.uint64)

    monkeypatch.setattr(keys, "string_hashes", hashes)
    monkeypatch.setattr(keys, "SPILL_BYTES", spill_bytes)
    referenced, referencing = keys.KeyValues(), keys.KeyValues()
    for chunk in (["a", "bb", None], [], ["bb", "cccc"]):
        referenced.add(pa.array(chunk, pa.string()))
    for chunk in (["a", "x", None, "cccc"], ["bb", "", "yy", "x"], ["dddd", "eeeee", "a"]):
        referencing.add(pa.array(chunk, pa.string()))
    missing = referencing.missing_from(referenced)
    assert sorted(missing.to_pylist()) == ["", "dddd", "eeeee", "x", "yy"]
    assert referenced.missing_from(referencing).to_pylist() == []
    assert (referenced.spill is not None) == (spill_bytes == 1)


def test_foreign_key_values_written_out_are_the_values_added(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Thousands of ids over the 64 hash ranges, written out every few batches: each range
    reads back its own distinct values, and what is missing is the set difference."""
    import pyarrow as pa

    monkeypatch.setattr(keys, "SPILL_BYTES", 2_000)
    held, tested = keys.KeyValues(), keys.KeyValues()
    ids = [f"article-{n}" for n in range(3_000)]
    for start in range(0, 3_000, 250):
        held.add(pa.array(ids[start : start + 250 : 2] + ids[start : start + 10 : 2]))
        tested.add(pa.array(ids[start : start + 250 : 3]))
    assert held.spill is not None and tested.spill is not None
    ranges = [held.values_in(part).to_pylist() for part in range(keys.PARTS)]
    assert sorted(v for values in ranges for v in values) == sorted(ids[::2])
    assert sum(1 for values in ranges if values) > 50
    every_third = {n for start in range(0, 3_000, 250) for n in range(start, start + 250, 3)}
    expected = sorted(f"article-{n}" for n in every_third if n % 2)
    assert sorted(tested.missing_from(held).to_pylist()) == expected


def test_a_key_hashes_the_same_in_any_batch() -> None:
    """A value's hash does not depend on the other values of its batch (longer, non-ASCII):
    a duplicate across two batches is a candidate."""
    import pyarrow as pa

    alone = keys.row_hashes([pa.array(["marco-rubio", "a"])])
    beside_longer = keys.row_hashes([pa.array(["x" * 40, "marco-rubio", "a"])])[1:]
    beside_non_ascii = keys.row_hashes([pa.array(["josé", "marco-rubio", "a"])])[1:]
    assert alone.tolist() == beside_longer.tolist() == beside_non_ascii.tolist()
    assert alone[0] != keys.row_hashes([pa.array(["marco-rubio "])])[0]


def test_strings_hash_the_same_in_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long column is hashed HASH_ROWS strings at a time (memory stays bounded): the
    hashes are those of the column hashed whole, nulls and a long string included."""
    import pyarrow as pa

    values = [f"actor-{n}" * (1 + n % 5) for n in range(1_000)] + [None, "y" * 300]
    whole = keys.string_hashes(pa.array(values))
    padded: list[int] = []
    rpad = keys.pc.utf8_rpad

    def counted(column: pa.Array, **options: object) -> pa.Array:
        padded.append(len(column))
        return rpad(column, **options)

    monkeypatch.setattr(keys, "HASH_ROWS", 7)
    monkeypatch.setattr(keys.pc, "utf8_rpad", counted)
    assert keys.string_hashes(pa.array(values)).tolist() == whole.tolist()
    assert max(padded) == 7 and sum(padded) == len(values)


def test_table_digests_agree_across_formats_and_batch_sizes(
    out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The seed build's CSV and Parquet tables have equal digests (so neither is read again for
    CSV = Parquet), also when read in tiny batches; a changed value changes the digest."""
    import pyarrow as pa

    from newsfacts.read.files import read_descriptor
    from newsfacts.validate.checks.frictionless_tables import table_problems
    from newsfacts.validate.digests import TableDigest

    def digests(fmt: str) -> dict[str, TableDigest]:
        found: dict[str, TableDigest] = {}
        assert not table_problems(out / fmt, read_descriptor(out / fmt), "fast", found)
        return found

    whole = digests("parquet")
    monkeypatch.setattr(streams, "CSV_BLOCK_BYTES", 4096)
    monkeypatch.setattr(streams, "CSV_BATCH_BYTES", 1)
    monkeypatch.setattr(streams, "PARQUET_BATCH_ROWS", 3)
    for tiny in (digests("csv"), digests("parquet")):
        assert (
            tiny.keys()
            == whole.keys()
            == set(schema.SPAN_TABLES)
            | {
                "articles",
                "actors",
                "corrections",
            }
        )
        assert all(tiny[table].same_as(whole[table]) for table in whole)
    one, other = TableDigest(), TableDigest()
    one.add({"text": pa.array(["ab", "c"])})
    other.add({"text": pa.array(["a", "bc"])})
    assert not one.same_as(other)


def test_ids_that_differ_in_two_words_do_not_collide() -> None:
    """Pairs of ids from a generated build that shared a hash when each 64-bit word was only
    multiplied in: every such pair made candidates, and a second read of the table."""
    import pyarrow as pa

    pairs = [
        ("bench_058935-m-1018-1024", "bench_068935-m-1018-1027"),
        ("bench_061599-m-1168-1173", "bench_051599-m-1168-1174"),
        ("bench_054862-m-1906-1927", "bench_064862-m-1906-1926"),
    ]
    for pair in pairs:
        first, second = keys.row_hashes([pa.array(pair)])
        assert first != second


def text_field(name: str) -> dict[str, str]:
    return {"name": name, "type": "string"}


def two_tables(folder: Path, people: str, mentions: str, kind: str = "string") -> Path:
    """A package of people and mentions of them (by `person`, a foreign key of type `kind`)."""
    import json

    folder.mkdir()
    (folder / "people.csv").write_text(people, encoding="utf-8")
    (folder / "mentions.csv").write_text(mentions, encoding="utf-8")
    key = {"fields": ["person"], "reference": {"resource": "people", "fields": ["id"]}}
    resources = [
        {"name": "people", "path": "people.csv", "schema": {"fields": [text_field("id")]}},
        {
            "name": "mentions",
            "path": "mentions.csv",
            "schema": {
                "fields": [{"name": "n", "type": "integer"}, {"name": "person", "type": kind}],
                "foreignKeys": [key],
            },
        },
    ]
    descriptor = {"name": folder.name, "resources": resources}
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    return folder


def both_engines(folder: Path) -> tuple[list[str], list[str]]:
    from newsfacts.read.files import read_descriptor
    from newsfacts.validate import table_checks
    from newsfacts.validate.checks.frictionless_tables import frictionless_problems

    fast = table_checks.package_problems(folder, read_descriptor(folder))
    stock = frictionless_problems(folder)
    return [f"{p.row} {p.message}" for p in fast], [f"{p.row} {p.message}" for p in stock]


def test_foreign_key_errors_stop_at_frictionless_limit_without_reading_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every row of a long table references a person who is not there: the same first 1000
    errors as Frictionless, and no more are made (they once were, one per row)."""
    from newsfacts.validate import table_checks

    rows = "".join(f"{n},nobody-{n}\n" for n in range(5_000))
    folder = two_tables(tmp_path / "p", "id\nana\n", "n,person\n" + rows)
    made: list[int] = []
    add = table_checks.Table.add
    monkeypatch.setattr(table_checks.Table, "add", lambda t, e: made.append(1) or add(t, e))
    fast, stock = both_engines(folder)
    assert fast == stock and len(fast) == table_checks.LIMIT_ERRORS
    assert fast[-1].startswith("1001 foreign-key: ")
    assert len(made) == table_checks.LIMIT_ERRORS


def test_a_table_referencing_itself_by_an_empty_name_is_checked_as_frictionless_does(
    tmp_path: Path,
) -> None:
    import json

    folder = two_tables(tmp_path / "p", "id\nana\n", "n,person\n1,ana\n")
    (folder / "people.csv").write_text("id,boss\nana,\ntom,ana\nlee,zoe\n", encoding="utf-8")
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"][0]["schema"] = {
        "fields": [text_field("id"), text_field("boss")],
        "foreignKeys": [{"fields": ["boss"], "reference": {"resource": "", "fields": ["id"]}}],
    }
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    fast, stock = both_engines(folder)
    assert fast == stock and len(fast) == 1 and fast[0].startswith("4 foreign-key: ")


def test_a_foreign_key_between_types_is_left_to_stock_frictionless(tmp_path: Path) -> None:
    """Frictionless compares the values as read (the integer 1 is not the string "1"): the
    fast engine, which compares text, does not check such a package."""
    from newsfacts.validate import table_checks

    folder = two_tables(tmp_path / "p", "id\n1\n02\n", "n,person\n1,1\n2,2\n", kind="integer")
    with pytest.raises(table_checks.Irregular, match="a foreign key between types"):
        both_engines(folder)
