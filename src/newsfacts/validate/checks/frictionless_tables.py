"""What Frictionless checks in each table: header, types, constraints, keys, CSV hash and bytes.

In: a package's descriptor and its table files. Out: Frictionless's problems (message
"<error type>: <Frictionless's message>"), and, from the fast engine, a digest of each table
read whole, for the CSV = Parquet check (Package.digests).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import frictionless
import pyarrow as pa

from newsfacts.read.files import DESCRIPTOR, path_problem, read_descriptor
from newsfacts.validate import table_checks as compiled
from newsfacts.validate.check import Input, PackageCheck
from newsfacts.validate.digests import TableDigest
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
    report = frictionless.validate(str(folder / descriptor_name))
    problems = [Problem(package, "", None, None, e.message) for e in report.errors]
    for task in report.tasks:
        for error in task.errors:
            row = getattr(error, "row_number", None)
            field = getattr(error, "field_name", None)
            problems.append(
                Problem(package, task.name or "", row, field, f"{error.type}: {error.message}")
            )
    return problems


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
) -> list[Problem]:
    """What Frictionless reports: by the compiled checks (which fill `digests`, if given), or
    by stock Frictionless itself. A descriptor Frictionless finds fault with (its metadata,
    before any data is read) is left to stock Frictionless, which reports it in its words."""
    if engine == "fast" and described_validly(folder, descriptor_name):
        try:
            return compiled.package_problems(folder, descriptor, digests, descriptor_name)
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
        )
