"""Getting a published package onto local disk: from a folder, a zip, or an http(s) URL of a
zip or of a datapackage.json. Nothing is trusted until reader.verify has checked the hashes."""

from __future__ import annotations

import json
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from newsfacts.errors import NewsfactsError

OnBytes = Callable[[str, int, int | None], None]  # file name, bytes so far, total if known
CHUNK = 1 << 16
TIMEOUT = 60


def package_folder(path: Path, fmt: str = "parquet") -> Path:
    """A package folder from a build folder, a package folder or a datapackage.json path."""
    if path.is_file() and path.name == "datapackage.json":
        return path.parent
    if (path / "datapackage.json").is_file():
        return path
    if (path / fmt / "datapackage.json").is_file():
        return path / fmt
    raise NewsfactsError(f"{path}: no datapackage.json here (expected a package or build folder)")


def is_url(source: str) -> bool:
    return urllib.parse.urlparse(source).scheme in ("http", "https")


def fetch_url(url: str, target: Path, on_bytes: OnBytes | None = None) -> Path:
    """Fetch one URL to `target`; an HTTP error or a truncated body is one clear error."""
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response, target.open("wb") as out:
            total = (
                int(response.headers["Content-Length"])
                if response.headers["Content-Length"]
                else None
            )
            done = 0
            while chunk := response.read(CHUNK):
                out.write(chunk)
                done += len(chunk)
                if on_bytes:
                    on_bytes(target.name, done, total)
    except urllib.error.HTTPError as error:
        raise NewsfactsError(f"{url}: HTTP {error.code} {error.reason}") from error
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise NewsfactsError(f"{url}: download failed ({reason})") from error
    if total is not None and done != total:
        raise NewsfactsError(f"{url}: truncated download ({done} of {total} bytes)")
    return target


def extract_zip(archive: Path, target: Path) -> None:
    """Unpack a package zip; a member that would land outside `target` is refused."""
    try:
        with zipfile.ZipFile(archive) as zipped:
            for member in zipped.namelist():
                path = PurePosixPath(member)
                if path.is_absolute() or ".." in path.parts:
                    raise NewsfactsError(f"{archive.name}: member {member!r} leaves the package")
            zipped.extractall(target)
    except zipfile.BadZipFile as error:
        raise NewsfactsError(f"{archive.name}: not a zip file or truncated ({error})") from error


def package_in(folder: Path, fmt: str) -> Path:
    """The package folder inside an unpacked zip: the one of format `fmt` if there are two."""
    found = sorted(p.parent for p in folder.rglob("datapackage.json"))
    if not found:
        raise NewsfactsError(f"{folder.name}: no datapackage.json in the archive")
    matching = [p for p in found if p.name == fmt]
    return (matching or found)[0]


def download_package(url: str, target: Path, on_bytes: OnBytes | None = None) -> Path:
    """A datapackage.json URL: the descriptor and every resource it lists, beside it."""
    target.mkdir(parents=True, exist_ok=True)
    descriptor_path = fetch_url(url, target / "datapackage.json", on_bytes)
    try:
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    except ValueError as error:
        raise NewsfactsError(f"{url}: not a JSON data package descriptor ({error})") from error
    for resource in descriptor.get("resources", []):
        relative = str(resource.get("path", ""))
        parts = PurePosixPath(relative).parts
        if (
            not relative
            or PurePosixPath(relative).is_absolute()
            or ".." in parts
            or is_url(relative)
        ):
            raise NewsfactsError(f"{url}: resource path {relative!r} leaves the package; refused")
        fetch_url(urllib.parse.urljoin(url, relative), target / relative, on_bytes)
    return target


@contextmanager
def local_package(source: str | Path, fmt: str, on_bytes: OnBytes | None = None) -> Iterator[Path]:
    """A local package folder for `source` (a folder, datapackage.json, zip, or URL of either)."""
    text = str(source)
    if not is_url(text) and not text.endswith(".zip"):
        yield package_folder(Path(text), fmt)
        return
    with tempfile.TemporaryDirectory(prefix="newsfacts-") as tmp:
        work = Path(tmp)
        if is_url(text) and not urllib.parse.urlparse(text).path.endswith(".zip"):
            yield download_package(text, work / "package", on_bytes)
            return
        archive = fetch_url(text, work / "package.zip", on_bytes) if is_url(text) else Path(text)
        if not archive.is_file():
            raise NewsfactsError(f"{archive}: file not found")
        extract_zip(archive, work / "unpacked")
        yield package_in(work / "unpacked", fmt)


def fetch(source: str, to: Path, on_bytes: OnBytes | None = None) -> Path:
    """Download a release zip, or a datapackage.json with its resources, into folder `to`."""
    if urllib.parse.urlparse(source).path.endswith(".zip"):
        to.mkdir(parents=True, exist_ok=True)
        return fetch_url(
            source, to / PurePosixPath(urllib.parse.urlparse(source).path).name, on_bytes
        )
    return download_package(source, to, on_bytes)
