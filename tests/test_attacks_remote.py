"""Attacks on a build published to an fsspec URL: a remote build whose SHA256SUMS names files
outside it or itself, a release, a folder holding other files or links, a SHA256SUMS that
cannot be read, a file of the previous build already gone; SIGTERM during a URL build; two builds' tasks on one worker, a worker of another version."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import fsspec
import pytest
from typer.testing import CliRunner

from newsfacts.build import parallel, to_url
from newsfacts.build.cache import extractor_version
from newsfacts.build.run import build
from newsfacts.cli import app
from newsfacts.errors import NewsfactsError
from newsfacts.extract import RegistryEntry
from newsfacts.ingest.scaffold import init
from newsfacts.package import remote
from newsfacts.package.remote import publish
from newsfacts.package.staging import RELEASES_MARK
from newsfacts.sources.curated import ArticleMeta

from .conftest import DATASET, SEEDS
from .test_fsspec_out import local_files, remote_files
from .test_import import STORY, news_please
from .test_parts import write_seeds

ANY_DIGEST = "0" * 64
VERSION = extractor_version()


@pytest.fixture
def memory_url() -> Iterator[str]:
    url = f"memory://newsfacts-{uuid.uuid4().hex}/build"
    yield url
    fs = fsspec.filesystem("memory")
    bucket = url.removeprefix("memory://").split("/")[0]
    if fs.exists(f"/{bucket}"):
        fs.rm(f"/{bucket}", recursive=True)


def checksums(*names: str) -> bytes:
    return "".join(f"{ANY_DIGEST}  {name}\n" for name in names).encode()


@pytest.mark.parametrize("name", ["../keep.txt", "csv/../../keep.txt", "/keep.txt", "./x"])
def test_a_listed_name_outside_the_build_is_refused_and_nothing_removed(
    out: Path, tmp_path: Path, name: str
) -> None:
    target = tmp_path / "target"
    target.mkdir()
    (target / "SHA256SUMS").write_bytes(checksums(name))
    keep = tmp_path / "keep.txt"
    keep.write_text("someone's file", encoding="utf-8")
    with pytest.raises(NewsfactsError, match=r"SHA256SUMS: lists .*, which no build writes"):
        publish(out, f"file://{target}")
    assert keep.read_text(encoding="utf-8") == "someone's file"
    assert sorted(p.name for p in target.iterdir()) == ["SHA256SUMS"]


def test_a_checksum_list_that_lists_itself_is_refused(out: Path, memory_url: str) -> None:
    fs, root = fsspec.core.url_to_fs(memory_url)
    fs.pipe_file(f"{root}/SHA256SUMS", checksums("SHA256SUMS"))
    with pytest.raises(NewsfactsError, match=r"SHA256SUMS: lists SHA256SUMS"):
        publish(out, memory_url)


def test_a_release_is_never_replaced_through_a_file_url(
    runner: CliRunner, out: Path, tmp_path: Path
) -> None:
    release = tmp_path / "releases" / "0.1.0"
    publish(out, f"file://{release}")
    (release.parent / RELEASES_MARK).touch()
    before = local_files(release)
    args = ["build", "--seeds", str(SEEDS), "--dataset", str(DATASET), "--no-cache"]
    result = runner.invoke(app, [*args, "--out", f"file://{release}"])
    assert result.exit_code == 1
    assert "is a release, and releases are never replaced" in result.output
    assert local_files(release) == before


def test_a_folder_with_files_its_checksum_list_does_not_name_is_refused(
    out: Path, memory_url: str
) -> None:
    publish(out, memory_url)
    fs, root = fsspec.core.url_to_fs(memory_url)
    fs.pipe_file(f"{root}/notes.txt", b"someone's notes")
    with pytest.raises(NewsfactsError, match=r"holds notes.txt, which no build wrote"):
        publish(out, memory_url)


def test_a_link_in_the_remote_build_is_refused(out: Path, tmp_path: Path) -> None:
    target = tmp_path / "target"
    publish(out, f"file://{target}")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (target / "parquet").rename(tmp_path / "moved")
    (target / "parquet").symlink_to(elsewhere)
    with pytest.raises(NewsfactsError, match=r"holds a link, parquet"):
        publish(out, f"file://{target}")
    assert not any(elsewhere.iterdir())


def test_an_unreadable_checksum_list_is_one_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "target"
    (target / "SHA256SUMS").mkdir(parents=True)
    args = ["build", "--seeds", str(SEEDS), "--dataset", str(DATASET), "--no-cache"]
    result = runner.invoke(app, [*args, "--out", f"file://{target}"])
    assert result.exit_code == 1
    assert result.output.startswith("error: file://")
    assert "cannot be read" in result.output


def test_a_file_of_the_previous_build_already_gone_is_uploaded_again(
    out: Path, memory_url: str
) -> None:
    publish(out, memory_url)
    fs, root = fsspec.core.url_to_fs(memory_url)
    fs.rm_file(f"{root}/csv/README.md")
    uploaded = publish(out, memory_url)
    assert uploaded == ["csv/README.md"]
    assert remote_files(memory_url) == local_files(out)


def test_the_root_of_a_file_system_is_refused(out: Path) -> None:
    with pytest.raises(NewsfactsError, match=r"memory://: names the root"):
        publish(out, "memory://")


# the driver: the CLI, with SIGTERM sent to itself as the upload begins (the staged build and
# the copied seeds are then in the temporary folder)
SIGTERM_AT_UPLOAD = """
import os, signal, sys
from newsfacts.build import to_url
from newsfacts.cli import app

