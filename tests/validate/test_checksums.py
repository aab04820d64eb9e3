"""Checksums: SHA256SUMS lists every file of the build with its sha256, and nothing else."""

from __future__ import annotations

from pathlib import Path

from newsfacts.validate.checks.checksums import Checksums

from . import reported


def test_a_valid_build_has_its_checksums(out: Path) -> None:
    assert reported(out, Checksums()) == []


def test_an_unlisted_file_is_reported(copy: Path) -> None:
    (copy / "notes.txt").write_text("not part of the build", encoding="utf-8")
    assert reported(copy, Checksums()) == ["SHA256SUMS:notes.txt: file present but not listed"]


def test_a_listed_file_that_is_gone_is_reported(copy: Path) -> None:
    (copy / "csv" / "README.md").unlink()
    assert reported(copy, Checksums()) == ["SHA256SUMS:csv/README.md: file listed but missing"]


def test_a_changed_file_is_reported(copy: Path) -> None:
    path = copy / "parquet" / "README.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert reported(copy, Checksums()) == ["SHA256SUMS:parquet/README.md: sha256 does not match"]


def test_a_build_without_sha256sums_is_reported(copy: Path) -> None:
    (copy / "SHA256SUMS").unlink()
    assert reported(copy, Checksums()) == ["SHA256SUMS: missing from the build folder"]


def test_a_package_folder_alone_has_no_checksums_to_check(out: Path) -> None:
    assert reported(out / "csv", Checksums()) == []
