"""What Frictionless checks in each table: header, types, constraints, keys, CSV hash and bytes.

In: a package's descriptor and its table files. Out: Frictionless's problems (message
"<error type>: <Frictionless's message>"), and, from the fast engine, a digest of each table
read whole, for the CSV = Parquet check (Package.digests).
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import frictionless
import pyarrow as pa
import pyarrow.parquet as pq

from newsfacts.read.files import DESCRIPTOR, path_problem, read_descriptor
from newsfacts.validate import table_checks as compiled
from newsfacts.validate.check import Input, PackageCheck
from newsfacts.validate.digests import TableDigest
from newsfacts.validate.key_index import KnownKeys
from newsfacts.validate.problems import Problem
from newsfacts.validate.subjects import Package

# What stock Frictionless opens: each resource's data (path, extra paths), schema and dialect (a
# file, or a URL it would fetch), and a profile named by URL, the package's or a resource's
OPENED = ("path", "extrapaths", "schema", "dialect")
PROFILES = ("profile", "$schema")
NAMED_PROFILE = re.compile(r"[a-z][a-z-]*")  # "tabular-data-package": bundled, never fetched


def outside_reference(descriptor: dict[str, Any]) -> str | None:
    """The first thing stock Frictionless would open outside the package (a URL, an absolute
    path, '..'), as "<place> '<value>'"; None when it opens only the package's own files."""
    resources = descriptor.get("resources")
    places = [("", descriptor, PROFILES)] + [
        (f"resources[{n}].", r, OPENED + PROFILES)
        for n, r in enumerate(resources if isinstance(resources, list) else [])
        if isinstance(r, dict)
    ]
    for prefix, item, keys in places:
        for key in keys:
            value = item.get(key)
            paths = value if isinstance(value, list) else [value]  # multipart: a list of paths
            for path in [v for v in paths if isinstance(v, str)]:
                plain = NAMED_PROFILE.fullmatch(path) if key in PROFILES else not path_problem(path)
                if not plain:
                    return f"{prefix}{key} {path!r}"
    return None


def frictionless_problems(folder: Path, descriptor_name: str = DESCRIPTOR) -> list[Problem]:
    """What stock `frictionless.validate` reports on the package in `folder` (its descriptor
    `descriptor_name`); never run on a descriptor that points outside the package (validate
    reads no URL, fetches nothing)."""
    package = folder.name if descriptor_name == DESCRIPTOR else descriptor_name
    reference = outside_reference(read_descriptor(folder, descriptor_name))
    if reference:
        message = (
            f"{descriptor_name}: {reference} points outside the package; "
            "validate reads only the package's own files and never fetches a URL"
        )
        return [Problem(package, "", None, None, message)]
    with parquet_parts_joined(folder, descriptor_name) as (readable, name):
        report = frictionless.validate(str(readable / name))
    problems = [Problem(package, "", None, None, e.message) for e in report.errors]
    for task in report.tasks:
        for error in task.errors:
            row = getattr(error, "row_number", None)
            field = getattr(error, "field_name", None)
            problems.append(
                Problem(package, task.name or "", row, field, f"{error.type}: {error.message}")
            )
    return problems


@contextmanager
def parquet_parts_joined(folder: Path, descriptor_name: str) -> Iterator[tuple[Path, str]]:
    """The package as stock Frictionless reads every part of it: it reads only the first part
    of a multipart Parquet resource, so such parts are joined into one file (row group by row
    group) in a temporary copy, beside links to the package's other files."""
    descriptor = read_descriptor(folder, descriptor_name)
    resources = [r for r in descriptor.get("resources", []) if isinstance(r, dict)]
    parted = [r for r in resources if is_multipart_parquet(r)]
    if not parted:
        yield folder, descriptor_name
        return
    with tempfile.TemporaryDirectory(prefix="newsfacts-validate-") as temporary:
        copy = Path(temporary)
        for resource in resources:
            paths = resource.get("path")
            for relative in paths if isinstance(paths, list) else [paths]:
                if isinstance(relative, str) and (folder / relative).is_file():
                    (copy / relative).parent.mkdir(parents=True, exist_ok=True)
                    (copy / relative).symlink_to((folder / relative).resolve())
        for number, resource in enumerate(parted):
            joined = f"joined-{number}.parquet"
            join_parquet([folder / p for p in resource["path"]], copy / joined)
            resource["path"] = joined
        (copy / descriptor_name).write_text(json.dumps(descriptor), encoding="utf-8")
        yield copy, descriptor_name


