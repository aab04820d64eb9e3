"""The build on a dask.distributed cluster: one task per part, output byte-identical to the
in-process build, on a local cluster and on one reached by address (whose workers read no
seed file), a killed worker's part run again, and clear errors."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from pathlib import Path
from typing import Any

import cloudpickle
import pytest
from distributed import LocalCluster
from typer.testing import CliRunner

from newsfacts.build import cluster as cluster_module
from newsfacts.build import parallel
from newsfacts.build.cluster import LOOPBACK_ANY_PORT, check_same_extractor, dask_cluster
from newsfacts.build.parallel import Cluster
from newsfacts.build.run import build
from newsfacts.cli import app
from newsfacts.errors import NewsfactsError

from .conftest import tree
from .test_parts import dataset, write_seeds

pytestmark = pytest.mark.slow  # a cluster takes seconds to start

IDS = [f"d{n:03d}" for n in range(24)]
PART_ARTICLES = 4  # about six parts: six tasks

cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers cannot import tests/


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """Seeds, a dataset of small parts, and the in-process build's files."""
    root = tmp_path_factory.mktemp("dask")
    seeds = write_seeds(root / "seeds", IDS)
    meta = dataset(root, PART_ARTICLES)
    build(seeds, meta, root / "in-process")
    return seeds, meta, tree(root / "in-process")


@pytest.fixture(scope="module")
def local_cluster() -> Iterator[LocalCluster]:
    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        host="127.0.0.1",
        dashboard_address=None,
        scheduler_kwargs={"dashboard_address": LOOPBACK_ANY_PORT},
    ) as cluster:
        yield cluster


def test_two_local_workers_build_the_same_bytes(
    corpus: tuple[Path, Path, dict[str, str]], tmp_path: Path
) -> None:
    seeds, meta, expected = corpus
    with dask_cluster(workers=2) as cluster:
        build(seeds, meta, tmp_path / "out", cluster=cluster)
    assert tree(tmp_path / "out") == expected


def test_one_task_per_part(corpus: tuple[Path, Path, dict[str, str]], tmp_path: Path) -> None:
    seeds, meta, _ = corpus
    tasks: list[list[str]] = []
    with dask_cluster(workers=2) as cluster:
        counting = Cluster(Counting(cluster.executor, tasks), cluster.slots)
        build(seeds, meta, tmp_path / "out", cluster=counting)
    assert sorted(a for task in tasks for a in task) == IDS  # every article in exactly one task
    assert len(tasks) > 1
    for part in tasks:  # a task is one part: only its last article ends a part
        ends = [parallel.is_boundary(a, PART_ARTICLES, n) for n, a in enumerate(part, 1)]
        assert not any(ends[:-1])


def test_a_cluster_by_address_gets_the_seeds_sent_and_builds_the_same_bytes(
    corpus: tuple[Path, Path, dict[str, str]], local_cluster: LocalCluster, tmp_path: Path
) -> None:
    seeds, meta, expected = corpus
    sent: list[list[str]] = []
    with dask_cluster(scheduler=local_cluster.scheduler_address) as cluster:
        assert cluster.remote
        watched = Cluster(SeedsSent(cluster.executor, sent), cluster.slots, cluster.remote)
        build(seeds, meta, tmp_path / "out", cluster=watched)
    assert tree(tmp_path / "out") == expected
    assert (
        sorted(a for task in sent for a in task) == IDS
    )  # every seed went as bytes: no worker reads a file


def test_a_worker_killed_mid_build_has_its_part_run_again(
    corpus: tuple[Path, Path, dict[str, str]], local_cluster: LocalCluster, tmp_path: Path
) -> None:
    seeds, meta, expected = corpus
    marker = tmp_path / "killed"
    with dask_cluster(scheduler=local_cluster.scheduler_address) as cluster:
        killing = Cluster(KillOnce(cluster.executor, marker), cluster.slots, cluster.remote)
        build(seeds, meta, tmp_path / "out", cluster=killing)
    assert marker.read_text() == "a worker process ended itself here"
    assert tree(tmp_path / "out") == expected


