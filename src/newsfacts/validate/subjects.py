"""What checks run on: a table, a package, the pair of packages of a build, the build folder.

In: the path given to `validate` (a build folder, a package folder or a descriptor file: a
datapackage.json or any other *.json). Out: `Subjects`, the packages found there (each a
`Package`, which also holds what checks compute about it for other checks, and the contract
it is checked against), and, for a build folder of newsfacts packages, its `Build` and `Pair`.

A package is a newsfacts package, checked against the schema/ contract as well as by
Frictionless's checks, when its descriptor carries the key `newsfacts` (schema.CONTRACT_MARKER,
written by `newsfacts build`), or when its resources are exactly the schema/ tables (a build
written before the marker); or when the caller says so (contract="newsfacts"). Any other
package gets Frictionless's checks only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from newsfacts import schema
from newsfacts.errors import NewsfactsError
from newsfacts.read.files import DESCRIPTOR, read_descriptor
from newsfacts.validate.digests import TableDigest
from newsfacts.validate.key_index import KnownKeys


@dataclass(eq=False)
class Package:
    """One package folder and its descriptor, with what the checks compute about it:
    `digests` (given by the table checks) and `tables_read` (by the span check)."""

    folder: Path
    descriptor: dict[str, Any]  # only the descriptor's resources: its sources are not checked
    engine: str  # "fast" or "frictionless", for Frictionless's checks
    contract: str = "newsfacts"  # or "frictionless": Frictionless's checks only
    descriptor_name: str = DESCRIPTOR  # the descriptor's file name in `folder`
    digests: dict[str, TableDigest] = field(default_factory=dict)
    tables_read: bool = True
    kept_files: frozenset[Path] = frozenset()  # files a rebuild kept (validate says which)
    known_keys: KnownKeys = field(default_factory=dict)  # values held by rows not here

    @property
    def name(self) -> str:
        """The folder's name; or the descriptor's, when it is not a datapackage.json."""
        return self.folder.name if self.descriptor_name == DESCRIPTOR else self.descriptor_name

    @property
    def descriptor_path(self) -> Path:
        return self.folder / self.descriptor_name

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


CONTRACTS = ("auto", "newsfacts", "frictionless")


def descriptors_in(path: Path) -> list[Path]:
    """The descriptor files under a build folder (csv/ and parquet/), in a package folder, or
    the descriptor file given."""
    if path.is_file() and path.suffix == ".json":
        return [path]
    if (path / DESCRIPTOR).is_file():
        return [path / DESCRIPTOR]
    found = [path / fmt / DESCRIPTOR for fmt in ("csv", "parquet")]
    found = [descriptor for descriptor in found if descriptor.is_file()]
    if not found:
        raise NewsfactsError(
            f"{path}: no data package found (expected a datapackage.json or another *.json "
            "descriptor, or a build folder holding csv/ and parquet/)"
        )
    return found


def well_formed_resources(folder: Path, name: str = DESCRIPTOR) -> list[dict[str, Any]]:
    """The descriptor's resources, each an object with a name and a schema object holding a
    list of fields: the shape every check relies on (anything else is one line, not a crash)."""
    resources = read_descriptor(folder, name).get("resources", [])
    where = folder / name
    if not isinstance(resources, list):
        raise NewsfactsError(f"{where}: 'resources' is not a list")
    for number, resource in enumerate(resources):
        label = resource.get("name", number) if isinstance(resource, dict) else number
        table_schema = resource.get("schema") if isinstance(resource, dict) else None
        if not (isinstance(table_schema, dict) and isinstance(table_schema.get("fields"), list)):
            raise NewsfactsError(
                f"{where}: resource {label!r}: 'schema' is not an object with a list of fields"
            )
    return resources


def is_newsfacts_package(descriptor: dict[str, Any]) -> bool:
    """Whether a descriptor is one newsfacts wrote (the rule in this module's docstring)."""
    if schema.CONTRACT_MARKER in descriptor:
        return True
    names = [r.get("name") for r in descriptor.get("resources", []) if isinstance(r, dict)]
    return sorted(map(str, names)) == sorted(schema.TABLES)


def package_at(
    descriptor_file: Path,
    engine: str,
    contract: str,
    kept_files: frozenset[Path] = frozenset(),
    known_keys: KnownKeys | None = None,
) -> Package:
    """The package a descriptor describes. Only the newsfacts contract's checks need its
    resources well formed (well_formed_resources); Frictionless's take any descriptor."""
    folder, name = descriptor_file.parent, descriptor_file.name
    descriptor = read_descriptor(folder, name)
    if contract == "auto":
        contract = "newsfacts" if is_newsfacts_package(descriptor) else "frictionless"
    resources = descriptor.get("resources", [])
    if contract == "newsfacts":
        resources = well_formed_resources(folder, name)
    package = Package(folder, {"resources": resources}, engine, contract, name)
    package.kept_files = frozenset(path.resolve() for path in kept_files)
    package.known_keys = known_keys or {}
    return package


def subjects_at(
    path: Path,
    engine: str,
    contract: str = "auto",
    kept_files: frozenset[Path] = frozenset(),
    known_keys: KnownKeys | None = None,
) -> Subjects:
    """The packages at `path`, and the build and pair when `path` is a build folder of
    newsfacts packages. `contract`: "auto" (recognised, as this module's docstring says),
    "newsfacts" or "frictionless" (for every package)."""
    if contract not in CONTRACTS:
        raise NewsfactsError(f"unknown contract {contract!r} (auto, newsfacts or frictionless)")
    packages = [
        package_at(d, engine, contract, kept_files, known_keys) for d in descriptors_in(path)
    ]
    is_build = path.is_dir() and not (path / DESCRIPTOR).exists()
    if not is_build or any(p.contract != "newsfacts" for p in packages):
        return Subjects(packages, None, None)
    by_name = {package.name: package for package in packages}
    both = {"csv", "parquet"} <= by_name.keys()
    pair = Pair(by_name["csv"], by_name["parquet"]) if both else None
    return Subjects(packages, Build(path, tuple(packages)), pair)
