"""newsfacts stats, and the chart beside each package's card."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfacts.build.run import build
from newsfacts.cli import app
from newsfacts.package.chart import CHART

from .conftest import DATASET


def test_stats_json(out: Path) -> None:
    result = CliRunner().invoke(app, ["stats", str(out), "--json"])
    assert result.exit_code == 0
    summary = json.loads(result.output)
    assert summary["rows"]["quotes"] == 9
    assert summary["quotes_per_speaker"][0] == ["Marco Rubio", 3]
    assert ["Nayib Bukele", 2] in summary["quotes_per_speaker"]
    assert summary["top_actors_by_mentions"][0] == ["United States", 11]
    assert ["people", 1] in summary["statistics_by_object"]
    assert summary["articles_without_quotes"] == []


def test_stats_tables_for_people(out: Path, tmp_path: Path, make_seeds) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(app, ["stats", str(out)])
    assert result.exit_code == 0
    for title in (
        "rows per table",
        "Quotes per speaker",
        "Top actors by mentions",
        "Statistics by object",
    ):
        assert title in result.output
    seeds = make_seeds({"calm.txt": "The river rose 2 metres overnight."})
    build(seeds, DATASET, tmp_path / "calm")
    result = CliRunner().invoke(app, ["stats", str(tmp_path / "calm")])
    assert "Articles without quotes: 1 (calm)" in result.output


def test_chart_is_a_png_beside_the_card(out: Path) -> None:
    for fmt in ("csv", "parquet"):
        data = (out / fmt / CHART).read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 2000
        assert f"({CHART})" in (out / fmt / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["stats", "review", "diff"])
def test_a_package_without_the_contract_tables_is_one_line(
    out: Path, tmp_path: Path, command: str
) -> None:
    import json
    import shutil

    from typer.testing import CliRunner

    from newsfacts.cli import app

    package = tmp_path / "csv"
    shutil.copytree(out / "csv", package)
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] != "actors"]
    (package / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    arguments = {
        "stats": ["stats", str(package)],
        "review": ["review", "000_68207eccf74b6ec5", "--build", str(package)],
        "diff": ["diff", str(out / "csv"), str(package)],
    }[command]
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 1, result.output
    assert "not a newsfacts package: no 'actors' table" in result.output
