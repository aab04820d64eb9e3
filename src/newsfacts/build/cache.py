"""A cache of each seed's extraction, so that a rebuild only extracts what changed.

An entry's key hashes everything its rows depend on: the seed's bytes, its path, its
metadata in dataset/articles.yaml and the actor registry. Entries live in a folder named
after the extractor's version — a hash of the code and lexicons that produce them — so a
changed extractor starts from an empty cache, and the folders of other versions are removed.
Entries are pickles written by newsfacts itself: keep the cache folder private.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import operator
import os
import pickle
import shutil
import tempfile
import unicodedata
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from newsfacts import __version__, schema
from newsfacts.extract import RegistryEntry
from newsfacts.extract.actors import ArticleActor
from newsfacts.sources.curated import ArticleMeta

if TYPE_CHECKING:
    from newsfacts.build.rows import ArticleExtraction

PACKAGE = Path(__file__).resolve().parents[1]  # src/newsfacts
# Everything an extraction depends on: the extractor, its lexicons, the row builder, the
# seed reader, the contract's column order, and this file's own format.
CODE = ("extract/*.py", "lexicons/*.txt", "build/rows.py", "sources/seeds.py", "build/cache.py")
# Data the extractor reads from other packages (country names, given names): a new version of
# one can change the rows, as can Python's Unicode tables (normalisation, letter classes).
DATA_PACKAGES = ("pycountry", "gender-guesser")


@cache
def extractor_version() -> str:
    digest = hashlib.sha256(__version__.encode())
    for pattern in CODE:
        for path in sorted(PACKAGE.glob(pattern)):
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    for table in schema.TABLES:
        digest.update(json.dumps(schema.column_names(table)).encode())
    for package in DATA_PACKAGES:
        digest.update(f"{package}=={metadata.version(package)}\0".encode())
    digest.update(f"unicode {unicodedata.unidata_version}".encode())
    return digest.hexdigest()[:16]


# Entries hold the actors as plain tuples, not objects: an entry loads a third faster.
_fields = operator.attrgetter(*(f.name for f in dataclasses.fields(ArticleActor)))


class ExtractionCache:
    def __init__(self, folder: Path, registry: dict[str, RegistryEntry]) -> None:
        self.root = folder
        self.folder = folder / extractor_version()
        self.registry_digest = hashlib.sha256(repr(sorted(registry.items())).encode()).hexdigest()

    def key(self, seed_path: Path, meta: ArticleMeta, source_file: str) -> str | None:
        """The entry's key; None when the seed cannot be read (reading it reports why)."""
        try:
            seed_hash = hashlib.sha256(seed_path.read_bytes()).hexdigest()
        except OSError:
            return None
        parts = [
            seed_hash,
            source_file,
            meta.model_dump_json(),
            self.registry_digest,
        ]
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()

    def get(self, key: str) -> ArticleExtraction | None:
        """The cached extraction, or None (a missing or unreadable entry is a miss)."""
        from newsfacts.build.rows import ArticleExtraction

        try:
            with (self.folder / f"{key}.pickle").open("rb") as handle:
                article_id, rows, actors = pickle.load(handle)
            return ArticleExtraction(article_id, rows, [ArticleActor(*a) for a in actors])
        except Exception:  # a missing, truncated or foreign file: extract again
            return None

    def put(self, key: str, extraction: ArticleExtraction) -> None:
        """Write an entry atomically: a killed build never leaves half an entry."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                dir=self.folder, suffix=".tmp", delete=False
            ) as handle:
                entry = (
                    extraction.article_id,
                    extraction.rows,
                    list(map(_fields, extraction.actors)),
                )
                pickle.dump(entry, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(handle.name, self.folder / f"{key}.pickle")
        except OSError:
            pass  # the cache only saves time: a full disk or read-only folder must not fail

    def prune(self) -> None:
        """Remove the entries of other extractor versions and leftover temporary files."""
        if not self.root.is_dir():
            return
        for child in self.root.iterdir():
            if child.is_dir() and child != self.folder:
                shutil.rmtree(child, ignore_errors=True)
        for leftover in self.folder.glob("*.tmp"):
            leftover.unlink(missing_ok=True)
