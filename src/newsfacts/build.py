"""The main job: seeds and curated knowledge in, validated data packages out."""

from __future__ import annotations

import filecmp
import tempfile
from pathlib import Path

from . import dataset, publish
from .errors import NewsfactsError
from .pipeline import OnArticle, Tables, build_tables
from .seeds import list_seeds
from .validate import validate


def _verify(staging: Path) -> None:
    problems = [p for p in validate(staging) if p.severity == "error"]
    if problems:
        raise NewsfactsError(f"the new build is invalid, build/ left as it was: {problems[0]}")


def build(
    seeds_dir: Path, dataset_dir: Path, out: Path, on_article: OnArticle | None = None
) -> Tables:
    """Extract every seed, write both packages, validate them, then replace `out`."""
    publish.check_replaceable(out.resolve())
    curated = dataset.load(dataset_dir)
    paths = list_seeds(seeds_dir)
    tables = build_tables(paths, curated, seeds_dir.resolve().parent, on_article)
    publish.write_build(tables, curated, out, verify=_verify)
    return tables


def stale_files(seeds_dir: Path, dataset_dir: Path, out: Path) -> list[str]:
    """Files of `out` that differ from a fresh build (added, missing or changed)."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "build"
        build(seeds_dir, dataset_dir, fresh)
        if not out.is_dir():
            return [f"{out}: missing"]
        return _differences(fresh, out)


def _differences(fresh: Path, committed: Path) -> list[str]:
    new = {p.relative_to(fresh).as_posix() for p in fresh.rglob("*") if p.is_file()}
    old = {p.relative_to(committed).as_posix() for p in committed.rglob("*") if p.is_file()}
    changed = [
        name
        for name in sorted(new & old)
        if not filecmp.cmp(fresh / name, committed / name, shallow=False)
    ]
    return (
        [f"{n}: missing" for n in sorted(new - old)]
        + [f"{n}: not produced by the build" for n in sorted(old - new)]
        + [f"{n}: differs" for n in changed]
    )
