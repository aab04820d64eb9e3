"""Attacks on the extraction cache, each as an attacker tried it (issue [2/6], item 2).

A cache entry is data: loading one never runs code. An entry that fails a check (its seed's
sha256, the extractor version, its key, its columns' types, its spans against the seed's
text, its ids, its actors) is not used: the article is extracted again, a warning names the
entry, and the build equals a clean one. An edit the seed cannot refute (a statistic's value,
a quote's speaker) reaches that build, and `newsfacts release`, which never reads the cache,
refuses it.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import re
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import newsfacts
from newsfacts import schema
from newsfacts.build import cache
from newsfacts.build.actor_ids import ArticleActorStore, DatasetActor
from newsfacts.build.parallel import relative_path
from newsfacts.build.rows import ArticleExtraction, extract_article, known_actors
from newsfacts.build.run import build
from newsfacts.cli import app
from newsfacts.errors import NewsfactsError
from newsfacts.sources.curated import ArticleMeta, load_curated
from newsfacts.sources.seeds import list_seeds, read_seed
from newsfacts.validate.run import validate

from .conftest import DATASET, SEEDS, tree
from .parts import forget_parts

Entry = dict[str, Any]
SOURCES = ["--seeds", str(SEEDS), "--dataset", str(DATASET)]


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The files of a build without the cache, with their hashes."""
    target = tmp_path_factory.mktemp("clean") / "build"
    build(SEEDS, DATASET, target)
    return tree(target)


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture
def warnings() -> Iterator[list[str]]:
    """The cache's warnings (on stderr when nothing else handles logging)."""
    handler = Collect()
    logger = logging.getLogger(cache.__name__)
    logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("filled")
    build(SEEDS, DATASET, folder / "build", cache_dir=folder / "cache")
    return folder


@pytest.fixture
def cached(tmp_path: Path, filled: Path) -> Path:
    """tmp_path/cache: a cache filled by a build of the bundled seed (one entry), and that
    build in tmp_path/build."""
    for name in ("cache", "build"):
        shutil.copytree(filled / name, tmp_path / name, symlinks=True)
    forget_parts(tmp_path / "cache")
    return tmp_path / "cache"


def read_back(store: Path) -> ArticleExtraction | None:
    """The bundled seed's entry as a build reads it (None: not used)."""
    curated = load_curated(DATASET)
    (seed,) = list_seeds(SEEDS)
    meta = curated.articles.get(seed.stem, ArticleMeta())
    source_file = relative_path(seed, SEEDS.resolve().parent)
    reader = cache.ExtractionCache(store, known_actors(curated))
    key = reader.key(read_seed(seed).sha256, meta, source_file)
    assert key is not None
    return reader.get(key, read_seed(seed), meta, source_file)


def test_an_entry_reads_back_as_the_extraction_it_was(cached: Path, warnings: list[str]) -> None:
    curated = load_curated(DATASET)
    (seed,) = list_seeds(SEEDS)
    fresh = extract_article(
        read_seed(seed), ArticleMeta(), known_actors(curated), relative_path(seed, SEEDS.parent)
    )
    assert read_back(cached) == fresh
    assert warnings == []


def entry_file(store: Path) -> Path:
    (entry,) = store.glob("*/*.json")
    return entry


def edit(store: Path, change: Callable[[Entry], object]) -> Path:
    entry = entry_file(store)
    data = json.loads(entry.read_text(encoding="utf-8"))
    change(data)
    entry.write_text(json.dumps(data), encoding="utf-8")
    return entry


def rebuild(tmp_path: Path, dataset: Path = DATASET) -> dict[str, str]:
    build(SEEDS, dataset, tmp_path / "build", cache_dir=tmp_path / "cache")
    return tree(tmp_path / "build")


def cell(table: str, name: str) -> int:
    return schema.column(table, name)


def set_cell(table: str, row: int, name: str, value: Any) -> Callable[[Entry], None]:
    def change(entry: Entry) -> None:
        entry["tables"][table][row][cell(table, name)] = value

    return change


# ---- nothing in a cache entry runs -------------------------------------------------------


