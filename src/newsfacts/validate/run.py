"""Validation of a published package: stock Frictionless, plus what Frictionless cannot check.

Frictionless checks types, constraints, primary and foreign keys. On top of it:
file bytes and hashes against the descriptor and SHA256SUMS, the descriptor's
schemas against the schema/ contract, every span against its article's text,
and (for a build folder) that the CSV and Parquet packages hold the same rows.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import frictionless
import pyarrow as pa

from newsfacts import schema
from newsfacts.errors import NewsfactsError
from newsfacts.read.files import read_descriptor, resource_file_problems
from newsfacts.schema import SPAN_TABLES
from newsfacts.validate import batches as streams
from newsfacts.validate import table_checks as checks
from newsfacts.validate.digests import TableDigest
from newsfacts.validate.problems import Problem
from newsfacts.validate.same_rows import same_rows_problems
from newsfacts.validate.spans import span_problems


def packages_in(path: Path) -> list[Path]:
    """The package folders under a build folder, or the one package at `path`."""
    if path.is_file() and path.name == "datapackage.json":
        return [path.parent]
    if (path / "datapackage.json").is_file():
        return [path]
    found = [
        path / fmt for fmt in ("csv", "parquet") if (path / fmt / "datapackage.json").is_file()
    ]
    if not found:
        raise NewsfactsError(
            f"{path}: no data package found (expected datapackage.json, or csv/ and parquet/)"
        )
    return found


def frictionless_problems(folder: Path) -> list[Problem]:
    report = frictionless.validate(str(folder / "datapackage.json"))
    problems = [Problem(folder.name, "", None, None, e.message) for e in report.errors]
    for task in report.tasks:
        for error in task.errors:
            row = getattr(error, "row_number", None)
            field = getattr(error, "field_name", None)
            problems.append(
                Problem(folder.name, task.name or "", row, field, f"{error.type}: {error.message}")
            )
    return problems


def contract_problems(folder: Path, descriptor: dict[str, Any]) -> list[Problem]:
    """Each resource's schema must be the schema/ contract, and every table must be there."""
    problems = []
    names = [r.get("name") for r in descriptor.get("resources", [])]
    for table in schema.TABLES:
        if table not in names:
            problems.append(
                Problem(folder.name, table, None, None, "table missing from the package")
            )
    for resource in descriptor.get("resources", []):
        table = resource.get("name")
        if table not in schema.TABLES:
            problems.append(Problem(folder.name, str(table), None, None, "table not in schema/"))
            continue
        if resource.get("schema") != schema.resource_schema(table):
            problems.append(
                Problem(folder.name, table, None, None, "schema differs from the schema/ contract")
            )
    return problems


def file_problems(folder: Path, descriptor: dict[str, Any]) -> list[Problem]:
    """Each resource's file is there with the bytes and hash the descriptor gives (each file
    hashed once per validation: SHA256SUMS is checked with the same digests)."""
    return [
        Problem(folder.name, str(r.get("name")), None, None, message)
        for r in descriptor.get("resources", [])
        for message in resource_file_problems(
            folder, r, hasher=lambda path: streams.digest(path)[0]
        )
    ]


def checksum_problems(build: Path) -> list[Problem]:
    """Every file of a build is listed in SHA256SUMS with its hash, and nothing else is."""
    sums = build / "SHA256SUMS"
    if not sums.is_file():
        return [Problem("SHA256SUMS", "", None, None, "missing from the build folder")]
    listed = {}
    for line in sums.read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        listed[name] = digest
    present = {p.relative_to(build).as_posix() for p in build.rglob("*") if p.is_file()}
    problems = [
        Problem("SHA256SUMS", name, None, None, "file present but not listed")
        for name in sorted(present - set(listed) - {"SHA256SUMS"})
    ]
    for name, digest in listed.items():
        if name not in present:
            problems.append(Problem("SHA256SUMS", name, None, None, "file listed but missing"))
        elif streams.digest(build / name)[0] != digest:
            problems.append(Problem("SHA256SUMS", name, None, None, "sha256 does not match"))
    return problems


