"""Releasing a validated build: an immutable copy under releases/<version>/, with a zip of
each package (a build has none) and SHA256SUMS of every file: zips and part files, so that a
user can fetch the whole package or one part."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from newsfacts.errors import NewsfactsError
from newsfacts.package.staging import RELEASES_MARK, is_build
from newsfacts.package.write import write_checksums, write_zips
from newsfacts.read.files import file_hash
from newsfacts.validate.run import validate


def copy_to_releases(build: Path, releases: Path) -> tuple[Path, bool]:
    """Validate a build and copy it, with its zips, to releases/<version>/; (the folder,
    whether it is new).

    A release is immutable: the same version with other content is refused, and the releases
    folder is marked so that no build replaces a release (staging.RELEASES_MARK)."""
    if not is_build(build):
        raise NewsfactsError(f"{build}: not a newsfacts build (run newsfacts build first)")
    problems = [p for p in validate(build) if p.severity == "error"]
    if problems:
        raise NewsfactsError(f"{build}: not valid, nothing released: {problems[0]}")
    descriptor = json.loads((build / "csv" / "datapackage.json").read_text(encoding="utf-8"))
    version = descriptor["version"]
    target = releases / str(version)
    releases.mkdir(parents=True, exist_ok=True)
    (releases / RELEASES_MARK).touch()  # also a folder of releases made before the mark
    staging = Path(tempfile.mkdtemp(prefix=f".{version}.", dir=releases))
    try:
        shutil.copytree(build, staging, dirs_exist_ok=True)
        write_zips(staging, f"{descriptor['name']}-{version}")
        write_checksums(staging)
        if target.exists():
            if _tree_hashes(target) == _tree_hashes(staging):
                return target, False
            raise NewsfactsError(
                f"{target}: release {version} exists with different content; "
                "raise the version in dataset/dataset.yaml to release again"
            )
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
