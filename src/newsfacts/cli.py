"""The `newsfacts` command: parses arguments, calls the library, formats the output."""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Self, TypeVar

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TransferSpeedColumn,
)
from rich.table import Table
from rich.text import Text

from newsfacts import __version__
from newsfacts.errors import NewsfactsError
from newsfacts.terminal import one_line

# The library is imported inside each command, so that `--help`, and each command, loads only
# what it needs: pandas, pyarrow and Frictionless take most of a second to import.
if TYPE_CHECKING:
    from newsfacts import evaluate as evaluate_lib
    from newsfacts.build.parallel import Cluster
    from newsfacts.read import diff as diff_lib
    from newsfacts.validate import report as reports


class ReportFormat(StrEnum):
    table = "table"
    json = "json"
    github = "github"
    junit = "junit"


class Contract(StrEnum):
    auto = "auto"
    newsfacts = "newsfacts"
    frictionless = "frictionless"


class ImportFormat(StrEnum):
    auto = "auto"
    html = "html"
    jsonl = "jsonl"
    csv = "csv"
    warc = "warc"


class Engine(StrEnum):
    fast = "fast"
    frictionless = "frictionless"


app = typer.Typer(
    help="Turn news articles into a validated dataset of quotes, actors and statistics.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
errors = Console(stderr=True)

SeedsOption = Annotated[
    Path, typer.Option("--seeds", help="Folder of seed articles (<article_id>.txt).")
]
DatasetOption = Annotated[
    Path, typer.Option("--dataset", help="Folder of curated YAML (dataset.yaml, ...).")
]
OutOption = Annotated[
    str,
    typer.Option(
        "--out",
        help="Where the packages are written: a folder, or an fsspec URL (s3://…, gs://…, "
        "file://…; built and validated locally, then only changed files uploaded).",
    ),
]


def fail(error: NewsfactsError) -> typer.Exit:
    errors.print(Text.assemble(("error: ", "bold red"), one_line(str(error))), soft_wrap=True)
    return typer.Exit(1)


def workflow_data(message: str) -> str:
    """A message as GitHub's workflow commands take it: one line (its own escapes for "%",
    CR and LF), control characters shown escaped, so data cannot start a command of its own."""
    escaped = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return one_line(escaped)


def cell(value: object) -> Text:
    """Data in a table or message: shown as written, never read as markup or control codes."""
    return Text(one_line(str(value)))


Command = TypeVar("Command", bound=Callable[..., None])


def command(name: str | None = None) -> Callable[[Command], Command]:
    """`app.command`, with the one error handler of the CLI: a `NewsfactsError` (bad input,
    named by file, row or field) becomes one line on stderr and exit code 1."""

    def register(function: Command) -> Command:
        @functools.wraps(function)
        def handled(*args: Any, **kwargs: Any) -> None:
            try:
                function(*args, **kwargs)
            except NewsfactsError as error:
                raise fail(error) from None

        app.command(name)(handled)
        return function

    return register


class ProgressBars:
    """Transient rich progress bars on stderr, one task per stage, started when first used;
    the subclasses decide when to show what (a bar on a terminal, lines in CI logs)."""

    def __init__(self) -> None:
        self.bar: Progress | None = None
        self.tasks: dict[str, TaskID] = {}

    def _update(self, stage: str, total: int | None, **progress: Any) -> None:
        if self.bar is None:
            columns = (
                TextColumn("{task.fields[stage]}"),
                BarColumn(),
                MofNCompleteColumn() if total else TextColumn("{task.completed:,} records"),
                TextColumn("{task.description}"),
            )
            self.bar = Progress(*columns, console=errors, transient=True)
            self.bar.start()
        if stage not in self.tasks:
            self.tasks[stage] = self.bar.add_task("", total=total, stage=stage)
        self.bar.update(self.tasks[stage], **progress)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


class ArticleProgress(ProgressBars):
    """Progress on stderr, called after each article (and, with `check`, after each
    validation check): bars on a terminal for runs of 20 articles or more; otherwise (CI logs)
    a line per 1,000 articles and at the end of each stage."""

    LINE_EVERY = 1_000
    SHOWN_FROM = 20  # articles: a shorter run ends before progress would help

    def __init__(self, label: str, then: str = "") -> None:
        super().__init__()
        self.label = label
        self.then = then  # shown once every article is done, while the work goes on
        self.done = 0
        self.total = 0

    def __call__(self, article_id: str, total: int) -> None:
        self.total = total
        if total < self.SHOWN_FROM:
            return
        self.done += 1
        if not errors.is_terminal:
            if self.done % self.LINE_EVERY == 0 or self.done == total:
                errors.print(f"{self.label}: {self.done:,}/{total:,} articles")
                if self.done == total and self.then:
                    errors.print(self.then)
            return
        description = self.then if self.done == total and self.then else article_id
        self._update(self.label, total, advance=1, description=description)

    def check(self, name: str, done: int, total: int) -> None:
        """After each validation check of the new build."""
        if self.total < self.SHOWN_FROM:
            return
        if not errors.is_terminal:
            if done == total:
                errors.print(f"validating: {total} checks done")
            return
        self._update("validating", total, completed=done, description=name)


class CheckProgress(ProgressBars):
    """A bar of the checks done, on a terminal only: elsewhere the report follows at once."""

    def __call__(self, name: str, done: int, total: int) -> None:
        if errors.is_terminal:
            self._update("validating", total, completed=done, description=name)


def version_callback(value: bool) -> None:
    if value:
        console.print(f"newsfacts {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=version_callback, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Turn news articles into a validated dataset of quotes, actors and statistics."""


@command()
def build(
    seeds_source: Annotated[
        str,
        typer.Option(
            "--seeds",
            help="Folder of seed articles (<article_id>.txt), or one shard file (.jsonl, "
            ".parquet), also at an fsspec URL (s3://…, gs://…).",
        ),
    ] = "seeds",
    dataset: DatasetOption = Path("dataset"),
    out_target: OutOption = "build",
    no_text: Annotated[
        bool,
        typer.Option(
            "--no-text", help="Publish articles without their text (spans checked first)."
        ),
    ] = False,
    check: Annotated[
        bool, typer.Option("--check", help="Build in a temporary folder and fail if OUT differs.")
    ] = False,
    cache: Annotated[
        Path | None,
        typer.Option(
            "--cache",
            help="Folder of cached extractions: a rebuild only extracts new or changed seeds. "
            "(default: .newsfacts-cache beside OUT)",
            show_default=False,
        ),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Extract every seed again; use no cache.")
    ] = False,
    allow_symlinks: Annotated[
        bool,
        typer.Option(
            "--allow-symlinks", help="Follow seeds that are symbolic links (refused by default)."
        ),
    ] = False,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Fail when the seeds folder holds files that are not seeds."),
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="Extract on a local Dask cluster of N worker processes, one task per part "
            "(needs newsfacts[dask]).",
            show_default=False,
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Extract on the Dask cluster whose scheduler is at ADDRESS (tcp://host:port); "
            "seeds are sent to its workers, which need no shared disk.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Extract every seed article, validate, and publish CSV and Parquet data packages.

    --seeds is a folder of <article_id>.txt files, or one JSON lines or Parquet file holding
    an article a line or row (the fields `newsfacts import` recognises), there or at a URL."""
    from newsfacts.read.download import sigterm_cleans_up
    from newsfacts.sources.remote import is_url, local_seeds

    if workers and scheduler:
        raise fail(NewsfactsError("--workers and --scheduler: choose one"))
    if check and is_url(out_target):
        raise fail(NewsfactsError(f"{out_target}: --check compares a local folder only"))
    # SIGTERM unwinds like Ctrl-C: the staged build and copied seeds are removed
    with sigterm_cleans_up(), local_seeds(seeds_source) as seeds:
        if check:
            _check_build(seeds, dataset, Path(out_target), no_text, allow_symlinks)
            return
        with _cluster(workers, scheduler) as cluster:
            if is_url(out_target):
                url_cache = None if no_cache else cache
                _build_to_url(
                    seeds, dataset, out_target, no_text, url_cache, allow_symlinks, strict, cluster
                )
                return
            out = Path(out_target)
            cache_dir = None if no_cache else cache or out.resolve().parent / ".newsfacts-cache"
            _build_folder(seeds, dataset, out, no_text, cache_dir, allow_symlinks, strict, cluster)


def _check_build(
    seeds: Path, dataset: Path, out: Path, no_text: bool, allow_symlinks: bool
) -> None:
    """`build --check`: exit 1, listing the files, when `out` is not what a build makes."""
    from newsfacts.build import run as build_lib

    stale = build_lib.stale_files(seeds, dataset, out, no_text, allow_symlinks)
    if stale:
        errors.print(Text.assemble((f"{one_line(str(out))} is stale", "bold red"), ":"))
        for line in stale:
            errors.print(cell(f"  {line}"))
        raise typer.Exit(1)
    console.print(cell(f"{out} is up to date."))


def _build_folder(
    seeds: Path,
    dataset: Path,
    out: Path,
    no_text: bool,
    cache_dir: Path | None,
    allow_symlinks: bool,
    strict: bool,
    cluster: Cluster | None,
) -> None:
    from newsfacts.build import run as build_lib

    with ArticleProgress("extracting", then="writing and validating…") as progress:
        rows = build_lib.build(
            seeds,
            dataset,
            out,
            on_article=progress,
            no_text=no_text,
            cache_dir=cache_dir,
            allow_symlinks=allow_symlinks,
            strict=strict,
            on_check=progress.check,
            cluster=cluster,
        )
    _print_rows(str(out), rows)
    packages = f"Packages: {out / 'csv'}, {out / 'parquet'} (validated)"
    console.print(cell(f"{packages}; checksums in {out / 'SHA256SUMS'}"))


def _build_to_url(
    seeds: Path,
    dataset: Path,
    url: str,
    no_text: bool,
    cache: Path | None,
    allow_symlinks: bool,
    strict: bool,
    cluster: Cluster | None,
) -> None:
    """A build published to an fsspec URL; the cache only where --cache names one."""
    from newsfacts.build.to_url import build_to_url

    with ArticleProgress("extracting", then="writing, validating and uploading…") as progress:
        rows = build_to_url(
            seeds,
            dataset,
            url,
            on_article=progress,
            no_text=no_text,
            cache_dir=cache,
            allow_symlinks=allow_symlinks,
            strict=strict,
            on_check=progress.check,
            cluster=cluster,
        )
    _print_rows(url, rows)
    console.print(cell(f"Packages: {url}/csv, {url}/parquet (validated, then uploaded)"))


def _cluster(workers: int | None, scheduler: str | None) -> AbstractContextManager[Cluster | None]:
    """The Dask cluster --workers or --scheduler asks for; none (this machine's cores) else."""
    if not workers and not scheduler:
        return nullcontext()
    from newsfacts.build.cluster import dask_cluster

    return dask_cluster(workers, scheduler)


def _print_rows(target: str, rows: dict[str, int]) -> None:
    from newsfacts import schema

    summary = Table(title=cell(f"newsfacts build → {target}"))
    summary.add_column("table")
    summary.add_column("rows", justify="right")
    for name in schema.TABLES:
        summary.add_row(name, f"{rows.get(name, 0):,}")
    console.print(summary)


class RecordProgress(ProgressBars):
    """Records read so far: a live counter on a terminal, a line per 1,000 records otherwise
    (CI logs)."""

    EVERY = 1_000

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label

    def __call__(self, records: int) -> None:
        if errors.is_terminal:
            self._update(self.label, None, completed=records)
        elif records % self.EVERY == 0:
            errors.print(f"{self.label}: {records:,} records")


@command()
def init(
    folder: Annotated[
        Path, typer.Argument(help="The new dataset repository (created if new).")
    ] = Path("."),
) -> None:
    """Start a new dataset repository that builds at once.

    Writes dataset/ files with comments on every field, an empty seeds/, a CI workflow that
    builds and validates, and a README stub. Never overwrites a file."""
    from newsfacts.ingest import scaffold

    written = scaffold.init(folder)
    for path in written:
        console.print(cell(f"wrote {path}"))
    console.print(cell(f"Next: newsfacts import SOURCE... then newsfacts build (in {folder})"))


def _field_map(pairs: list[str]) -> dict[str, str]:
    mapping = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep or not field or not column:
            raise NewsfactsError(f"--map {pair}: expected FIELD=COLUMN (e.g. text=body)")
        mapping[field] = column
    return mapping


@command("import")
def import_command(
    sources: Annotated[
        list[Path],
        typer.Argument(help="HTML pages or folders of them, JSON lines, CSV or WARC files."),
    ],
    format: Annotated[
        ImportFormat,
        typer.Option("--format", help="auto: from each file's name (a folder is HTML pages)."),
    ] = ImportFormat.auto,
    map_: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            help="FIELD=COLUMN: read FIELD (text, title, url, published_date, publisher, "
            "authors, language) from COLUMN. Repeatable.",
        ),
    ] = None,
    keep_going: Annotated[
        bool,
        typer.Option(
            "--keep-going", help="Import the good records and report the bad (default: none)."
        ),
    ] = False,
    seeds: SeedsOption = Path("seeds"),
    dataset: DatasetOption = Path("dataset"),
    report: Annotated[
        Path,
        typer.Option("--report", help="Where to write a line per record not imported."),
    ] = Path("import-report.tsv"),
) -> None:
    """Import articles from HTML pages, JSON lines, CSV or WARC files.

    Each article becomes seeds/<article_id>.txt and an entry in dataset/articles.yaml (title,
    url, date, publisher, authors, where it came from). Duplicates, pages with no article
    and non-English text are skipped and reported. Nothing is written if a record is bad,
    unless --keep-going."""
    from newsfacts.ingest import run as import_lib

    mapping = _field_map(map_ or [])
    with RecordProgress("importing") as progress:
        summary = import_lib.import_sources(
            sources, seeds, dataset, format.value, mapping, keep_going, progress, report
        )
    table = Table(title=cell(f"newsfacts import → {seeds}"))
    table.add_column("records")
    table.add_column("count", justify="right")
    for outcome in import_lib.OUTCOMES:
        table.add_row(outcome, f"{summary.counts[outcome]:,}")
    console.print(table)
    console.print(cell(f"Report: {report} (a line per record not imported)"))
    if summary.counts["error"]:
        raise typer.Exit(1)


@command()
def validate(
    path: Annotated[
        Path,
        typer.Argument(
            help="A build folder, a package folder, or a descriptor (datapackage.json or "
            "another *.json).",
            exists=True,
        ),
    ] = Path("build"),
    output: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            help="table for people, json for machines, github for workflow annotations, "
            "junit for CI dashboards (JUnit XML).",
        ),
    ] = ReportFormat.table,
    engine: Annotated[
        Engine,
        typer.Option(
            "--engine",
            help="fast: the schema compiled into vectorised checks (same verdicts); "
            "frictionless: stock frictionless.validate.",
        ),
    ] = Engine.fast,
    contract: Annotated[
        Contract,
        typer.Option(
            "--contract",
            help="auto: newsfacts packages (marked by newsfacts build) are checked against "
            "schema/ too, others by Frictionless's checks only; newsfacts or frictionless: "
            "decide for every package.",
        ),
    ] = Contract.auto,
) -> None:
    """Validate data packages: Frictionless's checks; on newsfacts packages, also the schema/
    contract, spans, hashes and CSV = Parquet. Exit 0 valid, 1 invalid, 2 usage."""
    from newsfacts.validate import report as reports
    from newsfacts.validate.run import validation

    with CheckProgress() as progress:
        report = validation(path, engine.value, contract=contract.value, on_check=progress)
    failures = [p for p in report.problems if p.severity == "error"]
    if output is ReportFormat.json:
        print(json.dumps(reports.as_json(report), indent=2, ensure_ascii=False))
    elif output is ReportFormat.github:
        for line in reports.github_annotations(report, workflow_data):
            print(line)
    elif output is ReportFormat.junit:
        print(reports.junit_xml(report), end="")
    else:
        for package in report.packages:
            if package.contract != "newsfacts":
                console.print(cell(f"{package.descriptor_path}: {FRICTIONLESS_ONLY}"))
        for note in [p for p in report.problems if p.severity == "note"]:
            console.print(cell(f"note: {note}"))
        if failures:
            found = [f for f in reports.located(report) if f.problem.severity == "error"]
            errors.print(problems_table(path, found))
        else:
            console.print(cell(f"{path}: valid"))
    if failures:
        raise typer.Exit(1)


FRICTIONLESS_ONLY = "not a newsfacts package: Frictionless's checks only (--contract newsfacts)"


def problems_table(path: Path, found: list[reports.Located]) -> Table:
    report = Table(title=cell(f"{path}: {len(found)} problem(s)"))
    for column in ("file", "table", "row", "field", "problem"):
        report.add_column(column)
    for item in found:
        p = item.problem
        where = f"{item.file}:{item.line}" if item.line is not None else item.file or p.package
        report.add_row(*map(cell, (where, p.table, p.row or "", p.field or "", p.message)))
    return report


@command()
def extract(
    seed_file: Annotated[Path, typer.Argument(help="One seed article (.txt).")],
    dataset: DatasetOption = Path("dataset"),
) -> None:
    """Print the records of one article as JSON lines, one row per line, for review."""
    from newsfacts import schema
    from newsfacts.build.one_article import extract_records

    tables = extract_records(seed_file, dataset)
    for name in schema.TABLES:
        for record in tables[name]:
            print(json.dumps({"table": name, **record.model_dump(mode="json")}, ensure_ascii=False))


@command("schema")
def schema_command(
    readme: Annotated[
        Path | None, typer.Option("--update-readme", help="Rewrite this README's tables section.")
    ] = None,
) -> None:
    """Print the tables and their columns (from schema/) as Markdown."""
    from newsfacts.schema.docs import schema_markdown, update_readme

    if readme is None:
        print(schema_markdown(), end="")
        return
    changed = update_readme(readme)
    state = "updated" if changed else "already current"
    console.print(cell(f"{readme}: tables section {state}"))


@command()
def evaluate(
    gold_dir: Annotated[
        Path, typer.Argument(help="Folder of gold annotations (<article_id>.yaml).")
    ],
    seeds: SeedsOption = Path("seeds"),
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the figures and errors as JSON.")
    ] = False,
    floor: Annotated[
        Path | None,
        typer.Option("--floor", help="JSON of minimum figures; exit 1 when one is below."),
    ] = None,
    show: Annotated[
        int, typer.Option("--show", help="How many misses and false positives to list.")
    ] = 50,
) -> None:
    """Score the extractor on annotated articles: precision, recall, F1, speaker accuracy."""
    from newsfacts import evaluate as evaluate_lib

    minimums = evaluate_lib.load_floor(floor) if floor else {}
    with ArticleProgress("evaluating") as progress:
        result = evaluate_lib.evaluate(gold_dir, seeds, on_article=progress)
    failures = evaluate_lib.below_floor(result, minimums)
    if as_json:
        print(json.dumps(evaluate_lib.as_dict(result), indent=2, ensure_ascii=False))
    else:
        print_evaluation(result, show)
    for failure in failures:
        errors.print(Text.assemble(("below floor: ", "bold red"), one_line(failure)))
    if failures:
        raise typer.Exit(1)


