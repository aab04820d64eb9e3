"""The `newsfacts` command: parses arguments, calls the library, formats the output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from . import __version__, schema
from . import build as build_lib
from .docs import schema_markdown
from .errors import NewsfactsError
from .pipeline import extract_records
from .validate import validate as validate_package

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
OutOption = Annotated[Path, typer.Option("--out", help="Where the packages are written.")]


def fail(error: NewsfactsError) -> typer.Exit:
    errors.print(f"[bold red]error:[/] {error}", highlight=False, soft_wrap=True)
    return typer.Exit(1)


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


@app.command()
def build(
    seeds: SeedsOption = Path("seeds"),
    dataset: DatasetOption = Path("dataset"),
    out: OutOption = Path("build"),
    check: Annotated[
        bool, typer.Option("--check", help="Build in a temporary folder and fail if OUT differs.")
    ] = False,
) -> None:
    """Extract every seed article, validate, and publish CSV and Parquet data packages."""
    try:
        if check:
            stale = build_lib.stale_files(seeds, dataset, out)
            if stale:
                errors.print(f"[bold red]{out} is stale[/]: a fresh build differs:")
                for line in stale:
                    errors.print(f"  {line}", highlight=False)
                raise typer.Exit(1)
            console.print(f"{out} is up to date.")
            return
        total = build_lib.seed_count(seeds)
        with Progress(
            TextColumn("extracting"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.description}"),
            console=errors,
            transient=True,
            disable=total < 20,
        ) as progress:
            task = progress.add_task("", total=total)
            tables = build_lib.build(
                seeds,
                dataset,
                out,
                on_article=lambda seed: progress.update(
                    task, advance=1, description=seed.article_id
                ),
            )
    except NewsfactsError as error:
        raise fail(error) from None
    summary = Table(title=f"newsfacts build → {out}")
    summary.add_column("table")
    summary.add_column("rows", justify="right")
    for name in schema.TABLES:
        summary.add_row(name, f"{len(tables[name]):,}")
    console.print(summary)
    console.print(
        f"Packages: {out / 'csv'}, {out / 'parquet'} (validated); checksums in {out / 'SHA256SUMS'}"
    )


@app.command()
def validate(
    path: Annotated[
        Path, typer.Argument(help="A build folder, a package folder or a datapackage.json.")
    ] = Path("build"),
) -> None:
    """Validate packages: Frictionless, plus spans, hashes and CSV/Parquet equality."""
    try:
        problems = validate_package(path)
    except NewsfactsError as error:
        raise fail(error) from None
    if not problems:
        console.print(f"{path}: valid")
        return
    report = Table(title=f"{path}: {len(problems)} problem(s)")
    for column in ("package", "table", "row", "field", "problem"):
        report.add_column(column)
    for problem in problems:
        report.add_row(
            problem.package,
            problem.table,
            str(problem.row or ""),
            problem.field or "",
            problem.message,
        )
    errors.print(report)
    raise typer.Exit(1)


@app.command()
def extract(
    seed_file: Annotated[Path, typer.Argument(help="One seed article (.txt).")],
    dataset: DatasetOption = Path("dataset"),
) -> None:
    """Print the records of one article as JSON lines, one row per line, for review."""
    try:
        tables = extract_records(seed_file, dataset)
    except NewsfactsError as error:
        raise fail(error) from None
    for name in schema.TABLES:
        for record in tables[name]:
            print(json.dumps({"table": name, **record.model_dump(mode="json")}, ensure_ascii=False))


@app.command("schema")
def schema_command() -> None:
    """Print the tables and their columns (from schema/) as Markdown."""
    print(schema_markdown(), end="")
