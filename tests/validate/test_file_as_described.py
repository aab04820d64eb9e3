"""FileAsDescribed: each table's file has the bytes and sha256 its descriptor gives."""

from __future__ import annotations

from pathlib import Path

from newsfacts.validate.checks.file_as_described import FileAsDescribed

from . import reported


def test_a_valid_build_has_its_files_as_described(out: Path) -> None:
    assert reported(out, FileAsDescribed()) == []


def test_a_changed_file_is_reported_by_size_and_hash(copy: Path) -> None:
    path = copy / "csv" / "actors.csv"
    size = path.stat().st_size
    path.write_bytes(path.read_bytes() + b"\n")
    assert reported(copy, FileAsDescribed()) == [
        f"csv:actors: actors.csv: {size + 1} bytes, descriptor says {size}",
        "csv:actors: actors.csv: sha256 does not match the descriptor's hash",
    ]


def test_a_flipped_byte_in_a_parquet_file_is_reported_by_hash(copy: Path) -> None:
    path = copy / "parquet" / "mentions.parquet"
    data = bytearray(path.read_bytes())
    data[100] ^= 0x01
    path.write_bytes(bytes(data))
    assert reported(copy, FileAsDescribed()) == [
        "parquet:mentions: mentions.parquet: sha256 does not match the descriptor's hash"
    ]


def test_a_missing_file_is_reported(copy: Path) -> None:
    (copy / "parquet" / "corrections.parquet").unlink()
    assert reported(copy, FileAsDescribed()) == [
        "parquet:corrections: corrections.parquet: file missing"
    ]