def zip_problems(build: Path) -> list[Problem]:
    """Each package zip holds exactly its package folder's files, byte for byte."""
    problems = []
    for archive in sorted(build.glob("*.zip")):
        fmt = archive.stem.rsplit("-", 1)[-1]
        folder = build / fmt
        expected = (
            {f"{fmt}/{p.name}": p for p in folder.iterdir() if p.is_file()}
            if folder.is_dir()
            else {}
        )
        try:
            with zipfile.ZipFile(archive) as zipped:
                members = set(zipped.namelist())
                differing = {
                    name
                    for name in members & expected.keys()
                    if not same_bytes(zipped, name, expected[name])
                }
        except (zipfile.BadZipFile, OSError) as error:
            problems.append(Problem(archive.name, "", None, None, f"not a readable zip ({error})"))
            continue
        for name in sorted(members - expected.keys()):
            problems.append(
                Problem(archive.name, name, None, None, "member not in the package folder")
            )
        for name in sorted(expected.keys() - members):
            problems.append(
                Problem(archive.name, name, None, None, "package file missing from the zip")
            )
        for name in sorted(differing):
            problems.append(
                Problem(archive.name, name, None, None, "differs from the package folder")
            )
    return problems


def same_bytes(zipped: zipfile.ZipFile, name: str, path: Path) -> bool:
    """A zip member and a file hold the same bytes (compared chunk by chunk)."""
    if zipped.getinfo(name).file_size != path.stat().st_size:
        return False
    with zipped.open(name) as member, path.open("rb") as handle:
        while chunk := handle.read(streams.CHUNK_BYTES):
            if member.read(len(chunk)) != chunk:
                return False
        return member.read(1) == b""


ENGINES = ("fast", "frictionless")
WORKERS = min(2, os.cpu_count() or 2)  # checks at once: each holds a few batches of memory
RETURN_AFTER_MS = 1000


@contextmanager
def returning_freed_memory() -> Iterator[None]:
    """Arrow allocates from jemalloc, told to give freed memory back to the system within
    RETURN_AFTER_MS, while validation runs: Arrow's default allocator keeps what it freed for
    later, so the peak would hold every thread's largest batches at once. (At once, 0 ms,
    costs about a third more time in page faults, for ~45 MB less peak at 100k articles.)"""
    try:
        pool = pa.jemalloc_memory_pool()
    except NotImplementedError:  # a pyarrow built without jemalloc
        yield
        return
    pa.jemalloc_set_decay_ms(RETURN_AFTER_MS)
    previous = pa.default_memory_pool()
    pa.set_memory_pool(pool)
    try:
        yield
    finally:
        pa.set_memory_pool(previous)


def table_problems(
    folder: Path,
    descriptor: dict[str, Any],
    engine: str,
    digests: dict[str, TableDigest] | None = None,
) -> list[Problem]:
    """What Frictionless reports: by the compiled checks (which fill `digests`, if given), or
    by stock Frictionless itself."""
    if engine == "fast":
        try:
            return checks.package_problems(folder, descriptor, digests)
        except checks.Irregular:
            pass  # rows or header of another length: stock Frictionless reports them exactly
        except (OSError, ValueError, pa.ArrowException):
            pass  # a file the fast reader cannot parse: leave the verdict to Frictionless
    if digests is not None:
        digests.clear()
    return frictionless_problems(folder)


def readable_span_problems(
    folder: Path, resources: dict[str, dict[str, Any]]
) -> tuple[bool, list[Problem]]:
    """(whether the tables could be read, the span problems)."""
    try:
        if {"articles", *SPAN_TABLES} <= resources.keys():
            return True, span_problems(folder.name, folder, resources)
        return True, []
    except (OSError, ValueError, KeyError, pa.ArrowException) as error:
        return False, [Problem(folder.name, "", None, None, f"cannot read the tables: {error}")]


