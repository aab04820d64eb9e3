"""Time a clean build and rebuilds after adding one article, on a corpus of bench.py.

Builds `--articles` generated articles (bench.make_corpus) with the cache, in parts of
`--part-articles`, then adds one article at a time (`--runs` times), rebuilding after each;
prints the clean build, each rebuild (and its share of the clean build) and where each
rebuild's time went (bench.instrument's stages, and the rest).

Usage: python benchmarks/rebuild.py --articles 10000 --part-articles 4096 --runs 3 [--json F]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench


def dataset_with_parts(folder: Path, part_articles: int) -> Path:
    target = folder / "dataset"
    shutil.copytree(bench.ROOT / "dataset", target)
    with (target / "dataset.yaml").open("a", encoding="utf-8") as meta:
        meta.write(f"part_articles: {part_articles}\n")
    return target


def timed(seeds: Path, dataset: Path, out: Path, cache: Path, watch: Any) -> dict[str, Any]:
    from newsfacts.build.run import build

    watch.seconds.clear()
    start = time.perf_counter()
    build(seeds, dataset, out, cache_dir=cache)
    total = time.perf_counter() - start
    stages = {k: round(v, 3) for k, v in watch.seconds.items()}
    return {"seconds": round(total, 3), "stages": stages}


def measure(articles: int, part_articles: int, runs: int, workdir: Path) -> dict[str, Any]:
    seeds, cache, out = workdir / "seeds", workdir / "cache", workdir / "build"
    seeds.mkdir()
    bench.make_corpus(articles, seeds)
    dataset = dataset_with_parts(workdir, part_articles)
    watch = bench.instrument()
    clean = timed(seeds, dataset, out, cache, watch)
    rebuilds = []
    for run in range(runs):
        bench.make_corpus(1, seeds, first=articles + run)  # one more article
        rebuilds.append(timed(seeds, dataset, out, cache, watch))
    parts = len(list((out / "csv" / "articles").glob("part-*.csv")))
    return {
        "articles": articles,
        "part_articles": part_articles,
        "parts": parts,
        "clean": clean,
        "rebuilds": rebuilds,
        "percent": [round(100 * r["seconds"] / clean["seconds"], 1) for r in rebuilds],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--part-articles", type=int, default=4_096)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        result = measure(args.articles, args.part_articles, args.runs, Path(folder))
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
