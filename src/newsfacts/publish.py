"""Writing the CSV and Parquet data packages, their zips and SHA256SUMS, reproducibly.

Everything is written to a temporary folder beside the output and swapped in
at the end, so a failed build leaves the previous one untouched.
"""

from __future__ import annotations

import csv
import ctypes
import datetime as dt
import fcntl
import hashlib
import io
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from . import card, models, schema, stats
from .dataset import Curated
from .errors import NewsfactsError
from .pipeline import Tables

FORMATS = ("csv", "parquet")
MEDIA_TYPES = {"csv": "text/csv", "parquet": "application/vnd.apache.parquet"}
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def write_csv(rows: list[dict[str, Any]], table: str, path: Path) -> None:
    columns = schema.column_names(table)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([csv_cell(row[c]) for c in columns] for row in rows)
    path.write_bytes(buffer.getvalue().encode("utf-8"))


def write_parquet(rows: list[dict[str, Any]], table: str, path: Path) -> None:
    arrow_table = pa.Table.from_pylist(rows, schema=schema.arrow_schema(table))
    pq.write_table(arrow_table, path, compression="zstd", write_statistics=True)


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def resource(table: str, fmt: str, path: Path) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "name": table,
        "type": "table",
        "path": path.name,
        "format": fmt,
        "mediatype": MEDIA_TYPES[fmt],
        "description": schema.table_schema(table)["description"],
    }
    if fmt == "csv":
        descriptor["encoding"] = "utf-8"
        descriptor["bytes"] = (
            path.stat().st_size
        )  # frictionless cannot count a Parquet file's bytes
    descriptor["hash"] = f"sha256:{file_hash(path)}"
    descriptor["schema"] = schema.resource_schema(table)
    return descriptor


def package_descriptor(
    curated: Curated, resources: list[dict[str, Any]], articles: list[models.Article]
) -> dict[str, Any]:
    """The package's metadata; `created` comes from the inputs (the release date in
    dataset.yaml, else the newest article date), never from the clock."""
    meta = curated.meta
    seeds = [
        {"title": f"Seed article {a.article_id}", "path": a.source_file, "sha256": a.sha256}
        for a in articles
    ]
    descriptor: dict[str, Any] = {
        "name": meta.name,
        "title": meta.title,
        "description": meta.description,
        "version": meta.version,
        "licenses": [meta.license.model_dump(exclude_none=True)],
        "contributors": [c.model_dump(exclude_none=True) for c in meta.contributors],
        "sources": [s.model_dump(exclude_none=True) for s in meta.sources] + seeds,
    }
    dates = [a.published_date for a in articles if a.published_date]
    created = meta.released or max(dates, default=None)
    if created:
        descriptor["created"] = f"{created.isoformat()}T00:00:00Z"
    descriptor["resources"] = resources
    return descriptor


def write_package(tables: Tables, curated: Curated, fmt: str, folder: Path) -> None:
    folder.mkdir(parents=True)
    writer = write_csv if fmt == "csv" else write_parquet
    resources = []
    for table in schema.TABLES:
        path = folder / f"{table}.{fmt}"
        writer([record.model_dump() for record in tables[table]], table, path)
        resources.append(resource(table, fmt, path))
    articles = [r for r in tables["articles"] if isinstance(r, models.Article)]
    descriptor = package_descriptor(curated, resources, articles)
    (folder / "README.md").write_text(card.render(curated, tables, fmt), encoding="utf-8")
    stats.chart(stats.frames(tables), folder / stats.CHART)
    (folder / "datapackage.json").write_text(
        json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def write_zip(folder: Path, target: Path) -> None:
    """A zip whose bytes depend only on the files' names and contents."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            info = zipfile.ZipInfo(f"{folder.name}/{path.name}", date_time=ZIP_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())


def write_checksums(out: Path) -> None:
    lines = [
        f"{file_hash(p)}  {p.relative_to(out).as_posix()}"
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != "SHA256SUMS"
    ]
    (out / "SHA256SUMS").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_build(
    tables: Tables, curated: Curated, out: Path, verify: Callable[[Path], None] | None = None
) -> None:
    """Write every package into a temporary folder beside `out`, verify it, then swap it in
    atomically: whatever happens, `out` is the previous build or the new one, never half of
    each. One build at a time per folder (a lock); leftovers of a killed build are removed."""
    out = out.resolve()
    check_replaceable(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with build_lock(out):
        remove_leftovers(out)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
        staging.chmod(0o755)
        try:
            for fmt in FORMATS:
                write_package(tables, curated, fmt, staging / fmt)
                zip_name = f"{curated.meta.name}-{curated.meta.version}-{fmt}.zip"
                write_zip(staging / fmt, staging / zip_name)
            write_checksums(staging)
            if verify:
                verify(staging)
            swap_in(staging, out)
        except OSError as error:
            raise NewsfactsError(
                f"{out}: writing the build failed ({error.strerror or error}); "
                "the previous build is unchanged"
            ) from error
        finally:
            shutil.rmtree(staging, ignore_errors=True)


@contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """An exclusive lock on `<out>.lock`: a second build of the same folder stops at once."""
    lock_path = out.with_name(f".{out.name}.lock")
    with lock_path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise NewsfactsError(
                f"{out}: another newsfacts build is writing it; try again when it ends"
            ) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def remove_leftovers(out: Path) -> None:
    """Temporary folders that a killed build left beside `out` (only under the lock)."""
    for leftover in out.parent.glob(f".{out.name}.tmp-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def is_build(folder: Path) -> bool:
    return (folder / "SHA256SUMS").is_file() and (folder / "csv" / "datapackage.json").is_file()


def check_replaceable(out: Path) -> None:
    """Only an earlier build, or nothing, may be replaced: never a folder with other content."""
    if out.exists() and not (out.is_dir() and (is_build(out) or not any(out.iterdir()))):
        raise NewsfactsError(
            f"{out}: exists and is not a newsfacts build; refusing to replace it "
            "(choose another --out)"
        )


def swap_in(staging: Path, out: Path) -> None:
    """Put `staging` in place of `out` in one atomic step; the old build ends up in `staging`
    (removed by the caller)."""
    if not out.exists():
        staging.rename(out)
        return
    if not exchange(staging, out):  # no atomic exchange here: two renames, restored on failure
        old = staging.with_name(staging.name + "-old")
        out.rename(old)
        try:
            staging.rename(out)
        except OSError:
            old.rename(out)
            raise
        old.rename(staging)


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically with Linux's renameat2(RENAME_EXCHANGE); False if unavailable."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange)
    if result != 0:
        errno = ctypes.get_errno()
        if errno in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: not supported here
            return False
        raise OSError(errno, os.strerror(errno), str(second))
    return True


def release(build: Path, releases: Path) -> tuple[Path, bool]:
    """Copy a validated build to releases/<version>/; (the folder, whether it is new).

    A release is immutable: the same version with other content is refused."""
    if not is_build(build):
        raise NewsfactsError(f"{build}: not a newsfacts build (run newsfacts build first)")
    version = json.loads((build / "csv" / "datapackage.json").read_text(encoding="utf-8"))[
        "version"
    ]
    target = releases / str(version)
    if target.exists():
        if _tree_hashes(target) == _tree_hashes(build):
            return target, False
        raise NewsfactsError(
            f"{target}: release {version} exists with different content; "
            "raise the version in dataset/dataset.yaml to release again"
        )
    releases.mkdir(parents=True, exist_ok=True)
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
