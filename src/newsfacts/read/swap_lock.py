"""One whole build for every reader: a build swaps its new folder in under an exclusive lock,
and readers (load, validate) hold a shared lock on the same file while they read, so a reader
never sees files from two builds.

The lock is `.<build>.swap.lock` beside the build folder. A reader that cannot create or open
it (a read-only disk, where no build can swap either) reads without it.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsfacts.read.files import DESCRIPTOR


def build_folder_of(path: Path) -> Path | None:
    """The build folder that `path` (a build, one of its packages, or a datapackage.json)
    belongs to; None when it is not part of a build."""
    path = path.resolve()
    for candidate in (path, path.parent, path.parent.parent):
        if (candidate / "SHA256SUMS").is_file() and (candidate / "csv" / DESCRIPTOR).is_file():
            return candidate  # what a build writes: its checksums and its CSV package
    return None


def lock_file(build: Path) -> Path:
    return build.with_name(f".{build.name}.swap.lock")


@contextmanager
def locked(build: Path, exclusive: bool) -> Iterator[None]:
    try:
        handle = lock_file(build).open("a")
    except OSError:
        if exclusive:
            raise
        yield  # nowhere to lock: nothing can swap here either
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def reading(path: Path) -> Iterator[None]:
    """Hold the shared lock of the build that `path` belongs to (if any) while reading it."""
    build = build_folder_of(path)
    if build is None:
        yield
        return
    with locked(build, exclusive=False):
        yield


@contextmanager
def swapping(build: Path) -> Iterator[None]:
    """The exclusive lock a build takes for the moment it swaps its new folder in: it waits
    for readers that have started, and readers that come later wait for it."""
    with locked(build, exclusive=True):
        yield
