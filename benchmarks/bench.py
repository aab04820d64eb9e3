"""Benchmark the build stage by stage on generated corpora of real text.

Each corpus recombines paragraphs of the seed article and, when fetched
(tests/devset/fetch.py), of the development-set articles, with distinct ids.
Each size runs in its own process so that peak RSS is that size's alone.

Usage: python benchmarks/bench.py [--sizes 100 1000] [--json results.json]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("extract", "write_csv", "write_parquet", "zip", "validate", "frictionless_csv")


def paragraphs() -> list[str]:
    sources = [ROOT / "seeds", ROOT / "tests" / "devset" / "articles"]
    found = []
    for folder in sources:
        for path in sorted(folder.glob("*.txt")):
            found += [
                p.strip()
                for p in path.read_text(encoding="utf-8").split("\n")
                if len(p.split()) > 8
            ]
    return found


def make_corpus(size: int, folder: Path) -> int:
    """`size` articles of 4 to 12 paragraphs each; returns the number of words."""
    pool = paragraphs()
    rng = random.Random(size)
    words = 0
    for n in range(size):
        text = "\n".join(rng.choice(pool) for _ in range(rng.randint(4, 12)))
        words += len(text.split())
        (folder / f"bench_{n:06d}.txt").write_text(text + "\n", encoding="utf-8")
    return words


def measure(size: int) -> dict[str, float]:
    from newsfacts import dataset, publish
    from newsfacts.pipeline import build_tables
    from newsfacts.seeds import list_seeds
    from newsfacts.validate import validate

    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        seeds.mkdir()
        words = make_corpus(size, seeds)
        curated = dataset.load(ROOT / "dataset")
        times: dict[str, float] = {}

        def timed(stage: str, work) -> object:  # type: ignore[no-untyped-def]
            start = time.perf_counter()
            result = work()
            times[stage] = time.perf_counter() - start
            return result

        tables = timed("extract", lambda: build_tables(list_seeds(seeds), curated, Path(tmp)))
        out = Path(tmp) / "build"
        out.mkdir()
        timed("write_csv", lambda: publish.write_package(tables, curated, "csv", out / "csv"))
        timed(
            "write_parquet",
            lambda: publish.write_package(tables, curated, "parquet", out / "parquet"),
        )
        timed(
            "zip",
            lambda: [publish.write_zip(out / f, out / f"x-{f}.zip") for f in ("csv", "parquet")],
        )
        publish.write_checksums(out)
        problems = timed("validate", lambda: [p for p in validate(out) if p.severity == "error"])
        frictionless = Path(sys.executable).parent / "frictionless"
        timed(
            "frictionless_csv",
            lambda: subprocess.run(
                [str(frictionless), "validate", str(out / "csv" / "datapackage.json")],
                capture_output=True,
                check=False,
            ),
        )
        rows = sum(len(rows) for rows in tables.values())
        return {
            "articles": size,
            "words": words,
            "rows": rows,
            "errors": len(problems),  # type: ignore[arg-type]
            **times,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }


def report(results: list[dict[str, float]]) -> str:
    lines = [
        "| articles | words | rows | "
        + " | ".join(f"{s} s" for s in STAGES)
        + " | total s | articles/s | words/s (extract) | rows/s (validate) | peak RSS MB |",
        "|---" * (len(STAGES) + 8) + "|",
    ]
    for r in results:
        total = sum(r[s] for s in STAGES if s != "frictionless_csv")
        lines.append(
            f"| {r['articles']:,} | {r['words']:,} | {r['rows']:,} | "
            + " | ".join(f"{r[s]:.2f}" for s in STAGES)
            + f" | {total:.2f} | {r['articles'] / total:.1f} | {r['words'] / r['extract']:,.0f}"
            f" | {r['rows'] / r['validate']:,.0f} | {r['peak_rss_mb']:.0f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--json", type=Path)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # run one size, print JSON
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
        return
    results = []
    for size in args.sizes:
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(size)],
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