class Mkdir:
    """Unpickled, it makes a folder: the marker of code run from a cache entry."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[Any, ...]:
        return (os.mkdir, (str(self.path),))


def test_a_planted_pickle_never_runs_and_the_build_equals_a_clean_one(
    tmp_path: Path, cached: Path, clean: dict[str, str], warnings: list[str]
) -> None:
    proof = tmp_path / "proof"
    pickle.loads(pickle.dumps(Mkdir(proof)))  # the payload is live: unpickled, it runs
    assert proof.is_dir()
    marker = tmp_path / "ran"
    payload = pickle.dumps(Mkdir(marker))
    entry = entry_file(cached)
    entry.write_bytes(payload)
    entry.with_suffix(".pickle").write_bytes(payload)  # where the old format kept it
    assert rebuild(tmp_path) == clean
    assert not marker.exists()
    assert len(warnings) == 1 and str(entry) in warnings[0] and "not a JSON document" in warnings[0]
    assert json.loads(entry.read_text(encoding="utf-8"))["format"] == cache.FORMAT  # replaced


def test_no_module_of_newsfacts_can_load_code_from_data() -> None:
    package = Path(newsfacts.__file__).parent
    loaders = re.compile(r"^\s*(?:import|from)\s+(?:pickle|marshal|shelve|dill|cloudpickle)\b")
    found = [
        f"{path.relative_to(package)}:{number}"
        for path in sorted(package.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if loaders.match(line)
    ]
    assert found == []


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b'{"format": 1, "extrac',  # truncated
        b"\x80\x04\x95 not json",
        b'{"format": "\xff\xfe"}',  # not UTF-8
        b"[" * 100_000 + b"]" * 100_000,  # nesting deeper than the parser's recursion
        b"null",
        b"[]",
        b'{"format": 1}',
        b"NaN",
        b'{"format": Infinity}',
        b'{"format": 1e309}',  # infinity once read
        b'{"format": ' + b"9" * 400 + b"}",  # no 64-bit column holds it
        b'{"format": "\\ud800"}',  # a lone surrogate: not UTF-8 text
    ],
    ids=[
        "empty",
        "truncated",
        "binary",
        "not-utf8",
        "deeply-nested",
        "null",
        "array",
        "keys-missing",
        "nan",
        "infinity",
        "overflowing-float",
        "huge-integer",
        "lone-surrogate",
    ],
)
def test_a_malformed_entry_is_not_used(cached: Path, warnings: list[str], content: bytes) -> None:
    entry = entry_file(cached)
    entry.write_bytes(content)
    assert read_back(cached) is None
    assert len(warnings) == 1 and str(entry) in warnings[0]


def test_a_damaged_entry_is_extracted_again_and_replaced(
    tmp_path: Path,
    cached: Path,
    clean: dict[str, str],
    extracted: list[int],
    warnings: list[str],
) -> None:
    entry = entry_file(cached)
    entry.write_bytes(entry.read_bytes()[:100])
    assert rebuild(tmp_path) == clean
    assert len(extracted) == 1
    assert len(warnings) == 1 and str(entry) in warnings[0]
    extracted.clear()
    assert rebuild(tmp_path) == clean  # the entry was replaced by a good one
    assert extracted == [] and len(warnings) == 1


@pytest.mark.parametrize("kind", ["symlink", "fifo", "folder", "too-large"])
def test_only_a_regular_entry_file_is_read(
    tmp_path: Path,
    cached: Path,
    warnings: list[str],
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
) -> None:
    """A link (to a valid entry elsewhere), a pipe (a read would wait forever), a folder, or
    a file over the size limit: not read."""
    entry = entry_file(cached)
    if kind == "symlink":
        elsewhere = tmp_path / "elsewhere.json"
        shutil.move(entry, elsewhere)
        entry.symlink_to(elsewhere)
    elif kind == "fifo":
        entry.unlink()
        os.mkfifo(entry)
    elif kind == "folder":
        entry.unlink()
        entry.mkdir()
    else:
        monkeypatch.setattr(cache, "MAX_ENTRY_BYTES", entry.stat().st_size - 1)
    assert read_back(cached) is None
    assert len(warnings) == 1 and str(entry) in warnings[0]


def test_a_build_with_a_pipe_for_an_entry_does_not_wait(
    tmp_path: Path, cached: Path, clean: dict[str, str], warnings: list[str]
) -> None:
    entry = entry_file(cached)
    entry.unlink()
    os.mkfifo(entry)
    assert rebuild(tmp_path) == clean
    assert len(warnings) == 1 and "not a regular file" in warnings[0]


# ---- an edited entry is checked against its seed -----------------------------------------


def shift_span(entry: Entry) -> None:
    quote = entry["tables"]["quotes"][0]
    quote[cell("quotes", "start")] += 1
    quote[cell("quotes", "end")] += 1


def swap_statistics(entry: Entry) -> None:
    statistics = entry["tables"]["statistics"]
    statistics[0], statistics[1] = statistics[1], statistics[0]


def rewrite_span_texts(entry: Entry) -> None:
    """Change a name in every span that holds it, offsets kept: not the seed's text."""
    for table in schema.SPAN_TABLES:
        for row in entry["tables"][table]:
            at = cell(table, "text")
            row[at] = row[at].replace("Rubio", "Rubin")


