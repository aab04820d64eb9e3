"""Releasing: the build is made again from the seeds, without the cache, and released only
when it is byte for byte the build that was asked for.

The extraction cache is trusted by `newsfacts build` (checked, but what an entry says that
its seed cannot confirm, such as a statistic's value or a quote's speaker, is taken as
written); a release trusts nothing but the seeds, the curated dataset and the code.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from newsfacts.build.rows import OnArticle
from newsfacts.build.run import build, differences
from newsfacts.errors import NewsfactsError
from newsfacts.package.release import copy_to_releases
from newsfacts.package.staging import is_build


def release(
    build_dir: Path,
    releases: Path,
    seeds_dir: Path,
    dataset_dir: Path,
    no_text: bool = False,
    on_article: OnArticle | None = None,
    allow_symlinks: bool = False,
) -> tuple[Path, bool]:
    """Extract every seed again (no cache) into a temporary folder; refuse when any file
    differs from `build_dir`, else release that fresh build as releases/<version>/ (the
    folder, whether it is new)."""
    if not is_build(build_dir):
        raise NewsfactsError(f"{build_dir}: not a newsfacts build (run newsfacts build first)")
    with tempfile.TemporaryDirectory(prefix="newsfacts-release-") as folder:
        fresh = Path(folder) / "build"
        build(
            seeds_dir,
            dataset_dir,
            fresh,
            on_article=on_article,
            no_text=no_text,
            allow_symlinks=allow_symlinks,
        )
        changed = differences(fresh, build_dir)
        if changed:
            raise NewsfactsError(
                f"{build_dir}: not what {seeds_dir} and {dataset_dir} give, nothing released: "
                f"{first_changed_file(changed)} (a build without the cache differs: run "
                "newsfacts build --no-cache, then release)"
            )
        return copy_to_releases(fresh, releases)


def first_changed_file(changed: list[str]) -> str:
    """The first difference, a table's file before the files made from them (descriptors,
    cards, zips, SHA256SUMS), with how many others there are."""
    tables = [line for line in changed if line.endswith((".csv: differs", ".parquet: differs"))]
    first = (tables or changed)[0]
    others = len(changed) - 1
    return first if not others else f"{first}, and {others} other file{'s' * (others > 1)}"
