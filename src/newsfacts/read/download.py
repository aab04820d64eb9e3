"""Getting a published package onto local disk: from a folder, a zip, or an http(s) URL of a
zip or of a datapackage.json. Nothing is trusted until frames.verify has checked the hashes.

What is fetched or unpacked is bounded before it is read, and written only into a new
temporary folder that is removed on every exit (an error, Ctrl-C, or SIGTERM):

- a descriptor: at most files.MAX_DESCRIPTOR_BYTES;
- a resource: exactly the `bytes` its descriptor declares (a Parquet resource without
  `bytes`: at most MAX_UNSIZED_BYTES, or its zip member's declared size);
- a zip: at most MAX_PACKAGE_BYTES, MAX_MEMBERS members of regular, non-executable files
  with unique plain names, inflating to at most MAX_PACKAGE_BYTES in all and to at most
  MAX_RATIO times their compressed size (checked from the zip's directory before inflating);
- a download, all requests and unpacking included: DEADLINE seconds in all (a server that
  sends one byte at a time is cut off), and TIMEOUT seconds of silence at most.
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import os
import signal
import socket
import stat
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import IO, Any

from newsfacts.errors import NewsfactsError
from newsfacts.read.files import (
    DESCRIPTOR,
    MAX_DESCRIPTOR_BYTES,
    checked_resources,
    parse_descriptor,
    path_problem,
    resource_parts,
)
from newsfacts.read.swap_lock import reading

OnBytes = Callable[[str, int, int | None], None]  # file name, bytes so far, total if known
CHUNK = 1 << 16
TIMEOUT = 60  # seconds without a byte before a request fails
DEADLINE = 900  # seconds for a whole download (every request, and unpacking the zip)
MAX_PACKAGE_BYTES = 2 << 30  # a zip, or all of a package's files together
MAX_UNSIZED_BYTES = 512 << 20  # one Parquet resource whose descriptor gives no `bytes`
MAX_MEMBERS = 256  # ours hold 9
MAX_RATIO = 100  # inflated / compressed size of a zip member above RATIO_FLOOR bytes
RATIO_FLOOR = 1 << 20
EXTRAS = ("README.md", "quotes_per_speaker.png")  # in our zips, not listed as resources
MAX_EXTRA_BYTES = 16 << 20


class Session:
    """One download's limits: its deadline, enforced by closing its sockets when it passes,
    and the bytes it may still take."""

    def __init__(self, seconds: float | None = None) -> None:
        self.seconds = DEADLINE if seconds is None else seconds
        self.end = time.monotonic() + self.seconds
        self.budget = MAX_PACKAGE_BYTES
        self.expired = False
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        self.timer = threading.Timer(self.seconds, self.expire)
        self.timer.daemon = True
        self.timer.start()

    def expire(self) -> None:
        with self.lock:
            self.expired = True
            for sock in self.sockets:
                with contextlib.suppress(OSError):  # wakes a read blocked on a slow server
                    sock.shutdown(socket.SHUT_RDWR)

    def watch(self, sock: socket.socket) -> None:
        with self.lock:
            self.sockets.append(sock)
            if self.expired:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def remaining(self) -> float:
        return self.end - time.monotonic()

    def check(self, what: str) -> None:
        if self.expired or self.remaining() <= 0:
            raise NewsfactsError(f"{what}: stopped after the {self.seconds:g} s download deadline")

    def take(self, what: str, size: int) -> None:
        """Count `size` more bytes against the package's budget."""
        self.budget -= size
        if self.budget < 0:
            raise NewsfactsError(f"{what}: package larger than {MAX_PACKAGE_BYTES} bytes; refused")

    def close(self) -> None:
        self.timer.cancel()


@contextlib.contextmanager
def session() -> Iterator[Session]:
    limits = Session()
    try:
        yield limits
    finally:
        limits.close()


class Terminated(BaseException):
    """SIGTERM, raised so that temporary files are removed on the way out."""


