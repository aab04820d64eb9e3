"""The main job: seeds and curated knowledge in, validated data packages out."""

from __future__ import annotations

import filecmp
import tempfile
from pathlib import Path

from . import corrections, dataset, models, publish
from .errors import NewsfactsError
from .pipeline import OnArticle, Tables, build_tables
from .seeds import list_seeds
from .validate import validate


def _verify(staging: Path) -> None:
    problems = [p for p in validate(staging) if p.severity == "error"]
    if problems:
        raise NewsfactsError(f"the new build is invalid, build/ left as it was: {problems[0]}")


def build(
    seeds_dir: Path,
    dataset_dir: Path,
    out: Path,
    on_article: OnArticle | None = None,
    no_text: bool = False,
) -> Tables:
    """Extract every seed, write both packages, validate them, then replace `out`.

    With `no_text`, articles are published without their text (for publishers whose text
    cannot be redistributed): the spans are checked against the seeds before it is dropped."""
    publish.check_replaceable(out.resolve())
    curated = dataset.load(dataset_dir)
    paths = list_seeds(seeds_dir)
    tables = build_tables(paths, curated, seeds_dir.resolve().parent, on_article)
    tables = corrections.apply(tables, dataset_dir)
    if no_text:
        check_spans(tables)
        tables = without_text(tables)
    publish.write_build(tables, curated, out, verify=_verify)
    return tables


def check_spans(tables: Tables) -> None:
    """Every record's text is its article's text[start:end] (as validate checks a package)."""
    texts = {
        a.article_id: a.text or "" for a in tables["articles"] if isinstance(a, models.Article)
    }
    for table in ("mentions", "quotes", "statistics"):
        for record in tables[table]:
            assert isinstance(record, models.Mention | models.Quote | models.Statistic)
            if texts[record.article_id][record.start : record.end] != record.text:
                where = f"{record.article_id} [{record.start}:{record.end}]"
                raise NewsfactsError(f"{table}: {where}: span does not match the article text")


def without_text(tables: Tables) -> Tables:
    articles = [a.model_copy(update={"text": None}) for a in tables["articles"]]
    return {**tables, "articles": articles}


def stale_files(seeds_dir: Path, dataset_dir: Path, out: Path, no_text: bool = False) -> list[str]:
    """Files of `out` that differ from a fresh build (added, missing or changed)."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "build"
        build(seeds_dir, dataset_dir, fresh, no_text=no_text)
        if not out.is_dir():
            return [f"{out}: missing"]
        return _differences(fresh, out)


def _differences(fresh: Path, committed: Path) -> list[str]:
    new = {p.relative_to(fresh).as_posix() for p in fresh.rglob("*") if p.is_file()}
    old = {p.relative_to(committed).as_posix() for p in committed.rglob("*") if p.is_file()}
    changed = [
        name
        for name in sorted(new & old)
        if not filecmp.cmp(fresh / name, committed / name, shallow=False)
    ]
    return (
        [f"{n}: missing" for n in sorted(new - old)]
        + [f"{n}: not produced by the build" for n in sorted(old - new)]
        + [f"{n}: differs" for n in changed]
    )
