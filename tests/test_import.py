"""newsfacts init and newsfacts import (issue [4/6]): real collections in, seeds and
articles.yaml entries out; bad input named by file and line or WARC offset, nothing written."""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

import pytest
import yaml
from click.testing import Result
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsfacts import REPOSITORY, __version__, load
from newsfacts.build.run import build
from newsfacts.cli import app
from newsfacts.errors import NewsfactsError
from newsfacts.ingest.run import import_sources
from newsfacts.ingest.scaffold import init
from newsfacts.sources.records import article_id, seed_bytes

from .conftest import tree

# Invented articles, long enough to be articles (40 words or more).
STORY = (
    "Mayor Ana Ruiz said on Tuesday that the harbour bridge would reopen in May after two "
    "years of repairs that cost the city more than 40 million dollars.\n"
    "“We kept every promise we made to the people who cross it each day,” Ruiz told "
    "reporters at the town hall, where the council later approved the budget."
)
OTHER = (
    "The regional rail company said it would add 12 trains a day on the coastal line from "
    "June, after passenger numbers rose by 18 percent last year.\n"
    "Its chief executive, Tom Reed, said the new timetable would cut waiting times at the "
    "busiest stations and that fares would not rise before the end of the year."
)
GERMAN = (
    "Die Bürgermeisterin sagte am Dienstag, dass die Brücke im Mai wieder geöffnet werde, "
    "nachdem die Reparaturen zwei Jahre gedauert und die Stadt mehr als vierzig Millionen "
    "Euro gekostet hätten. Der Rat hat den Haushalt später am Abend genehmigt, und die "
    "Bürger können die Brücke dann wieder jeden Tag überqueren, wie es früher war."
)


def page(text: str, title: str = "Bridge to reopen", lang: str = "en") -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n"))
    return (
        f'<html lang="{lang}"><head><title>{title}</title>'
        '<meta property="og:site_name" content="The Harbour Times">'
        '<meta name="author" content="Jane Doe">'
        '<meta property="article:published_time" content="2024-05-01T09:30:00Z">'
        "</head><body><article><h1>" + title + "</h1>" + paragraphs + "</article></body></html>"
    ).encode()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A new dataset repository, as `newsfacts init` makes it."""
    init(tmp_path / "repo")
    return tmp_path / "repo"


def import_into(repo: Path, *sources: Path, **options: object) -> dict[str, int]:
    summary = import_sources(list(sources), repo / "seeds", repo / "dataset", **options)  # type: ignore[arg-type]
    return dict(summary.counts)


def run_import(repo: Path, *arguments: str) -> Result:
    """`newsfacts import ARGUMENTS` into `repo`'s seeds and dataset."""
    seeds, dataset = str(repo / "seeds"), str(repo / "dataset")
    return CliRunner().invoke(app, ["import", *arguments, "--seeds", seeds, "--dataset", dataset])


def articles_yaml(repo: Path) -> dict[str, dict[str, object]]:
    return yaml.safe_load((repo / "dataset" / "articles.yaml").read_text(encoding="utf-8"))


def seeds_of(repo: Path) -> list[str]:
    return sorted(p.name for p in (repo / "seeds").glob("*.txt"))


# -- init ---------------------------------------------------------------------------


def test_init_makes_a_repository_that_builds_with_no_articles_and_with_one(repo: Path) -> None:
    assert (repo / ".github" / "workflows" / "validate.yml").is_file()
    assert "# What the published packages say" in (repo / "dataset" / "dataset.yaml").read_text()
    rows = build(repo / "seeds", repo / "dataset", repo / "build")
    assert rows.get("articles", 0) == 0
    (repo / "seeds" / "bridge.txt").write_text(STORY, encoding="utf-8")
    rows = build(repo / "seeds", repo / "dataset", repo / "build")
    assert rows["articles"] == 1 and rows["quotes"] >= 1
    assert load(repo / "build")["articles"]["article_id"].tolist() == ["bridge"]


def test_init_never_overwrites_a_file(repo: Path) -> None:
    before = tree(repo)
    with pytest.raises(NewsfactsError, match=r"dataset\.yaml: already exists"):
        init(repo)
    assert tree(repo) == before