def print_evaluation(result: evaluate_lib.Evaluation, show: int) -> None:
    table = Table(title=f"Extraction quality on {result.articles} articles")
    for column in ("measure", "precision", "recall", "F1", "found", "expected"):
        table.add_column(column, justify="left" if column == "measure" else "right")
    for name, score in result.scores.items():
        table.add_row(
            name.replace("_", " "),
            f"{score.precision:.3f}",
            f"{score.recall:.3f}",
            f"{score.f1:.3f}",
            str(score.true_positives + score.false_positives),
            str(score.true_positives + score.false_negatives),
        )
    table.add_row(
        "speaker attribution",
        "",
        "",
        f"{result.speaker_accuracy:.3f}",
        str(result.speakers_right),
        str(result.speakers_judged),
    )
    console.print(table)
    reliability = Table(title="Speaker accuracy by attribution confidence")
    for column in ("confidence at least", "quotes", "speaker accuracy"):
        reliability.add_column(column, justify="right")
    for row in result.reliability():
        reliability.add_row(f"{row.threshold:.1f}", str(row.quotes), f"{row.accuracy:.3f}")
    console.print(reliability)
    listing = Table(title=f"Misses and false positives (first {show} of {len(result.errors)})")
    for column in ("article", "error", "measure", "text", "detail"):
        listing.add_column(column)
    for error in result.errors[:show]:
        fields = (error.article_id, error.kind, error.table, error.text[:90], error.detail)
        listing.add_row(*map(cell, fields))
    console.print(listing)


