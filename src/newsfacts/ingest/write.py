"""Writing imported articles: every seed and articles.yaml entry staged first, then moved in
at once, so a failed import leaves seeds/ and dataset/ as they were."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import yaml

from newsfacts.errors import NewsfactsError
from newsfacts.sources.curated import ArticleMeta, ArticlesFile, load_yaml
from newsfacts.sources.records import Accepted, seed_bytes
from newsfacts.sources.seeds import list_seeds
from newsfacts.sources.yaml_files import parse_yaml

ARTICLES_HEADER = """\
# Optional metadata per article, keyed by article_id (the seed file's name without .txt).
# Fields: title, url, published_date (YYYY-MM-DD), publisher, authors (list), language,
# imported_from (the page, line, row or WARC record newsfacts import read it from).
# Values here override what the article's byline line gives. A new article needs no entry.
"""


STAGING_PREFIX = ".import-"


def existing_articles(seeds_dir: Path, dataset_dir: Path) -> tuple[set[str], set[str]]:
    """The article ids already known (seed files and articles.yaml entries) and the sha256 of
    each seed as import would write it (so a hand-made seed with blank lines still counts)."""
    ids = set(load_yaml(dataset_dir / "articles.yaml", ArticlesFile, {}).root)
    paths = list_seeds(seeds_dir)
    digests = set()
    for path in paths:
        text = path.read_bytes().decode("utf-8-sig", errors="replace")
        digests.add(hashlib.sha256(seed_bytes(text)).hexdigest())
    return ids | {p.stem for p in paths}, digests


@contextlib.contextmanager
def import_lock(seeds_dir: Path, dataset_dir: Path) -> Iterator[None]:
    """One import at a time into a seeds folder and a dataset folder: a second waits for the
    first to finish (locks on the two folders, taken in one order: no file is made).
    Staging folders left by an import that was killed are removed once the locks are held."""
    try:
        seeds_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise NewsfactsError(f"{seeds_dir}: cannot write: {error.strerror or error}") from None
    with _folder_lock(dataset_dir), _folder_lock(seeds_dir):
        for stale in seeds_dir.glob(f"{STAGING_PREFIX}*"):
            shutil.rmtree(stale, ignore_errors=True)
        yield


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    try:
        handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as error:
        raise NewsfactsError(f"{folder}: cannot open: {error.strerror or error}") from None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # releases the lock


class Staging:
    """A hidden folder inside seeds/ (same file system: moves are renames) holding what an
    import will add; `commit` moves it in, `discard` removes it."""

    def __init__(self, seeds_dir: Path, dataset_dir: Path) -> None:
        self.seeds_dir, self.articles_file = seeds_dir, dataset_dir / "articles.yaml"
        try:
            self.folder = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=seeds_dir))
        except OSError as error:
            raise NewsfactsError(f"{seeds_dir}: cannot write: {error.strerror or error}") from None
        self.entries = (self.folder / "entries.yaml").open("w", encoding="utf-8")
        self.ids: list[str] = []

    def add(self, article: Accepted) -> None:
        (self.folder / f"{article.article_id}.txt").write_bytes(article.seed)
        self.entries.write(entries_yaml({article.article_id: article.meta}))
        self.ids.append(article.article_id)

    def commit(self) -> None:
        """Seeds first, then articles.yaml: a seed without an entry still builds."""
        self.entries.close()
        for article_id in self.ids:
            os.replace(self.folder / f"{article_id}.txt", self.seeds_dir / f"{article_id}.txt")
        if self.ids:
            self._write_articles((self.folder / "entries.yaml").read_text(encoding="utf-8"))
        self.discard()

    def discard(self) -> None:
        if not self.entries.closed:
            self.entries.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _write_articles(self, entries: str) -> None:
        """The new entries after the file's own, comments kept. When appending would not
        give exactly the old entries and the new (an empty `{}` mapping, flow style, an
        indented mapping, a `...` end marker), the file is written anew under the usual
        header."""
        path = self.articles_file
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        data = load_yaml(path, ArticlesFile, {}).root
        merged = {**data, **(load_text(entries, path) or {})}
        text = old.rstrip("\n") + "\n" + entries
        if not data or load_text(text, path, strict=False) != merged:
            text = ARTICLES_HEADER + entries_yaml(merged)
        temporary = self.folder / path.name
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)


def entries_yaml(entries: dict[str, ArticleMeta]) -> str:
    """articles.yaml entries as YAML, in the given order, without the fields left at default."""
    data = {
        key: meta.model_dump(mode="json", exclude_defaults=True) for key, meta in entries.items()
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def load_text(text: str, where: Path, strict: bool = True) -> dict[str, ArticleMeta] | None:
    """articles.yaml's entries in `text`; None (unless `strict`) when it does not load."""
    try:
        return ArticlesFile.model_validate(parse_yaml(text, where) or {}).root
    except (ValueError, NewsfactsError) as error:
        if strict:
            raise NewsfactsError(f"{where}: the new entries do not load: {error}") from None
        return None
