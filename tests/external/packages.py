"""The data packages of the Frictionless sdist's data/ folder, fetched at test time (never
committed): the pinned sdist from PyPI (`pip download`), its sha256 checked, cached under
.cache/frictionless/ and unpacked there.

Usage: python tests/external/packages.py   (prints the descriptors found)
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache" / "frictionless"
VERSION = "5.21.0"  # the installed frictionless (the dev extra)
ARCHIVE = f"frictionless-{VERSION}.tar.gz"
SHA256 = "4d9848570bc682943375824a4be7633e8bbdeff228affee763cab346e48000b4"


def archive() -> Path:
    """The pinned sdist, from the cache or PyPI, its sha256 checked."""
    cached = CACHE / ARCHIVE
    if not cached.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"]
            command += ["--no-binary=:all:", f"frictionless=={VERSION}", "--dest", tmp]
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            shutil.move(Path(tmp) / ARCHIVE, cached)
    if hashlib.sha256(cached.read_bytes()).hexdigest() != SHA256:
        raise RuntimeError(f"{cached}: sha256 differs from the pinned one")
    return cached


def data_folder() -> Path:
    """The sdist's data/ folder, unpacked once into the cache."""
    unpacked = CACHE / f"frictionless-{VERSION}"
    if not (unpacked / "data").is_dir():
        with tarfile.open(archive()) as tar:
            members = [m for m in tar.getmembers() if m.name.startswith(f"{unpacked.name}/data/")]
            tar.extractall(CACHE, members=members, filter="data")
    return unpacked / "data"


def local_paths(resource: object) -> bool:
    """A resource whose data is in files inside the package's folder (not inline, no URL)."""
    if not isinstance(resource, dict):
        return False
    paths = resource.get("path")
    paths = paths if isinstance(paths, list) else [paths]
    return all(isinstance(p, str) and "://" not in p and ".." not in p for p in paths)


def descriptors(folder: Path) -> list[Path]:
    """Every JSON file under `folder` that is a data package descriptor with local resources."""
    found = []
    for path in sorted(folder.rglob("*.json")):
        try:
            descriptor = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, ValueError):
            continue
        resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
        if isinstance(resources, list) and resources and all(map(local_paths, resources)):
            found.append(path)
    return found


if __name__ == "__main__":
    for path in descriptors(data_folder()):
        print(path.relative_to(CACHE))
