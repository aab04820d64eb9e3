"""Import throughput: pages/s on one core for HTML files and a WARC, beside trafilatura alone on
the same pages (so import's own overhead is a ratio), and peak memory as the WARC grows.

Pages: the English and other pages shipped in the two pinned packages of tests/realnews (run
`tests/realnews/fetch.py` first, it caches the archives), each copy given one unique paragraph
so that no copy is a duplicate. Each size runs in its own process (its peak RSS is its own).

    .venv/bin/python benchmarks/import_speed.py --pages 1000 --warc 1000 10000
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def realnews_pages() -> list[bytes]:
    """Every page of the pinned archives, English or not (import skips the others)."""
    spec = importlib.util.spec_from_file_location("fetch", ROOT / "tests/realnews/fetch.py")
    assert spec and spec.loader
    fetch = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fetch)
    pages = []
    for source in fetch.MANIFEST_DATA["sources"]:
        archive = fetch.download(source)
        pages += [fetch.read_member(archive, page["path"]) for page in source["pages"]]
    return pages


def unique(page: bytes, number: int) -> bytes:
    """The page with a number at the start of its paragraphs, in the main text."""
    return re.sub(rb"(<p(?:\s[^>]*)?>)", rb"\1Copy %d. " % number, page, flags=re.IGNORECASE)


def pages_for(count: int) -> list[bytes]:
    pages = realnews_pages()
    return [unique(pages[n % len(pages)], n) for n in range(count)]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_html(count: int, folder: Path) -> dict[str, float]:
    from newsfacts.ingest.pages import page_record
    from newsfacts.ingest.run import import_sources
    from newsfacts.ingest.scaffold import init

    pages = pages_for(count)
    site = folder / "pages"
    site.mkdir()
    for n, page in enumerate(pages):
        (site / f"{n:06}.html").write_bytes(page)
    for page in pages:
        page_record(page, "warm-up")  # a first pass is slower (lazy imports, caches)
    start = time.perf_counter()
    for n, page in enumerate(pages):
        page_record(page, str(n))  # trafilatura with the options import uses
    alone = time.perf_counter() - start
    init(folder / "repo")
    start = time.perf_counter()
    summary = import_sources([site], folder / "repo" / "seeds", folder / "repo" / "dataset")
    took = time.perf_counter() - start
    return {
        "pages": count,
        "imported": summary.counts["imported"],
        "trafilatura_pages_per_s": count / alone,
        "import_pages_per_s": count / took,
        "overhead_ratio": took / alone,
        "peak_rss_mb": peak_mb(),
    }


def run_warc(count: int, folder: Path) -> dict[str, float]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from newsfacts.ingest.run import import_sources
    from newsfacts.ingest.scaffold import init

    archive = folder / "crawl.warc.gz"
    base = realnews_pages()
    with archive.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for n in range(count):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
            body = io.BytesIO(unique(base[n % len(base)], n))
            url = f"https://bench.example/{n}"
            record = writer.create_warc_record(url, "response", payload=body, http_headers=headers)
            writer.write_record(record)
    del base
    init(folder / "repo")
    before = peak_mb()
    start = time.perf_counter()
    summary = import_sources([archive], folder / "repo" / "seeds", folder / "repo" / "dataset")
    took = time.perf_counter() - start
    return {
        "records": count,
        "imported": summary.counts["imported"],
        "import_pages_per_s": count / took,
        "peak_rss_mb_before_import": before,
        "peak_rss_mb": peak_mb(),
    }


def child(kind: str, count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        result = (run_html if kind == "html" else run_warc)(count, Path(tmp))
    print(json.dumps({"kind": kind, **result}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="*", default=[1000])
    parser.add_argument("--warc", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return
    results = []
    for kind, sizes in (("html", args.pages), ("warc", args.warc)):
        for size in sizes:
            command = [sys.executable, __file__, "--child", kind, str(size)]
            out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            results.append(json.loads(out.strip().splitlines()[-1]))
            print(json.dumps(results[-1]), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