def other_actor(entry: Entry) -> None:
    entry["tables"]["mentions"][0][cell("mentions", "actor_id")] = "Nobody Known"


def extra_column(entry: Entry) -> None:
    entry["tables"]["quotes"][0].append("more")


DETECTED: dict[str, tuple[Callable[[Entry], object], str]] = {
    "span shifted": (shift_span, "is not the seed's text"),
    "quote text edited": (set_cell("quotes", 0, "text", "We will pay them."), "seed's text"),
    "record id edited": (set_cell("statistics", 0, "statistic_id", "x-s-1-2"), "has id"),
    "rows reordered": (swap_statistics, "out of text order"),
    "span texts rewritten": (rewrite_span_texts, "is not the seed's text"),
    "an article row added": (
        lambda e: e["tables"].update(articles=[["x"] * 14]),
        "tables are not mentions, quotes, statistics",
    ),
    "seed sha256 edited": (lambda e: e.update(seed_sha256="0" * 64), "seed_sha256"),
    "another extractor's entry": (lambda e: e.update(extractor="0" * 16), "extractor"),
    "another seed's entry": (lambda e: e.update(key="0" * 64), "key"),
    "another format": (lambda e: e.update(format=0), "format"),
    "a format of another type": (lambda e: e.update(format=True), "format"),
    "an extra field": (lambda e: e.update(code="print(1)"), "not a newsfacts cache entry"),
    "a table missing": (lambda e: e["tables"].pop("quotes"), "tables are not"),
    "a value of the wrong type": (set_cell("statistics", 0, "value", "830000"), "is a str"),
    "a value that is not finite": (
        set_cell("statistics", 0, "value", float("nan")),
        "not a JSON document",
    ),
    "an integer too large for 64 bits": (
        set_cell("statistics", 0, "value", 10**400),
        "not a JSON document",
    ),
    "a lone surrogate in a text": (
        set_cell("statistics", 0, "object", "\ud800"),
        "lone surrogate",
    ),
    "a boolean offset": (set_cell("mentions", 0, "start", True), "start is a bool"),
    "a required value missing": (set_cell("quotes", 0, "kind", None), "kind is empty"),
    "a value outside the enum": (set_cell("statistics", 0, "qualifier", "roughly"), "allowed"),
    "an extra column": (extra_column, f"not {len(schema.column_names('quotes'))} values"),
    "a mention of an unknown actor": (other_actor, "not one of its actors"),
    "an actor of an unknown kind": (lambda e: e["actors"][0].__setitem__(2, "planet"), "kind"),
    "an alias that is a number": (lambda e: e["actors"][0].__setitem__(5, [1]), "not text"),
    "a registry id not in the registry": (
        lambda e: e["actors"][0].__setitem__(8, "someone-else"),
        "not in the registry",
    ),
}


@pytest.mark.parametrize("attack", DETECTED, ids=list(DETECTED))
def test_an_edited_entry_is_rejected(cached: Path, warnings: list[str], attack: str) -> None:
    change, reason = DETECTED[attack]
    entry = edit(cached, change)
    assert read_back(cached) is None
    (warning,) = warnings
    assert str(entry) in warning and reason in warning and str(SEEDS) in warning


def test_an_edited_entry_is_extracted_again_and_never_published(
    tmp_path: Path,
    cached: Path,
    clean: dict[str, str],
    extracted: list[int],
    warnings: list[str],
) -> None:
    entry = edit(cached, rewrite_span_texts)
    assert rebuild(tmp_path) == clean
    assert len(extracted) == 1
    (warning,) = warnings
    assert warning.startswith(f"warning: {entry}: cache entry not used (mentions: span [")


def test_an_entry_holds_no_article_row(cached: Path) -> None:
    """The article row (text, sha256, byline, metadata, counts) is rebuilt from the seed and
    its metadata on read: an entry has nothing of it to edit."""
    entry = json.loads(entry_file(cached).read_text(encoding="utf-8"))
    assert list(entry["tables"]) == list(schema.SPAN_TABLES)
    assert entry["seed_sha256"] == read_seed(SEEDS / "000_68207eccf74b6ec5.txt").sha256


