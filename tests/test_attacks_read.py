"""Attacks on `newsfacts download` and `newsfacts.load`, each reproduced and refused.

Nothing written, read or run that the user did not ask for: a remote or local package may not
name files outside itself, go unverified, overwrite anything, grow without bound or take
forever; bad input of every kind is one line naming the file (and member, resource or URL),
exit code 1, and leaves nothing behind but what the user asked for. Every HTTP server here
listens on 127.0.0.1 only and every handler ends within seconds."""

from __future__ import annotations

import hashlib
import http.server
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import warnings
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsfacts import load
from newsfacts.cli import app
from newsfacts.errors import NewsfactsError
from newsfacts.read import download as remote
from newsfacts.read import frames
from newsfacts.read.files import read_descriptor, resource_path
from newsfacts.validate.run import validate

from .parts import part_file

Route = bytes | Callable[[http.server.BaseHTTPRequestHandler], None]
MAX_HANDLER_SECONDS = 20  # no handler here runs longer, whatever the client does


class Web:
    """A server on 127.0.0.1 answering each path with bytes or a handler; it records every
    path asked for."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.routes: dict[str, Route] = {}
        self.asked: list[str] = []


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        web: Web = self.server.web  # type: ignore[attr-defined]
        web.asked.append(self.path)
        route = web.routes.get(self.path)
        try:
            if route is None:
                self.send_error(404)
            elif callable(route):
                route(self)
            else:
                self.send_response(200)
                self.send_header("Content-Length", str(len(route)))
                self.end_headers()
                self.wfile.write(route)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client hung up: what the tests want it to do


@pytest.fixture
def web() -> Iterator[Web]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site = Web(f"http://127.0.0.1:{server.server_address[1]}")
    server.web = site  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The temporary folder newsfacts uses; it must be empty again after every test."""
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder
    assert not list(folder.iterdir()), "temporary files left behind"


