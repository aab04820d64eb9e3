"""How the build scales: a clean build and an add-one-article rebuild per corpus size, with the
peak RSS of the main process and of the largest worker. Each build runs in a process of its
own, as `newsfacts build` does (the rebuild's peak is not the clean build's leftovers).

    python benchmarks/scale.py --sizes 10000 100000 1000000 [--workers 2] [--budget 1800]
        [--json benchmarks/scale_results.json]

Corpora come from benchmarks/bench.py's generator (real paragraphs recombined, fixed random
seed). A size whose clean build does not end within --budget seconds is stopped and reported
as such: the issue asks for the largest size that fits in 30 minutes, and the slope.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import ROOT, make_corpus

MB = 1024  # ru_maxrss is in KiB on Linux


def timed_build(seeds: Path, out: Path, cache: Path, workers: int | None) -> float:
    """Seconds for one build (on a local Dask cluster of `workers`, its start included)."""
    from contextlib import nullcontext

    from newsfacts.build.cluster import dask_cluster
    from newsfacts.build.run import build

    start = time.perf_counter()
    with dask_cluster(workers) if workers else nullcontext() as cluster:
        build(seeds, ROOT / "dataset", out, cache_dir=cache, cluster=cluster)
    return time.perf_counter() - start


def build_in_own_process(workdir: Path, workers: int | None) -> dict[str, Any]:
    """One build in a process of its own, as `newsfacts build` runs: its seconds, and its
    peak RSS and its largest worker's, not those of the builds before it."""
    command = [sys.executable, __file__, "--build", str(workdir)]
    command += ["--workers", str(workers)] if workers else []
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"the build in {workdir} failed:\n{done.stderr}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def one_build(workdir: Path, workers: int | None) -> dict[str, Any]:
    seeds, out, cache = workdir / "seeds", workdir / "build", workdir / "cache"
    seconds = timed_build(seeds, out, cache, workers)
    return {
        "seconds": round(seconds, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / MB),
        "worker_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / MB),
    }


def measure(size: int, workdir: Path, workers: int | None) -> dict[str, Any]:
    seeds, out = workdir / "seeds", workdir / "build"
    seeds.mkdir()
    start = time.perf_counter()
    words = make_corpus(size, seeds)
    generate = time.perf_counter() - start
    clean = build_in_own_process(workdir, workers)
    make_corpus(1, seeds, first=size)
    rebuild = build_in_own_process(workdir, workers)
    return {
        "articles": size,
        "words": words,
        "workers": workers or "in-process",
        "generate_s": round(generate, 1),
        "clean_s": clean["seconds"],
        "rebuild_s": rebuild["seconds"],
        "rebuild_share": round(rebuild["seconds"] / clean["seconds"], 3),
        "peak_rss_mb": clean["peak_rss_mb"],
        "rebuild_peak_rss_mb": rebuild["peak_rss_mb"],
        "worker_peak_rss_mb": max(clean["worker_peak_rss_mb"], rebuild["worker_peak_rss_mb"]),
        "build_bytes": sum(p.stat().st_size for p in out.rglob("*") if p.is_file()),
    }


def run_one(size: int, workers: int | None, budget: float) -> dict[str, Any]:
    command = [sys.executable, __file__, "--one", str(size)]
    if workers:
        command += ["--workers", str(workers)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=budget)
    except subprocess.TimeoutExpired:
        return {"articles": size, "workers": workers or "in-process", "stopped_after_s": budget}
    if done.returncode != 0:
        sys.exit(f"size {size} failed:\n{done.stderr}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def table(results: list[dict[str, Any]]) -> str:
    head = ["articles", "workers", "clean s", "rebuild s", "rebuild %", "peak RSS MiB",
            "rebuild peak RSS MiB", "worker RSS MiB", "words/s"]  # fmt: skip
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in results:
        if "stopped_after_s" in r:
            cells = [f"{r['articles']:,}", str(r["workers"]), f"> {r['stopped_after_s']:.0f}"]
            cells += ["not run"] * (len(head) - len(cells))
        else:
            cells = [
                f"{r['articles']:,}",
                str(r["workers"]),
                f"{r['clean_s']:.1f}",
                f"{r['rebuild_s']:.1f}",
                f"{100 * r['rebuild_share']:.1f}%",
                str(r["peak_rss_mb"]),
                str(r["rebuild_peak_rss_mb"]),
                str(r["worker_peak_rss_mb"]),
                f"{r['words'] / r['clean_s']:,.0f}",
            ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--workers", type=int, help="build on a local Dask cluster")
    parser.add_argument("--budget", type=float, default=1800.0, help="seconds per size")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # one size, print JSON
    parser.add_argument("--build", type=Path, help=argparse.SUPPRESS)  # one build, print JSON
    args = parser.parse_args()
    if args.build:
        print(json.dumps(one_build(args.build, args.workers)))
        return
    if args.one:
        workdir = Path(tempfile.mkdtemp(prefix="newsfacts-scale-"))
        try:
            print(json.dumps(measure(args.one, workdir, args.workers)))
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        return
    results = []
    for size in args.sizes:
        results.append(run_one(size, args.workers, args.budget))
        print(json.dumps(results[-1]), file=sys.stderr, flush=True)
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