def is_multipart_parquet(resource: dict[str, Any]) -> bool:
    paths = resource.get("path")
    return (
        isinstance(paths, list)
        and len(paths) > 1
        and all(isinstance(p, str) and p.endswith(".parquet") for p in paths)
    )


def join_parquet(parts: list[Path], target: Path) -> None:
    """One Parquet file holding the parts' rows in order (each part's schema must be the
    first's, or the join stops there: Frictionless then reports the rows it has)."""
    writer = None
    try:
        for part in parts:
            if not part.is_file():
                continue
            source = pq.ParquetFile(part)
            if writer is None:
                writer = pq.ParquetWriter(target, source.schema_arrow)
            if source.schema_arrow != writer.schema:
                break
            for group in range(source.num_row_groups):
                writer.write_table(source.read_row_group(group))
    finally:
        if writer is not None:
            writer.close()


def described_validly(folder: Path, descriptor_name: str) -> bool:
    """Whether the whole descriptor is valid metadata for Frictionless (no data read); never
    asked of one that points outside the package (Frictionless would fetch its profile)."""
    descriptor = read_descriptor(folder, descriptor_name)
    if outside_reference(descriptor):
        return False  # frictionless_problems refuses it
    return bool(frictionless.Package.validate_descriptor(descriptor).valid)


def table_problems(
    folder: Path,
    descriptor: dict[str, Any],
    engine: str,
    digests: dict[str, TableDigest] | None = None,
    descriptor_name: str = DESCRIPTOR,
    kept_files: frozenset[Path] = frozenset(),
    known_keys: KnownKeys | None = None,
) -> list[Problem]:
    """What Frictionless reports: by the compiled checks (which fill `digests`, if given;
    `kept_files` are not sniffed again: table_checks.opened_table), or by stock Frictionless
    itself; `known_keys`: values foreign keys may reference besides the package's rows
    (table_checks.package_problems). A descriptor Frictionless finds fault with (its
    metadata, before any data is read) is left to stock Frictionless, which reports it in
    its words."""
    if engine == "fast" and described_validly(folder, descriptor_name):
        try:
            return compiled.package_problems(
                folder, descriptor, digests, descriptor_name, kept_files, known_keys
            )
        except compiled.Irregular:
            pass  # rows or header of another length: stock Frictionless reports them exactly
        except (OSError, ValueError, pa.ArrowException):
            pass  # a file the fast reader cannot parse: leave the verdict to Frictionless
    if digests is not None:
        digests.clear()
    return frictionless_problems(folder, descriptor_name)


class FrictionlessTables(PackageCheck):
    """Frictionless's verdicts on every table of a package, foreign keys across them: by the
    fast engine (table_checks.py, the same verdicts, and digests on the way) or, with
    engine "frictionless" or a file the fast engine leaves to it, by stock Frictionless."""

    needs = (Input.DESCRIPTOR, Input.TABLE_FILES)
    gives = (Input.DIGESTS,)
    contract = "frictionless"

    def problems(self, subject: Package) -> Iterator[Problem]:
        yield from table_problems(
            subject.folder,
            subject.descriptor,
            subject.engine,
            subject.digests,
            subject.descriptor_name,
            subject.kept_files,
            subject.known_keys,
        )