def sha256(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def one_line(error: BaseException | str) -> str:
    text = str(error).strip()
    assert "\n" not in text, text
    return text


def download(url: str, to: Path, cwd: Path | None = None) -> tuple[int, str]:
    """`newsfacts download URL --to TO`: (exit code, output)."""
    args = ["download", url] + (["--to", str(to)] if cwd is None else [])
    if cwd is None:
        result = CliRunner().invoke(app, args)
    else:
        here = Path.cwd()
        os.chdir(cwd)
        try:
            result = CliRunner().invoke(app, args)
        finally:
            os.chdir(here)
    if result.exit_code == 1:
        one_line(result.output)
    return result.exit_code, result.output


def schema_of(out: Path, fmt: str, table: str) -> dict[str, Any]:
    descriptor = json.loads((out / fmt / "datapackage.json").read_text(encoding="utf-8"))
    return next(r for r in descriptor["resources"] if r["name"] == table)["schema"]


def resource(out: Path, path: str, data: bytes, **change: Any) -> dict[str, Any]:
    """A CSV resource of the statistics table holding `data`, with its true hash and bytes."""
    found = {
        "name": "statistics",
        "path": path,
        "format": "csv",
        "bytes": len(data),
        "hash": sha256(data),
        "schema": schema_of(out, "csv", "statistics"),
    }
    found.update(change)
    return {k: v for k, v in found.items() if v is not None}


def descriptor(*resources: dict[str, Any], **top: Any) -> bytes:
    return json.dumps(
        {"name": "newsfacts", "version": "0.1.0", "resources": list(resources), **top}
    ).encode()


def members_of(archive: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(archive) as zipped:
        return {name: zipped.read(name) for name in zipped.namelist()}


def write_zip(
    path: Path, members: list[tuple[str, bytes]], modes: dict[str, int] | None = None
) -> Path:
    """A zip of (name, data) members in order (a name may come twice); `modes`: Unix mode bits."""
    with warnings.catch_warnings(), zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zipped:
        warnings.simplefilter("ignore")  # "Duplicate name": the point of one test
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = (modes or {}).get(name, 0o100644) << 16
            zipped.writestr(info, data)
    return path


QUOTES_MEMBER = "csv/quotes/part-000_68207eccf74b6ec5.csv"


def zip_of(released: Path, fmt: str = "csv") -> list[tuple[str, bytes]]:
    return list(members_of(released / f"newsfacts-0.1.0-{fmt}.zip").items())


# 1. download writes only into a new or empty folder, never over anything, only verified files


def test_download_into_a_folder_with_files_is_refused_and_overwrites_nothing(
    web: Web, out: Path, tmp_path: Path, temp: Path
) -> None:
    evil = b"raise SystemExit('owned')\n"
    web.routes["/datapackage.json"] = descriptor(resource(out, "conftest.py", evil))
    web.routes["/conftest.py"] = evil
    project = tmp_path / "project"
    project.mkdir()
    (project / "conftest.py").write_text("# mine\n", encoding="utf-8")
    code, output = download(f"{web.url}/datapackage.json", project)
    assert code == 1 and "not a new or empty folder" in output
    code, output = download(f"{web.url}/datapackage.json", project, cwd=project)  # --to .
    assert code == 1 and "not a new or empty folder" in output
    assert (project / "conftest.py").read_text(encoding="utf-8") == "# mine\n"
    assert list(project.iterdir()) == [project / "conftest.py"]
    assert web.asked == []  # refused before anything was fetched


def test_download_into_a_file_or_a_dangling_symlink_is_refused(
    released: Path, web: Web, out: Path, tmp_path: Path, temp: Path
) -> None:
    web.routes["/r.zip"] = (released / "newsfacts-0.1.0-csv.zip").read_bytes()
    (tmp_path / "file").write_text("mine", encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "nowhere")
    for to in ("file", "link"):
        code, output = download(f"{web.url}/r.zip", tmp_path / to)
        assert code == 1 and "not a new or empty folder" in output
    assert (tmp_path / "file").read_text(encoding="utf-8") == "mine"
    assert not (tmp_path / "nowhere").exists()


def test_download_into_a_new_or_empty_folder_keeps_only_verified_files(
    web: Web, out: Path, tmp_path: Path, temp: Path
) -> None:
    for fmt in ("csv", "parquet"):  # our Parquet resources carry a hash but no bytes
        for path in (out / fmt).rglob("*.*"):
            web.routes[f"/{fmt}/{path.relative_to(out / fmt).as_posix()}"] = path.read_bytes()
        empty = tmp_path / f"empty-{fmt}"
        empty.mkdir()
        code, output = download(f"{web.url}/{fmt}/datapackage.json", empty)
        assert code == 0, output
        listed = {p for r in read_descriptor(out / fmt)["resources"] for p in r["path"]}
        got = {p.relative_to(empty).as_posix() for p in empty.rglob("*") if p.is_file()}
        assert got == listed | {"datapackage.json"}  # no card
        assert load(empty, format=fmt)["quotes"].shape[0] == 9


def test_a_resource_without_a_hash_is_refused_not_verified(
    web: Web, out: Path, tmp_path: Path, temp: Path
) -> None:
    evil = b"raise SystemExit('owned')\n"
    web.routes["/datapackage.json"] = descriptor(resource(out, "conftest.py", evil, hash=None))
    web.routes["/conftest.py"] = evil
    code, output = download(f"{web.url}/datapackage.json", tmp_path / "got")
    assert code == 1 and "'statistics'" in output and "no 'sha256:" in output
    assert not (tmp_path / "got").exists()
    assert "/conftest.py" not in web.asked
    with pytest.raises(NewsfactsError, match="no 'sha256:") as error:
        load(f"{web.url}/datapackage.json")
    one_line(error.value)


@pytest.mark.parametrize("hash_", ["", "md5:" + "0" * 32, "sha256:XYZ", "0" * 64, 7])
def test_a_malformed_hash_is_refused(
    web: Web, out: Path, tmp_path: Path, temp: Path, hash_: object
) -> None:
    data = (part_file(out / "csv", "statistics")).read_bytes()
    web.routes["/datapackage.json"] = descriptor(resource(out, "statistics.csv", data, hash=hash_))
    web.routes["/statistics.csv"] = data
    with pytest.raises(NewsfactsError, match="no 'sha256:"):
        load(f"{web.url}/datapackage.json", format="csv")


def test_a_csv_resource_without_bytes_is_refused(
    web: Web, out: Path, tmp_path: Path, temp: Path
) -> None:
    data = (part_file(out / "csv", "statistics")).read_bytes()
    web.routes["/datapackage.json"] = descriptor(resource(out, "statistics.csv", data, bytes=None))
    web.routes["/statistics.csv"] = data
    code, output = download(f"{web.url}/datapackage.json", tmp_path / "got")
    assert code == 1 and "no 'bytes' count" in output
    assert not (tmp_path / "got").exists()


def test_load_refuses_a_local_package_whose_resource_has_no_hash(out: Path, tmp_path: Path) -> None:
    package = tmp_path / "csv"
    shutil.copytree(out / "csv", package)
    found = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    del found["resources"][2]["part_hashes"]
    (package / "datapackage.json").write_text(json.dumps(found), encoding="utf-8")
    with pytest.raises(
        NewsfactsError, match=r"resource 'mentions': no 'sha256:.* for mentions/"
    ) as error:
        load(package, format="csv")
    one_line(error.value)
    problems = [str(p) for p in validate(package)]  # validation does not take it as verified
    assert any("mentions/part-" in p and "no sha256 hash in the descriptor" in p for p in problems)


# 4. a resource path is a plain relative path, checked before any URL is joined or file opened

BAD_PATHS = [
    "file:%2fetc%2fpasswd",
    "file:///etc/passwd",
    "%2e%2e/%2e%2e/etc/passwd",
    "/etc/passwd",
    "/dev/zero",
    "../outside.csv",
    "a/../../outside.csv",
    "..\\outside.csv",
    "C:\\Windows\\win.ini",
    "//127.0.0.1/x.csv",
    "http://127.0.0.1:1/x.csv",
    "./statistics.csv",
    "a//b.csv",
    "with space.csv",
    "new\nline.csv",
    "nul\x00.csv",
    "",
    None,
    ["../outside.csv"],
    [],
]


@pytest.mark.parametrize("path", BAD_PATHS)
def test_a_resource_path_that_is_not_plain_is_refused_before_any_fetch(
    web: Web, out: Path, tmp_path: Path, temp: Path, path: Any
) -> None:
    data = (part_file(out / "csv", "statistics")).read_bytes()
    web.routes["/datapackage.json"] = descriptor(resource(out, path, data))
    code, output = download(f"{web.url}/datapackage.json", tmp_path / "got")
    assert code == 1, output
    assert f"{web.url}/datapackage.json: resource 'statistics': path" in output
    assert not (tmp_path / "got").exists()
    with pytest.raises(NewsfactsError, match="resource 'statistics': path") as error:
        load(f"{web.url}/datapackage.json", format="csv")
    one_line(error.value)
    assert web.asked == ["/datapackage.json"] * 2  # no resource URL was ever joined


@pytest.mark.parametrize(
    "path", [p for p in BAD_PATHS if p is not None and not isinstance(p, list)]
)
def test_a_local_package_or_validation_never_opens_a_path_that_is_not_plain(
    out: Path, tmp_path: Path, path: str
) -> None:
    package = tmp_path / "csv"
    shutil.copytree(out / "csv", package)
    found = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    statistics = next(r for r in found["resources"] if r["name"] == "statistics")
    statistics["path"] = path
    (package / "datapackage.json").write_text(json.dumps(found), encoding="utf-8")
    with pytest.raises(NewsfactsError, match="resource 'statistics': path"):
        load(package, format="csv")
    with pytest.raises(NewsfactsError, match="resource 'statistics': path"):
        resource_path(package, statistics)
    with pytest.raises(NewsfactsError, match="resource 'statistics': path"):
        validate(package)


def test_a_symlink_out_of_a_local_package_is_refused(out: Path, tmp_path: Path) -> None:
    package = tmp_path / "csv"
    shutil.copytree(out / "csv", package)
    part_file(package, "statistics").unlink()
    part_file_path = package / "statistics" / "part-000_68207eccf74b6ec5.csv"
    part_file_path.symlink_to("/etc/passwd")
    with pytest.raises(NewsfactsError, match="leaves the package folder"):
        load(package, format="csv")


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://127.0.0.1/etc/passwd"])
def test_a_redirect_to_another_scheme_is_refused(
    web: Web, out: Path, temp: Path, target: str
) -> None:
    def redirect(request: http.server.BaseHTTPRequestHandler) -> None:
        request.send_response(302)
        request.send_header("Location", target)
        request.send_header("Content-Length", "0")
        request.end_headers()

    data = (part_file(out / "csv", "statistics")).read_bytes()
    web.routes["/datapackage.json"] = descriptor(resource(out, "statistics.csv", data))
    web.routes["/statistics.csv"] = redirect
    with pytest.raises(NewsfactsError, match=r"statistics\.csv: .*[Rr]edirect") as error:
        load(f"{web.url}/datapackage.json", format="csv")
    assert target in one_line(error.value)


# 5. sizes are bounded before reading; a download has a deadline; temporary files always go


def endless(request: http.server.BaseHTTPRequestHandler) -> None:
    """A body that never ends (until the client hangs up or MAX_HANDLER_SECONDS pass)."""
    request.send_response(200)
    request.end_headers()
    end = time.monotonic() + MAX_HANDLER_SECONDS
    while time.monotonic() < end:
        request.wfile.write(b"0" * 65536)


def dribble(request: http.server.BaseHTTPRequestHandler) -> None:
    """One byte every 0.2 s (until the client hangs up or MAX_HANDLER_SECONDS pass)."""
    request.send_response(200)
    request.send_header("Content-Length", "1000000")
    request.end_headers()
    end = time.monotonic() + MAX_HANDLER_SECONDS
    while time.monotonic() < end:
        request.wfile.write(b"0")
        request.wfile.flush()
        time.sleep(0.2)


def test_an_endless_resource_is_cut_at_its_declared_bytes(
    web: Web, out: Path, tmp_path: Path, temp: Path
) -> None:
    data = (part_file(out / "csv", "statistics")).read_bytes()
    web.routes["/datapackage.json"] = descriptor(resource(out, "statistics.csv", data))
    web.routes["/statistics.csv"] = endless
    code, output = download(f"{web.url}/datapackage.json", tmp_path / "got")
    assert code == 1 and f"statistics.csv: more than the {len(data)} bytes expected" in output
    assert not (tmp_path / "got").exists()


def test_an_endless_descriptor_or_zip_is_cut_at_its_cap(
    web: Web, tmp_path: Path, temp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    web.routes["/datapackage.json"] = endless
    web.routes["/r.zip"] = endless
    with pytest.raises(NewsfactsError, match=f"more than the {remote.MAX_DESCRIPTOR_BYTES} bytes"):
        load(f"{web.url}/datapackage.json")
    monkeypatch.setattr(remote, "MAX_PACKAGE_BYTES", 1 << 20)
    code, output = download(f"{web.url}/r.zip", tmp_path / "got")
    assert code == 1 and f"r.zip: more than the {1 << 20} bytes expected" in output


def test_a_content_length_over_the_limit_is_refused_before_reading(
    web: Web, out: Path, temp: Path
) -> None:
    def huge(request: http.server.BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Length", str(10 << 30))
        request.end_headers()

    data = (part_file(out / "csv", "statistics")).read_bytes()
    web.routes["/datapackage.json"] = descriptor(resource(out, "statistics.csv", data))
    web.routes["/statistics.csv"] = huge
    with pytest.raises(
        NewsfactsError, match=f"{10 << 30} bytes, more than the {len(data)} expected"
    ):
        load(f"{web.url}/datapackage.json", format="csv")


def test_declared_bytes_over_the_package_limit_are_refused_before_fetching(
    web: Web, out: Path, temp: Path
) -> None:
    data = (part_file(out / "csv", "statistics")).read_bytes()
    web.routes["/datapackage.json"] = descriptor(
        resource(out, "statistics.csv", data, bytes=remote.MAX_PACKAGE_BYTES + 1)
    )
    with pytest.raises(NewsfactsError, match="more than"):
        load(f"{web.url}/datapackage.json", format="csv")
    assert web.asked == ["/datapackage.json"]


def test_a_slow_body_meets_the_overall_deadline(
    web: Web, out: Path, tmp_path: Path, temp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(remote, "DEADLINE", 1.5)
    web.routes["/r.zip"] = dribble
    started = time.monotonic()
    code, output = download(f"{web.url}/r.zip", tmp_path / "got")
    assert code == 1 and "r.zip: stopped after the 1.5 s download deadline" in output
    assert time.monotonic() - started < 10
    assert not (tmp_path / "got").exists()


def test_slow_headers_meet_the_overall_deadline(
    web: Web, temp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def slow_headers(request: http.server.BaseHTTPRequestHandler) -> None:
        request.wfile.write(b"HTTP/1.0 200 OK\r\nX-Slow: ")
        end = time.monotonic() + MAX_HANDLER_SECONDS
        while time.monotonic() < end:
            request.wfile.write(b"a")
            request.wfile.flush()
            time.sleep(0.2)

    monkeypatch.setattr(remote, "DEADLINE", 1.5)
    web.routes["/datapackage.json"] = slow_headers
    started = time.monotonic()
    with pytest.raises(NewsfactsError, match="download deadline"):
        load(f"{web.url}/datapackage.json")
    assert time.monotonic() - started < 10


def bomb(size: int) -> bytes:
    """A zip whose one CSV member inflates `size` zero bytes from a few kilobytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
        zipped.writestr("csv/statistics.csv", b"\0" * size)
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_from_its_directory_before_inflating(
    out: Path, tmp_path: Path, temp: Path
) -> None:
    inflated = b"\0" * (64 << 20)
    archive = write_zip(
        tmp_path / "bomb.zip",
        [
            ("csv/datapackage.json", descriptor(resource(out, "statistics.csv", inflated))),
            ("csv/statistics.csv", inflated),
        ],
    )
    assert archive.stat().st_size < len(inflated) // 500
    started = time.monotonic()
    with pytest.raises(
        NewsfactsError, match=r"member 'csv/statistics\.csv': inflates .* times\); refused"
    ):
        load(archive, format="csv")
    assert time.monotonic() - started < 2  # nothing was inflated


def test_a_zip_declaring_gigabytes_is_refused_before_inflating(
    web: Web, tmp_path: Path, temp: Path
) -> None:
    data = bomb(4 << 20)
    # the directory entry says 3 GiB: refused from the directory, whatever the stream holds
    central = data.rindex(b"PK\x01\x02")
    forged = bytearray(data)
    forged[central + 24 : central + 28] = (3 << 30).to_bytes(4, "little")
    web.routes["/big.zip"] = bytes(forged)
    code, output = download(f"{web.url}/big.zip", tmp_path / "got")
    assert code == 1 and "member 'csv/statistics.csv': inflates" in output
    assert not (tmp_path / "got").exists()


def test_a_zip_member_longer_than_it_says_is_refused(
    released: Path, out: Path, tmp_path: Path, temp: Path
) -> None:
    members = dict(zip_of(released))
    statistics = "csv/statistics/part-000_68207eccf74b6ec5.csv"
    short = len(members[statistics]) - 100  # descriptor and headers say so; not the stream
    found = json.loads(members["csv/datapackage.json"])
    next(r for r in found["resources"] if r["name"] == "statistics")["part_bytes"] = [short]
    members["csv/datapackage.json"] = json.dumps(found).encode()
    archive = write_zip(tmp_path / "liar.zip", list(members.items()))
    with zipfile.ZipFile(archive) as zipped:
        local = zipped.getinfo(statistics).header_offset
    data = bytearray(archive.read_bytes())
    data[local + 22 : local + 26] = short.to_bytes(4, "little")
    position = 0
    while (position := data.find(b"PK\x01\x02", position + 1)) != -1:
        name_length = int.from_bytes(data[position + 28 : position + 30], "little")
        if data[position + 46 : position + 46 + name_length] == statistics.encode():
            data[position + 24 : position + 28] = short.to_bytes(4, "little")
    archive.write_bytes(bytes(data))
    with pytest.raises(NewsfactsError, match=rf"member '{statistics}': corrupt"):
        load(archive, format="csv")


def test_the_package_total_is_capped(
    released: Path, out: Path, temp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(remote, "MAX_PACKAGE_BYTES", 10_000)
    with pytest.raises(NewsfactsError, match="members inflate to more than 10000 bytes"):
        load(released / "newsfacts-0.1.0-csv.zip", format="csv")


def test_ctrl_c_removes_the_temporary_files(
    released: Path, web: Web, out: Path, temp: Path
) -> None:
    web.routes["/r.zip"] = (released / "newsfacts-0.1.0-csv.zip").read_bytes()

    def interrupt(name: str, done: int, total: int | None) -> None:
        assert list(temp.iterdir())  # the download is under way, in the temporary folder
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        load(f"{web.url}/r.zip", format="csv", on_bytes=interrupt)
    with pytest.raises(KeyboardInterrupt):
        frames.download(f"{web.url}/r.zip", temp.parent / "got", on_bytes=interrupt)
    assert not (temp.parent / "got").exists()


@pytest.mark.slow
@pytest.mark.parametrize("how", ["load", "download"])
def test_sigterm_removes_the_temporary_files(web: Web, tmp_path: Path, how: str) -> None:
    web.routes["/r.zip"] = dribble
    temp = tmp_path / "system-temp"
    temp.mkdir()
    url = f"{web.url}/r.zip"
    if how == "load":
        command = [sys.executable, "-c", f"import newsfacts; newsfacts.load({url!r})"]
    else:
        command = [
            sys.executable,
            "-m",
            "newsfacts",
            "download",
            url,
            "--to",
            str(tmp_path / "got"),
        ]
    environment = {**os.environ, "TMPDIR": str(temp)}
    process = subprocess.Popen(
        command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        end = time.monotonic() + 30
        while not any(temp.glob("newsfacts-*/r.zip")) and time.monotonic() < end:
            assert process.poll() is None, "ended before the download began"
            time.sleep(0.05)
        assert any(temp.glob("newsfacts-*/r.zip")), "the download never began"
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=15) == -signal.SIGTERM
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert not list(temp.iterdir()), "temporary files left behind"
    assert not (tmp_path / "got").exists()


# 10. nothing unverified returned: a zip holds its descriptor, its resources and our card and
# chart, as regular files of unique names, and nothing else


def test_a_zip_with_no_resources_and_a_payload_is_refused(
    web: Web, tmp_path: Path, temp: Path
) -> None:
    archive = write_zip(
        tmp_path / "r.zip",
        [("csv/datapackage.json", descriptor()), ("csv/payload.sh", b"rm -rf ~\n")],
    )
    with pytest.raises(
        NewsfactsError, match=r"r\.zip: csv/datapackage\.json: the descriptor lists no resources"
    ) as error:
        load(archive, format="csv")
    one_line(error.value)
    web.routes["/r.zip"] = archive.read_bytes()
    code, output = download(f"{web.url}/r.zip", tmp_path / "got")
    assert code == 1 and "lists no resources" in output
    assert not (tmp_path / "got").exists()


def test_a_zip_with_an_unlisted_member_is_refused(
    released: Path, web: Web, out: Path, tmp_path: Path, temp: Path
) -> None:
    archive = write_zip(
        tmp_path / "r.zip", [*zip_of(released), ("csv/conftest.py", b"import os\n")]
    )
    with pytest.raises(
        NewsfactsError, match=r"member 'csv/conftest\.py' is not a file of the package"
    ):
        load(archive, format="csv")
    web.routes["/r.zip"] = archive.read_bytes()
    code, output = download(f"{web.url}/r.zip", tmp_path / "got")
    assert code == 1 and "csv/conftest.py" in output
    assert not (tmp_path / "got").exists()


def test_a_card_that_is_not_text_is_refused(
    released: Path, out: Path, tmp_path: Path, temp: Path
) -> None:
    members = [(n, b"\x7fELF\x02\x01" if n == "csv/README.md" else d) for n, d in zip_of(released)]
    with pytest.raises(NewsfactsError, match=r"member 'csv/README\.md' is not what its name says"):
        load(write_zip(tmp_path / "r.zip", members), format="csv")


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        (0o120777, "is not a regular file"),  # a symlink
        (0o100755, "is executable"),
        (0o104644, "is executable or setuid"),
        (0o060644, "is not a regular file"),  # a block device
    ],
)
def test_a_zip_with_a_symlink_or_executable_member_is_refused(
    released: Path, web: Web, out: Path, tmp_path: Path, temp: Path, mode: int, message: str
) -> None:
    members = zip_of(released)
    archive = write_zip(tmp_path / "r.zip", members, {QUOTES_MEMBER: mode})
    with pytest.raises(
        NewsfactsError, match=rf"member 'csv/quotes/part-000_68207eccf74b6ec5\.csv' {message}"
    ):
        load(archive, format="csv")
    web.routes["/r.zip"] = archive.read_bytes()
    code, output = download(f"{web.url}/r.zip", tmp_path / "got")
    assert code == 1 and message in output
    assert not (tmp_path / "got").exists()


def test_a_zip_with_a_member_twice_is_refused(
    released: Path, web: Web, out: Path, tmp_path: Path, temp: Path
) -> None:
    members = zip_of(released)
    genuine = dict(members)[QUOTES_MEMBER]
    forged = genuine.replace(b"direct", b"indirect", 1)
    archive = write_zip(tmp_path / "r.zip", [(QUOTES_MEMBER, forged), *members])
    with pytest.raises(
        NewsfactsError, match=r"member 'csv/quotes/part-000_68207eccf74b6ec5\.csv' appears twice"
    ):
        load(archive, format="csv")
    web.routes["/r.zip"] = archive.read_bytes()
    code, output = download(f"{web.url}/r.zip", tmp_path / "got")
    assert code == 1 and "appears twice" in output
    assert not (tmp_path / "got").exists()


@pytest.mark.parametrize(
    ("members", "message"),
    [
        (
            [("a/datapackage.json", b"{}"), ("b/datapackage.json", b"{}")],
            "2 datapackage.json members",
        ),
        ([("x.csv", b"1")], "0 datapackage.json members"),
        ([("csv/a\\b", b"1")], "not a plain relative path"),
        ([("/etc/cron.d/x", b"1")], "leaves the package folder"),
    ],
)
def test_a_zip_of_other_shapes_is_refused(
    tmp_path: Path, temp: Path, members: list[tuple[str, bytes]], message: str
) -> None:
    with pytest.raises(NewsfactsError, match=message) as error:
        load(write_zip(tmp_path / "r.zip", members))
    one_line(error.value)


def test_a_zip_with_data_before_it_is_refused(
    released: Path, out: Path, tmp_path: Path, temp: Path
) -> None:
    archive = tmp_path / "r.zip"
    archive.write_bytes(
        b"#!/bin/sh\necho owned\nexit\n" + (released / "newsfacts-0.1.0-csv.zip").read_bytes()
    )
    with pytest.raises(NewsfactsError, match="no zip header at the start"):
        load(archive, format="csv")


def test_a_resource_missing_from_the_zip_or_of_another_size_is_refused(
    released: Path, out: Path, tmp_path: Path, temp: Path
) -> None:
    members = [(n, d) for n, d in zip_of(released) if n != QUOTES_MEMBER]
    with pytest.raises(
        NewsfactsError, match=r"csv/quotes/part-000_68207eccf74b6ec5\.csv missing from the zip"
    ):
        load(write_zip(tmp_path / "a.zip", members), format="csv")
    members = [(n, d + b"\n" if n == QUOTES_MEMBER else d) for n, d in zip_of(released)]
    with pytest.raises(
        NewsfactsError,
        match=r"member 'csv/quotes/part-000_68207eccf74b6ec5\.csv' is \d+ bytes, the descriptor says",
    ):
        load(write_zip(tmp_path / "b.zip", members), format="csv")


def test_our_own_zips_still_load_and_unpack_only_what_is_listed(
    released: Path, out: Path, temp: Path
) -> None:
    seen: list[set[str]] = []
    with remote.local_package(released / "newsfacts-0.1.0-parquet.zip", "parquet") as folder:
        seen.append({p.relative_to(folder).as_posix() for p in folder.rglob("*.*")})
    listed = {p for r in read_descriptor(out / "parquet")["resources"] for p in r["path"]}
    assert seen == [listed | {"datapackage.json"}]  # neither the card nor the chart
    assert load(released / "newsfacts-0.1.0-csv.zip", format="csv")["quotes"].shape[0] == 9


# 11. crashes become one line naming the file and exit code 1


def test_a_bad_content_length_is_one_line(web: Web, tmp_path: Path, temp: Path) -> None:
    def bad_length(request: http.server.BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Length", "abc")
        request.end_headers()
        request.wfile.write(b"{}")

    web.routes["/r.zip"] = bad_length
    code, output = download(f"{web.url}/r.zip", tmp_path / "got")
    assert code == 1 and f"{web.url}/r.zip: bad Content-Length 'abc'" in output
    with pytest.raises(NewsfactsError, match="bad Content-Length"):
        load(f"{web.url}/r.zip")


def corrupt_deflate(archive: Path, member: str) -> None:
    """Overwrite the middle of a deflated member's compressed bytes."""
    with zipfile.ZipFile(archive) as zipped:
        info = zipped.getinfo(member)
    data = bytearray(archive.read_bytes())
    name_length = int.from_bytes(data[info.header_offset + 26 : info.header_offset + 28], "little")
    extra_length = int.from_bytes(data[info.header_offset + 28 : info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_length + extra_length
    middle = start + info.compress_size // 2
    data[middle : middle + 16] = b"\xff" * 16
    archive.write_bytes(bytes(data))


def test_a_corrupt_deflate_stream_is_one_line(
    web: Web, released: Path, tmp_path: Path, temp: Path
) -> None:
    archive = tmp_path / "newsfacts-0.1.0-csv.zip"
    shutil.copy(released / archive.name, archive)
    corrupt_deflate(archive, "csv/articles/part-000_68207eccf74b6ec5.csv")
    with pytest.raises(
        NewsfactsError, match=r"member 'csv/articles/part-000_68207eccf74b6ec5\.csv': corrupt"
    ) as error:
        load(archive, format="csv")
    one_line(error.value)
    web.routes["/r.zip"] = archive.read_bytes()
    code, output = download(f"{web.url}/r.zip", tmp_path / "got")
    assert (
        code == 1
        and "r.zip: member 'csv/articles/part-000_68207eccf74b6ec5.csv': corrupt" in output
    )
    assert not (tmp_path / "got").exists()


def test_a_corrupt_descriptor_member_is_one_line(
    released: Path, out: Path, tmp_path: Path, temp: Path
) -> None:
    archive = tmp_path / "r.zip"
    shutil.copy(released / "newsfacts-0.1.0-csv.zip", archive)
    corrupt_deflate(archive, "csv/datapackage.json")
    with pytest.raises(NewsfactsError, match=r"member 'csv/datapackage\.json': corrupt"):
        load(archive, format="csv")


DEEP = b"[" * 100_000 + b"]" * 100_000


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b'{"resources": {"a": 1}}', "'resources' is not a list of objects"),
        (b'{"resources": [1]}', "'resources' is not a list of objects"),
        (b'{"resources": []}', "the descriptor lists no resources"),
        (b"[]", "descriptor is not a JSON object"),
        (b'{"resources": NaN}', "not a JSON data package descriptor"),
        (b"\xff\xfe{}", "not a JSON data package descriptor"),
        (b'{"x": ' + b"[" * 40 + b"]" * 40 + b"}", "nested more than 32 deep"),
        (b'{"a": ' + DEEP + b"}", "nested too deeply"),
    ],
)
def test_a_malformed_descriptor_is_one_line(
    web: Web, out: Path, tmp_path: Path, temp: Path, text: bytes, message: str
) -> None:
    web.routes["/datapackage.json"] = text
    code, output = download(f"{web.url}/datapackage.json", tmp_path / "got")
    assert code == 1 and f"{web.url}/datapackage.json: " in output and message in output
    assert not (tmp_path / "got").exists()
    package = tmp_path / "package"
    package.mkdir()
    (package / "datapackage.json").write_bytes(text)
    with pytest.raises(NewsfactsError, match=message) as error:
        load(package)
    assert str(package / "datapackage.json") in one_line(error.value)
    archive = write_zip(tmp_path / "r.zip", [("csv/datapackage.json", text)])
    with pytest.raises(NewsfactsError, match=message):
        load(archive)
    if message != "the descriptor lists no resources":  # validation reports that as a problem
        with pytest.raises(NewsfactsError, match=message):
            validate(package)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"schema": None}, "resource 'statistics': no schema with fields"),
        ({"schema": {"fields": "x"}}, "resource 'statistics': no schema with fields"),
        ({"schema": {"fields": [{"name": 1}]}}, "has no name or type"),
        ({"bytes": -1}, "'bytes' -1 is not a count of bytes"),
        ({"bytes": True}, "'bytes' True is not a count of bytes"),
        ({"name": None}, "resource 0: no name"),
    ],
)
def test_a_malformed_resource_is_one_line(
    web: Web, out: Path, tmp_path: Path, temp: Path, change: dict[str, Any], message: str
) -> None:
    data = (part_file(out / "csv", "statistics")).read_bytes()
    web.routes["/datapackage.json"] = descriptor(resource(out, "statistics.csv", data, **change))
    web.routes["/statistics.csv"] = data
    code, output = download(f"{web.url}/datapackage.json", tmp_path / "got")
    assert code == 1 and message in output
    assert web.asked == ["/datapackage.json"]


def test_a_verified_file_that_is_not_its_table_is_one_line(out: Path, tmp_path: Path) -> None:
    package = tmp_path / "csv"
    shutil.copytree(out / "csv", package)
    found = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    statistics = next(r for r in found["resources"] if r["name"] == "statistics")
    statistics["schema"]["fields"][0]["type"] = "geopoint"
    (package / "datapackage.json").write_text(json.dumps(found), encoding="utf-8")
    with pytest.raises(
        NewsfactsError,
        match=r"statistics/part-000_68207eccf74b6ec5\.csv: cannot be read as table 'statistics' "
        r"\(unknown field type 'geopoint'\)",
    ):
        load(package, format="csv")
    statistics["schema"]["fields"][0]["type"] = "string"
    statistics["schema"]["fields"][0]["name"] = "no_such_column"
    (package / "datapackage.json").write_text(json.dumps(found), encoding="utf-8")
    with pytest.raises(NewsfactsError, match="no column 'no_such_column'"):
        load(package, format="csv")


def test_a_tampered_file_is_named_with_the_url_it_came_from(
    web: Web, out: Path, temp: Path
) -> None:
    data = (part_file(out / "csv", "statistics")).read_bytes()
    web.routes["/datapackage.json"] = descriptor(resource(out, "statistics.csv", data))
    web.routes["/statistics.csv"] = data.replace(b"8", b"9")
    with pytest.raises(NewsfactsError) as error:
        load(f"{web.url}/datapackage.json", format="csv")
    assert one_line(error.value) == (
        f"{web.url}/datapackage.json: statistics.csv: sha256 does not match the descriptor's hash"
    )


def test_a_parquet_resource_without_bytes_is_capped(
    web: Web, out: Path, temp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(remote, "MAX_UNSIZED_BYTES", 1 << 20)
    data = (part_file(out / "parquet", "statistics")).read_bytes()
    unsized = resource(out, "statistics.parquet", data, bytes=None, format="parquet")
    web.routes["/datapackage.json"] = descriptor(unsized)
    web.routes["/statistics.parquet"] = endless
    with pytest.raises(NewsfactsError, match=f"statistics.parquet: more than the {1 << 20} bytes"):
        load(f"{web.url}/datapackage.json")


def test_saving_never_overwrites_a_file_that_appears_meanwhile(
    out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    to = tmp_path / "got"
    to.mkdir()
    clash = to / "quotes" / "part-000_68207eccf74b6ec5.csv"
    clash.parent.mkdir()
    clash.write_text("mine", encoding="utf-8")  # after the emptiness check
    monkeypatch.setattr(remote, "is_new_or_empty", lambda folder: True)
    with pytest.raises(NewsfactsError, match="cannot save the download") as error:
        remote.place(out / "csv", to)
    one_line(error.value)
    left = [p for p in to.rglob("*") if p.is_file()]
    assert left == [clash]  # what was copied first is gone
    assert clash.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(
    ("source", "fmt", "message"),
    [
        ("", "xlsx", "format 'xlsx': not a package format (csv or parquet)"),
        ("csv", "parquet", "holds csv files, not parquet (format='csv')"),
        ("parquet", "csv", "holds parquet files, not csv (format='parquet')"),
    ],
)
def test_a_format_the_package_does_not_hold_is_an_error(
    out: Path, source: str, fmt: str, message: str
) -> None:
    with pytest.raises(NewsfactsError, match=re.escape(message)):
        load(out / source if source else out, format=fmt)