def test_init_workflow_runs_only_when_the_data_changes_and_uses_the_action(repo: Path) -> None:
    text = (repo / ".github" / "workflows" / "validate.yml").read_text(encoding="utf-8")
    spec = yaml.safe_load(text)
    triggers = spec[True]  # YAML 1.1 reads the key "on" as True
    paths = ["seeds/**", "dataset/**", "schema/**", "build/**", ".github/workflows/validate.yml"]
    assert triggers == {"push": {"paths": paths}, "pull_request": {"paths": paths}}
    assert spec["permissions"] == {"contents": "read"}
    steps = spec["jobs"]["validate"]["steps"]
    (action,) = [s for s in steps if s.get("uses", "").startswith("newsfacts/")]
    assert action == {
        "uses": f"newsfacts/newsfacts@v{__version__}",
        "with": {"path": "build", "engine": "fast", "contract": "newsfacts"},
    }
    assert steps[-1]["run"] == "newsfacts build --check"
    assert "${{" not in text  # nothing from the event is ever written into a command


def test_init_readme_shows_the_workflows_status_badge(repo: Path) -> None:
    readme = (repo / "README.md").read_text(encoding="utf-8")
    badge = "https://github.com/OWNER/REPO/actions/workflows/validate.yml"
    assert f"[![validate]({badge}/badge.svg)]({badge})" in readme
    assert f"[newsfacts]({REPOSITORY})" in readme


# -- HTML ---------------------------------------------------------------------------


