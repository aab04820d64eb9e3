"""Each table's file is there, with the bytes and sha256 its descriptor gives.

In: one resource of a package's descriptor, and its file. Out: "file missing", a byte count
or a hash that differs. Each file is hashed once per validation (the table checks and
SHA256SUMS share the digests, batches.digest).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsfacts.read.files import resource_file_problems
from newsfacts.validate import batches as streams
from newsfacts.validate.check import Input, TableCheck
from newsfacts.validate.problems import Problem
from newsfacts.validate.subjects import PackageTable


def sha256(path: Path) -> str:
    return streams.digest(path)[0]


class FileAsDescribed(TableCheck):
    """A resource's file exists, and its size and sha256 are the descriptor's `bytes` and
    `hash` (Frictionless checks them for CSV files only)."""

    needs = (Input.DESCRIPTOR, Input.TABLE_FILES)
    inline = True

    def problems(self, subject: PackageTable) -> Iterator[Problem]:
        package = subject.package
        for message in resource_file_problems(package.folder, subject.resource, hasher=sha256):
            yield Problem(package.name, subject.name, None, None, message)
