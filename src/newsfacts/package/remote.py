"""A validated build published to an fsspec URL (`s3://…`, `gs://…`, `file://…`, `memory://…`),
for clusters whose workers share no disk.

The build is made and validated in a local staging folder first, as every build is; then only
the files whose sha256 differs from the remote build's SHA256SUMS are uploaded: the part files
first, then the descriptors and cards, then SHA256SUMS, and last the files the new build no
longer has are removed. An object store has no atomic swap of many files: a reader between two
uploads can see a mix of the two builds, which `newsfacts validate` of the copy reports (the
sha256 of a part no longer matches its descriptor).
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from newsfacts.errors import NewsfactsError
from newsfacts.package.staging import CHECKSUM_LINE, listed_files
from newsfacts.sources.remote import fsspec_module

if TYPE_CHECKING:
    from fsspec import AbstractFileSystem


def open_url(url: str) -> tuple[AbstractFileSystem, str]:
    """The file system and the path in it that `url` names; one clear error when the protocol
    is unknown or its package (s3fs, gcsfs, …) is not installed."""
    fsspec = fsspec_module(url)
    try:
        fs, root = fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as error:
        raise NewsfactsError(f"{url}: cannot open this URL ({error})") from error
    return fs, root.rstrip("/")


def remote_listing(fs: AbstractFileSystem, root: str, url: str) -> dict[str, str] | None:
    """The files the build at `root` lists in its SHA256SUMS; None when nothing is there. Any
    other content (files but no readable SHA256SUMS) is refused, as a local --out is."""
    if not fs.exists(root):
        return None
    sums = f"{root}/SHA256SUMS"
    if not fs.exists(sums):
        if fs.isdir(root) and not fs.ls(root):
            return None
        raise NewsfactsError(
            f"{url}: is not a newsfacts build (no SHA256SUMS); refusing to replace it"
        )
    lines = fs.cat_file(sums).decode("utf-8", errors="replace").splitlines()
    found = [CHECKSUM_LINE.fullmatch(line) for line in lines]
    if not found or None in found:
        raise NewsfactsError(f"{url}/SHA256SUMS: not a checksum list; refusing to replace it")
    return {match["path"]: match["digest"] for match in found if match}


def publish(build: Path, url: str) -> list[str]:
    """Upload the local build `build` to `url`, replacing the build there; the files uploaded
    (the others were already there with the same sha256)."""
    fs, root = open_url(url)
    old = remote_listing(fs, root, url) or {}
    new = listed_files(build)
    if new is None:
        raise NewsfactsError(f"{build}: not a build (no SHA256SUMS)")
    changed = [name for name, digest in new.items() if old.get(name) != digest]
    try:
        for name in sorted(changed, key=_upload_order):
            target = f"{root}/{name}"
            fs.makedirs(str(PurePosixPath(target).parent), exist_ok=True)
            fs.put_file(str(build / name), target)
        fs.put_file(str(build / "SHA256SUMS"), f"{root}/SHA256SUMS")
        for name in sorted(set(old) - set(new)):
            fs.rm_file(f"{root}/{name}")
    except OSError as error:
        raise NewsfactsError(f"{url}: uploading the build failed ({error})") from error
    return sorted(changed)


def _upload_order(name: str) -> tuple[int, str]:
    """Part files first (nothing refers to a new one yet), then descriptors and cards."""
    return (0 if "/part-" in name else 1, name)
