"""Loading and downloading releases over HTTP, from a real server on 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from newsfacts import load, schema
from newsfacts.cli import app
from newsfacts.errors import NewsfactsError

from .parts import part_file

ZIP = "newsfacts-0.1.0-parquet.zip"


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder; /truncated/<file> promises more bytes than it sends."""

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path.startswith("/truncated/"):
            data = (Path(self.directory) / self.path.removeprefix("/truncated/")).read_bytes()
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])
            return
        super().do_GET()


@pytest.fixture
def served(released: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A copy of the seed release served on 127.0.0.1; the test may tamper with the copy."""
    root = tmp_path / "www"
    shutil.copytree(released, root)
    handler = functools.partial(Handler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", root
    finally:
        server.shutdown()
        server.server_close()


def test_load_a_zip_url_with_dtypes(served: tuple[str, Path], out: Path) -> None:
    url, _ = served
    tables = load(f"{url}/{ZIP}")
    assert set(tables) == set(schema.TABLES)
    quotes = tables["quotes"]
    assert isinstance(quotes["kind"].dtype, pd.CategoricalDtype)
    assert list(quotes["kind"].cat.categories) == ["direct", "indirect"]
    assert str(tables["articles"]["published_date"].dtype).startswith("datetime64")
    assert str(tables["mentions"]["start"].dtype) == "Int64"
    local = load(out)
    pd.testing.assert_frame_equal(tables["statistics"], local["statistics"])


def test_load_a_descriptor_url_and_a_local_zip(
    released: Path, served: tuple[str, Path], out: Path
) -> None:
    url, _ = served
    remote_csv = load(f"{url}/csv/datapackage.json", format="csv")
    local_zip = load(released / "newsfacts-0.1.0-csv.zip", format="csv")
    for table, frame in remote_csv.items():
        pd.testing.assert_frame_equal(frame, local_zip[table])


def test_tampered_file_is_refused_and_named(served: tuple[str, Path]) -> None:
    url, root = served
    path = part_file(root / "parquet", "statistics")
    data = bytearray(path.read_bytes())
    data[100] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(
        NewsfactsError,
        match=r"statistics/part-000_68207eccf74b6ec5\.parquet: sha256 does not match",
    ):
        load(f"{url}/parquet/datapackage.json")


def test_truncated_download_is_refused(served: tuple[str, Path]) -> None:
    url, _ = served
    with pytest.raises(NewsfactsError, match="truncated download"):
        load(f"{url}/truncated/{ZIP}")


def test_missing_file_is_a_404(served: tuple[str, Path]) -> None:
    url, root = served
    (part_file(root / "parquet", "quotes")).unlink()
    with pytest.raises(
        NewsfactsError, match=r"quotes/part-000_68207eccf74b6ec5\.parquet: HTTP 404"
    ):
        load(f"{url}/parquet/datapackage.json")
    with pytest.raises(NewsfactsError, match="HTTP 404"):
        load(f"{url}/newsfacts-9.9.9-parquet.zip")


def test_zip_with_a_member_outside_the_package_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("../outside.txt", "nope")
    with pytest.raises(NewsfactsError, match="leaves the package"):
        load(archive)
    assert not (tmp_path.parent / "outside.txt").exists()


def test_download_command_verifies_then_saves(served: tuple[str, Path], tmp_path: Path) -> None:
    url, root = served
    runner = CliRunner()
    result = runner.invoke(app, ["download", f"{url}/{ZIP}", "--to", str(tmp_path / "got")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "got" / ZIP).read_bytes() == (root / ZIP).read_bytes()
    result = runner.invoke(
        app, ["download", f"{url}/csv/datapackage.json", "--to", str(tmp_path / "csv")]
    )
    assert result.exit_code == 0, result.output
    assert load(tmp_path / "csv", format="csv")["quotes"].shape[0] == 9


def test_download_of_a_tampered_release_keeps_nothing(
    served: tuple[str, Path], tmp_path: Path
) -> None:
    url, root = served
    (part_file(root / "csv", "quotes")).write_text("quote_id\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["download", f"{url}/csv/datapackage.json", "--to", str(tmp_path / "got")]
    )
    assert result.exit_code == 1
    assert "quotes/part-000_68207eccf74b6ec5.csv" in result.output
    assert not (tmp_path / "got").exists()


def test_download_defaults_to_the_current_folder_only_if_it_is_empty(
    served: tuple[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, root = served
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    result = CliRunner().invoke(app, ["download", f"{url}/{ZIP}"])
    assert result.exit_code == 0, result.output
    assert (here / ZIP).read_bytes() == (root / ZIP).read_bytes()
    result = CliRunner().invoke(app, ["download", f"{url}/{ZIP}"])  # now it holds the zip
    assert result.exit_code == 1
    assert "not a new or empty folder" in result.output
    assert [p.name for p in here.iterdir()] == [ZIP]