@command()
def download(
    url: Annotated[str, typer.Argument(help="URL of a release zip or of a datapackage.json.")],
    to: Annotated[
        Path,
        typer.Option(
            "--to", help="A new or empty folder to save the verified files in (created if new)."
        ),
    ] = Path("."),
) -> None:
    """Fetch a published release and verify every file's hash before keeping it.

    --to must be a new or empty folder (the default, the current folder, only if empty):
    nothing there is ever overwritten, and nothing is saved unless every file verified."""
    from newsfacts.read import frames as reader

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
    )
    with Progress(*columns, console=errors, transient=True) as bar:
        tasks: dict[str, TaskID] = {}

        def on_bytes(name: str, done: int, total: int | None) -> None:
            if name not in tasks:
                tasks[name] = bar.add_task(name, total=total)
            bar.update(tasks[name], completed=done)

        saved = reader.download(url, to, on_bytes)
    console.print(cell(f"{url}: verified and saved to {saved}"))


@command()
def release(
    build_dir: Annotated[
        Path, typer.Option("--build", help="The validated build to release.")
    ] = Path("build"),
    to: Annotated[Path, typer.Option("--to", help="Where releases/<version>/ folders go.")] = Path(
        "releases"
    ),
    seeds: SeedsOption = Path("seeds"),
    dataset: DatasetOption = Path("dataset"),
    no_text: Annotated[
        bool, typer.Option("--no-text", help="The build was made with --no-text.")
    ] = False,
    allow_symlinks: Annotated[
        bool,
        typer.Option("--allow-symlinks", help="The build was made with --allow-symlinks."),
    ] = False,
) -> None:
    """Publish the build as release <version> (from dataset.yaml): zips, SHA256SUMS, packages.

    Seeds are extracted again, no cache: refused unless that build is --build byte for byte."""
    from newsfacts.build import release as release_lib

    with ArticleProgress("extracting again", then="comparing with the build…") as progress:
        target, new = release_lib.release(
            build_dir, to, seeds, dataset, no_text, progress, allow_symlinks
        )
    files = sorted(p.name for p in target.iterdir() if p.is_file())
    state = "released" if new else "already released with the same content"
    console.print(cell(f"{target}: {state} ({', '.join(files)})"))


