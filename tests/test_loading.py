"""Data that loads everywhere: plain pandas, polars, DuckDB and Hugging Face `datasets` read the
packages with the types the schema gives (enums categorical, dates as dates), and the loading
examples of the card run as written."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import polars as pl
import pyarrow.parquet as pq
import pytest
import yaml

from newsfacts import load, schema
from newsfacts.package.hub import hub_license, size_category
from newsfacts.sources.curated import License

from .conftest import DATASET, SEEDS
from .parts import part_file

ENUMS = [(t, f["name"]) for t in schema.TABLES for f in schema.fields(t) if schema.is_enum(f)]
DATES = [(t, f["name"]) for t in schema.TABLES for f in schema.fields(t) if f["type"] == "date"]
CODE_BLOCK = re.compile(r"^```(\w+)\n(.*?)^```$", re.DOTALL | re.MULTILINE)


def parquet(out: Path, table: str) -> Path:
    return part_file(out / "parquet", table)


def test_the_schema_has_enum_and_date_columns() -> None:
    assert ("quotes", "kind") in ENUMS and ("articles", "published_date") in DATES


@pytest.fixture(scope="module")
def dated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build of the bundled seeds whose article has a publication date."""
    from newsfacts.build.run import build

    dataset = tmp_path_factory.mktemp("dated") / "dataset"
    shutil.copytree(DATASET, dataset)
    (dataset / "articles.yaml").write_text(
        "000_68207eccf74b6ec5:\n  published_date: 2025-02-04\n", encoding="utf-8"
    )
    build(SEEDS, dataset, dataset.parent / "build")
    return dataset.parent / "build"


@pytest.mark.parametrize(("table", "name"), ENUMS)
def test_pandas_reads_an_enum_column_as_a_category_of_every_allowed_value(
    out: Path, table: str, name: str
) -> None:
    """A table of no rows (corrections, in the seed build) has no categories to show."""
    column = pd.read_parquet(parquet(out, table))[name]
    assert isinstance(column.dtype, pd.CategoricalDtype)
    allowed = list(schema.enum(table, name)) if len(column) else []
    assert list(column.cat.categories) == allowed


@pytest.mark.parametrize(("table", "name"), DATES)
def test_a_date_column_is_date32_and_pandas_gives_dates(dated: Path, table: str, name: str) -> None:
    assert str(pq.read_schema(parquet(dated, table)).field(name).type) == "date32[day]"
    values = pd.read_parquet(parquet(dated, table))[name]
    assert list(values) == [dt.date(2025, 2, 4)] and type(values[0]) is dt.date


def test_polars_reads_enums_as_categoricals_and_dates_as_dates(out: Path) -> None:
    for table, name in ENUMS:
        assert pl.read_parquet(parquet(out, table)).schema[name] == pl.Categorical
    for table, name in DATES:
        assert pl.read_parquet(parquet(out, table)).schema[name] == pl.Date


def test_duckdb_reads_enums_as_text_and_dates_as_dates(out: Path) -> None:
    quotes = load(out)["quotes"]
    kinds = duckdb.sql(f"SELECT kind, count(*) FROM '{parquet(out, 'quotes')}' GROUP BY 1")
    assert dict(kinds.fetchall()) == quotes["kind"].value_counts()[lambda c: c > 0].to_dict()
    dates = duckdb.sql(f"SELECT published_date FROM '{parquet(out, 'articles')}'")
    assert [str(t) for t in dates.types] == ["DATE"]


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_newsfacts_load_keeps_its_dtypes(out: Path, fmt: str) -> None:
    tables = load(out, format=fmt)
    for table, name in ENUMS:
        assert list(tables[table][name].cat.categories) == list(schema.enum(table, name))
    for table, name in DATES:
        assert str(tables[table][name].dtype) == schema.PANDAS_TYPES["date"]


def front_matter(card: str) -> dict[str, Any]:
    assert card.startswith("---\n")
    matter: dict[str, Any] = yaml.safe_load(card.split("---\n", 2)[1])
    return matter


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_the_card_opens_with_hugging_face_front_matter(out: Path, fmt: str) -> None:
    matter = front_matter((out / fmt / "README.md").read_text(encoding="utf-8"))
    assert matter["license"] == "cc-by-4.0"  # dataset.yaml: CC-BY-4.0
    assert matter["pretty_name"].startswith("newsfacts")
    assert matter["size_categories"] == ["n<1K"]  # the seed build: 45 mentions at most
    assert matter["configs"] == [
        {"config_name": t, "data_files": [{"split": "train", "path": f"{t}/*.{fmt}"}]}
        for t in schema.TABLES
    ]


HUGGING_FACE_LOAD = """
import json, sys
from datasets import load_dataset
folder, cache, tables = sys.argv[1], sys.argv[2], sys.argv[3:]
loaded = {t: load_dataset(folder, t, split="train", cache_dir=cache) for t in tables}
print(json.dumps({t: [d.num_rows, d.column_names] for t, d in loaded.items()}))
"""