def test_an_extraction_whose_article_row_is_not_the_seeds_is_not_cached(tmp_path: Path) -> None:
    curated = load_curated(DATASET)
    (path,) = list_seeds(SEEDS)
    seed, meta, source_file = read_seed(path), ArticleMeta(), "seeds/" + path.name
    extraction = extract_article(seed, meta, known_actors(curated), source_file)
    store = cache.ExtractionCache(tmp_path / "cache", known_actors(curated))
    store.open()
    article = extraction.rows["articles"][0]
    count = cell("articles", "word_count")
    changed = (*article[:count], article[count] + 1, *article[count + 1 :])
    odd = ArticleExtraction(seed.article_id, {**extraction.rows, "articles": [changed]}, [])
    store.put("0" * 64, odd, seed, meta, source_file)
    store.put("1" * 64, extraction, seed, meta, source_file)
    assert [p.stem for p in store.folder.iterdir()] == ["1" * 64]


def test_a_warning_reaches_stderr_from_the_command(tmp_path: Path, cached: Path) -> None:
    entry = edit(cached, shift_span)
    command = "import sys; from newsfacts.cli import run; sys.argv[0] = 'newsfacts'; run()"
    out = tmp_path / "build"
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            command,
            "build",
            *SOURCES,
            "--out",
            str(out),
            "--cache",
            str(cached),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"warning: {entry}: cache entry not used (quotes: span [")


# ---- what the seed cannot refute: the build takes it, a release refuses it ----------------


def times_ten(entry: Entry) -> None:
    statistic = entry["tables"]["statistics"][0]
    statistic[cell("statistics", "value")] *= 10


def other_speaker(entry: Entry) -> None:
    speaker = cell("quotes", "speaker_actor_id")
    quotes = entry["tables"]["quotes"]
    others = sorted({q[speaker] for q in quotes if q[speaker] and q[speaker] != quotes[0][speaker]})
    quotes[0][speaker] = others[0]


def shift_span_and_its_text(entry: Entry) -> None:
    """A quote one character further on, with the text and id that go with it."""
    body = read_seed(SEEDS / f"{entry['article_id']}.txt").text
    quote = entry["tables"]["quotes"][0]
    start, end = quote[cell("quotes", "start")] + 1, quote[cell("quotes", "end")] + 1
    quote[cell("quotes", "start")], quote[cell("quotes", "end")] = start, end
    quote[cell("quotes", "text")] = body[start:end]
    quote[cell("quotes", "quote_id")] = schema.record_id("quotes", entry["article_id"], start, end)


UNDETECTABLE = {
    "a statistic's value times ten": (times_ten, "statistics"),
    "a quote's speaker changed": (other_speaker, "quotes"),
    "a span moved with its text and id": (shift_span_and_its_text, "quotes"),
}


@pytest.mark.parametrize("attack", UNDETECTABLE, ids=list(UNDETECTABLE))
def test_release_refuses_a_build_made_from_a_tampered_cache(
    tmp_path: Path, cached: Path, clean: dict[str, str], warnings: list[str], attack: str
) -> None:
    change, table = UNDETECTABLE[attack]
    edit(cached, change)
    tampered = rebuild(tmp_path)
    assert tampered != clean  # the build took the edit: nothing in the entry refutes it
    assert warnings == []
    assert [p for p in validate(tmp_path / "build") if p.severity == "error"] == []
    releases = tmp_path / "releases"
    result = CliRunner().invoke(
        app,
        ["release", "--build", str(tmp_path / "build"), "--to", str(releases), *SOURCES],
    )
    assert result.exit_code == 1
    (line,) = result.output.splitlines()
    assert (
        f"csv/{table}/part-000_68207eccf74b6ec5.csv: differs" in line and "nothing released" in line
    )
    assert not releases.exists()


def test_release_never_reads_the_cache(
    tmp_path: Path, cached: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the cache was read")

    monkeypatch.setattr(cache.ExtractionCache, "get", refuse)
    monkeypatch.setattr(cache.ExtractionCache, "__init__", refuse)
    result = CliRunner().invoke(
        app,
        [
            "release",
            "--build",
            str(tmp_path / "build"),
            "--to",
            str(tmp_path / "releases"),
            *SOURCES,
        ],
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "releases" / "0.1.0" / "SHA256SUMS").is_file()


# ---- the cache folder: private, and nobody else's ----------------------------------------


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_the_cache_is_private_whatever_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0)
    try:
        build(SEEDS, DATASET, tmp_path / "build", cache_dir=tmp_path / "a" / "cache")
    finally:
        os.umask(previous)
    store = tmp_path / "a" / "cache"
    (version,) = [p for p in store.iterdir() if p.is_dir()]
    assert mode(store) == mode(version) == 0o700
    files = list(store.rglob("*"))
    assert {mode(p) for p in files if p.is_file()} == {0o600}
    assert (
        (store / "CACHEDIR.TAG")
        .read_text(encoding="utf-8")
        .startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )


