"""Zips: each package zip holds exactly its package folder's files, byte for byte."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from newsfacts.validate.checks.zips import Zips

from . import reported


def rewrite_zip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w") as zipped:
        for name, data in members.items():
            zipped.writestr(name, data)


def members_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zipped:
        return {name: zipped.read(name) for name in zipped.namelist()}


QUOTES = "csv/quotes/part-000_68207eccf74b6ec5.csv"


@pytest.fixture
def copy(released: Path, tmp_path: Path) -> Path:
    """A copy of the seed release: a build with its zips."""
    target = tmp_path / "release"
    shutil.copytree(released, target)
    return target


def test_a_valid_release_has_its_zips_and_a_build_none(out: Path, released: Path) -> None:
    assert reported(released, Zips()) == []
    assert not list(out.glob("*.zip"))  # zips are made by `newsfacts release`


def test_an_extra_a_missing_and_a_changed_member_are_reported(copy: Path) -> None:
    (path,) = copy.glob("*-csv.zip")
    members = members_of(path)
    members["csv/notes.txt"] = b"not part of the package"
    del members[QUOTES]
    members["csv/actors/part-0.csv"] += b"\n"
    rewrite_zip(path, members)
    assert reported(copy, Zips()) == [
        f"{path.name}:csv/notes.txt: member not in the package folder",
        f"{path.name}:{QUOTES}: package file missing from the zip",
        f"{path.name}:csv/actors/part-0.csv: differs from the package folder",
    ]


def test_a_file_that_is_not_a_zip_is_reported(copy: Path) -> None:
    (path,) = copy.glob("*-parquet.zip")
    path.write_bytes(b"not a zip")
    assert reported(copy, Zips()) == [f"{path.name}: not a readable zip (File is not a zip file)"]
