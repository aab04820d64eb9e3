"""Each package zip of a build holds exactly its package folder's files, byte for byte.

In: a build folder: its *-<format>.zip files and <format>/ folders. Out: a zip that cannot be
read; a member not in the package folder; a package file missing from the zip; a member that
differs from its file.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from newsfacts.validate import batches as streams
from newsfacts.validate.check import BuildCheck, Input
from newsfacts.validate.problems import Problem
from newsfacts.validate.subjects import Build


def same_bytes(zipped: zipfile.ZipFile, name: str, path: Path) -> bool:
    """A zip member and a file hold the same bytes (compared chunk by chunk)."""
    if zipped.getinfo(name).file_size != path.stat().st_size:
        return False
    with zipped.open(name) as member, path.open("rb") as handle:
        while chunk := handle.read(streams.CHUNK_BYTES):
            if member.read(len(chunk)) != chunk:
                return False
        return member.read(1) == b""


def package_files(build: Path, fmt: str) -> dict[str, Path]:
    """The files the zip of the `fmt` package must hold: "<fmt>/<path>" -> the file (part
    files in their table's folder)."""
    folder = build / fmt
    if not folder.is_dir():
        return {}
    return {p.relative_to(build).as_posix(): p for p in folder.rglob("*") if p.is_file()}


def zip_problems(archive: Path, expected: dict[str, Path]) -> Iterator[Problem]:
    try:
        with zipfile.ZipFile(archive) as zipped:
            members = set(zipped.namelist())
            differing = {
                name
                for name in members & expected.keys()
                if not same_bytes(zipped, name, expected[name])
            }
    except (
        zipfile.BadZipFile,
        OSError,
        zlib.error,
        EOFError,
        NotImplementedError,  # a compression method zipfile does not read
        RuntimeError,  # an encrypted member
    ) as error:
        yield Problem(archive.name, "", None, None, f"not a readable zip ({error})")
        return
    for name in sorted(members - expected.keys()):
        yield Problem(archive.name, name, None, None, "member not in the package folder")
    for name in sorted(expected.keys() - members):
        yield Problem(archive.name, name, None, None, "package file missing from the zip")
    for name in sorted(differing):
        yield Problem(archive.name, name, None, None, "differs from the package folder")


class Zips(BuildCheck):
    """Each zip of the build (named *-csv.zip, *-parquet.zip) holds its package folder's
    files, and only them, with the same bytes."""

    needs = (Input.BUILD_FILES,)

    def problems(self, subject: Build) -> Iterator[Problem]:
        for archive in sorted(subject.folder.glob("*.zip")):
            fmt = archive.stem.rsplit("-", 1)[-1]
            yield from zip_problems(archive, package_files(subject.folder, fmt))
