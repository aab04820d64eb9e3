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
from newsfacts.ingest.scaffold import init
from newsfacts.package.remote import publish
from newsfacts.package.staging import listed_files
from newsfacts.package.write import write_checksums
from newsfacts.sources.remote import is_url

from .conftest import DATASET, SEEDS, tree
from .test_import import OTHER, STORY, news_please


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


def test_seeds_from_a_shard_at_a_url_build_like_the_local_shard(
    runner: CliRunner, memory_url: str, tmp_path: Path
) -> None:
    lines = [news_please(STORY, "https://a.example/1"), news_please(OTHER, "https://a.example/2")]
    init(tmp_path / "repo")
    shard = tmp_path / "repo" / "crawl.jsonl"
    shard.write_text("\n".join(lines) + "\n", encoding="utf-8")
    fsspec.filesystem("memory").pipe_file(f"{memory_url}/crawl.jsonl", shard.read_bytes())
    meta = str(tmp_path / "repo" / "dataset")
    for seeds, out in ((str(shard), "local"), (f"{memory_url}/crawl.jsonl", "remote")):
        args = ["build", "--seeds", seeds, "--dataset", meta, "--out", str(tmp_path / out)]
        result = runner.invoke(app, [*args, "--no-cache"])
        assert result.exit_code == 0, result.output
    assert tree(tmp_path / "remote") == tree(tmp_path / "local")


def test_seeds_at_a_url_must_be_a_shard_file(runner: CliRunner, tmp_path: Path) -> None:
    args = ["build", "--seeds", "memory://somewhere/seeds", "--out", str(tmp_path / "o")]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "memory://somewhere/seeds: seeds at a URL must be one shard file" in result.output


def test_missing_seeds_at_a_url_are_one_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    args = ["build", "--seeds", "memory://nowhere/crawl.jsonl", "--out", str(tmp_path / "o")]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "memory://nowhere/crawl.jsonl: cannot read the seeds" in result.output
    assert not (tmp_path / "o").exists()


def test_no_cache_wins_over_cache_for_a_url(
    runner: CliRunner, memory_url: str, tmp_path: Path
) -> None:
    args = ["build", "--seeds", str(SEEDS), "--dataset", str(DATASET), "--out", memory_url]
    result = runner.invoke(app, [*args, "--cache", str(tmp_path / "cache"), "--no-cache"])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "cache").exists()
