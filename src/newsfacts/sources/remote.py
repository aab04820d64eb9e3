"""Seeds at an fsspec URL (`s3://…/articles.parquet`, `gs://…`, `file://…`): a shard file
copied into a temporary folder under its own name, then read as a local shard is (so the
build is byte for byte the one from a local copy of the file)."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Any

from newsfacts.errors import NewsfactsError
from newsfacts.sources.record_files import FORMATS
from newsfacts.sources.shards import SHARD_FORMATS

URL_MARK = "://"


def is_url(target: str) -> bool:
    """Whether a path option names an fsspec URL rather than a local file or folder."""
    return URL_MARK in target


def fsspec_module(url: str) -> Any:
    """fsspec, or one clear error naming the extra that brings it."""
    try:
        import fsspec
    except ImportError:
        raise NewsfactsError(f"{url}: a URL needs fsspec: pip install 'newsfacts[dask]'") from None
    return fsspec


@contextmanager
def local_seeds(source: str) -> Iterator[Path]:
    """`--seeds` as a local path: a folder or file as given, or a shard file at a URL copied
    to a temporary folder (removed afterwards)."""
    if not is_url(source):
        yield Path(source)
        return
    name = PurePosixPath(source.split("?", 1)[0]).name
    if FORMATS.get(PurePosixPath(name).suffix.lower()) not in SHARD_FORMATS:
        raise NewsfactsError(
            f"{source}: seeds at a URL must be one shard file (.jsonl or .parquet)"
        )
    with tempfile.TemporaryDirectory(prefix="newsfacts-seeds-") as folder:
        local = Path(folder) / name
        _copy(source, local)
        yield local


def _copy(url: str, local: Path) -> None:
    fsspec = fsspec_module(url)
    try:
        with fsspec.open(url, "rb") as remote, local.open("wb") as copy:
            while chunk := remote.read(1 << 20):
                copy.write(chunk)
    except (OSError, ValueError, ImportError) as error:
        raise NewsfactsError(f"{url}: cannot read the seeds ({error})") from error
