"""Test helpers for a package's tables in parts (a resource's `path` is a list of files)."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from newsfacts.read.files import read_descriptor


def part_file(package: Path, table: str) -> Path:
    """The one part file of `table` in a package folder (the seed build has one per table)."""
    parts = sorted(p for p in (package / table).glob("part-*") if p.is_file())
    assert len(parts) == 1, f"{package / table}: {len(parts)} parts, expected one"
    return parts[0]


def rehash(folder: Path) -> None:
    """The descriptor's hashes and bytes (per part, or per file) made to agree with the
    edited files."""
    descriptor = read_descriptor(folder)
    for resource in descriptor["resources"]:
        paths = resource["path"]
        if isinstance(paths, list):
            data = [(folder / path).read_bytes() for path in paths]
            resource["part_hashes"] = ["sha256:" + hashlib.sha256(d).hexdigest() for d in data]
            resource["part_bytes"] = [len(d) for d in data]
            continue
        data_ = (folder / paths).read_bytes()
        resource["hash"] = "sha256:" + hashlib.sha256(data_).hexdigest()
        if "bytes" in resource:
            resource["bytes"] = len(data_)
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")


def forget_parts(store: Path) -> None:
    """Remove the parts' summaries from a cache, so that a rebuild reads every entry again
    (with them, it keeps each unchanged part whole: tests/test_part_rebuilds.py)."""
    for parts in store.glob("*/parts"):
        shutil.rmtree(parts)
