"""Validation of a published package: stock Frictionless, plus what Frictionless cannot check.

Frictionless checks types, constraints, primary and foreign keys. On top of it:
file bytes and hashes against the descriptor and SHA256SUMS, the descriptor's
schemas against the schema/ contract, every span against its article's text,
and (for a build folder) that the CSV and Parquet packages hold the same rows.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import frictionless
import pandas as pd

from . import schema
from .errors import NewsfactsError
from .publish import file_hash
from .reader import check_file, read_descriptor, read_table

SPAN_TABLES = ("mentions", "quotes", "statistics")


@dataclass(frozen=True)
class Problem:
    package: str
    table: str
    row: int | None  # 1-based data row, as Frictionless counts (header is row 1)
    field: str | None
    message: str
    severity: str = "error"  # or "note": something that could not be checked

    def __str__(self) -> str:
        where = ":".join(str(p) for p in (self.package, self.table) if p)
        row = f" row {self.row}" if self.row is not None else ""
        field = f" field {self.field}" if self.field else ""
        return f"{where}{row}{field}: {self.message}"


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
    return [
        Problem(folder.name, str(r.get("name")), None, None, message)
        for r in descriptor.get("resources", [])
        for message in check_file(folder, r)
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
        elif file_hash(build / name) != digest:
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
                members = {name: zipped.read(name) for name in zipped.namelist()}
        except (zipfile.BadZipFile, OSError) as error:
            problems.append(Problem(archive.name, "", None, None, f"not a readable zip ({error})"))
            continue
        for name in sorted(members.keys() - expected.keys()):
            problems.append(
                Problem(archive.name, name, None, None, "member not in the package folder")
            )
        for name in sorted(expected.keys() - members.keys()):
            problems.append(
                Problem(archive.name, name, None, None, "package file missing from the zip")
            )
        for name in sorted(members.keys() & expected.keys()):
            if members[name] != expected[name].read_bytes():
                problems.append(
                    Problem(archive.name, name, None, None, "differs from the package folder")
                )
    return problems


def span_problems(package: str, tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """articles.text[start:end] must equal each record's text (unless published without text)."""
    articles = tables["articles"]
    texts = {
        a: t
        for a, t in zip(articles["article_id"], articles["text"], strict=True)
        if not pd.isna(t)
    }
    problems = []
    if len(texts) < len(articles):
        missing = len(articles) - len(texts)
        note = f"spans cannot be checked for {missing} article(s) published without text"
        problems.append(Problem(package, "articles", None, "text", note, "note"))
    for table in SPAN_TABLES:
        frame = tables[table]
        for row, (article_id, start, end, value) in enumerate(
            zip(frame["article_id"], frame["start"], frame["end"], frame["text"], strict=True),
            start=2,
        ):
            article = texts.get(article_id)
            if article is None or pd.isna(start) or pd.isna(end) or pd.isna(value):
                continue  # a missing value or foreign key: Frictionless reports it
            if article[int(start) : int(end)] != value:
                problems.append(
                    Problem(
                        package,
                        table,
                        row,
                        "text",
                        f"text[{start}:{end}] of article {article_id} is not the record's text",
                    )
                )
    return problems


def same_rows_problems(
    csv_tables: dict[str, pd.DataFrame], parquet_tables: dict[str, pd.DataFrame]
) -> list[Problem]:
    problems = []
    for table in schema.TABLES:
        left, right = csv_tables.get(table), parquet_tables.get(table)
        if left is None or right is None:
            continue
        if len(left) != len(right):
            problems.append(
                Problem(
                    "csv/parquet",
                    table,
                    None,
                    None,
                    f"{len(left)} rows in CSV, {len(right)} in Parquet",
                )
            )
            continue
        for column in left.columns:
            a, b = left[column].reset_index(drop=True), right[column].reset_index(drop=True)
            differs = ~((a == b).fillna(False) | (a.isna() & b.isna()))
            if differs.any():
                row = int(differs.to_numpy().argmax()) + 2
                problems.append(
                    Problem("csv/parquet", table, row, column, "CSV and Parquet values differ")
                )
    return problems


def validate(path: Path) -> list[Problem]:
    """Every problem with the package(s) at `path`; an empty list means valid."""
    problems: list[Problem] = []
    loaded: dict[str, dict[str, pd.DataFrame]] = {}
    for folder in packages_in(path):
        descriptor = read_descriptor(folder)
        problems += contract_problems(folder, descriptor) + file_problems(folder, descriptor)
        problems += frictionless_problems(folder)
        try:
            tables = {r["name"]: read_table(folder, r) for r in descriptor["resources"]}
        except (OSError, ValueError, KeyError) as error:
            problems.append(
                Problem(folder.name, "", None, None, f"cannot read the tables: {error}")
            )
            continue
        if all(t in tables for t in ("articles", *SPAN_TABLES)):
            problems += span_problems(folder.name, tables)
        loaded[folder.name] = tables
    if path.is_dir() and not (path / "datapackage.json").exists():
        problems += checksum_problems(path) + zip_problems(path)
        if {"csv", "parquet"} <= loaded.keys():
            problems += same_rows_problems(loaded["csv"], loaded["parquet"])
    return problems
