"""Nothing forged: every kind of tampering with a published build is caught by validate.

"Forged" edits also rewrite the descriptor's bytes and hash, SHA256SUMS and the zip, as a
careful forger would, so that only the content check under test can catch them."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsfacts.errors import NewsfactsError
from newsfacts.package.write import write_checksums, write_zip
from newsfacts.validate.run import validate

from .parts import part_file, rehash


@pytest.fixture
def copy(out: Path, tmp_path: Path) -> Path:
    target = tmp_path / "build"
    shutil.copytree(out, target)
    return target


def messages(build_dir: Path) -> str:
    return "\n".join(str(p) for p in validate(build_dir) if p.severity == "error")


def edit_csv(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(change(lines)), encoding="utf-8")


def forge(build_dir: Path, fmt: str) -> None:
    """Make descriptor, SHA256SUMS and zip (if any) agree with the package's edited files."""
    folder = build_dir / fmt
    rehash(folder)
    for zip_path in build_dir.glob(f"*-{fmt}.zip"):
        zip_path.unlink()
        write_zip(folder, zip_path)
    write_checksums(build_dir)


def test_an_edited_cell(copy: Path) -> None:
    edit_csv(
        part_file(copy / "csv", "statistics"),
        lambda lines: [lines[0], lines[1].replace(",83000,", ",93000,"), *lines[2:]],
    )
    found = messages(copy)
    assert (
        "statistics/part-000_68207eccf74b6ec5.csv: sha256 does not match the descriptor's" in found
    )
    assert "csv/parquet:statistics row 2 field value: CSV and Parquet values differ" in found


def test_a_deleted_row(copy: Path) -> None:
    edit_csv(part_file(copy / "csv", "quotes"), lambda lines: [lines[0], *lines[2:]])
    found = messages(copy)
    assert "quotes/part-000_68207eccf74b6ec5.csv: sha256 does not match" in found
    assert "8 rows in CSV, 9 in Parquet" in found


def test_a_duplicated_row(copy: Path) -> None:
    edit_csv(part_file(copy / "csv", "quotes"), lambda lines: [lines[0], lines[1], *lines[1:]])
    forge(copy, "csv")
    found = messages(copy)
    assert "primary-key" in found or "unique" in found


def test_a_span_that_no_longer_matches(copy: Path) -> None:
    edit_csv(
        part_file(copy / "csv", "quotes"),
        lambda lines: [lines[0], lines[1].replace(",437,", ",438,"), *lines[2:]],
    )
    forge(copy, "csv")
    found = messages(copy)
    assert "csv:quotes row 2 field text: text[438:545]" in found
    assert "sha256" not in found  # the forgery hid the file change: the span check caught it


def test_a_foreign_key_to_a_missing_actor(copy: Path) -> None:
    edit_csv(
        part_file(copy / "csv", "mentions"),
        lambda lines: [lines[0], lines[1].replace("associated-press", "nobody-at-all"), *lines[2:]],
    )
    forge(copy, "csv")
    assert "foreign-key" in messages(copy)


def test_bytes_changed_with_the_hash_left(copy: Path) -> None:
    path = part_file(copy / "parquet", "actors")
    data = bytearray(path.read_bytes())
    data[200] ^= 0x01
    path.write_bytes(bytes(data))
    assert "actors/part-0.parquet: sha256 does not match the descriptor's hash" in messages(copy)


def test_a_hash_changed_to_match_while_sha256sums_keeps_the_old_one(copy: Path) -> None:
    edit_csv(
        part_file(copy / "csv", "actors"),
        lambda lines: [lines[0], lines[1].replace("U.S. official", "U.S. officer"), *lines[2:]],
    )
    rehash(copy / "csv")
    found = messages(copy)
    assert "SHA256SUMS:csv/actors/part-0.csv: sha256 does not match" in found
    assert "SHA256SUMS:csv/datapackage.json: sha256 does not match" in found


@pytest.mark.parametrize("loosen", ["type", "constraint"])
def test_an_edited_schema_in_the_descriptor(copy: Path, loosen: str) -> None:
    descriptor_path = copy / "parquet" / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    quotes = next(r for r in descriptor["resources"] if r["name"] == "quotes")
    start = next(f for f in quotes["schema"]["fields"] if f["name"] == "start")
    if loosen == "type":
        start["type"] = "number"
    else:
        start.pop("constraints")
    descriptor_path.write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    forge(copy, "parquet")
    assert "parquet:quotes: schema differs from the schema/ contract" in messages(copy)


def test_csv_and_parquet_that_disagree(copy: Path) -> None:
    path = part_file(copy / "parquet", "actors")
    table = pq.read_table(path)
    names = table.column("name").to_pylist()
    names[0] = "Someone Else"
    pq.write_table(table.set_column(table.schema.get_field_index("name"), "name", [names]), path)
    forge(copy, "parquet")
    assert "csv/parquet:actors row 2 field name: CSV and Parquet values differ" in messages(copy)


@pytest.mark.parametrize("change", ["extra", "missing"])
def test_a_zip_with_an_extra_or_missing_member(released: Path, tmp_path: Path, change: str) -> None:
    copy = tmp_path / "release"
    shutil.copytree(released, copy)
    (zip_path,) = copy.glob("*-csv.zip")
    with zipfile.ZipFile(zip_path) as zipped:
        members = {name: zipped.read(name) for name in zipped.namelist()}
    if change == "extra":
        members["csv/notes.txt"] = b"not part of the package"
    else:
        del members["csv/quotes/part-000_68207eccf74b6ec5.csv"]
    with zipfile.ZipFile(zip_path, "w") as zipped:
        for name, data in members.items():
            zipped.writestr(name, data)
    write_checksums(copy)
    expected = (
        "member not in the package folder"
        if change == "extra"
        else "package file missing from the zip"
    )
    assert expected in messages(copy)


@pytest.mark.parametrize("path", ["../SHA256SUMS", "/etc/passwd"])
def test_a_path_escaping_the_package_is_refused_never_read(copy: Path, path: str) -> None:
    descriptor_path = copy / "csv" / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    descriptor["resources"][0]["path"] = path
    descriptor_path.write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    with pytest.raises(NewsfactsError, match="leaves the package folder"):
        validate(copy)
