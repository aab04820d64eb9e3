"""A build published to an fsspec URL: fsspec's memory and local file systems stand in for an
object store."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import fsspec
import pytest
from typer.testing import CliRunner

from newsfacts.cli import app
from newsfacts.errors import NewsfactsError
from newsfacts.package.remote import is_url, publish
from newsfacts.package.staging import listed_files
from newsfacts.package.write import write_checksums

from .conftest import DATASET, SEEDS


@pytest.fixture
def memory_url() -> Iterator[str]:
    url = f"memory://newsfacts-{uuid.uuid4().hex}/build"
    yield url
    fs = fsspec.filesystem("memory")
    if fs.exists(url.removeprefix("memory://")):
        fs.rm(url.removeprefix("memory://"), recursive=True)


def remote_files(url: str) -> dict[str, bytes]:
    fs, root = fsspec.core.url_to_fs(url)
    root = root.rstrip("/")
    return {path[len(root) + 1 :]: fs.cat_file(path) for path in fs.find(root)}


def local_files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_a_url_is_told_from_a_folder() -> None:
    assert is_url("s3://bucket/build") and is_url("memory://x/build")
    assert not is_url("build") and not is_url("/tmp/build")


def test_the_published_copy_is_the_build_byte_for_byte(out: Path, memory_url: str) -> None:
    uploaded = publish(out, memory_url)
    assert remote_files(memory_url) == local_files(out)
    assert set(uploaded) == set(listed_files(out) or {})


def test_a_republish_uploads_only_what_changed_and_removes_what_went(
    out: Path, memory_url: str, tmp_path: Path
) -> None:
    publish(out, memory_url)
    changed = tmp_path / "build"
    shutil.copytree(out, changed)
    readme = changed / "csv" / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + "\nA new line.\n", encoding="utf-8")
    (changed / "parquet" / "quotes_per_speaker.png").unlink()
    write_checksums(changed)

    uploaded = publish(changed, memory_url)

    assert uploaded == ["csv/README.md"]
    assert remote_files(memory_url) == local_files(changed)


def test_the_local_file_system_works_through_a_file_url(out: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy"
    publish(out, f"file://{target}")
    assert local_files(target) == local_files(out)


def test_what_is_not_a_build_is_never_replaced(out: Path, memory_url: str) -> None:
    fs, root = fsspec.core.url_to_fs(memory_url)
    fs.pipe_file(f"{root}/notes.txt", b"someone's notes")
    with pytest.raises(NewsfactsError, match=r"memory://.*not a newsfacts build"):
        publish(out, memory_url)
    assert remote_files(memory_url) == {"notes.txt": b"someone's notes"}


def test_a_damaged_checksum_list_is_refused(out: Path, memory_url: str) -> None:
    fs, root = fsspec.core.url_to_fs(memory_url)
    fs.pipe_file(f"{root}/SHA256SUMS", b"not a list\n")
    with pytest.raises(NewsfactsError, match=r"SHA256SUMS: not a checksum list"):
        publish(out, memory_url)


def test_an_unknown_protocol_is_one_clear_error(out: Path) -> None:
    with pytest.raises(NewsfactsError, match=r"nosuchfs://bucket/build: cannot open this URL"):
        publish(out, "nosuchfs://bucket/build")


def test_build_out_a_url_publishes_the_same_bytes_as_a_local_build(
    runner: CliRunner, out: Path, memory_url: str
) -> None:
    args = ["build", "--seeds", str(SEEDS), "--dataset", str(DATASET), "--out", memory_url]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert remote_files(memory_url) == local_files(out)


def test_build_check_of_a_url_is_refused_in_one_line(runner: CliRunner, memory_url: str) -> None:
    args = ["build", "--seeds", str(SEEDS), "--out", memory_url, "--check"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "--check compares a local folder only" in result.output
