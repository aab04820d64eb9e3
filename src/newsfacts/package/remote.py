"""A validated build published to an fsspec URL (`s3://…`, `gs://…`, `file://…`, `memory://…`),
for clusters whose workers share no disk.

The build is made and validated in a local staging folder first, as every build is; then only
the files whose sha256 differs from the remote build's SHA256SUMS are uploaded: the part files
first, then the descriptors and cards, then SHA256SUMS, and last the files the new build no
longer has are removed. An object store has no atomic swap of many files: a reader between two
uploads can see a mix of the two builds, which `newsfacts validate` of the copy reports (the
sha256 of a part no longer matches its descriptor).

What is at the URL is checked first, as a local --out is: only an earlier build (every file
named in its SHA256SUMS, by a plain relative path inside it), or nothing, is replaced; never
a release, a folder with other files or links, or one whose SHA256SUMS names a file outside
it. A file of the earlier build that is gone is uploaded again, and a publish cut short
(files of the new build there, not yet in SHA256SUMS) is completed by the next.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from newsfacts.errors import NewsfactsError
from newsfacts.package.staging import CHECKSUM_LINE, RELEASES_MARK, listed_files
from newsfacts.read.files import path_problem
from newsfacts.sources.remote import fsspec_module

if TYPE_CHECKING:
    from fsspec import AbstractFileSystem


def open_url(url: str) -> tuple[AbstractFileSystem, str]:
    """The file system and the path in it that `url` names; one clear error when the protocol
    is unknown or its package (s3fs, gcsfs, …) is not installed, or the URL names the root of
    its file system (a build goes in a folder)."""
    fsspec = fsspec_module(url)
    try:
        fs, root = fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as error:
        raise NewsfactsError(f"{url}: cannot open this URL ({error})") from error
    root = root.rstrip("/")
    if not root:
        raise NewsfactsError(f"{url}: names the root of its file system; choose a folder")
    return fs, root


def remote_listing(
    fs: AbstractFileSystem, root: str, url: str, ours: Collection[str] | None = None
) -> dict[str, str] | None:
    """The files of the build at `root` (listed in its SHA256SUMS, and there), with their
    sha256; None when nothing is there. Anything else is refused, as a local --out is: files
    or links its SHA256SUMS does not name, a name outside it, a release. But files by names
    the new build writes (`ours`) may be there unlisted, even with no SHA256SUMS: a publish
    cut short left them, and this one replaces them (`ours` None: any file may, as before
    the build, whose names are not known yet)."""
    try:
        return _build_files(fs, root, url, ours)
    except OSError as error:
        raise NewsfactsError(f"{url}: cannot be read ({error}); refusing to replace it") from error


def _build_files(
    fs: AbstractFileSystem, root: str, url: str, ours: Collection[str] | None
) -> dict[str, str] | None:
    if not fs.exists(root):
        return None
    if fs.exists(f"{PurePosixPath(root).parent}/{RELEASES_MARK}"):
        raise NewsfactsError(
            f"{url}: is a release, and releases are never replaced; refusing to replace it"
        )
    present = _files_under(fs, root, url)
    sums = f"{root}/SHA256SUMS"
    if not fs.exists(sums):
        if not _not_ours(present, ours):
            return None
        raise NewsfactsError(
            f"{url}: is not a newsfacts build (no SHA256SUMS); refusing to replace it"
        )
    listed = _checksum_list(fs.cat_file(sums), url)
    stranger = _not_ours(present - set(listed) - {"SHA256SUMS"}, ours)
    if stranger:
        raise NewsfactsError(
            f"{url}: holds {stranger}, which no build wrote; refusing to replace it"
        )
    return {name: digest for name, digest in listed.items() if name in present}


BUILD_FOLDERS = ("csv/", "parquet/")  # a build's files are in its two packages


def _not_ours(names: Collection[str], ours: Collection[str] | None) -> str | None:
    """The first of `names` the new build does not write (`ours`), or, before the build
    (`ours` None), that no build writes; None when a publish may replace them all (left by
    one cut short)."""
    for name in sorted(names):
        if ours is None:
            if path_problem(name) or not name.startswith(BUILD_FOLDERS):
                return name
        elif name not in ours:
            return name
    return None


def _checksum_list(data: bytes, url: str) -> dict[str, str]:
    """A remote SHA256SUMS's names and digests: names a build writes (plain relative paths
    inside it, not SHA256SUMS itself), as publish removes the ones the new build lacks."""
    lines = data.decode("utf-8", errors="replace").splitlines()
    found = [CHECKSUM_LINE.fullmatch(line) for line in lines]
    if not found or None in found:
        raise NewsfactsError(f"{url}/SHA256SUMS: not a checksum list; refusing to replace it")
    listed = {match["path"]: match["digest"] for match in found if match}
    for name in listed:
        if name == "SHA256SUMS" or path_problem(name):
            raise NewsfactsError(
                f"{url}/SHA256SUMS: lists {name}, which no build writes; refusing to replace it"
            )
    return listed


def _files_under(fs: AbstractFileSystem, root: str, url: str) -> set[str]:
    """The files under `root`, by their path from it; a link (file:// only) is refused."""
    files = set()
    for path, info in fs.find(root, detail=True, withdirs=True).items():
        name = path.removeprefix(f"{root}/")  # a path not under root stays whole: unlisted
        if info.get("islink"):
            raise NewsfactsError(f"{url}: holds a link, {name}, which no build makes")
        if info.get("type") == "file":
            files.add(name)
    return files


def publish(build: Path, url: str) -> list[str]:
    """Upload the local build `build` to `url`, replacing the build there; the files uploaded
    (the others were already there with the same sha256)."""
    fs, root = open_url(url)
    new = listed_files(build)
    if new is None:
        raise NewsfactsError(f"{build}: not a build (no SHA256SUMS)")
    old = remote_listing(fs, root, url, ours=set(new)) or {}
    changed = [name for name, digest in new.items() if old.get(name) != digest]
    try:
        for name in sorted(changed, key=_upload_order):
            target = f"{root}/{name}"
            fs.makedirs(str(PurePosixPath(target).parent), exist_ok=True)
            fs.put_file(str(build / name), target)
        fs.put_file(str(build / "SHA256SUMS"), f"{root}/SHA256SUMS")
        for name in sorted(set(old) - set(new)):
            fs.rm_file(f"{root}/{name}")  # listed and there (remote_listing)
    except OSError as error:
        raise NewsfactsError(f"{url}: uploading the build failed ({error})") from error
    return sorted(changed)


def _upload_order(name: str) -> tuple[int, str]:
    """Part files first (nothing refers to a new one yet), then descriptors and cards."""
    return (0 if "/part-" in name else 1, name)
