"""Published packages: reproducible bytes, stock Frictionless validity, pandas dtypes, tamper checks."""

from __future__ import annotations

import gc
import hashlib
import json
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from newsfacts import load, schema
from newsfacts.build.run import build
from newsfacts.errors import NewsfactsError
from newsfacts.read.files import file_hash
from newsfacts.validate.run import validate

from .conftest import DATASET, SEEDS, tree
from .parts import part_file


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_two_builds_are_byte_identical(
    out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second build runs with the clock moved 20 years on: no file may depend on it."""
    later = time.time() + 20 * 365 * 24 * 3600
    monkeypatch.setattr(time, "time", lambda: later)
    monkeypatch.setattr(time, "time_ns", lambda: int(later * 1e9))
    monkeypatch.setattr(time, "localtime", lambda *_: time.gmtime(later))
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    build(SEEDS, DATASET, tmp_path / "again")
    assert tree_bytes(out) == tree_bytes(tmp_path / "again")


def test_layout(out: Path) -> None:
    names = set(tree_bytes(out))
    for fmt in ("csv", "parquet"):
        assert f"{fmt}/datapackage.json" in names
        for table in ("articles", "mentions", "quotes", "statistics"):  # one part: one article
            assert f"{fmt}/{table}/part-000_68207eccf74b6ec5.{fmt}" in names
        for table in ("actors", "corrections"):
            assert f"{fmt}/{table}/part-0.{fmt}" in names
    assert "SHA256SUMS" in names
    assert not [name for name in names if name.endswith(".zip")]  # zips: newsfacts release


def test_zip_holds_the_package(released: Path, out: Path) -> None:
    with zipfile.ZipFile(released / "newsfacts-0.1.0-csv.zip") as archive:
        assert sorted(archive.namelist()) == sorted(
            p.relative_to(out).as_posix() for p in (out / "csv").rglob("*") if p.is_file()
        )
        quotes = part_file(out / "csv", "quotes")
        assert archive.read(quotes.relative_to(out).as_posix()) == quotes.read_bytes()


def test_descriptor_has_metadata_and_no_clock(out: Path) -> None:
    descriptor = json.loads((out / "csv" / "datapackage.json").read_text(encoding="utf-8"))
    for key in ("name", "title", "version", "licenses", "sources", "resources"):
        assert descriptor[key]
    assert descriptor["created"] == "2026-11-28T00:00:00Z"  # dataset.yaml's release date
    seeds = descriptor["sources"][-1]
    assert seeds["path"] == "seeds" and seeds["title"].startswith("1 seed article:")
    articles = pd.read_csv(part_file(out / "csv", "articles"))
    assert list(articles["source_file"]) == ["seeds/000_68207eccf74b6ec5.txt"]
    assert list(articles["sha256"]) == [
        hashlib.sha256((SEEDS / "000_68207eccf74b6ec5.txt").read_bytes()).hexdigest()
    ]
    resource = descriptor["resources"][0]
    (path,) = resource["path"]
    assert resource["part_bytes"] == [(out / "csv" / path).stat().st_size]
    assert resource["part_hashes"] == ["sha256:" + file_hash(out / "csv" / path)]
    assert "hash" not in resource and "bytes" not in resource  # one per part, not per resource


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_stock_frictionless_validate_passes(out: Path, fmt: str) -> None:
    frictionless = Path(sys.executable).parent / "frictionless"
    result = subprocess.run(
        [str(frictionless), "validate", str(out / fmt / "datapackage.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:]


def test_our_validation_passes(out: Path) -> None:
    assert validate(out) == []


@pytest.mark.parametrize("table", schema.TABLES)
def test_parquet_files_carry_the_contract_schema(out: Path, table: str) -> None:
    written = pq.read_schema(part_file(out / "parquet", table))
    assert written.names == schema.column_names(table)
    for field in schema.fields(table):
        assert written.field(field["name"]).type == schema.arrow_type(field)
        assert (
            written.field(field["name"]).metadata[b"description"] == field["description"].encode()
        )


def test_parquet_dtypes_in_pandas(out: Path) -> None:
    frames = {
        t: pd.read_parquet(part_file(out / "parquet", t))
        for t in ("articles", "statistics", "actors")
    }
    assert frames["articles"]["char_count"].dtype == "int64"
    assert frames["statistics"]["value"].dtype == "float64"
    assert frames["actors"]["unnamed"].dtype == "bool"
    assert (
        str(pq.read_schema(part_file(out / "parquet", "articles")).field("published_date").type)
        == "date32[day]"
    )
    field = pq.read_schema(part_file(out / "parquet", "quotes")).field("cue")
    assert b"description" in (field.metadata or {})


def test_csv_and_parquet_give_the_same_values(out: Path) -> None:
    csv_tables = load(out, format="csv")
    parquet_tables = load(out, format="parquet")
    for table, frame in csv_tables.items():
        pd.testing.assert_frame_equal(frame, parquet_tables[table])
    raw = pd.read_csv(part_file(out / "csv", "statistics"))
    assert list(raw["value"]) == list(parquet_tables["statistics"]["value"])


def test_an_earlier_build_is_replaced_whole(out: Path, tmp_path: Path) -> None:
    target = tmp_path / "build"
    shutil.copytree(out, target)
    (part_file(target / "csv", "quotes")).write_bytes(
        b""
    )  # an old build: files, sums, nothing else
    from newsfacts.package.write import write_checksums

    write_checksums(target)
    build(SEEDS, DATASET, target)
    assert tree(target) == tree(out)


def test_an_empty_folder_may_be_the_output(out: Path, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    build(SEEDS, DATASET, tmp_path / "empty")
    assert tree(tmp_path / "empty") == tree(out)


def test_a_build_leaves_the_garbage_collector_as_it_found_it(
    tmp_path: Path, dataset_copy: Path
) -> None:
    before = gc.get_threshold()
    build(SEEDS, DATASET, tmp_path / "build")
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
    stale = "- {id: nobody, action: fix_actor, actor: nobody-at-all, set: {name: X}}\n"
    (dataset_copy / "corrections.yaml").write_text(stale, encoding="utf-8")
    with pytest.raises(NewsfactsError, match="nobody-at-all"):  # fails while writing rows
        build(SEEDS, dataset_copy, tmp_path / "failed")
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def copy_of(out: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy"
    shutil.copytree(out, target)
    return target


def test_span_mismatch_is_reported(out: Path, tmp_path: Path) -> None:
    target = copy_of(out, tmp_path)
    path = part_file(target / "csv", "mentions")
    path.write_text(
        path.read_text(encoding="utf-8").replace(',"Matthew Lee",', ',"Matthew Lea",'),
        encoding="utf-8",
    )
    messages = [str(p) for p in validate(target)]
    assert any("sha256 does not match" in m for m in messages)
    assert any("mentions row 3 field text" in m and "not the record's text" in m for m in messages)


def test_csv_and_parquet_disagreeing_is_reported(out: Path, tmp_path: Path) -> None:
    target = copy_of(out, tmp_path)
    frame = pd.read_parquet(part_file(target / "parquet", "statistics"))
    frame.loc[0, "value"] = 1.5
    table = pq.read_table(part_file(target / "parquet", "statistics"))
    import pyarrow as pa

    pq.write_table(
        pa.Table.from_pandas(frame, schema=table.schema, preserve_index=False),
        part_file(target / "parquet", "statistics"),
    )
    messages = [str(p) for p in validate(target)]
    assert any("CSV and Parquet values differ" in m for m in messages)
    assert any("sha256" in m for m in messages)


def test_path_escaping_the_package_is_refused(out: Path, tmp_path: Path) -> None:
    target = copy_of(out, tmp_path)
    descriptor_path = target / "csv" / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    descriptor["resources"][0]["path"] = "../SHA256SUMS"
    descriptor_path.write_text(json.dumps(descriptor), encoding="utf-8")
    with pytest.raises(NewsfactsError, match="leaves the package folder"):
        validate(target / "csv")


def test_empty_cells_are_reported_not_crashed_on(out: Path, tmp_path: Path) -> None:
    target = copy_of(out, tmp_path)
    path = part_file(target / "csv", "mentions")
    lines = path.read_text(encoding="utf-8").split("\n")
    cells = lines[1].split(",")
    cells[4] = ""  # start
    lines[1] = ",".join(cells)
    path.write_text("\n".join(lines), encoding="utf-8")
    messages = [str(p) for p in validate(target)]
    assert any("mentions" in m and "start" in m for m in messages)


def test_checksums_must_list_every_file(out: Path, tmp_path: Path) -> None:
    target = copy_of(out, tmp_path)
    (target / "extra.txt").write_text("not listed", encoding="utf-8")
    assert any("extra.txt: file present but not listed" in str(p) for p in validate(target))
    (target / "SHA256SUMS").unlink()
    assert any("SHA256SUMS" in str(p) and "missing" in str(p) for p in validate(target))


def test_booleans_in_any_frictionless_spelling(out: Path, tmp_path: Path) -> None:
    target = copy_of(out, tmp_path)
    path = part_file(target / "csv", "actors")
    path.write_text(
        path.read_text(encoding="utf-8").replace(",false,", ",False,"), encoding="utf-8"
    )
    from newsfacts.read.files import read_descriptor
    from newsfacts.read.frames import read_table

    descriptor = read_descriptor(target / "csv")
    actors = next(r for r in descriptor["resources"] if r["name"] == "actors")
    assert read_table(target / "csv", actors)["unnamed"].notna().all()
    assert not any("values differ" in str(p) for p in validate(target))


def test_extraction_on_every_core_gives_the_same_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsfacts.build import parallel

    paragraphs = [
        p
        for p in (SEEDS / "000_68207eccf74b6ec5.txt").read_text(encoding="utf-8").split("\n")[1:]
        if p
    ]
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for n in range(parallel.PARALLEL_FROM + 6):
        (seeds / f"a{n:03d}.txt").write_text("\n".join(paragraphs[n % 5 :: 2]), encoding="utf-8")
    build(seeds, DATASET, tmp_path / "parallel")
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 10**9)
    build(seeds, DATASET, tmp_path / "serial")
    assert tree(tmp_path / "parallel") == tree(tmp_path / "serial")
    (seeds / "a000.txt").write_bytes(b"\x00")
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    with pytest.raises(NewsfactsError, match=r"a000\.txt: binary file"):
        build(seeds, DATASET, tmp_path / "parallel")
    assert tree(tmp_path / "parallel") == tree(tmp_path / "serial")  # left as it was


def test_rows_stream_into_parquet_row_groups_without_changing_the_data(
    out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsfacts.package import write

    monkeypatch.setattr(write, "DEFAULT_ROW_GROUP_ROWS", 4)
    build(SEEDS, DATASET, tmp_path / "build")
    mentions = pq.ParquetFile(part_file(tmp_path / "build" / "parquet", "mentions"))
    assert mentions.metadata.num_row_groups == -(-mentions.metadata.num_rows // 4) > 1
    assert [p for p in validate(tmp_path / "build") if p.severity == "error"] == []
    small_groups, one_group = load(tmp_path / "build"), load(out)
    for table in schema.TABLES:
        pd.testing.assert_frame_equal(small_groups[table], one_group[table])
    assert (part_file(tmp_path / "build" / "csv", "mentions")).read_bytes() == (
        part_file(out / "csv", "mentions")
    ).read_bytes()


def test_an_enum_column_has_the_allowed_values_as_its_dictionary_in_every_batch() -> None:
    from newsfacts.package.write import enum_array

    allowed = list(schema.enum("quotes", "kind"))
    for values in (("indirect",), ("direct", None, "direct"), ()):
        array = enum_array(values, allowed)
        assert array.dictionary.to_pylist() == allowed and array.to_pylist() == list(values)
    stray = enum_array(("alien", "direct"), allowed)  # kept, for validation to report
    assert stray.dictionary.to_pylist() == [*allowed, "alien"]
    assert stray.to_pylist() == ["alien", "direct"]
