"""A package's files: its descriptor, each resource's path inside the package, and their
bytes and sha256 checked against the descriptor (no pandas here: validation uses it).

A descriptor is untrusted input: it is read up to MAX_DESCRIPTOR_BYTES, nested at most
MAX_DEPTH deep, and a resource path must be a plain relative path (SAFE_PATH) before any
file is opened or any URL joined with it.
"""

from __future__ import annotations

import hashlib
import json
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsfacts.errors import NewsfactsError

DESCRIPTOR = "datapackage.json"
MAX_DESCRIPTOR_BYTES = 4 << 20  # ours are ~20 kB whatever the corpus: the schema, not the data
MAX_DEPTH = 32  # ours nest 7 deep
# A resource path: names of letters, digits, '.', '_' and '-', joined by '/'; no '.' or '..'
# name, no leading '/', no scheme, percent-escape, backslash, space or control character.
SAFE_PATH = re.compile(r"[A-Za-z0-9._-]+(?:/[A-Za-z0-9._-]+)*")
SHA256 = re.compile(r"sha256:[0-9a-f]{64}")
UNSIZED_SUFFIX = ".parquet"  # Frictionless 5 cannot count a Parquet file's bytes: ours have none


@dataclass(frozen=True)
class Part:
    """One file of a resource: its relative path, and the sha256 (`sha256:<hex>`) and size in
    bytes its descriptor declares (None when it declares none)."""

    path: Any
    hash: Any
    bytes: Any


def resource_parts(resource: dict[str, Any]) -> list[Part]:
    """The files of a resource: its `path` (one file, with `hash` and `bytes`), or each file
    of a multipart resource, whose `path` is a list (with newsfacts's `part_hashes` and
    `part_bytes` in the same order). Nothing is checked here (see checked_resources)."""
    path = resource.get("path")
    if not isinstance(path, list):
        return [Part(path, resource.get("hash"), resource.get("bytes"))]
    hashes, sizes = resource.get("part_hashes"), resource.get("part_bytes")
    count = len(path)
    hashes = hashes if isinstance(hashes, list) and len(hashes) == count else [None] * count
    sizes = sizes if isinstance(sizes, list) and len(sizes) == count else [None] * count
    return [Part(*values) for values in zip(path, hashes, sizes, strict=True)]


def file_hash(path: Path) -> str:
    """sha256 of a file, read in chunks (memory stays flat for large files)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def path_problem(relative: object) -> str | None:
    """Why `relative` is not a plain relative POSIX path inside the package, or None."""
    if not isinstance(relative, str) or not relative:
        return "is missing or not a string"
    parts = relative.split("/")
    if relative.startswith("/") or ".." in parts:
        return "leaves the package folder"
    if not SAFE_PATH.fullmatch(relative) or "." in parts:
        return "is not a plain relative path (letters, digits, '.', '_', '-' and '/' only)"
    return None


def depth(value: Any) -> int:
    """How deep JSON `value` nests (without recursion: a deep value cannot overflow it)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return deepest


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def parse_descriptor(data: bytes, where: str) -> dict[str, Any]:
    """A descriptor's JSON: an object whose `resources` (if given) is a list of objects."""
    if len(data) > MAX_DESCRIPTOR_BYTES:
        raise NewsfactsError(f"{where}: descriptor larger than {MAX_DESCRIPTOR_BYTES} bytes")
    try:
        descriptor = json.loads(data.decode("utf-8"), parse_constant=_no_constant)
    except RecursionError:
        raise NewsfactsError(f"{where}: descriptor nested too deeply") from None
    except ValueError as error:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise NewsfactsError(f"{where}: not a JSON data package descriptor ({error})") from None
    if depth(descriptor) > MAX_DEPTH:
        raise NewsfactsError(f"{where}: descriptor nested more than {MAX_DEPTH} deep")
    if not isinstance(descriptor, dict):
        raise NewsfactsError(f"{where}: descriptor is not a JSON object")
    resources = descriptor.get("resources", [])
    if not isinstance(resources, list) or not all(isinstance(r, dict) for r in resources):
        raise NewsfactsError(f"{where}: 'resources' is not a list of objects")
    return descriptor


def read_descriptor(folder: Path, name: str = DESCRIPTOR) -> dict[str, Any]:
    """The descriptor `name` (datapackage.json unless another is named) in `folder`."""
    path = folder / name
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a FIFO or device would block or never end
            raise NewsfactsError(f"{path}: cannot read the descriptor: not a regular file")
        with path.open("rb") as handle:
            data = handle.read(MAX_DESCRIPTOR_BYTES + 1)
    except OSError as error:
        raise NewsfactsError(f"{path}: cannot read the descriptor: {error}") from error
    return parse_descriptor(data, str(path))


