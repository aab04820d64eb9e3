"""FileAsDescribed: each table's file has the bytes and sha256 its descriptor gives."""

from __future__ import annotations

from pathlib import Path

from newsfacts.validate.checks.file_as_described import FileAsDescribed

from ..parts import part_file
from . import reported


def test_a_valid_build_has_its_files_as_described(out: Path) -> None:
    assert reported(out, FileAsDescribed()) == []


def test_a_changed_file_is_reported_by_size_and_hash(copy: Path) -> None:
    path = part_file(copy / "csv", "actors")
    size = path.stat().st_size
    path.write_bytes(path.read_bytes() + b"\n")
    assert reported(copy, FileAsDescribed()) == [
        f"csv:actors: actors/part-0.csv: {size + 1} bytes, descriptor says {size}",
        "csv:actors: actors/part-0.csv: sha256 does not match the descriptor's hash",
    ]


def test_a_flipped_byte_in_a_parquet_file_is_reported_by_hash(copy: Path) -> None:
    path = part_file(copy / "parquet", "mentions")
    data = bytearray(path.read_bytes())
    data[100] ^= 0x01
    path.write_bytes(bytes(data))
    assert reported(copy, FileAsDescribed()) == [
        "parquet:mentions: mentions/part-000_68207eccf74b6ec5.parquet: sha256 does not match "
        "the descriptor's hash"
    ]


def test_a_missing_file_is_reported(copy: Path) -> None:
    (part_file(copy / "parquet", "corrections")).unlink()
    assert reported(copy, FileAsDescribed()) == [
        "parquet:corrections: corrections/part-0.parquet: file missing"
    ]