@command()
def diff(
    old: Annotated[str, typer.Argument(help="The earlier package: folder, zip or URL.")],
    new: Annotated[str, typer.Argument(help="The later package: folder, zip or URL.")],
    as_json: Annotated[bool, typer.Option("--json", help="Every change as JSON.")] = False,
    show: Annotated[int, typer.Option("--show", help="How many changed rows to list.")] = 20,
    exit_code: Annotated[
        bool,
        typer.Option("--exit-code", help="Exit 1 when the packages differ (as git diff does)."),
    ] = False,
) -> None:
    """Rows added, removed and changed per table (by primary key), with old → new values."""
    from newsfacts.read import diff as diff_lib

    diffs = diff_lib.diff(old, new)
    if as_json:
        print(json.dumps(diff_lib.as_dict(diffs), indent=2, ensure_ascii=False, default=str))
    else:
        print_diff(old, new, diffs, show)
    if exit_code and any(d.added or d.removed or d.changed for d in diffs):
        raise typer.Exit(1)


def print_diff(old: str, new: str, diffs: list[diff_lib.TableDiff], show: int) -> None:
    summary = Table(title=cell(f"{old} → {new}"))
    for column in ("table", "added", "removed", "changed"):
        summary.add_column(column, justify="left" if column == "table" else "right")
    for d in diffs:
        summary.add_row(cell(d.table), str(len(d.added)), str(len(d.removed)), str(len(d.changed)))
    console.print(summary)
    changes = [(d.table, c) for d in diffs for c in d.changed]
    if changes:
        details = Table(title=f"Changed rows (first {show} of {len(changes)})")
        for column in ("table", "key", "field", "old", "new"):
            details.add_column(column)
        for table, change in changes[:show]:
            for name, (before, after) in change.fields.items():
                values = (table, change.key, name, str(before)[:60], str(after)[:60])
                details.add_row(*map(cell, values))
        console.print(details)


