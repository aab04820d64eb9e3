"""`validate` reads only the package's own files: a descriptor pointing at a URL or outside the
package gets a problem, and no request is ever sent, with either engine (issue [2/6]); a zip
with a corrupt deflate stream is one problem, not a crash."""

from __future__ import annotations

import http.server
import json
import shutil
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from typer.testing import CliRunner

from newsfacts.cli import app
from newsfacts.errors import NewsfactsError
from newsfacts.validate.run import validate


class Counting(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        Counting.requests.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"quote_id\n")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def listener() -> Iterator[str]:
    Counting.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Counting)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def pointing(out: Path, tmp_path: Path, edit: str, url: str) -> Path:
    package = tmp_path / "csv"
    shutil.copytree(out / "csv", package)
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    quotes = next(r for r in descriptor["resources"] if r["name"] == "quotes")
    if edit == "path":
        quotes["path"] = f"{url}/quotes.csv"
    elif edit == "schema":
        quotes["schema"] = f"{url}/schema.json"
    elif edit == "dialect":
        quotes["dialect"] = f"{url}/dialect.json"
    elif edit == "extrapaths":
        quotes["extrapaths"] = [f"{url}/more.csv"]
    else:
        descriptor["profile"] = f"{url}/profile.json"
    (package / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    return package


@pytest.mark.parametrize("engine", ["fast", "frictionless"])
@pytest.mark.parametrize("edit", ["path", "extrapaths", "schema", "dialect", "profile"])
def test_validate_sends_no_request(
    out: Path, tmp_path: Path, listener: str, engine: str, edit: str
) -> None:
    package = pointing(out, tmp_path, edit, listener)
    try:
        problems = [p for p in validate(package, engine) if p.severity == "error"]
    except NewsfactsError:
        problems = ["refused in one line"]
    result = CliRunner().invoke(app, ["validate", str(package), "--engine", engine])
    assert Counting.requests == []
    if edit == "profile" and engine == "fast":  # metadata the fast engine never opens
        return
    assert problems  # invalid: it points outside the package
    assert result.exit_code == 1


def test_a_corrupt_zip_member_is_a_problem_not_a_crash(released: Path, tmp_path: Path) -> None:
    build = tmp_path / "build"
    shutil.copytree(released, build)
    archive = next(build.glob("*-csv.zip"))
    with zipfile.ZipFile(archive) as zipped:
        info = next(
            i for i in zipped.infolist() if i.filename.endswith("part-000_68207eccf74b6ec5.csv")
        )
    data = bytearray(archive.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for n in range(start + 10, start + 60):
        data[n] ^= 0xFF  # the deflate stream, not the headers
    archive.write_bytes(bytes(data))
    result = CliRunner().invoke(app, ["validate", str(build), "--format", "json"])
    assert result.exit_code == 1
    problems = json.loads(result.output)["problems"]
    assert any(
        p["package"] == archive.name and "not a readable zip" in p["message"] for p in problems
    )


def test_checksums_that_are_not_text_are_a_problem_not_a_crash(out: Path, tmp_path: Path) -> None:
    build = tmp_path / "build"
    shutil.copytree(out, build)
    (build / "SHA256SUMS").write_bytes(b"\xff\xfe not text")
    problems = validate(build)
    assert any(p.package == "SHA256SUMS" and "UTF-8" in p.message for p in problems)


@pytest.mark.parametrize("flag", ["encrypted", "unknown-method"])
def test_a_zip_member_zipfile_cannot_read_is_a_problem(
    released: Path, tmp_path: Path, flag: str
) -> None:
    build = tmp_path / "build"
    shutil.copytree(released, build)
    archive = next(build.glob("*-csv.zip"))
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as zipped:
        info = next(
            i for i in zipped.infolist() if i.filename.endswith("part-000_68207eccf74b6ec5.csv")
        )
    central = data.rfind(info.filename.encode(), 0) - 46  # the central directory entry
    local = info.header_offset
    if flag == "encrypted":
        for at in (local + 6, central + 8):
            data[at] |= 0x01  # general purpose flag: encrypted
    else:
        for at in (local + 8, central + 10):
            data[at : at + 2] = (99).to_bytes(2, "little")  # compression method 99
    archive.write_bytes(bytes(data))
    problems = validate(build)
    assert any(p.package == archive.name and "not a readable zip" in p.message for p in problems)