@contextlib.contextmanager
def sigterm_cleans_up() -> Iterator[None]:
    """While inside, SIGTERM unwinds like Ctrl-C (removing temporary folders), then ends the
    process as SIGTERM would have. Only where Python can handle signals (the main thread) and
    no one else handles SIGTERM."""
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL
    ):
        yield
        return

    def raise_terminated(signum: int, frame: Any) -> None:
        raise Terminated

    signal.signal(signal.SIGTERM, raise_terminated)
    try:
        yield
    except Terminated:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.raise_signal(signal.SIGTERM)
        raise  # only if SIGTERM is blocked
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


@contextlib.contextmanager
def temporary_folder() -> Iterator[Path]:
    """A new temporary folder, removed on every exit: error, Ctrl-C or SIGTERM."""
    with sigterm_cleans_up(), tempfile.TemporaryDirectory(prefix="newsfacts-") as tmp:
        yield Path(tmp)


def package_folder(path: Path, fmt: str = "parquet") -> Path:
    """A package folder from a build folder, a package folder or a datapackage.json path."""
    if path.is_file() and path.name == DESCRIPTOR:
        return path.parent
    if (path / DESCRIPTOR).is_file():
        return path
    if (path / fmt / DESCRIPTOR).is_file():
        return path / fmt
    raise NewsfactsError(f"{path}: no datapackage.json here (expected a package or build folder)")


def is_url(source: str) -> bool:
    return urllib.parse.urlparse(source).scheme in ("http", "https")


class _Watched(http.client.HTTPConnection):
    """A connection whose socket the session watches (its deadline can shut it)."""

    def __init__(self, *args: Any, limits: Session, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limits = limits

    def connect(self) -> None:
        super().connect()
        self.limits.watch(self.sock)


class _HTTPConnection(_Watched):
    pass


class _HTTPSConnection(_Watched, http.client.HTTPSConnection):
    pass


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, limits: Session) -> None:
        super().__init__()
        self.limits = limits

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = functools.partial(_HTTPConnection, limits=self.limits)
        return self.do_open(connection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, limits: Session) -> None:
        super().__init__()
        self.limits = limits

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = functools.partial(_HTTPSConnection, limits=self.limits)
        return self.do_open(connection, req, context=self._context)  # type: ignore[attr-defined]


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Redirects to http(s) only."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not is_url(newurl):
            raise NewsfactsError(f"{req.full_url}: redirected to {newurl!r}; refused")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def opener(limits: Session) -> urllib.request.OpenerDirector:
    """http(s) only (no file:, ftp: or data: URLs), every socket watched by the deadline."""
    director = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.UnknownHandler(),
        _HTTPHandler(limits),
        _HTTPSHandler(limits),
        urllib.request.HTTPDefaultErrorHandler(),
        _Redirects(),
        urllib.request.HTTPErrorProcessor(),
    ):
        director.add_handler(handler)
    return director


def content_length(url: str, value: str | None, limit: int) -> int | None:
    if value is None:
        return None
    if not value.strip().isdigit():
        raise NewsfactsError(f"{url}: bad Content-Length {value[:40]!r}")
    total = int(value)
    if total > limit:
        raise NewsfactsError(f"{url}: {total} bytes, more than the {limit} expected; refused")
    return total


def fetch_url(
    url: str,
    target: Path,
    limits: Session,
    limit: int,
    exact: bool = False,
    on_bytes: OnBytes | None = None,
) -> Path:
    """Fetch one http(s) URL to a new file `target`, reading at most `limit` bytes (exactly
    `limit` if `exact`); an HTTP error, a truncated or overlong body, or the deadline passing
    is one clear error."""
    if not is_url(url):
        raise NewsfactsError(f"{url}: not an http(s) URL")
    limits.check(url)
    done, total = 0, None
    try:
        with (
            opener(limits).open(url, timeout=max(0.1, min(TIMEOUT, limits.remaining()))) as got,
            target.open("xb") as out,
        ):
            total = content_length(url, got.headers["Content-Length"], limit)
            while chunk := got.read1(min(CHUNK, limit + 1 - done)):
                done += len(chunk)
                if done > limit:
                    raise NewsfactsError(f"{url}: more than the {limit} bytes expected; refused")
                limits.take(url, len(chunk))
                limits.check(url)
                out.write(chunk)
                if on_bytes:
                    on_bytes(target.name, done, total)
    except urllib.error.HTTPError as error:
        raise NewsfactsError(f"{url}: HTTP {error.code} {error.reason}") from None
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as error:
        limits.check(url)
        reason = getattr(error, "reason", error)
        raise NewsfactsError(f"{url}: download failed ({reason})") from None
    limits.check(url)
    expected = limit if exact else total
    if expected is not None and done != expected:
        raise NewsfactsError(f"{url}: truncated download ({done} of {expected} bytes)")
    return target