@command()
def export(
    path: Annotated[
        Path, typer.Argument(help="A build folder, package folder, zip or URL.")
    ] = Path("build"),
    xlsx: Annotated[
        Path, typer.Option("--xlsx", help="The Excel workbook to write (one sheet per table).")
    ] = Path("newsfacts.xlsx"),
) -> None:
    """Write the tables to an Excel workbook whose text cells are text, never formulas."""
    from newsfacts.read.spreadsheet import export_xlsx

    rows = export_xlsx(str(path), xlsx)
    console.print(cell(f"{xlsx}: {sum(rows.values()):,} rows in {len(rows)} sheets"))


@command("stats")
def stats_command(
    path: Annotated[
        Path, typer.Argument(help="A build folder, package folder, zip or URL.")
    ] = Path("build"),
    as_json: Annotated[bool, typer.Option("--json", help="The summary as JSON.")] = False,
    top: Annotated[int, typer.Option("--top", help="How many rows per ranking.")] = 10,
) -> None:
    """Summarise the dataset: rows per table, quotes per speaker, top actors, statistics."""
    from newsfacts.read import frames as reader
    from newsfacts.read import summary as stats

    result = stats.summary(reader.load_newsfacts(str(path)), top)
    if as_json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return
    rows = Table(title=cell(f"{path}: rows per table"))
    rows.add_column("table")
    rows.add_column("rows", justify="right")
    for name, count in result["rows"].items():
        rows.add_row(cell(name), f"{count:,}")
    console.print(rows)
    for key, title, label in (
        ("quotes_per_speaker", "Quotes per speaker", "speaker"),
        ("top_actors_by_mentions", "Top actors by mentions", "actor"),
        ("statistics_by_object", "Statistics by object", "object"),
    ):
        ranking = Table(title=title)
        ranking.add_column(label)
        ranking.add_column("count", justify="right")
        for name, count in result[key]:
            ranking.add_row(cell(name), str(count))
        console.print(ranking)
    missing = result["articles_without_quotes"]
    console.print(
        cell(
            f"Articles without quotes: {len(missing)}"
            + (f" ({', '.join(missing[:10])})" if missing else "")
        )
    )


