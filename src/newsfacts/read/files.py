"""A package's files: its descriptor, each resource's path inside the package, and their
bytes and sha256 checked against the descriptor (no pandas here: validation uses it).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsfacts.errors import NewsfactsError


def file_hash(path: Path) -> str:
    """sha256 of a file, read in chunks (memory stays flat for large files)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def read_descriptor(folder: Path) -> dict[str, Any]:
    path = folder / "datapackage.json"
    try:
        descriptor: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise NewsfactsError(f"{path}: cannot read the descriptor: {error}") from error
    return descriptor


def resource_path(folder: Path, resource: dict[str, Any]) -> Path:
    """The resource's file; a path that leaves the package folder is refused, never read."""
    relative = str(resource.get("path", ""))
    target = (folder / relative).resolve()
    if Path(relative).is_absolute() or not target.is_relative_to(folder.resolve()):
        raise NewsfactsError(
            f"{folder / 'datapackage.json'}: resource {resource.get('name')!r}: "
            f"path {relative!r} leaves the package folder"
        )
    return target


def resource_file_problems(
    folder: Path, resource: dict[str, Any], hasher: Callable[[Path], str] = file_hash
) -> list[str]:
    """Problems with a resource's file: missing, or bytes/hash not as the descriptor says."""
    path = resource_path(folder, resource)
    if not path.is_file():
        return [f"{path.name}: file missing"]
    size = path.stat().st_size
    problems = []
    if "bytes" in resource and resource["bytes"] != size:
        problems.append(f"{path.name}: {size} bytes, descriptor says {resource['bytes']}")
    expected = str(resource.get("hash", "")).removeprefix("sha256:")
    if expected and expected != hasher(path):
        problems.append(f"{path.name}: sha256 does not match the descriptor's hash")
    return problems
