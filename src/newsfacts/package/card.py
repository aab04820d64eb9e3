"""The dataset card: a README.md inside every package, generated from schema/ and dataset/."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsfacts import REPOSITORY, schema
from newsfacts.package.hub import front_matter
from newsfacts.schema import docs
from newsfacts.sources.curated import Curated, Quality

if TYPE_CHECKING:
    from newsfacts.package.facts import PackageFacts

FORMAT_NAMES = {"csv": "CSV", "parquet": "Parquet"}
FIGURE_NAMES = {
    "direct_quotes_f1": "direct-quote F1",
    "all_quotes_f1": "all-quote F1 (direct and indirect)",
    "speaker_accuracy": "speaker attribution accuracy",
    "statistics_f1": "statistics F1",
    "actors_f1": "actors F1",
}


SLICES = (  # how to take a record's text out of its article's text, by language
    ("Python", "`text[start:end]`"),
    ("DuckDB", '`substring(text, start + 1, "end" - start)`'),
    (
        "JavaScript",
        '`Array.from(text).slice(start, end).join("")` '
        "(`text.slice` counts UTF-16 units and is off after an emoji)",
    ),
    ("R", "`substr(text, start + 1, end)`"),
)
OFFSETS = "\n".join(
    [
        "## Evidence: slicing a record's text out of its article",
        "",
        "`start` and `end` count Unicode code points of `articles.text` (not bytes, not UTF-16 "
        "units):",
        "the record's `text` is the article's text from `start` up to, not including, `end`.",
        "",
        "| language | the record's text |",
        "|---|---|",
        *[f"| {language} | {expression} |" for language, expression in SLICES],
    ]
)

SPREADSHEETS = """## Opening the tables in a spreadsheet

Quotes and other text are published verbatim, as evidence: a value may begin with `=`, `+`,
`-` or `@`, and a spreadsheet that opens the CSV file may run it as a formula. Import the CSV
with every column as text, or use `newsfacts export --xlsx tables.xlsx`, which writes a
workbook whose text cells are text."""


def render(curated: Curated, facts: PackageFacts, fmt: str) -> str:
    """The card for one package of the build."""
    meta = curated.meta
    sections = [
        front_matter(meta.license, meta.title, facts.rows, fmt),
        f"# {meta.title} ({FORMAT_NAMES[fmt]} package, version {meta.version})",
        meta.description,
        _facts(curated, facts),
        "## Tables",
        *[docs.table_markdown(t, rows=facts.rows[t]) for t in schema.TABLES],
        "## Quotes per speaker\n\n![Quotes per speaker](quotes_per_speaker.png)",
        _loading(fmt),
        OFFSETS,
        SPREADSHEETS,
        _citation(curated),
        _quality(curated),
    ]
    return "\n\n".join(s.strip() for s in sections if s) + "\n"


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def _facts(curated: Curated, facts: PackageFacts) -> str:
    meta = curated.meta
    license_ = meta.license
    link = f" ({license_.path})" if license_.path else ""
    released = f"Released {meta.released.isoformat()}. " if meta.released else ""
    without_text, articles = facts.without_text, facts.rows["articles"]
    text_note = (
        f" {plural(without_text, 'article')} published without text: their spans cannot be checked."
        if without_text
        else ""
    )
    return (
        f"{released}License: {license_.title or license_.name}{link}. "
        f"Built from {plural(articles, 'article')}; the articles table gives each seed's file "
        "and sha256, and `datapackage.json` every file of the package with its hash."
        f"{text_note}"
    )


EXAMPLE_TABLE = "quotes"  # the table the loading examples read


def _enum_columns(table: str) -> list[str]:
    return [f["name"] for f in schema.fields(table) if schema.is_enum(f)]


def _pandas_example(fmt: str) -> str:
    """Parquet carries its types (pandas reads a folder of parts); CSV parts are read one by
    one, and told which columns are categorical."""
    if fmt == "parquet":
        return f'quotes = pd.read_parquet("{EXAMPLE_TABLE}")   # the folder of its parts'
    dtypes = ", ".join(f'"{name}": "category"' for name in _enum_columns(EXAMPLE_TABLE))
    return (
        "from pathlib import Path\n"
        f'parts = sorted(Path("{EXAMPLE_TABLE}").glob("*.csv"))\n'
        "quotes = pd.concat([pd.read_csv(p) for p in parts], ignore_index=True)\n"
        f"quotes = quotes.astype({{{dtypes}}})"
    )


def _polars_example(fmt: str) -> str:
    path = f"{EXAMPLE_TABLE}/*.{fmt}"
    if fmt == "parquet":
        return f'quotes = pl.read_parquet("{path}")'
    overrides = ", ".join(f'"{name}": pl.Categorical' for name in _enum_columns(EXAMPLE_TABLE))
    return f'quotes = pl.scan_csv("{path}", schema_overrides={{{overrides}}}).collect()'


def _loading(fmt: str) -> str:
    path = f"{EXAMPLE_TABLE}/*.{fmt}"
    part = f"{FORMAT_NAMES[fmt]} file" + (" with its header" if fmt == "csv" else "")
    return f"""## How to load

Each table is a folder of part files (`{EXAMPLE_TABLE}/part-<key>.{fmt}`, a Frictionless multipart
resource): the article tables are split by ranges of articles (part `<key>` of every one of them
covers the same articles, from the article `<key>` on), the actors table by actor id. Read a
table's folder, or its parts one by one: each part is a whole {part}.

