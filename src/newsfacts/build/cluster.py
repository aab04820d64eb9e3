"""The build past one machine: its tasks on a dask.distributed cluster, through the standard
`concurrent.futures.Executor` interface, so that the build's code is the same in-process, on
local worker processes and on a cluster.

A local cluster (`--workers N`) listens on 127.0.0.1 only, on ports the system chooses. A
cluster given by address (`--scheduler tcp://…`) must run the same newsfacts: each worker's
extractor version is compared with this one's before any task is sent. A task whose worker
dies is run again on another one (Dask's scheduler does that, up to its `allowed-failures`, 3
by default); a task that raises is retried twice, then the build stops with its error.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, InvalidStateError
from contextlib import ExitStack, contextmanager
from typing import Any

from newsfacts.build.cache import extractor_version
from newsfacts.build.parallel import Cluster
from newsfacts.errors import NewsfactsError

TASK_RETRIES = 2  # a task that raised is run again this many times before the build stops
CONNECT_TIMEOUT = "20s"
NO_WORKERS_GRACE = 60.0  # seconds a cluster may have no worker (one restarting) mid-build
WATCH_EVERY = 2.0  # seconds between two looks at the cluster's workers
# the scheduler's HTTP endpoint (health, metrics): loopback, a free port (not a fixed 8787)
LOOPBACK_ANY_PORT = "127.0.0.1:0"
# (distributed.client and tornado.application have levels of their own in Dask's logging config)
DASK_LOGGERS = ("distributed", "distributed.client", "tornado", "tornado.application", "bokeh")
# Dask logs a task's failure, and a worker's lost heartbeat as the cluster closes, as errors
# with tracebacks; the build reports a failure itself, in one line
QUIET = logging.CRITICAL


@contextmanager
def dask_cluster(workers: int | None = None, scheduler: str | None = None) -> Iterator[Cluster]:
    """A local cluster of `workers` processes (one thread each), or the cluster whose
    scheduler is at `scheduler` (its workers may share no disk with this machine)."""
    client_class, cluster_class = _distributed()
    with ExitStack() as stack, _quiet_dask():
        if scheduler:
            client = stack.enter_context(_connect(client_class, scheduler))
        else:
            cluster = stack.enter_context(
                cluster_class(
                    n_workers=workers or 1,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    scheduler_kwargs={"dashboard_address": LOOPBACK_ANY_PORT},
                    silence_logs=QUIET,
                    security=True,  # mutual TLS, keys made for this cluster: no other client
                )
            )
            client = stack.enter_context(client_class(cluster))
        where = scheduler or "the local cluster"
        slots = check_same_extractor(client, where)
        executor = OneLineErrors(client.get_executor(retries=TASK_RETRIES, pure=False))
        with _stop_without_workers(client, executor, where):
            yield Cluster(executor, slots, remote=scheduler is not None)


class OneLineErrors(Executor):
    """A task's failure as one clear error: the build's own errors as they are, anything
    else (a worker that died on every attempt: KilledWorker) named as the cluster's."""

    def __init__(self, inner: Executor) -> None:
        self.inner = inner
        self.waiting: set[Future[Any]] = set()
        self.lock = threading.Lock()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        outcome: Future[Any] = Future()
        with self.lock:
            self.waiting.add(outcome)
        outcome.add_done_callback(self._settled)
        self.inner.submit(fn, *args, **kwargs).add_done_callback(
            lambda done: _copy_outcome(done, outcome)
        )
        return outcome

    def _settled(self, outcome: Future[Any]) -> None:
        with self.lock:
            self.waiting.discard(outcome)

    def fail_waiting(self, error: NewsfactsError) -> None:
        """Every task not yet done fails with `error` (the build stops at the next result)."""
        with self.lock:
            waiting = list(self.waiting)
        for outcome in waiting:
            _settle(outcome, error)


def _copy_outcome(done: Future[Any], outcome: Future[Any]) -> None:
    if done.cancelled():  # the build stopped (an error, Ctrl-C) and the cluster is closing
        outcome.cancel()
        return
    error = done.exception()
    if error is None:
        _settle(outcome, result=done.result())
    elif isinstance(error, NewsfactsError):
        _settle(outcome, error)
    else:
        why = f"{type(error).__name__}: {error}"
        _settle(outcome, NewsfactsError(f"a task failed on the Dask cluster ({why})"))


def _settle(outcome: Future[Any], error: BaseException | None = None, result: Any = None) -> None:
    """The outcome's result or error, unless it has one already (failed by fail_waiting)."""
    try:
        if error is None:
            outcome.set_result(result)
        else:
            outcome.set_exception(error)
    except InvalidStateError:
        pass


@contextmanager
def _stop_without_workers(client: Any, executor: OneLineErrors, where: str) -> Iterator[None]:
    """While inside, a cluster left with no worker for NO_WORKERS_GRACE seconds (all of them
    gone, none restarted) fails the tasks not yet done: the scheduler would keep them waiting
    for a worker, and the build would hang."""
    stop = threading.Event()

    def watch() -> None:
        alone_since: float | None = None
        while not stop.wait(WATCH_EVERY):
            try:
                workers = client.scheduler_info().get("workers")
            except Exception:  # the scheduler is gone: the tasks fail on their own
                continue
            if workers:
                alone_since = None
                continue
            alone_since = alone_since or time.monotonic()
            if time.monotonic() - alone_since >= NO_WORKERS_GRACE:
                executor.fail_waiting(
                    NewsfactsError(
                        f"{where}: the Dask cluster has had no workers for "
                        f"{NO_WORKERS_GRACE:g} s; the build stopped"
                    )
                )

    watcher = threading.Thread(target=watch, name="newsfacts-dask-workers", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        stop.set()
        watcher.join()


def _distributed() -> tuple[Any, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise NewsfactsError(
            "--workers and --scheduler need dask.distributed: pip install 'newsfacts[dask]'"
        ) from None
    return Client, LocalCluster


@contextmanager
def _connect(client_class: Any, scheduler: str) -> Iterator[Any]:
    try:
        client = client_class(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as error:
        raise NewsfactsError(f"{scheduler}: cannot reach the Dask scheduler ({error})") from error
    with client:
        yield client


def check_same_extractor(client: Any, where: str) -> int:
    """Every worker runs this extractor (same code, lexicons and data versions), so that the
    output does not depend on which worker ran a part; the number of workers."""
    ours = extractor_version()
    try:
        versions: dict[str, str] = client.run(extractor_version)
    except Exception as error:  # raised on a worker (no newsfacts there), re-raised by Dask
        raise NewsfactsError(
            f"{where}: cannot run newsfacts on the Dask workers ({error}); "
            "install the same newsfacts on every worker"
        ) from error
    if not versions:
        raise NewsfactsError(f"{where}: the Dask cluster has no workers")
    for worker, theirs in sorted(versions.items()):
        if theirs != ours:
            raise NewsfactsError(
                f"{worker}: this Dask worker runs extractor version {theirs}, this build "
                f"{ours}; install the same newsfacts on every worker"
            )
    return len(versions)


@contextmanager
def _quiet_dask() -> Iterator[None]:
    """Dask's logging (workers starting and closing, a task's failure) is noise for a build,
    which reports a failure itself, in one line."""
    loggers = [logging.getLogger(name) for name in DASK_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(QUIET)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