def zip_members(archive: Path, zipped: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """The file members of a zip by name, once the directory shows nothing refused: a name
    that is not a plain relative path, a name listed twice, a symlink or other special file,
    an executable, encryption, a method other than stored/deflated, or sizes over the limits."""
    infos = zipped.infolist()
    if len(infos) > MAX_MEMBERS:
        raise NewsfactsError(f"{archive.name}: more than {MAX_MEMBERS} members; refused")
    members: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        where = f"{archive.name}: member {name!r}"
        mode = info.external_attr >> 16 if info.create_system == 3 else 0
        if info.is_dir() and not (mode and not stat.S_ISDIR(mode)):
            problem = path_problem(name.rstrip("/"))
            if problem:
                raise NewsfactsError(f"{where} {problem}")
            continue
        problem = path_problem(name)
        if problem:
            raise NewsfactsError(f"{where} {problem}")
        if name in members:
            raise NewsfactsError(f"{where} appears twice; refused")
        if mode and stat.S_IFMT(mode) and not stat.S_ISREG(mode):
            raise NewsfactsError(f"{where} is not a regular file (a symlink or device); refused")
        if mode & 0o7111:
            raise NewsfactsError(f"{where} is executable or setuid; refused")
        if info.flag_bits & 0x1:
            raise NewsfactsError(f"{where} is encrypted; refused")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise NewsfactsError(f"{where}: compression method {info.compress_type}; refused")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * info.compress_size:
            raise NewsfactsError(
                f"{where}: inflates {info.compress_size} bytes to {info.file_size} "
                f"(more than {MAX_RATIO} times); refused"
            )
        total += info.file_size
        if total > MAX_PACKAGE_BYTES:
            raise NewsfactsError(
                f"{archive.name}: members inflate to more than {MAX_PACKAGE_BYTES} bytes; refused"
            )
        members[name] = info
    return members


def read_member(
    archive: Path,
    zipped: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    out: IO[bytes] | None,
    limits: Session | None,
) -> bytes:
    """A member's bytes, inflated no further than its declared size, into `out` (returned
    as b"") or returned; a corrupt stream, a bad CRC or a lying size is one error."""
    where = f"{archive.name}: member {info.filename!r}"
    kept: list[bytes] = []
    done = 0
    try:
        with zipped.open(info) as member:
            while chunk := member.read(CHUNK):
                done += len(chunk)
                if done > info.file_size:
                    raise NewsfactsError(f"{where}: longer than its declared size; refused")
                if limits:
                    limits.check(where)
                if out is None:
                    kept.append(chunk)
                else:
                    out.write(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
        raise NewsfactsError(f"{where}: corrupt ({error})") from None
    if done != info.file_size:
        raise NewsfactsError(f"{where}: {done} bytes, the zip says {info.file_size}")
    return b"".join(kept)


def check_extra(archive: Path, name: str, data: bytes) -> None:
    """An unlisted file of our zips: the card must be UTF-8 text, the chart a PNG."""
    ok = data.startswith(b"\x89PNG\r\n\x1a\n") if name.endswith(".png") else _is_text(data)
    if not ok:
        raise NewsfactsError(f"{archive.name}: member {name!r} is not what its name says")


def _is_text(data: bytes) -> bool:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not any(ord(c) < 32 and c not in "\n\r\t" for c in text)


def extract_zip(archive: Path, target: Path, limits: Session | None = None) -> Path:
    """Unpack a package zip's descriptor and resources into the new folder `target`; return
    the package folder. The zip must hold exactly one datapackage.json, its listed resources
    (with the sizes the descriptor declares) and the card and chart our packages carry, and
    nothing else; anything else, or any member refused by zip_members, is one error."""
    try:
        with archive.open("rb") as handle:
            if handle.read(4) != b"PK\x03\x04":  # nothing before the first member
                raise NewsfactsError(f"{archive.name}: not a zip file (no zip header at the start)")
        with zipfile.ZipFile(archive) as zipped:
            members = zip_members(archive, zipped)
            descriptors = [n for n in members if PurePosixPath(n).name == DESCRIPTOR]
            if len(descriptors) != 1:
                raise NewsfactsError(
                    f"{archive.name}: {len(descriptors)} datapackage.json members, expected one"
                )
            prefix = descriptors[0].removesuffix(DESCRIPTOR)
            info = members[descriptors[0]]
            if info.file_size > MAX_DESCRIPTOR_BYTES:
                raise NewsfactsError(f"{archive.name}: {descriptors[0]} too large; refused")
            where = f"{archive.name}: {descriptors[0]}"
            descriptor = parse_descriptor(read_member(archive, zipped, info, None, limits), where)
            resources = {
                prefix + str(part.path): part
                for r in checked_resources(descriptor, where)
                for part in resource_parts(r)
            }
            extras = {prefix + name for name in EXTRAS}
            for name, info in members.items():
                if name == descriptors[0]:
                    continue
                if name in extras:
                    if info.file_size > MAX_EXTRA_BYTES:
                        raise NewsfactsError(f"{archive.name}: member {name!r} too large")
                    check_extra(archive, name, read_member(archive, zipped, info, None, limits))
                    continue
                part = resources.get(name)
                if part is None:
                    raise NewsfactsError(
                        f"{archive.name}: member {name!r} is not a file of the package; refused"
                    )
                declared = info.file_size if part.bytes is None else part.bytes
                if info.file_size != declared:
                    raise NewsfactsError(
                        f"{archive.name}: member {name!r} is {info.file_size} bytes, "
                        f"the descriptor says {declared}"
                    )
            for name in resources:
                if name not in members:
                    raise NewsfactsError(f"{archive.name}: {name} missing from the zip")
            folder = target / prefix.rstrip("/") if prefix else target
            folder.mkdir(parents=True)
            for name in [descriptors[0], *resources]:
                path = target / name
                path.parent.mkdir(parents=True, exist_ok=True)
                with path.open("xb") as out:
                    read_member(archive, zipped, members[name], out, limits)
            return folder
    except zipfile.BadZipFile as error:
        raise NewsfactsError(f"{archive.name}: not a zip file or truncated ({error})") from None
    except OSError as error:
        raise NewsfactsError(f"{archive.name}: cannot be read ({error})") from None


def download_package(
    url: str, target: Path, limits: Session, on_bytes: OnBytes | None = None
) -> Path:
    """A datapackage.json URL: the descriptor, then each resource it lists (checked by
    files.checked_resources before any URL is joined), into the new folder `target`."""
    target.mkdir(parents=True)
    descriptor_path = fetch_url(
        url, target / DESCRIPTOR, limits, MAX_DESCRIPTOR_BYTES, on_bytes=on_bytes
    )
    descriptor = parse_descriptor(descriptor_path.read_bytes(), url)
    parts = [part for r in checked_resources(descriptor, url) for part in resource_parts(r)]
    declared = sum(part.bytes or 0 for part in parts)
    if declared > MAX_PACKAGE_BYTES:
        raise NewsfactsError(f"{url}: resources of {declared} bytes; more than {MAX_PACKAGE_BYTES}")
    for part in parts:
        relative = str(part.path)
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        size = part.bytes
        fetch_url(
            urllib.parse.urljoin(url, relative),
            path,
            limits,
            MAX_UNSIZED_BYTES if size is None else size,
            exact=size is not None,
            on_bytes=on_bytes,
        )
    return target


def zip_name(url: str) -> str:
    name = PurePosixPath(urllib.parse.urlparse(url).path).name
    if path_problem(name) or not name.endswith(".zip"):
        raise NewsfactsError(f"{url}: the zip's name {name!r} is not a plain file name")
    return name


@contextlib.contextmanager
def local_package(source: str | Path, fmt: str, on_bytes: OnBytes | None = None) -> Iterator[Path]:
    """A local package folder for `source` (a folder, datapackage.json, zip, or URL of either);
    a zip or a URL is unpacked or fetched into a temporary folder, removed on exit."""
    text = str(source)
    if not is_url(text) and not text.endswith(".zip"):
        folder = package_folder(Path(text), fmt)
        with reading(folder):  # a build swapped in meanwhile waits until this read ends
            yield folder
        return
    with temporary_folder() as work, session() as limits:
        if is_url(text) and not urllib.parse.urlparse(text).path.endswith(".zip"):
            yield download_package(text, work / "package", limits, on_bytes)
            return
        if is_url(text):
            archive = fetch_url(
                text, work / zip_name(text), limits, MAX_PACKAGE_BYTES, on_bytes=on_bytes
            )
        else:
            archive = Path(text)
            if not archive.is_file():
                raise NewsfactsError(f"{archive}: file not found")
        yield extract_zip(archive, work / "unpacked", limits)


@contextlib.contextmanager
def fetch(source: str, on_bytes: OnBytes | None = None) -> Iterator[tuple[Path, Path]]:
    """A release zip or a datapackage.json with its resources, fetched into a temporary folder:
    (what to keep: the zip or the package folder, the package folder to verify)."""
    if not is_url(source):
        raise NewsfactsError(f"{source}: not an http(s) URL of a zip or a datapackage.json")
    with temporary_folder() as work, session() as limits:
        if urllib.parse.urlparse(source).path.endswith(".zip"):
            archive = fetch_url(
                source, work / zip_name(source), limits, MAX_PACKAGE_BYTES, on_bytes=on_bytes
            )
            yield archive, extract_zip(archive, work / "unpacked", limits)
        else:
            folder = download_package(source, work / "package", limits, on_bytes)
            yield folder, folder


def is_new_or_empty(folder: Path) -> bool:
    if folder.is_symlink() and not folder.exists():
        return False
    if not folder.exists():
        return True
    return folder.is_dir() and next(folder.iterdir(), None) is None


def place(saved: Path, to: Path) -> list[Path]:
    """Copy the file or folder `saved` into `to`, a new or empty folder, never overwriting
    anything (each file is created exclusively); on failure what was copied is removed."""
    if not is_new_or_empty(to):
        raise NewsfactsError(f"{to}: not a new or empty folder; download writes only into one")
    created = not to.exists()
    to.mkdir(parents=True, exist_ok=True)
    files = [saved] if saved.is_file() else sorted(p for p in saved.rglob("*") if p.is_file())
    written: list[Path] = []
    try:
        for path in files:
            destination = to / (path.name if saved.is_file() else path.relative_to(saved))
            destination.parent.mkdir(parents=True, exist_ok=True)
            with path.open("rb") as source, destination.open("xb") as out:
                written.append(destination)
                while chunk := source.read(1 << 20):
                    out.write(chunk)
    except BaseException as error:
        for path in reversed(written):
            path.unlink(missing_ok=True)
        for folder in sorted({p.parent for p in written}, key=lambda p: -len(p.parts)):
            if folder != to and folder.is_relative_to(to):
                _remove_empty(folder, to)
        if created:
            _remove_empty(to, to.parent)
        if isinstance(error, OSError):
            raise NewsfactsError(f"{to}: cannot save the download ({error})") from None
        raise
    return written


def _remove_empty(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and next(folder.iterdir(), None) is None:
        os.rmdir(folder)
        folder = folder.parent