def test_an_existing_cache_folder_is_made_private(tmp_path: Path, cached: Path) -> None:
    cached.chmod(0o777)
    rebuild(tmp_path)
    assert mode(cached) == 0o700


def test_a_folder_that_is_not_a_cache_is_refused_and_left_alone(tmp_path: Path) -> None:
    """Pruning removed every subfolder of --cache: `--cache .` deleted seeds/ and dataset/."""
    folder = tmp_path / "project"
    (folder / "seeds").mkdir(parents=True)
    (folder / "seeds" / "keep.txt").write_text("mine", encoding="utf-8")
    (folder / "0123456789abcdef").mkdir()  # even a folder named like a cache version
    before = tree(folder)
    with pytest.raises(NewsfactsError, match="is not a newsfacts cache"):
        build(SEEDS, DATASET, tmp_path / "build", cache_dir=folder)
    assert tree(folder) == before and (folder / "0123456789abcdef").is_dir()
    result = CliRunner().invoke(
        app,
        ["build", *SOURCES, "--out", str(tmp_path / "build"), "--cache", str(folder)],
    )
    assert result.exit_code == 1 and "is not a newsfacts cache" in result.output
    assert tree(folder) == before


def test_an_empty_folder_or_an_older_cache_is_taken_as_the_cache(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    build(SEEDS, DATASET, tmp_path / "build", cache_dir=empty)
    assert (empty / "CACHEDIR.TAG").is_file()
    older = tmp_path / "older"
    (older / "0123456789abcdef").mkdir(parents=True)
    (older / "0123456789abcdef" / "x.pickle").write_bytes(pickle.dumps(Mkdir(tmp_path / "ran")))
    build(SEEDS, DATASET, tmp_path / "build", cache_dir=older)
    assert not (older / "0123456789abcdef").exists() and not (tmp_path / "ran").exists()
    assert (older / "CACHEDIR.TAG").is_file()


def test_pruning_never_follows_a_link(tmp_path: Path, cached: Path) -> None:
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "data.txt").write_text("keep", encoding="utf-8")
    (cached / "fedcba9876543210").symlink_to(victim)
    version = next(p for p in cached.iterdir() if p.is_dir() and not p.is_symlink())
    rebuild(tmp_path)
    assert (victim / "data.txt").read_text(encoding="utf-8") == "keep"
    assert not (cached / "fedcba9876543210").is_symlink()
    shutil.rmtree(version)
    version.symlink_to(victim)  # the current version's folder is a link: replaced, not followed
    rebuild(tmp_path)
    assert sorted(p.name for p in victim.iterdir()) == ["data.txt"]
    assert version.is_dir() and not version.is_symlink()


def test_a_cache_that_cannot_be_written_only_costs_time(
    tmp_path: Path, clean: dict[str, str], warnings: list[str]
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    with pytest.raises(NewsfactsError, match="not a folder"):
        build(SEEDS, DATASET, tmp_path / "build", cache_dir=blocked)
    build(SEEDS, DATASET, tmp_path / "build", cache_dir=blocked / "cache")  # under a file
    assert tree(tmp_path / "build") == clean
    assert len(warnings) == 1 and "the cache is not used" in warnings[0]


# ---- the per-article actor store holds plain columns -------------------------------------


def test_article_actors_are_stored_as_plain_columns(tmp_path: Path) -> None:
    actors = [
        DatasetActor("a--x", "X", "group", None, None, True, "a", False, {"X", "the X | y"}),
        DatasetActor("b--y", "Y 李", "person", "Mayor", "FR", True, "b", True, set()),
    ]
    store = ArticleActorStore(tmp_path / "actors.sqlite")
    store.add(actors)
    assert list(store.sorted()) == actors
    types = {row[2] for row in store.db.execute("PRAGMA table_info(actors)")}
    stored = {row[0] for row in store.db.execute("SELECT typeof(aliases) FROM actors")}
    store.close()
    assert types == {"TEXT", "INTEGER"} and stored == {"text"}
