"""Releasing a validated build: an immutable copy under releases/<version>/."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from newsfacts.errors import NewsfactsError
from newsfacts.package.staging import RELEASES_MARK, is_build
from newsfacts.read.files import file_hash
from newsfacts.validate.run import validate


def copy_to_releases(build: Path, releases: Path) -> tuple[Path, bool]:
    """Validate a build and copy it to releases/<version>/; (the folder, whether it is new).

    A release is immutable: the same version with other content is refused, and the releases
    folder is marked so that no build replaces a release (staging.RELEASES_MARK)."""
    if not is_build(build):
        raise NewsfactsError(f"{build}: not a newsfacts build (run newsfacts build first)")
    problems = [p for p in validate(build) if p.severity == "error"]
    if problems:
        raise NewsfactsError(f"{build}: not valid, nothing released: {problems[0]}")
    version = json.loads((build / "csv" / "datapackage.json").read_text(encoding="utf-8"))[
        "version"
    ]
    target = releases / str(version)
    releases.mkdir(parents=True, exist_ok=True)
    (releases / RELEASES_MARK).touch()  # also a folder of releases made before the mark
    if target.exists():
        if _tree_hashes(target) == _tree_hashes(build):
            return target, False
        raise NewsfactsError(
            f"{target}: release {version} exists with different content; "
            "raise the version in dataset/dataset.yaml to release again"
        )
    staging = Path(tempfile.mkdtemp(prefix=f".{version}.", dir=releases))
    try:
        shutil.copytree(build, staging, dirs_exist_ok=True)
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target, True


def _tree_hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): file_hash(p)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
