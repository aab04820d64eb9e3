"""Zips: each package zip holds exactly its package folder's files, byte for byte."""

from __future__ import annotations

import zipfile
from pathlib import Path

from newsfacts.validate.checks.zips import Zips

from . import reported


def rewrite_zip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w") as zipped:
        for name, data in members.items():
            zipped.writestr(name, data)


def members_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zipped:
        return {name: zipped.read(name) for name in zipped.namelist()}


def test_a_valid_build_has_its_zips(out: Path) -> None:
    assert reported(out, Zips()) == []


def test_an_extra_a_missing_and_a_changed_member_are_reported(copy: Path) -> None:
    (path,) = copy.glob("*-csv.zip")
    members = members_of(path)
    members["csv/notes.txt"] = b"not part of the package"
    del members["csv/quotes.csv"]
    members["csv/actors.csv"] += b"\n"
    rewrite_zip(path, members)
    assert reported(copy, Zips()) == [
        f"{path.name}:csv/notes.txt: member not in the package folder",
        f"{path.name}:csv/quotes.csv: package file missing from the zip",
        f"{path.name}:csv/actors.csv: differs from the package folder",
    ]


def test_a_file_that_is_not_a_zip_is_reported(copy: Path) -> None:
    (path,) = copy.glob("*-parquet.zip")
    path.write_bytes(b"not a zip")
    assert reported(copy, Zips()) == [f"{path.name}: not a readable zip (File is not a zip file)"]
