"""Writing imported articles: every seed and articles.yaml entry staged first, then moved in
at once, so a failed import leaves seeds/ and dataset/ as they were."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

import yaml

from newsfacts.errors import NewsfactsError
from newsfacts.sources.curated import ArticlesFile, load_yaml
from newsfacts.sources.records import Accepted
from newsfacts.sources.seeds import list_seeds

ARTICLES_HEADER = """\
# Optional metadata per article, keyed by article_id (the seed file's name without .txt).
# Fields: title, url, published_date (YYYY-MM-DD), publisher, authors (list), language,
# imported_from (the page, line, row or WARC record newsfacts import read it from).
# Values here override what the article's byline line gives. A new article needs no entry.
"""


def existing_seeds(seeds_dir: Path) -> tuple[set[str], set[str]]:
    """The article ids already in seeds/ and the sha256 of each of their files."""
    if not seeds_dir.exists():
        return set(), set()
    paths = list_seeds(seeds_dir)
    return {p.stem for p in paths}, {hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


class Staging:
    """A hidden folder inside seeds/ (same file system: moves are renames) holding what an
    import will add; `commit` moves it in, `discard` removes it."""

    def __init__(self, seeds_dir: Path, dataset_dir: Path) -> None:
        self.seeds_dir, self.articles_file = seeds_dir, dataset_dir / "articles.yaml"
        if not dataset_dir.is_dir():
            raise NewsfactsError(f"{dataset_dir}: dataset folder not found (newsfacts init)")
        load_yaml(self.articles_file, ArticlesFile, {})  # fails now, not after the work
        try:
            seeds_dir.mkdir(parents=True, exist_ok=True)
            self.folder = Path(tempfile.mkdtemp(prefix=".import-", dir=seeds_dir))
        except OSError as error:
            raise NewsfactsError(f"{seeds_dir}: cannot write: {error.strerror or error}") from None
        self.entries = (self.folder / "entries.yaml").open("w", encoding="utf-8")
        self.ids: list[str] = []

    def add(self, article: Accepted) -> None:
        (self.folder / f"{article.article_id}.txt").write_bytes(article.seed)
        meta = article.meta.model_dump(mode="json", exclude_defaults=True)
        entry = {article.article_id: meta}
        self.entries.write(yaml.safe_dump(entry, allow_unicode=True, sort_keys=False, width=100))
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
        """The new entries after the file's own (comments kept); a file whose mapping is
        empty (`{}`) or written in flow style is written anew under the usual header."""
        path = self.articles_file
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        data = load_yaml(path, ArticlesFile, {}).root
        body = [line for line in old.splitlines() if line.strip() and not line.startswith("#")]
        if data and not body[0].lstrip().startswith("{"):
            text = old.rstrip("\n") + "\n" + entries
        else:
            existing = yaml.safe_dump(
                {k: v.model_dump(mode="json", exclude_defaults=True) for k, v in data.items()},
                allow_unicode=True,
                sort_keys=False,
                width=100,
            )
            text = ARTICLES_HEADER + (existing if data else "") + entries
        temporary = path.with_name(f".{path.name}.import")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