def test_a_worker_that_dies_every_time_stops_the_build_with_one_clear_error(
    corpus: tuple[Path, Path, dict[str, str]], tmp_path: Path
) -> None:
    seeds, meta, _ = corpus
    previous = tmp_path / "out"
    build(seeds, meta, previous)
    before = tree(previous)
    with dask_cluster(workers=1) as cluster:
        dying = Cluster(KillAlways(cluster.executor), cluster.slots)
        with pytest.raises(NewsfactsError, match=r"a task failed on the Dask cluster \(Killed"):
            build(seeds, meta, previous, cluster=dying)
    assert tree(previous) == before  # the previous build is intact


def test_a_cluster_left_without_workers_stops_the_build_instead_of_hanging(
    corpus: tuple[Path, Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seeds, meta, _ = corpus
    monkeypatch.setattr(cluster_module, "NO_WORKERS_GRACE", 1.0)
    monkeypatch.setattr(cluster_module, "WATCH_EVERY", 0.2)
    with (
        LocalCluster(
            n_workers=1,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=None,
            scheduler_kwargs={"dashboard_address": LOOPBACK_ANY_PORT},
        ) as shrinking,
        dask_cluster(scheduler=shrinking.scheduler_address) as cluster,
    ):
        emptying = Cluster(EmptyTheCluster(cluster.executor, shrinking), cluster.slots, True)
        with pytest.raises(NewsfactsError, match=r"the Dask cluster has had no workers for 1 s"):
            build(seeds, meta, tmp_path / "out", cluster=emptying)
    assert not (tmp_path / "out").exists()


def test_a_bad_seed_on_a_worker_is_the_build_s_own_error(
    corpus: tuple[Path, Path, dict[str, str]], tmp_path: Path
) -> None:
    seeds, meta, _ = corpus
    bad = with_a_bad_seed(seeds, tmp_path / "seeds")
    with dask_cluster(workers=1) as cluster, pytest.raises(NewsfactsError, match=r"d005\.txt"):
        build(bad, meta, tmp_path / "out", cluster=cluster)
    assert not (tmp_path / "out").exists()


def test_a_bad_seed_on_local_workers_is_one_error_line_from_the_cli(
    corpus: tuple[Path, Path, dict[str, str]], tmp_path: Path
) -> None:
    """Run as a command: the workers' own logs go to the terminal's stderr, not the runner's."""
    seeds, meta, _ = corpus
    bad = with_a_bad_seed(seeds, tmp_path / "seeds")
    args = ["build", "--seeds", str(bad), "--dataset", str(meta), "--no-cache", "--workers", "1"]
    command = [sys.executable, "-m", "newsfacts", *args, "--out", str(tmp_path / "out")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("error: ") and "d005.txt: not UTF-8" in result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr


def test_the_cli_builds_on_local_workers(
    corpus: tuple[Path, Path, dict[str, str]], runner: CliRunner, tmp_path: Path
) -> None:
    seeds, meta, expected = corpus
    args = ["build", "--seeds", str(seeds), "--dataset", str(meta), "--no-cache"]
    result = runner.invoke(app, [*args, "--out", str(tmp_path / "out"), "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert tree(tmp_path / "out") == expected


def test_an_unreachable_scheduler_is_one_clear_error(
    corpus: tuple[Path, Path, dict[str, str]], runner: CliRunner, tmp_path: Path
) -> None:
    seeds, meta, _ = corpus
    args = ["build", "--seeds", str(seeds), "--dataset", str(meta), "--out", str(tmp_path / "o")]
    result = runner.invoke(app, [*args, "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert "tcp://127.0.0.1:9: cannot reach the Dask scheduler" in result.output
    assert "Traceback" not in result.output


class WorkersWithoutNewsfacts:
    """A client whose workers cannot import newsfacts: Dask raises their error here."""

    def run(self, function: Callable[..., Any]) -> dict[str, str]:
        raise Exception(ModuleNotFoundError("No module named 'newsfacts.build'"))


def test_workers_without_newsfacts_are_one_clear_error() -> None:
    with pytest.raises(NewsfactsError, match=r"tcp://x:1: cannot run newsfacts on the Dask work"):
        check_same_extractor(WorkersWithoutNewsfacts(), "tcp://x:1")


def test_workers_and_scheduler_together_are_refused(runner: CliRunner, tmp_path: Path) -> None:
    args = ["build", "--out", str(tmp_path / "o"), "--workers", "2", "--scheduler", "tcp://x:1"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "--workers and --scheduler: choose one" in result.output


def with_a_bad_seed(seeds: Path, folder: Path) -> Path:
    """A copy of the seeds in which d005.txt is not UTF-8."""
    folder.mkdir()
    for path in seeds.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "d005.txt").write_bytes(b"\xff\xfe not UTF-8")
    return folder


class Wrapped(Executor):
    """An executor that changes each task before the cluster's executor runs it."""

    def __init__(self, inner: Executor) -> None:
        self.inner = inner

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        return self.inner.submit(*self.task(fn, *args), **kwargs)

    def task(self, fn: Callable[..., Any], *args: Any) -> tuple[Any, ...]:
        return (fn, *args)


class Counting(Wrapped):
    def __init__(self, inner: Executor, tasks: list[list[str]]) -> None:
        super().__init__(inner)
        self.tasks = tasks

    def task(self, fn: Callable[..., Any], *args: Any) -> tuple[Any, ...]:
        self.tasks.append([job.path.stem for job in args[0]])
        return (fn, *args)


class SeedsSent(Counting):
    def task(self, fn: Callable[..., Any], *args: Any) -> tuple[Any, ...]:
        self.tasks.append([job.path.stem for job in args[0] if job.data is not None])
        return (fn, *args)


class KillOnce(Wrapped):
    def __init__(self, inner: Executor, marker: Path) -> None:
        super().__init__(inner)
        self.marker = marker

    def task(self, fn: Callable[..., Any], *args: Any) -> tuple[Any, ...]:
        return (_die_once_then, str(self.marker), fn, *args)


class EmptyTheCluster(Wrapped):
    """Its first task is sent to a cluster whose only worker is then retired (none comes
    back: no nanny restarts a retired worker)."""

    def __init__(self, inner: Executor, cluster: LocalCluster) -> None:
        super().__init__(inner)
        self.cluster: LocalCluster | None = cluster

    def task(self, fn: Callable[..., Any], *args: Any) -> tuple[Any, ...]:
        if self.cluster:
            self.cluster.scale(0)
            self.cluster = None
        return (fn, *args)


class KillAlways(Wrapped):
    def task(self, fn: Callable[..., Any], *args: Any) -> tuple[Any, ...]:
        return (_die,)


def _die_once_then(marker: str, fn: Callable[..., Any], *args: Any) -> Any:
    """In a worker: the first task to run ends its worker process abruptly (as a kill would);
    every other task, and this one when run again, does its work."""
    try:
        descriptor = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    except FileExistsError:
        return fn(*args)
    os.write(descriptor, b"a worker process ended itself here")
    os.close(descriptor)
    os._exit(1)


def _die() -> None:
    os._exit(1)


def test_dask_s_warnings_are_not_logged_during_a_build() -> None:
    """Seen when a worker dies mid-build: "Couldn't gather 1 keys, rescheduling", from
    loggers that Dask's logging config gives levels of their own."""
    with cluster_module._quiet_dask():
        for name in ("distributed.client", "distributed.worker", "tornado.application"):
            assert not logging.getLogger(name).isEnabledFor(logging.WARNING), name