@command("review")
def review_command(
    article_id: Annotated[
        str, typer.Argument(help="The article to review (its seed file's name).")
    ],
    package: Annotated[Path, typer.Option("--build", help="The build or package to read.")] = Path(
        "build"
    ),
    html_out: Annotated[
        Path | None, typer.Option("--html", help="Write a self-contained HTML page here instead.")
    ] = None,
) -> None:
    """Show one article with its quotes, statistics and mentions highlighted and numbered."""
    from newsfacts.read import frames as reader
    from newsfacts.read import review

    text, items = review.article_items(reader.load_newsfacts(str(package)), article_id)
    if html_out is not None:
        review.write_page(html_out, article_id, text, items)
    if html_out is None:
        console.print(review.terminal(text, items, plain=not console.is_terminal))
    else:
        console.print(cell(f"{html_out}: {len(items)} records highlighted"))


def run() -> None:
    """Console entry point: even an unexpected failure is one line (NEWSFACTS_DEBUG=1 shows
    the traceback)."""
    try:
        app()
    except Exception as error:
        if os.environ.get("NEWSFACTS_DEBUG"):
            raise
        detail = f"{type(error).__name__}: {one_line(str(error))}"
        hint = " (run with NEWSFACTS_DEBUG=1 for the traceback, and please report it)"
        errors.print(Text.assemble(("internal error: ", "bold red"), detail, hint))
        sys.exit(2)
