"""Peak RSS of `newsfacts build` by phase: python benchmarks/memory_phases.py FOLDER ARTICLES

Generates ARTICLES articles into FOLDER (as bench.py does) unless FOLDER exists, builds them
into FOLDER-out (cache in FOLDER-cache), and prints the peak resident memory of the writing
phase (extract, stream rows, actors, descriptors, zips) and of the validation of the staged
build, each measured from its own start (Linux: the peak is reset through /proc/self/clear_refs).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench

from newsfacts.build import run as build


def peak_mb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM"):
                return int(line.split()[1]) // 1024
    return 0


def measured(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
            clear.write("5")  # the peak starts again from the current RSS
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            print(f"{name}: peak RSS {peak_mb()} MB, {time.perf_counter() - start:.1f} s")

    return wrapped


def main() -> None:
    folder, articles = Path(sys.argv[1]), int(sys.argv[2])
    if not folder.exists():
        folder.mkdir(parents=True)
        bench.make_corpus(articles, folder)
    writing = measured("writing", build.PartsRun.write_packages)
    setattr(build.PartsRun, "write_packages", writing)  # noqa: B010
    verify = "verify" if hasattr(build, "verify") else "_verify"  # before build/verify.py
    setattr(build, verify, measured("validation", getattr(build, verify)))
    print(f"before the build: peak RSS {peak_mb()} MB")
    build.build(
        folder, bench.ROOT / "dataset", Path(f"{folder}-out"), cache_dir=Path(f"{folder}-cache")
    )


if __name__ == "__main__":
    main()