def compared_problems(
    csv: tuple[Path, dict[str, dict[str, Any]]],
    parquet: tuple[Path, dict[str, dict[str, Any]]],
    digests: dict[str, dict[str, TableDigest]],
) -> list[Problem]:
    """CSV = Parquet, table by table; tables whose digests (taken by the table checks) agree
    are not read again."""
    same = {
        table
        for table, digest in digests["csv"].items()
        if table in digests["parquet"] and digest.same_as(digests["parquet"][table])
    }
    try:
        return same_rows_problems(csv, parquet, skip=same)
    except (OSError, ValueError, KeyError, pa.ArrowException) as error:
        return [Problem("csv/parquet", "", None, None, f"cannot compare the tables: {error}")]


def validate(path: Path, engine: str = "fast") -> list[Problem]:
    """Every problem with the package(s) at `path`; an empty list means valid.

    engine="fast" runs the compiled checks (checks.py); "frictionless" runs stock
    frictionless.validate. Both give the same verdicts; the other checks are the same.
    The checks run side by side on threads (Arrow and hashing release the GIL); the
    problems come in the same order whatever the timing."""
    if engine not in ENGINES:
        raise NewsfactsError(f"unknown validation engine {engine!r} (fast or frictionless)")
    streams.cached_digest.cache_clear()  # a file edited since, in the same clock tick: hash again
    packages = {}
    for folder in packages_in(path):
        descriptor = {"resources": read_descriptor(folder).get("resources", [])}  # not sources
        resources = {str(r.get("name")): r for r in descriptor.get("resources", [])}
        packages[folder.name] = (folder, descriptor, resources)
    is_build = path.is_dir() and not (path / "datapackage.json").exists()
    both = is_build and {"csv", "parquet"} <= packages.keys()
    digests: dict[str, dict[str, TableDigest]] = {name: {} for name in packages}
    with returning_freed_memory(), ThreadPoolExecutor(max_workers=WORKERS) as pool:
        tables = {
            name: pool.submit(table_problems, folder, descriptor, engine, digests[name])
            for name, (folder, descriptor, _) in packages.items()
        }
        spans = {
            name: pool.submit(readable_span_problems, folder, resources)
            for name, (folder, _, resources) in packages.items()
            if not (both and name == "csv")  # decided once the tables are read
        }
        build = (
            pool.submit(lambda: checksum_problems(path) + zip_problems(path)) if is_build else None
        )
        for future in tables.values():
            future.exception()  # the digests are complete
        compared = None
        if both:
            csv, parquet = ((packages[f][0], packages[f][2]) for f in ("csv", "parquet"))
            compared = pool.submit(compared_problems, csv, parquet, digests)
            spans["csv"] = csv_spans(pool, csv, spans["parquet"], digests)
        problems: list[Problem] = []
        for name, (folder, descriptor, _) in packages.items():
            problems += contract_problems(folder, descriptor) + file_problems(folder, descriptor)
            problems += tables[name].result() + spans[name].result()[1]
        if build is not None:
            problems += build.result()
        if compared is not None and all(spans[f].result()[0] for f in ("csv", "parquet")):
            problems += compared.result()
    return problems


SPAN_INPUTS = ("articles", *SPAN_TABLES)


def csv_spans(
    pool: ThreadPoolExecutor,
    csv: tuple[Path, dict[str, dict[str, Any]]],
    parquet_spans: Future[tuple[bool, list[Problem]]],
    digests: dict[str, dict[str, TableDigest]],
) -> Future[tuple[bool, list[Problem]]]:
    """The CSV package's span problems: the Parquet package's, when the digests show that
    the tables they are read from hold the same values (the same spans, texts and rows);
    otherwise read from the CSV files."""
    same = all(
        table in digests["csv"]
        and table in digests["parquet"]
        and digests["csv"][table].same_as(digests["parquet"][table])
        for table in SPAN_INPUTS
    )
    readable, problems = parquet_spans.result()
    if not (same and readable):
        return pool.submit(readable_span_problems, *csv)
    done: Future[tuple[bool, list[Problem]]] = Future()
    done.set_result((True, [replace(p, package=csv[0].name) for p in problems]))
    return done
