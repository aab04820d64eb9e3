"""What checks run on: a table, a package, the pair of packages of a build, the build folder.

In: the path given to `validate` (a build folder, a package folder or a datapackage.json).
Out: `Subjects`, the packages found there (each a `Package`, which also holds what checks
compute about it for other checks), and, for a build folder, its `Build` and `Pair`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from newsfacts.errors import NewsfactsError
from newsfacts.read.files import read_descriptor
from newsfacts.validate.digests import TableDigest


@dataclass(eq=False)
class Package:
    """One package folder and its descriptor, with what the checks compute about it:
    `digests` (given by the table checks) and `tables_read` (by the span check)."""

    folder: Path
    descriptor: dict[str, Any]  # only the descriptor's resources: its sources are not checked
    engine: str  # "fast" or "frictionless", for Frictionless's checks
    digests: dict[str, TableDigest] = field(default_factory=dict)
    tables_read: bool = True

    @property
    def name(self) -> str:
        return self.folder.name

    @property
    def resources(self) -> list[dict[str, Any]]:
        return list(self.descriptor.get("resources", []))

    @cached_property
    def tables(self) -> dict[str, dict[str, Any]]:
        """The resources by name."""
        return {str(r.get("name")): r for r in self.resources}

    def same_values_as(self, other: Package, tables: Iterable[str]) -> bool:
        """Whether each of `tables` certainly holds the same rows here and in `other` (their
        digests agree; a table without a digest is not known to)."""
        return all(
            table in self.digests
            and table in other.digests
            and self.digests[table].same_as(other.digests[table])
            for table in tables
        )


@dataclass(frozen=True, eq=False)
class PackageTable:
    """One resource of a package: the subject of a table check."""

    package: Package
    resource: dict[str, Any]

    @property
    def name(self) -> str:
        return str(self.resource.get("name"))


@dataclass(frozen=True, eq=False)
class Pair:
    """The CSV and Parquet packages of a build, which must hold the same rows."""

    csv: Package
    parquet: Package

    @property
    def packages(self) -> tuple[Package, ...]:
        return (self.csv, self.parquet)


@dataclass(frozen=True, eq=False)
class Build:
    """A build folder: its packages, their zips and SHA256SUMS."""

    folder: Path
    packages: tuple[Package, ...]


@dataclass(frozen=True)
class Subjects:
    packages: list[Package]
    build: Build | None  # when a build folder was given
    pair: Pair | None  # when that build holds both a CSV and a Parquet package


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


def well_formed_resources(folder: Path) -> list[dict[str, Any]]:
    """The descriptor's resources, each an object with a name and a schema object holding a
    list of fields: the shape every check relies on (anything else is one line, not a crash)."""
    resources = read_descriptor(folder).get("resources", [])
    where = folder / "datapackage.json"
    if not isinstance(resources, list):
        raise NewsfactsError(f"{where}: 'resources' is not a list")
    for number, resource in enumerate(resources):
        name = resource.get("name", number) if isinstance(resource, dict) else number
        schema = resource.get("schema") if isinstance(resource, dict) else None
        if not (isinstance(schema, dict) and isinstance(schema.get("fields"), list)):
            raise NewsfactsError(
                f"{where}: resource {name!r}: 'schema' is not an object with a list of fields"
            )
    return resources


def subjects_at(path: Path, engine: str) -> Subjects:
    """The packages at `path`, and the build and pair when `path` is a build folder."""
    packages = [
        Package(folder, {"resources": well_formed_resources(folder)}, engine)
        for folder in packages_in(path)
    ]
    if not (path.is_dir() and not (path / "datapackage.json").exists()):
        return Subjects(packages, None, None)
    by_name = {package.name: package for package in packages}
    both = {"csv", "parquet"} <= by_name.keys()
    pair = Pair(by_name["csv"], by_name["parquet"]) if both else None
    return Subjects(packages, Build(path, tuple(packages)), pair)
