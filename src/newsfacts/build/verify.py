"""A new build is validated before it replaces the old one: whole, or, when it kept parts
of the previous build, without reading the kept parts' rows again.

A kept part passed validation when it was written, and its files are those bytes (their
sha256 is checked). What it could change is checked from its summary instead: its primary
keys carry its articles' ids (`<article_id>-m-<start>-<end>`), and no article is in two
parts, so keys unique within each part are unique across parts; the actor ids its rows
name (its mention and quote counts' keys) must be in the new actors table. So a rebuild that
kept parts runs:

1. on the whole build, the checks that read no rows: descriptors against the contract,
   every file's bytes and sha256 (so a kept part changed since its verdict is caught),
   SHA256SUMS;
2. every check on a view of the build that holds only the parts written now (with the
   actors and corrections tables whole), its foreign keys to articles also finding the kept
   parts' articles;
3. the kept parts' actor ids against the actors table.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from newsfacts.errors import NewsfactsError
from newsfacts.package.staging import listed_files
from newsfacts.package.write import ARTICLE_TABLES, FORMATS
from newsfacts.read.files import file_hash
from newsfacts.validate.checks.checksums import Checksums
from newsfacts.validate.checks.contract_schemas import ContractSchemas
from newsfacts.validate.checks.contract_tables import ContractTables
from newsfacts.validate.checks.file_as_described import FileAsDescribed
from newsfacts.validate.problems import Problem
from newsfacts.validate.run import OnCheck, validate

ROWLESS_CHECKS = (ContractTables(), ContractSchemas(), FileAsDescribed(), Checksums())


@dataclass(frozen=True)
class KeptParts:
    """What a rebuild kept: the parts written now (keys), the kept parts' articles, and the
    actor ids each kept part's rows name (read part by part when called)."""

    written: set[str]
    first_part: str
    articles: pa.ChunkedArray  # a part's ids at a time (a list of a million str: 70 MB)
    actor_ids: Callable[[], Iterator[tuple[str, set[str]]]]  # kept part's key, its actor ids


class IdSet:
    """A set of ids kept as 8-byte digests in a sorted array, for membership: a million ids
    in 8 MB (a set of str takes about 100 bytes an id). Two ids with one digest (odds about
    n² / 2⁶⁵) would let the one missing pass as present."""

    def __init__(self) -> None:
        self.digests = array("Q")
        self.in_order = True

    def update(self, ids: Iterable[str]) -> None:
        self.digests.extend(_digest(found) for found in ids)
        self.in_order = False

    def __contains__(self, found: str) -> bool:
        if not self.in_order:
            self.digests = array("Q", sorted(self.digests))
            self.in_order = True
        digest = _digest(found)
        at = bisect_left(self.digests, digest)
        return at < len(self.digests) and self.digests[at] == digest


def _digest(found: str) -> int:
    return int.from_bytes(hashlib.blake2b(found.encode(), digest_size=8).digest(), "little")


def verify(
    staging: Path,
    out: Path,
    on_check: OnCheck | None = None,
    kept_files: Sequence[str] = (),
    kept: KeptParts | None = None,
    actor_ids: IdSet | None = None,
) -> None:
    """Raise (naming the first problem) unless the build in `staging` is valid."""
    if kept is None or not len(kept.articles):
        problems = _whole(staging, on_check, kept_files)
    else:
        problems = _rebuilt(staging, on_check, kept_files, kept, actor_ids or IdSet())
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise NewsfactsError(f"the new build is invalid, {out} left as it was: {errors[0]}")


def _whole(staging: Path, on_check: OnCheck | None, kept_files: Sequence[str]) -> list[Problem]:
    # its own staging folder: nothing swaps it, so no lock (and no lock file beside it)
    kept = frozenset(staging / name for name in kept_files)
    return validate(staging, while_builds_swap=False, on_check=on_check, kept_files=kept)


def _rebuilt(
    staging: Path,
    on_check: OnCheck | None,
    kept_files: Sequence[str],
    kept: KeptParts,
    actor_ids: IdSet,
) -> list[Problem]:
    problems = validate(staging, checks=ROWLESS_CHECKS, while_builds_swap=False)
    with written_parts(staging, kept.written or {kept.first_part}) as view:
        known = {("articles", "article_id"): kept.articles}
        unchanged = frozenset(view / n for n in kept_files if (view / n).is_file())
        problems += validate(
            view, while_builds_swap=False, on_check=on_check, kept_files=unchanged, known_keys=known
        )
    for key, names in kept.actor_ids():
        for actor_id in sorted(n for n in names if n not in actor_ids)[:1]:
            problems.append(
                Problem("", key, None, "actor_id", f"actor {actor_id!r} is not in the actors table")
            )
    return problems


@contextmanager
def written_parts(staging: Path, keys: set[str]) -> Iterator[Path]:
    """A build folder beside `staging` holding its packages with only the parts `keys` of
    the article tables (and every other table whole): links to the files, descriptors and
    SHA256SUMS of its own (the files' sha256 as staging's lists them: checked there).
    Removed afterwards (a killed build's: with staging's leftovers)."""
    view = Path(tempfile.mkdtemp(prefix=f"{staging.name}-view-", dir=staging.parent))
    try:
        listed = listed_files(staging) or {}
        digests = {n: d for n, d in listed.items() if not n.endswith("/datapackage.json")}
        names = [name for fmt in FORMATS for name in _package_view(staging, view, fmt, keys)]
        lines = [f"{digests.get(n) or file_hash(view / n)}  {n}" for n in sorted(names)]
        (view / "SHA256SUMS").write_text("\n".join(lines) + "\n", encoding="utf-8")
        yield view
    finally:
        shutil.rmtree(view, ignore_errors=True)


def _package_view(staging: Path, view: Path, fmt: str, keys: set[str]) -> list[str]:
    """The package `fmt` with only the parts `keys` of the article tables; its files' names
    (as SHA256SUMS lists them)."""
    descriptor = json.loads((staging / fmt / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        if resource["name"] in ARTICLE_TABLES:
            _only_parts(resource, keys)
    names = ["datapackage.json"] + [p for r in descriptor["resources"] for p in r["path"]]
    for name in names[1:]:
        (view / fmt / name).parent.mkdir(parents=True, exist_ok=True)
        os.link(staging / fmt / name, view / fmt / name)
    text = json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"
    (view / fmt / "datapackage.json").write_text(text, encoding="utf-8")
    return [f"{fmt}/{name}" for name in names]


def _only_parts(resource: dict[str, Any], keys: set[str]) -> None:
    chosen = [n for n, path in enumerate(resource["path"]) if Path(path).stem in keys]
    for listed in ("path", "part_bytes", "part_hashes"):
        resource[listed] = [resource[listed][n] for n in chosen]