def checked_resources(descriptor: dict[str, Any], where: str) -> list[dict[str, Any]]:
    """The resources of a descriptor that load() and download may fetch or read: at least one;
    each with a name, a schema with fields, and files (resource_parts) each with a plain
    relative path, a sha256 hash, and a byte count (a Parquet file may go without: Frictionless
    cannot count its bytes, and its size is capped by the zip member or by MAX_UNSIZED_BYTES).
    The first problem is raised."""
    resources = descriptor.get("resources")
    if not isinstance(resources, list) or not resources:
        raise NewsfactsError(f"{where}: the descriptor lists no resources")
    names: set[str] = set()
    paths: set[str] = {DESCRIPTOR}
    for number, resource in enumerate(resources):
        name = resource.get("name") if isinstance(resource, dict) else None
        if not isinstance(name, str) or not name:
            raise NewsfactsError(f"{where}: resource {number}: no name")
        label = f"{where}: resource {name!r}"
        problem = _resource_problem(resource)
        if problem:
            raise NewsfactsError(f"{label}: {problem}")
        if name in names:
            raise NewsfactsError(f"{label}: name listed twice")
        names.add(name)
        for part in resource_parts(resource):
            if part.path in paths:
                raise NewsfactsError(f"{label}: path {part.path!r} listed twice")
            paths.add(part.path)
    return resources


def _resource_problem(resource: dict[str, Any]) -> str | None:
    fields = (
        resource.get("schema", {}).get("fields")
        if isinstance(resource.get("schema"), dict)
        else None
    )
    if not isinstance(fields, list) or not fields:
        return "no schema with fields"
    for field in fields:
        if not (
            isinstance(field, dict)
            and isinstance(field.get("name"), str)
            and isinstance(field.get("type"), str)
        ):
            return f"field {field!r} has no name or type"
    parts = resource_parts(resource)
    if not parts:
        return "path [] lists no file"
    multipart = isinstance(resource.get("path"), list)
    return next(filter(None, (_part_problem(p, multipart) for p in parts)), None)


def _part_problem(part: Part, multipart: bool) -> str | None:
    problem = path_problem(part.path)
    if problem:
        return f"path {part.path!r} {problem}"
    where = f" for {part.path}" if multipart else ""
    if not isinstance(part.hash, str) or not SHA256.fullmatch(part.hash):
        return f"no 'sha256:<64 hex digits>' hash{where}: it cannot be verified"
    if part.bytes is None and not str(part.path).endswith(UNSIZED_SUFFIX):
        return f"no 'bytes' count{where}: only a Parquet file may go without"
    if part.bytes is not None and (type(part.bytes) is not int or part.bytes < 0):
        return f"'bytes' {part.bytes!r}{where} is not a count of bytes"
    return None


def resource_path(folder: Path, resource: dict[str, Any], relative: Any = None) -> Path:
    """The resource's file (or its part `relative`); a path that is not plain and relative,
    or that leaves the package folder (through a symlink too), is refused, never opened."""
    relative = resource.get("path", "") if relative is None else relative
    problem = path_problem(relative)
    target = folder if problem else (folder / str(relative)).resolve()
    if not problem and not target.is_relative_to(folder.resolve()):
        problem = "leaves the package folder"
    if problem:
        raise NewsfactsError(
            f"{folder / DESCRIPTOR}: resource {resource.get('name')!r}: path {relative!r} {problem}"
        )
    return target


def resource_paths(folder: Path, resource: dict[str, Any]) -> list[Path]:
    """Every file of the resource, in order (each checked as resource_path checks it)."""
    return [resource_path(folder, resource, part.path) for part in resource_parts(resource)]


def resource_file_problems(
    folder: Path, resource: dict[str, Any], hasher: Callable[[Path], str] = file_hash
) -> list[str]:
    """Problems with a resource's files: missing, not a regular file, bytes/hash not as the
    descriptor says, or no sha256 hash to check it against (never taken as verified)."""
    problems = []
    for part in resource_parts(resource):
        path = resource_path(folder, resource, part.path)
        name = str(part.path)
        if not path.is_file():
            problems.append(f"{name}: file missing")
            continue
        size = path.stat().st_size
        if part.bytes is not None and part.bytes != size:
            problems.append(f"{name}: {size} bytes, descriptor says {part.bytes}")
        if not isinstance(part.hash, str) or not SHA256.fullmatch(part.hash):
            problems.append(f"{name}: no sha256 hash in the descriptor; cannot be verified")
        elif part.hash.removeprefix("sha256:") != hasher(path):
            problems.append(f"{name}: sha256 does not match the descriptor's hash")
    return problems