def terminated(build, url):
    os.kill(os.getpid(), signal.SIGTERM)

to_url.publish = terminated
app(sys.argv[1:])
"""


@pytest.mark.slow
def test_sigterm_during_a_url_build_leaves_no_temporary_files(tmp_path: Path) -> None:
    temp = tmp_path / "system-temp"
    temp.mkdir()
    shard = tmp_path / "crawl.jsonl"
    shard.write_text(news_please(STORY, "https://a.example/1") + "\n", encoding="utf-8")
    init(tmp_path / "repo")
    args = ["build", "--seeds", f"file://{shard}", "--dataset", str(tmp_path / "repo" / "dataset")]
    command = [sys.executable, "-c", SIGTERM_AT_UPLOAD, *args, "--out", f"file://{tmp_path}/o"]
    environment = {**os.environ, "TMPDIR": str(temp)}
    result = subprocess.run(command, env=environment, capture_output=True, timeout=120)
    assert result.returncode == -signal.SIGTERM, result.stderr
    assert not list(temp.iterdir()), "temporary files left behind"
    assert not (tmp_path / "o").exists()


def test_a_cluster_task_uses_its_own_registry_while_another_build_s_task_starts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A worker of a shared cluster runs tasks of several builds at once on its threads: one
    task starting (with its build's actor registry) must not change another's registry."""
    seeds = write_seeds(tmp_path / "seeds", ["p001", "p002"])
    ours: dict[str, RegistryEntry] = {
        "Ours": RegistryEntry("ours", "Ours", "person", None, None, ())
    }
    theirs: dict[str, RegistryEntry] = {
        "Theirs": RegistryEntry("theirs", "Theirs", "person", None, None, ())
    }
    registries: list[dict[str, RegistryEntry]] = []
    real = parallel.extract_article

    def another_task_starts(seed: Any, meta: Any, registry: Any, source: str) -> Any:
        registries.append(registry)
        parallel.extract_part([], theirs, None, VERSION)  # on another thread, now
        return real(seed, meta, registry, source)

    monkeypatch.setattr(parallel, "extract_article", another_task_starts)
    jobs = [parallel.SeedJob(path, ArticleMeta(), path.name) for path in sorted(seeds.iterdir())]
    parallel.extract_part(jobs, ours, None, VERSION)
    assert registries == [ours, ours]


def test_a_worker_that_joined_with_another_extractor_runs_no_task(tmp_path: Path) -> None:
    seeds = write_seeds(tmp_path / "seeds", ["p001"])
    jobs = [parallel.SeedJob(path, ArticleMeta(), path.name) for path in seeds.iterdir()]
    with pytest.raises(NewsfactsError, match=r"a Dask worker runs extractor version \w+, this"):
        parallel.extract_part(jobs, {}, None, "0123456789abcdef")


class FailingUploads:
    """A file system whose uploads fail after `allowed` files (a lost connection)."""

    def __init__(self, fs: Any, allowed: int) -> None:
        self.fs, self.allowed = fs, allowed

    def put_file(self, local: str, remote: str) -> None:
        if self.allowed == 0:
            raise ConnectionResetError("connection lost")
        self.allowed -= 1
        self.fs.put_file(local, remote)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.fs, name)


@pytest.mark.parametrize("first", [True, False], ids=["first publish", "republish"])
def test_a_publish_cut_short_is_completed_by_the_next(
    out: Path, memory_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first: bool
) -> None:
    if not first:  # an earlier build, of fewer articles: the new one has part files it lacks
        earlier = tmp_path / "earlier"
        seeds = write_seeds(tmp_path / "seeds", ["p001"])
        build(seeds, DATASET, earlier)
        publish(earlier, memory_url)
    opened = remote.open_url(memory_url)
    monkeypatch.setattr(remote, "open_url", lambda url: (FailingUploads(opened[0], 3), opened[1]))
    with pytest.raises(NewsfactsError, match="uploading the build failed"):
        publish(out, memory_url)
    monkeypatch.undo()
    publish(out, memory_url)
    assert remote_files(memory_url) == local_files(out)


def test_a_url_holding_other_files_is_refused_before_any_extraction(
    runner: CliRunner, memory_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fs, root = fsspec.core.url_to_fs(memory_url)
    fs.pipe_file(f"{root}/notes.txt", b"someone's notes")
    monkeypatch.setattr(to_url, "build", lambda *args, **kwargs: pytest.fail("extracted"))
    args = ["build", "--seeds", str(SEEDS), "--dataset", str(DATASET), "--out", memory_url]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "is not a newsfacts build (no SHA256SUMS)" in result.output