```python
import newsfacts          # pip install newsfacts ({REPOSITORY})
tables = newsfacts.load("datapackage.json", format="{fmt}")   # checks every file's hash first
quotes = tables["quotes"]
```

```python
import pandas as pd
{_pandas_example(fmt)}
```

```python
import polars as pl
{_polars_example(fmt)}
```

```sql
-- DuckDB
SELECT speaker_actor_id, count(*) FROM '{path}' GROUP BY 1 ORDER BY 2 DESC;
```

```python
from pathlib import Path
from datasets import load_dataset   # Hugging Face: one config per table (front matter above)
quotes = load_dataset(str(Path.cwd()), "quotes", split="train")   # the package's folder
```

```sh
frictionless validate datapackage.json
```

{_stock_frictionless(fmt)}{_dtypes(fmt)}"""


def _stock_frictionless(fmt: str) -> str:
    """What stock Frictionless checks of a package in parts."""
    if fmt == "csv":
        return (
            "Stock Frictionless reads every part of a CSV table as one table (keys are checked "
            "across parts); each part's sha256 is in `part_hashes` and in SHA256SUMS.\n\n"
        )
    return (
        "Stock Frictionless reads only the first part of a multipart Parquet table: "
        "`newsfacts validate` checks every part (and each part's sha256, in `part_hashes`).\n\n"
    )


def _dtypes(fmt: str) -> str:
    """What each reader gives the enum and date columns."""
    if fmt == "csv":
        return (
            "CSV carries no types: the examples above make the enum columns categorical; "
            "`newsfacts.load` gives every column its schema type, as from Parquet."
        )
    return (
        "Enum columns (such as `quotes.kind`) are dictionary-encoded: pandas reads them as "
        "`category`, polars as `Categorical`, DuckDB and Hugging Face as strings; "
        "`articles.published_date` is a date (`date32`): `datetime.date` values in pandas "
        "(object dtype), `Date` in polars, `DATE` in DuckDB."
    )


def _citation(curated: Curated) -> str:
    meta = curated.meta
    authors = ", ".join(c.title for c in meta.contributors) or meta.name
    year = f" ({meta.released.year})" if meta.released else ""
    return (
        "## How to cite\n\n"
        f"{authors}{year}. *{meta.title}*, version {meta.version}. "
        "See CITATION.cff in the source repository for a machine-readable citation."
    )


def _quality(curated: Curated) -> str:
    quality = curated.quality
    if quality is None:
        return ""
    limits = "\n".join(f"- {item}" for item in quality.limitations)
    return (
        "## Extraction quality\n\n"
        f"Measured on {quality.measured_on}\n\n{_figures_table(quality)}\n\n"
        f"{_further_unseen(quality)}"
        f"{_reliability(quality)}Known limitations:\n\n{limits}"
    )


def _reliability(quality: Quality) -> str:
    """How far `quotes.attribution_confidence` can be trusted, measured on unseen news."""
    rows = [r for r in quality.unseen.reliability if r.quotes] if quality.unseen else []
    if not rows:
        return ""
    lines = [f"| {r.min_confidence:.1f} | {r.quotes} | {r.speaker_accuracy:.3f} |" for r in rows]
    return (
        "### How far to trust a quote's speaker\n\n"
        "`quotes.attribution_confidence` (0 to 1) says how likely `speaker_actor_id` is right, "
        "from how the speaker was found (`quotes.attribution`). On unseen news, among quotes "
        "at or above each confidence:\n\n"
        "| confidence at least | quotes | speaker accuracy |\n|---|---|---|\n"
        + "\n".join(lines)
        + "\n\nKeep only the surer speakers (pandas): "
        "`quotes[quotes.attribution_confidence >= 0.8]`; "
        "a reviewed correction has confidence 1.\n\n"
    )


def _further_unseen(quality: Quality) -> str:
    """A table for each further set of unseen news: its figures and the gap to the dev set."""
    tables = []
    for other in quality.further_unseen:
        rows = _gap_rows(quality.figures, other.figures)
        header = "| measure | development set | this set | gap |\n|---|---|---|---|\n"
        trust = "; ".join(
            f"at least {r.min_confidence:.1f}: {r.speaker_accuracy:.3f} of {r.quotes}"
            for r in other.reliability
            if r.quotes
        )
        if trust:
            trust = f"\n\nSpeaker accuracy there by attribution_confidence: {trust}."
        tables.append(
            f"Also unseen: {other.measured_on}\n\n{header}" + "\n".join(rows) + trust + "\n\n"
        )
    return "".join(tables)


def _figures_table(quality: Quality) -> str:
    """The development set's figures; beside them, when measured, those on unseen news and
    the gap between the two (what the rules lose on news they were not tuned on)."""
    unseen = quality.unseen
    if unseen is None:
        rows = [f"| {FIGURE_NAMES.get(n, n)} | {v:.3f} |" for n, v in quality.figures.items()]
        return "| measure | value |\n|---|---|\n" + "\n".join(rows)
    rows = _gap_rows(quality.figures, unseen.figures)
    header = "| measure | development set | unseen news | gap |\n|---|---|---|---|\n"
    return f"Unseen news: {unseen.measured_on}\n\n" + header + "\n".join(rows)


def _gap_rows(development: dict[str, float], unseen: dict[str, float]) -> list[str]:
    """A row per figure measured on both: the dev set's, the unseen set's, the gap."""
    return [
        f"| {FIGURE_NAMES.get(n, n)} | {v:.3f} | {unseen[n]:.3f} | {v - unseen[n]:.3f} |"
        for n, v in development.items()
        if n in unseen
    ]
