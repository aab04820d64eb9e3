"""A build is written to a temporary folder beside the output and swapped in at the end, so
a failed build leaves the previous one untouched; one build at a time per folder.
"""

from __future__ import annotations

import ctypes
import fcntl
import glob
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from newsfacts.errors import NewsfactsError
from newsfacts.read.files import file_hash
from newsfacts.read.swap_lock import swapping


@contextmanager
def staged_build(out: Path) -> Iterator[Path]:
    """A temporary folder beside `out` to write the new build into; swapped in atomically when
    the block ends without error: whatever happens, `out` is the previous build or the new
    one, never half of each. One build at a time per folder (a lock); leftovers of a killed
    build are removed."""
    out = out.resolve()
    check_replaceable(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise NewsfactsError(f"{out.parent}: cannot make it ({error.strerror or error})") from error
    with build_lock(out):
        remove_leftovers(out)
        staging = new_staging_folder(out)
        try:
            yield staging
            with swapping(out):
                check_replaceable(out)  # again: nothing may have been put there meanwhile
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
    try:
        handle = lock_path.open("a")
    except OSError as error:
        raise NewsfactsError(
            f"{lock_path}: cannot take the build lock ({error.strerror or error}); "
            "is the folder of --out writable?"
        ) from error
    with handle:
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


def new_staging_folder(out: Path) -> Path:
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
        staging.chmod(0o755)
    except OSError as error:
        raise NewsfactsError(
            f"{out.parent}: cannot write the new build here ({error.strerror or error})"
        ) from error
    return staging


def remove_leftovers(out: Path) -> None:
    """Temporary folders that a killed build left beside `out` (only under the lock)."""
    for leftover in out.parent.glob(f".{glob.escape(out.name)}.tmp-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def is_build(folder: Path) -> bool:
    return (folder / "SHA256SUMS").is_file() and (folder / "csv" / "datapackage.json").is_file()


RELEASES_MARK = ".newsfacts-releases"  # in a folder of releases: a build never replaces one
CHECKSUM_LINE = re.compile(r"(?P<digest>[0-9a-f]{64})  (?P<path>[^\n]+)")


def check_replaceable(out: Path) -> None:
    """Only an earlier build, or nothing, may be replaced: never a folder with other content,
    never a release."""
    try:
        reason = replace_refusal(out)
    except OSError as error:
        reason = f"cannot be read ({error.strerror or error})"
    if reason:
        raise NewsfactsError(f"{out}: {reason}; refusing to replace it (choose another --out)")


def replace_refusal(out: Path) -> str | None:
    """Why a new build may not replace `out`; None when it is absent, empty, or exactly an
    earlier build: every file listed in its SHA256SUMS with that sha256, and nothing else."""
    if not out.exists() and not out.is_symlink():
        return None
    if out.is_symlink() or not out.is_dir():
        return "exists and is not a folder"
    if not any(out.iterdir()):
        return None
    if (out.parent / RELEASES_MARK).exists():
        return "is a release, and releases are never replaced"
    listed = listed_files(out)
    if listed is None:
        return "is not a newsfacts build (no readable SHA256SUMS)"
    return _unlisted(out, listed) or _changed(out, listed)


def listed_files(build: Path) -> dict[str, str] | None:
    """The files a build's SHA256SUMS lists, with their sha256; None when it has none."""
    try:
        lines = (build / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    found = [CHECKSUM_LINE.fullmatch(line) for line in lines]
    if not found or None in found:
        return None
    return {match["path"]: match["digest"] for match in found if match}


def _unlisted(out: Path, listed: dict[str, str]) -> str | None:
    folders = {parent.as_posix() for name in listed for parent in PurePosixPath(name).parents}
    for path in sorted(out.rglob("*")):
        name = path.relative_to(out).as_posix()
        if path.is_symlink():
            return f"holds a link, {name}, which no build makes"
        if name != "SHA256SUMS" and name not in listed and name not in folders:
            return f"holds {name}, which no build wrote"
    return None


def _changed(out: Path, listed: dict[str, str]) -> str | None:
    for name, digest in listed.items():
        path = out / name
        if not path.is_file():
            return f"{name} is missing, so it is not a whole build"
        if _hash_once(path) != digest:
            return f"{name} was changed after the build"
    return None


_hashed: dict[str, tuple[tuple[int, ...], str]] = {}  # path -> (its stat, its sha256)


def _hash_once(path: Path) -> str:
    """The file's sha256, hashed again only when its stat changed: a build checks the old
    build three times (before it starts, under its lock, and at the swap); a write moves
    the file's change time, which nothing can set back."""
    found = path.stat()
    status = (found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino, found.st_dev)
    known = _hashed.get(str(path))
    if known and known[0] == status:
        return known[1]
    digest = file_hash(path)
    _hashed[str(path)] = (status, digest)
    return digest


def keep_unchanged(staging: Path, out: Path) -> list[str]:
    """Files of the new build byte for byte those of the build in `out` (same sha256 in both
    SHA256SUMS) become links to the old files, so that a rebuild leaves an unchanged part file
    as it was (its inode and time: tools that sync or back up see it untouched). `out` was
    checked against its SHA256SUMS before the build (check_replaceable), and is again before
    the swap. The files kept, by their names in SHA256SUMS."""
    old, new = listed_files(out), listed_files(staging)
    if not old or not new:
        return []
    kept = []
    for name, digest in new.items():
        previous, fresh = out / name, staging / name
        if old.get(name) != digest or previous.is_symlink() or not previous.is_file():
            continue
        if os.path.samefile(previous, fresh):  # linked already (a part kept whole)
            kept.append(name)
            continue
        temporary = fresh.with_name(fresh.name + ".kept")
        try:
            os.link(previous, temporary)
            temporary.replace(fresh)
            kept.append(name)
        except OSError:
            temporary.unlink(missing_ok=True)  # another file system: the new copy stays
    return kept


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