def offline_env(home: Path) -> dict[str, str]:
    """No network, and every Hugging Face cache in `home`."""
    return os.environ | {"HF_HOME": str(home), "HF_DATASETS_OFFLINE": "1", "HF_HUB_OFFLINE": "1"}


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_hugging_face_loads_every_table_by_its_config(out: Path, fmt: str, tmp_path: Path) -> None:
    """Each table with rows; `datasets` refuses a split of no rows ("corresponds to no data")."""
    tables = load(out, format=fmt)
    with_rows = [t for t in schema.TABLES if len(tables[t])]
    assert "quotes" in with_rows
    script = [sys.executable, "-c", HUGGING_FACE_LOAD, str(out / fmt), str(tmp_path / "cache")]
    result = subprocess.run(
        [*script, *with_rows],
        env=offline_env(tmp_path / "hf"),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert loaded == {t: [len(tables[t]), schema.column_names(t)] for t in with_rows}


def card_blocks(card: str) -> list[tuple[str, str]]:
    """The card's code blocks: (language, code)."""
    return [(m[1], m[2]) for m in CODE_BLOCK.finditer(card)]


def example(blocks: list[tuple[str, str]], language: str, marker: str) -> str:
    (code,) = [c for lang, c in blocks if lang == language and marker in c]
    return code


@pytest.fixture(params=["csv", "parquet"])
def package(request: pytest.FixtureRequest, out: Path, tmp_path: Path) -> tuple[str, Path]:
    """A copy of one package of the seed build: the card's examples run inside it."""
    fmt: str = request.param
    shutil.copytree(out / fmt, tmp_path / fmt)
    return fmt, tmp_path / fmt


def quote_count(package: tuple[str, Path]) -> int:
    fmt, folder = package
    return len(load(folder / "datapackage.json", format=fmt)["quotes"])


def run_python(code: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The `quotes` a Python example of the card gives, run in `folder`."""
    monkeypatch.chdir(folder)
    names: dict[str, Any] = {}
    exec(compile(code, "README.md", "exec"), names)
    return names["quotes"]


def test_the_card_has_every_loading_example(package: tuple[str, Path]) -> None:
    blocks = card_blocks((package[1] / "README.md").read_text(encoding="utf-8"))
    for marker in ("import newsfacts", "import pandas", "import polars", "from datasets"):
        assert example(blocks, "python", marker)
    assert example(blocks, "sql", "DuckDB") and example(blocks, "sh", "frictionless validate")


def test_the_cards_pandas_example_gives_categoricals(
    package: tuple[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    card = (package[1] / "README.md").read_text(encoding="utf-8")
    for marker in ("import newsfacts", "import pandas"):
        quotes = run_python(example(card_blocks(card), "python", marker), package[1], monkeypatch)
        assert len(quotes) == quote_count(package)
        enums = [name for table, name in ENUMS if table == "quotes"]
        assert enums and all(isinstance(quotes[n].dtype, pd.CategoricalDtype) for n in enums)


def test_the_cards_polars_example_gives_categoricals(
    package: tuple[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    card = (package[1] / "README.md").read_text(encoding="utf-8")
    quotes = run_python(
        example(card_blocks(card), "python", "import polars"), package[1], monkeypatch
    )
    assert quotes.height == quote_count(package)
    enums = [name for table, name in ENUMS if table == "quotes"]
    assert enums and all(quotes.schema[name] == pl.Categorical for name in enums)


def test_the_cards_duckdb_example_counts_quotes_per_speaker(
    package: tuple[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    card = (package[1] / "README.md").read_text(encoding="utf-8")
    monkeypatch.chdir(package[1])
    counts = duckdb.sql(example(card_blocks(card), "sql", "DuckDB")).fetchall()
    assert sum(count for _, count in counts) == quote_count(package) > 0


@pytest.mark.slow
def test_the_cards_hugging_face_and_frictionless_examples_run(
    package: tuple[str, Path], tmp_path: Path
) -> None:
    card = (package[1] / "README.md").read_text(encoding="utf-8")
    code = example(card_blocks(card), "python", "from datasets") + "\nprint(quotes.num_rows)\n"
    loaded = run_in(package[1], [sys.executable, "-c", code], tmp_path)
    assert loaded.returncode == 0, loaded.stderr[-2000:]
    assert loaded.stdout.split()[-1] == str(quote_count(package))
    program, *arguments = example(card_blocks(card), "sh", "frictionless validate").split()
    frictionless = Path(sys.executable).parent / program
    validated = run_in(package[1], [str(frictionless), *arguments], tmp_path)
    assert validated.returncode == 0, validated.stdout[-2000:]


def run_in(folder: Path, command: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = offline_env(tmp_path / "hf")
    return subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, check=False)


@pytest.mark.parametrize(
    ("name", "path", "expected"),
    [
        ("CC-BY-4.0", None, {"license": "cc-by-4.0"}),
        ("CC0-1.0", None, {"license": "cc0-1.0"}),
        ("ODbL-1.0", None, {"license": "odbl"}),
        (
            "Our-Own-1.0",
            "https://example.org/license",
            {
                "license": "other",
                "license_name": "Our-Own-1.0",
                "license_link": "https://example.org/license",
            },
        ),
    ],
)
def test_the_license_is_named_as_hugging_face_names_it(
    name: str, path: str | None, expected: dict[str, str]
) -> None:
    assert hub_license(License(name=name, path=path)) == expected


@pytest.mark.parametrize(
    ("rows", "bucket"),
    [(0, "n<1K"), (999, "n<1K"), (1_000, "1K<n<10K"), (250_000, "100K<n<1M"), (10**13, "n>1T")],
)
def test_the_size_category_is_hugging_faces_bucket(rows: int, bucket: str) -> None:
    assert size_category(rows) == bucket