def test_html_pages_become_seeds_with_their_metadata(repo: Path, tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    (pages / "deep").mkdir(parents=True)
    (pages / "bridge.html").write_bytes(page(STORY))
    (pages / "deep" / "rail.htm").write_bytes(page(OTHER, "More trains"))
    (pages / "notes.txt").write_text("not a page", encoding="utf-8")
    assert import_into(repo, pages) == {"imported": 2}
    entries = articles_yaml(repo)
    (bridge,) = (e for e in entries.values() if e["title"] == "Bridge to reopen")
    assert bridge["publisher"] == "The Harbour Times"
    assert bridge["authors"] == ["Jane Doe"]
    assert str(bridge["published_date"]) == "2024-05-01"
    assert bridge["imported_from"] == str(pages / "bridge.html")
    (seed,) = (p for p in (repo / "seeds").glob("*.txt") if "harbour bridge" in p.read_text())
    assert seed.read_bytes() == seed_bytes("Bridge to reopen\n" + STORY)  # headline first


def test_a_page_with_no_article_and_a_page_not_in_english_are_skipped(
    repo: Path, tmp_path: Path
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "empty.html").write_bytes(b"<html><body><nav>Home | About</nav></body></html>")
    (pages / "german.html").write_bytes(page(GERMAN, "Brücke", lang="de"))
    (pages / "bridge.html").write_bytes(page(STORY))
    counts = import_into(repo, pages)
    assert counts == {"imported": 1, "not an article": 1, "not English": 1}


# -- JSON lines and CSV --------------------------------------------------------------


def news_please(text: str, url: str, **more: object) -> str:
    """A record as news-please writes it."""
    record = {
        "title": "Bridge to reopen",
        "maintext": text,
        "date_publish": "2024-05-01 09:30:00",
        "url": url,
        "source_domain": "harbourtimes.example",
        "authors": ["Jane Doe", "Tom Reed"],
        "language": "en",
        **more,
    }
    return json.dumps(record, ensure_ascii=False)


def test_news_please_json_lines_are_recognised_without_a_map(repo: Path, tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.jsonl"
    lines = [
        news_please(STORY, "https://harbourtimes.example/2024/05/bridge"),
        news_please(OTHER, "https://harbourtimes.example/2024/05/rail"),
        news_please(STORY, "https://mirror.example/bridge"),  # the same text again
        news_please(GERMAN, "https://harbourtimes.example/de/bruecke", language="de"),
    ]
    crawl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = import_into(repo, crawl)
    assert counts == {"imported": 2, "duplicate": 1, "not English": 1}
    entries = articles_yaml(repo)
    bridge_id = article_id("https://harbourtimes.example/2024/05/bridge", seed_bytes(STORY))
    assert bridge_id.startswith("harbourtimes-example-2024-05-bridge-")
    assert entries[bridge_id]["authors"] == ["Jane Doe", "Tom Reed"]
    assert entries[bridge_id]["imported_from"] == f"{crawl}:1"
    assert import_into(repo, crawl) == {"duplicate": 3, "not English": 1}  # again: nothing new


def test_a_record_without_a_url_gets_an_id_from_its_text(repo: Path, tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text(json.dumps({"text": STORY}) + "\n", encoding="utf-8")
    import_into(repo, crawl)
    assert seeds_of(repo) == [f"{article_id(None, seed_bytes(STORY))}.txt"]
    assert seeds_of(repo)[0].startswith("text-")


def test_a_csv_export_with_a_map_for_its_text_column(repo: Path, tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    with export.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["headline", "story", "link", "publish_date"])
        writer.writerow(["Bridge to reopen", STORY, "https://a.example/bridge", "2024-05-01"])
        writer.writerow(["More trains", OTHER, "https://a.example/rail", "2024-06-02"])
    with pytest.raises(NewsfactsError, match=r"export\.csv: no text column .*story, link"):
        import_into(repo, export)
    assert import_into(repo, export, mapping={"text": "story"}) == {"imported": 2}
    titles = sorted(str(e["title"]) for e in articles_yaml(repo).values())
    assert titles == ["Bridge to reopen", "More trains"]


def test_a_bad_json_line_names_the_line_and_nothing_is_written(repo: Path, tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text(
        news_please(STORY, "https://a.example/1")
        + "\n{not json\n"
        + news_please(OTHER, "https://a.example/2")
        + "\n",
        encoding="utf-8",
    )
    before = tree(repo)
    with pytest.raises(NewsfactsError, match=rf"{crawl}:2: not valid JSON"):
        import_into(repo, crawl)
    assert tree(repo) == before  # not even the good first line
    counts = import_into(repo, crawl, keep_going=True)
    assert counts == {"imported": 2, "error": 1}
    assert len(seeds_of(repo)) == 2


# -- WARC ----------------------------------------------------------------------------


def warc_file(path: Path, truncate: bool = False, gzip: bool = True) -> list[int]:
    """A WARC.gz with a request, an HTML response, an image, a 404 page and a second HTML
    response; the offsets of its records. `truncate` cuts the last record short."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    offsets = []

    def response(url: str, body: bytes, kind: str, status: str = "200 OK") -> None:
        headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
        offsets.append(buffer.tell())
        writer.write_record(
            writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
        )

    offsets.append(buffer.tell())
    writer.write_record(
        writer.create_warc_record(
            "https://a.example/bridge", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
        )
    )
    response("https://a.example/bridge", page(STORY), "text/html; charset=utf-8")
    response("https://a.example/logo.png", b"\x89PNG\r\n", "image/png")
    response("https://a.example/gone", page(OTHER), "text/html", "404 Not Found")
    response("https://a.example/rail", page(OTHER, "More trains"), "text/html")
    data = buffer.getvalue()
    path.write_bytes(data[: len(data) - 200] if truncate else data)
    return offsets


def test_a_warc_html_responses_are_imported_and_other_records_counted(
    repo: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "crawl.warc.gz"
    warc_file(archive)
    counts = import_into(repo, archive)
    assert counts == {"imported": 2, "not an article": 3}
    urls = sorted(str(e["url"]) for e in articles_yaml(repo).values())
    assert urls == ["https://a.example/bridge", "https://a.example/rail"]
    report = [line.split("\t") for line in import_report(repo, archive)]
    assert {row[2] for row in report} >= {
        "a WARC request record",
        "not HTML (image/png)",
        "HTTP status 404",
    }


def import_report(repo: Path, source: Path) -> list[str]:
    result = run_import(repo, str(source), "--report", str(repo / "report.tsv"))
    assert result.exit_code == 0, result.output
    return (repo / "report.tsv").read_text(encoding="utf-8").splitlines()[1:]


def test_a_truncated_warc_names_the_record_offset_and_nothing_is_written(
    repo: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "cut.warc.gz"
    offsets = warc_file(archive, truncate=True)
    before = tree(repo)
    with pytest.raises(
        NewsfactsError, match=rf"cut\.warc\.gz@{offsets[-1]}: truncated or malformed WARC"
    ):
        import_into(repo, archive)
    assert tree(repo) == before
    counts = import_into(repo, archive, keep_going=True)
    assert counts["imported"] == 1 and counts["error"] == 1


# -- the command ---------------------------------------------------------------------


def test_the_command_prints_a_summary_table_and_writes_a_report(repo: Path, tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text(
        news_please(STORY, "https://a.example/1")
        + "\n"
        + news_please(STORY, "https://a.example/2")
        + "\n",
        encoding="utf-8",
    )
    result = run_import(repo, str(crawl), "--report", str(tmp_path / "report.tsv"))
    assert result.exit_code == 0, result.output
    assert "imported" in result.output and "duplicate" in result.output
    lines = (tmp_path / "report.tsv").read_text(encoding="utf-8").splitlines()
    assert lines == [
        "origin\treason\tdetail",
        f"{crawl}:2\tduplicate\tsame text as an article already in",
    ]


def test_the_command_fails_in_one_line_on_a_bad_line(repo: Path, tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text('["a list"]\n', encoding="utf-8")
    result = run_import(repo, str(crawl))
    assert result.exit_code == 1
    assert result.output.strip() == f"error: {crawl}:1: a JSON list, expected an object"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["missing.jsonl"], "missing.jsonl: not found"),
        (["notes.md"], "notes.md: cannot tell the format from the name"),
        (["crawl.jsonl", "--map", "body"], "--map body: expected FIELD=COLUMN"),
        (["crawl.jsonl", "--map", "colour=red"], "--map colour=...: not a field"),
    ],
)
def test_bad_arguments_are_one_clear_line(
    repo: Path, tmp_path: Path, arguments: list[str], message: str
) -> None:
    (tmp_path / "notes.md").write_text("# notes", encoding="utf-8")
    (tmp_path / "crawl.jsonl").write_text(json.dumps({"text": STORY}) + "\n", encoding="utf-8")
    args = [
        str(tmp_path / a) if not a.startswith("-") and "=" not in a and a != "body" else a
        for a in arguments
    ]
    result = run_import(repo, *args)
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
    assert seeds_of(repo) == []


def test_progress_is_a_line_per_thousand_records_when_not_on_a_terminal(
    repo: Path, tmp_path: Path
) -> None:
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text(
        "\n".join(json.dumps({"text": f"Brief {n}."}) for n in range(2_500)) + "\n",
        encoding="utf-8",
    )
    result = run_import(repo, str(crawl), "--report", str(tmp_path / "r.tsv"))
    assert result.exit_code == 0, result.output
    assert (
        "importing: 1,000 records" in result.output and "importing: 2,000 records" in result.output
    )
    assert "importing: 3,000" not in result.output


# -- shard files ---------------------------------------------------------------------


def test_a_jsonl_shard_builds_the_same_packages_as_importing_it_first(tmp_path: Path) -> None:
    lines = [
        news_please(STORY, "https://harbourtimes.example/bridge"),
        news_please(OTHER, "https://harbourtimes.example/rail", title="More trains"),
        news_please(STORY, "https://mirror.example/bridge"),  # a duplicate, skipped by both
    ]
    imported, sharded = tmp_path / "imported", tmp_path / "sharded"
    for folder in (imported, sharded):
        init(folder)
        (folder / "crawl.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_sources([imported / "crawl.jsonl"], imported / "seeds", imported / "dataset")
    build(imported / "seeds", imported / "dataset", imported / "build")
    build(sharded / "crawl.jsonl", sharded / "dataset", sharded / "build")
    assert tree(imported / "build") == tree(sharded / "build")
    assert not list((sharded / "seeds").glob("*.txt"))  # nothing written into seeds/


def test_a_parquet_shard_builds_like_its_json_lines(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [
        json.loads(news_please(t, f"https://a.example/{n}")) for n, t in enumerate((STORY, OTHER))
    ]
    for name in ("a", "b"):
        init(tmp_path / name)
    (tmp_path / "a" / "crawl.jsonl").write_text(
        "\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8"
    )
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "b" / "crawl.parquet")
    build(tmp_path / "a" / "crawl.jsonl", tmp_path / "a" / "dataset", tmp_path / "a" / "build")
    build(tmp_path / "b" / "crawl.parquet", tmp_path / "b" / "dataset", tmp_path / "b" / "build")
    assert tree(tmp_path / "a" / "build") == tree(tmp_path / "b" / "build")


def test_a_bad_line_in_a_shard_fails_the_build_naming_it(tmp_path: Path) -> None:
    init(tmp_path / "repo")
    shard = tmp_path / "repo" / "crawl.jsonl"
    shard.write_text(news_please(STORY, "https://a.example/1") + "\n{oops\n", encoding="utf-8")
    with pytest.raises(NewsfactsError, match=rf"{shard}:2: not valid JSON"):
        build(shard, tmp_path / "repo" / "dataset", tmp_path / "repo" / "build")
    assert not (tmp_path / "repo" / "build").exists()


def test_gzip_is_not_mistaken_for_a_warc(tmp_path: Path) -> None:
    """A .warc.gz that is gzip of something else is a malformed WARC, named."""
    init(tmp_path / "repo")
    bogus = tmp_path / "bogus.warc.gz"
    bogus.write_bytes(gzip.compress(b"hello, not a warc"))
    with pytest.raises(NewsfactsError, match=r"bogus\.warc\.gz@0: not a WARC file"):
        import_into(tmp_path / "repo", bogus)


# -- real pages and the development set (fetched from pinned packages) ----------------


def _load_script(path: Path, name: str):  # type: ignore[no-untyped-def]
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_the_real_news_pages_import_as_the_texts_evaluated(repo: Path, tmp_path: Path) -> None:
    """The 55 real-news pages of [3/6], from their pinned archives: each is imported, with
    the text the evaluation reads (tests/realnews/fetch.py takes it the same way)."""
    realnews = Path(__file__).parent / "realnews"
    fetch = _load_script(realnews / "fetch.py", "realnews_fetch")
    pages = tmp_path / "pages"
    expected = set()
    for source in fetch.MANIFEST_DATA["sources"]:
        archive = fetch.download(source)
        for entry in source["pages"]:
            target = pages / entry["article_id"] / "page.html"
            target.parent.mkdir(parents=True)
            target.write_bytes(fetch.read_member(archive, entry["path"]))
            expected.add(entry["text_sha256"])
    assert import_into(repo, pages) == {"imported": len(expected)}
    import hashlib

    got = {hashlib.sha256(p.read_bytes()).hexdigest() for p in (repo / "seeds").glob("*.txt")}
    assert got == expected
    entries = articles_yaml(repo).values()
    assert all(e.get("title") for e in entries)
    assert sum(bool(e.get("url")) for e in entries) >= 40  # some pages declare no URL


@pytest.mark.slow
def test_the_dev_set_as_a_shard_builds_byte_identical_to_importing_it(tmp_path: Path) -> None:
    devset = Path(__file__).parent / "devset"
    import subprocess
    import sys

    subprocess.run([sys.executable, str(devset / "fetch.py")], check=True)
    lines = [
        json.dumps(
            {"text": p.read_text(encoding="utf-8"), "url": f"https://devset.example/{p.stem}"}
        )
        for p in sorted((devset / "articles").glob("*.txt"))
    ]
    assert len(lines) == 54
    imported, sharded = tmp_path / "imported", tmp_path / "sharded"
    for folder in (imported, sharded):
        init(folder)
        (folder / "devset.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = import_into(imported, imported / "devset.jsonl")
    assert counts["imported"] >= 50  # a few dev-set briefs are under 40 words
    build(imported / "seeds", imported / "dataset", imported / "build")
    build(sharded / "devset.jsonl", sharded / "dataset", sharded / "build")
    assert tree(imported / "build") == tree(sharded / "build")


# -- attacks (a review found each of these) ----------------------------------------------


def test_a_text_too_large_or_binary_is_never_imported(repo: Path, tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.jsonl"
    huge = "word and the " * 400_000  # 5.2 MB: over the seed reader's limit
    crawl.write_text(
        json.dumps({"text": huge})
        + "\n"
        + json.dumps({"text": STORY.replace("bridge", "bri\x00dge")})
        + "\n",
        encoding="utf-8",
    )
    counts = import_into(repo, crawl, keep_going=True)
    assert counts == {"not an article": 1, "error": 1}
    assert seeds_of(repo) == []


@pytest.mark.parametrize(
    "existing",
    [
        "manual-1:\n  title: Kept\n...\n",  # a YAML end-of-document marker
        "  manual-1:\n    title: Kept\n",  # an indented mapping
        "{manual-1: {title: Kept}}\n",  # flow style
        "# a maintainer's note\nmanual-1:\n  title: Kept\n",  # block style: comments kept
    ],
)
def test_articles_yaml_still_loads_after_an_import(
    repo: Path, tmp_path: Path, existing: str
) -> None:
    (repo / "seeds" / "manual-1.txt").write_text(OTHER, encoding="utf-8")
    (repo / "dataset" / "articles.yaml").write_text(existing, encoding="utf-8")
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text(news_please(STORY, "https://a.example/1") + "\n", encoding="utf-8")
    assert import_into(repo, crawl) == {"imported": 1}
    entries = articles_yaml(repo)
    assert entries["manual-1"]["title"] == "Kept" and len(entries) == 2
    if existing.startswith("#"):
        assert (repo / "dataset" / "articles.yaml").read_text().startswith(existing)
    build(repo / "seeds", repo / "dataset", repo / "build")


@pytest.mark.slow
def test_imports_run_at_once_lose_no_entry(repo: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    commands = []
    for n in range(4):
        crawl = tmp_path / f"crawl{n}.jsonl"
        crawl.write_text(
            "\n".join(
                news_please(f"{STORY} Part {n}-{k}.", f"https://a.example/{n}/{k}")
                for k in range(10)
            )
            + "\n",
            encoding="utf-8",
        )
        script = "from newsfacts.cli import run; run()"
        commands.append(
            [
                sys.executable,
                "-c",
                script,
                "import",
                str(crawl),
                "--seeds",
                str(repo / "seeds"),
                "--dataset",
                str(repo / "dataset"),
                "--report",
                str(tmp_path / f"r{n}.tsv"),
            ]
        )
    running = [
        subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for c in commands
    ]
    assert all(p.wait() == 0 for p in running)
    assert len(seeds_of(repo)) == 40 and len(articles_yaml(repo)) == 40


@pytest.mark.parametrize("gzipped", [True, False], ids=["warc.gz", "warc"])
def test_a_warc_cut_anywhere_is_an_error_never_a_silent_loss(
    repo: Path, tmp_path: Path, gzipped: bool
) -> None:
    whole = tmp_path / "whole.warc.gz"
    offsets = warc_file(whole, gzip=gzipped)
    data = whole.read_bytes()
    for cut in range(1, len(data), 23):
        archive = tmp_path / "cut.warc.gz"
        archive.write_bytes(data[:cut])
        if cut in offsets:
            continue  # a cut between records is a shorter, whole archive
        with pytest.raises(
            NewsfactsError,
            match=r"cut\.warc\.gz@\d+: (truncated or malformed WARC|not a WARC file)",
        ):
            import_into(repo, archive)
    assert seeds_of(repo) == []


def test_a_file_that_is_not_a_warc_is_named_as_such(repo: Path, tmp_path: Path) -> None:
    text = tmp_path / "notes.warc"
    text.write_text("hello this is not a warc\n" * 10, encoding="utf-8")
    with pytest.raises(NewsfactsError, match=r"notes\.warc@0: not a WARC file"):
        import_into(repo, text)


def test_a_pipe_and_a_link_in_a_folder_of_pages_are_not_read(repo: Path, tmp_path: Path) -> None:
    import os

    pages, outside = tmp_path / "pages", tmp_path / "outside.html"
    pages.mkdir()
    outside.write_bytes(page(OTHER, "Private"))
    (pages / "bridge.html").write_bytes(page(STORY))
    os.mkfifo(pages / "pipe.html")
    (pages / "leak.html").symlink_to(outside)
    counts = import_into(repo, pages, keep_going=True)  # a pipe must not hang it
    assert counts == {"imported": 1, "error": 1, "not an article": 1}
    assert "Private" not in (repo / "dataset" / "articles.yaml").read_text()


def test_json_nested_too_deeply_is_one_error(repo: Path, tmp_path: Path) -> None:
    deep = tmp_path / "deep.jsonl"
    deep.write_text("[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    with pytest.raises(NewsfactsError, match=rf"{deep}:1: not valid JSON: nested too deeply"):
        import_into(repo, deep)


def test_a_report_that_cannot_be_written_fails_before_anything_is_imported(
    repo: Path, tmp_path: Path
) -> None:
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text(json.dumps({"text": STORY}) + "\n", encoding="utf-8")
    before = tree(repo)
    for report in (tmp_path, tmp_path / "missing" / "r.tsv"):
        with pytest.raises(NewsfactsError, match="--report"):
            import_sources([crawl], repo / "seeds", repo / "dataset", report=report)
    assert tree(repo) == before


@pytest.mark.parametrize(
    ("content", "mapping", "message"),
    [
        ('title,text\nBridge,"' + STORY + '\nMore,"' + OTHER + '"\n', {}, r":2: malformed CSV"),
        ("text,text\n" + f'"{STORY}","{OTHER}"\n', {}, "column 'text' appears twice"),
        (
            "text,headline\n" + f'"{STORY}",Bridge\n',
            {"title": "nope"},
            "--map title=nope: no such column",
        ),
    ],
)
def test_a_malformed_csv_is_named_not_merged(
    repo: Path, tmp_path: Path, content: str, mapping: dict[str, str], message: str
) -> None:
    export = tmp_path / "export.csv"
    export.write_text(content, encoding="utf-8")
    with pytest.raises(NewsfactsError, match=message):
        import_into(repo, export, mapping=mapping)
    assert seeds_of(repo) == []


def test_metadata_of_the_wrong_type_and_unsafe_urls_are_dropped(repo: Path, tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.jsonl"
    rows = [
        {
            "text": STORY,
            "title": {"a": 1},
            "authors": {"k": "v"},
            "publisher": [1, 2],
            "url": "https://user:secret@a.example/bridge",
        },
        {"text": OTHER, "url": "https://a.example/\x1b[31m"},
    ]
    crawl.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    import_into(repo, crawl)
    entries = list(articles_yaml(repo).values())
    assert {e.get("url") for e in entries} == {"https://a.example/bridge", None}
    assert all("title" not in e and "authors" not in e and "publisher" not in e for e in entries)
    assert "secret" not in "".join(seeds_of(repo))


def test_a_hand_made_seed_with_blank_lines_is_a_duplicate(repo: Path, tmp_path: Path) -> None:
    (repo / "seeds" / "mine.txt").write_text(STORY.replace("\n", "\n\n") + "\n\n", encoding="utf-8")
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text(json.dumps({"text": STORY}) + "\n", encoding="utf-8")
    assert import_into(repo, crawl) == {"duplicate": 1}


def test_a_page_declaring_another_language_is_skipped(repo: Path, tmp_path: Path) -> None:
    (tmp_path / "de.html").write_bytes(page(STORY, lang="de"))
    assert import_into(repo, tmp_path / "de.html") == {"not English": 1}


def test_a_line_that_is_not_utf8_is_named_and_the_others_kept(repo: Path, tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.jsonl"
    good = [news_please(t, f"https://a.example/{n}").encode() for n, t in enumerate((STORY, OTHER))]
    crawl.write_bytes(good[0] + b"\n" + b'{"text": "\xff"}\n' + good[1] + b"\n")
    with pytest.raises(NewsfactsError, match=rf"{crawl}:2: not UTF-8"):
        import_into(repo, crawl)
    assert import_into(repo, crawl, keep_going=True) == {"imported": 2, "error": 1}


def test_a_csv_row_with_more_values_than_columns_is_named(repo: Path, tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text(f'title,text\nBridge,"{STORY}",extra\n', encoding="utf-8")
    with pytest.raises(
        NewsfactsError, match=r"export\.csv:2: malformed CSV: 3 values in a row of 2"
    ):
        import_into(repo, export)


def test_a_whole_plain_warc_is_imported(repo: Path, tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc"
    warc_file(archive, gzip=False)
    assert import_into(repo, archive) == {"imported": 2, "not an article": 3}


def test_a_url_that_cannot_be_parsed_is_dropped_not_a_crash(repo: Path, tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text(json.dumps({"text": STORY, "url": "http://[abc/x"}) + "\n", encoding="utf-8")
    assert import_into(repo, crawl) == {"imported": 1}
    assert seeds_of(repo)[0].startswith("text-")
