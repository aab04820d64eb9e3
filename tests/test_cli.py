"""The CLI through Typer's CliRunner: exit codes, messages, and results re-read through the library."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfacts import load
from newsfacts.cli import app

from .conftest import DATASET, SEED_ARTICLE, SEEDS, tree
from .parts import part_file


@pytest.fixture
def built(tmp_path: Path, runner: CliRunner) -> tuple[Path, Path]:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    out = tmp_path / "build"
    result = runner.invoke(
        app, ["build", "--seeds", str(seeds), "--dataset", str(DATASET), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    return seeds, out


def test_help_lists_every_command(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("build", "validate", "extract", "evaluate", "schema"):
        assert command in result.output


def test_build_prints_a_summary_and_the_packages_load(
    built: tuple[Path, Path], runner: CliRunner
) -> None:
    seeds, out = built
    result = runner.invoke(
        app, ["build", "--seeds", str(seeds), "--dataset", str(DATASET), "--out", str(out)]
    )
    assert result.exit_code == 0
    rows = {
        line.split()[1]: line.split()[3]
        for line in result.output.splitlines()
        if line.count("│") == 3
    }
    tables = load(out)
    assert rows == {name: str(len(frame)) for name, frame in tables.items()}
    assert len(tables["articles"]) == 1
    assert len(tables["statistics"]) == 6


def test_validate_exit_codes(built: tuple[Path, Path], runner: CliRunner) -> None:
    _, out = built
    assert runner.invoke(app, ["validate", str(out)]).exit_code == 0
    csv = part_file(out / "csv", "quotes")
    text = csv.read_text(encoding="utf-8").replace("in his jails.", "in his jail.")
    csv.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(out), "--format", "json"])
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["valid"] is False
    assert {"package": "csv", "table": "quotes", "row": 3, "field": "text"}.items() <= next(
        p for p in report["problems"] if "not the record's text" in p["message"]
    ).items()
    github = runner.invoke(app, ["validate", str(out), "--format", "github"])
    assert github.exit_code == 1
    line = next(a for a in github.output.splitlines() if "field text:" in a)
    assert line.startswith(f"::error file={csv.as_posix()},line=")
    assert "csv:quotes row 3 field text:" in line


def test_validate_a_folder_that_is_not_a_package(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    assert "no data package found" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty article"),
        ("binary.txt", b"\x00\x01\x02", "binary file"),
        ("latin1.txt", b"caf\xe9", "not UTF-8"),
        ("bad name.txt", b"Text.", "cannot be an article_id"),
        ("000_68207ECCF74B6EC5.txt", b"Text.", "duplicate article_id"),
    ],
)
def test_bad_seed_fails_and_keeps_the_previous_build(
    built: tuple[Path, Path], runner: CliRunner, name: str, content: bytes, message: str
) -> None:
    seeds, out = built
    before = tree(out)
    (seeds / name).write_bytes(content)
    result = runner.invoke(
        app, ["build", "--seeds", str(seeds), "--dataset", str(DATASET), "--out", str(out)]
    )
    assert result.exit_code == 1
    assert message in result.output
    assert name in result.output
    assert "Traceback" not in result.output
    assert tree(out) == before
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".build.tmp-")]


def test_malformed_dataset_yaml_keeps_the_previous_build(
    built: tuple[Path, Path], runner: CliRunner, dataset_copy: Path
) -> None:
    seeds, out = built
    before = tree(out)
    (dataset_copy / "actors.yaml").write_text("- id: [oops\n", encoding="utf-8")
    result = runner.invoke(
        app, ["build", "--seeds", str(seeds), "--dataset", str(dataset_copy), "--out", str(out)]
    )
    assert result.exit_code == 1
    assert "actors.yaml" in result.output and "malformed YAML" in result.output
    assert tree(out) == before


def test_missing_seeds_folder(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["build", "--seeds", str(tmp_path / "none"), "--out", str(tmp_path / "b")]
    )
    assert result.exit_code == 1
    assert "seeds folder not found" in result.output


def test_check_passes_then_reports_stale_files(built: tuple[Path, Path], runner: CliRunner) -> None:
    seeds, out = built
    args = ["build", "--check", "--seeds", str(seeds), "--dataset", str(DATASET), "--out", str(out)]
    assert runner.invoke(app, args).exit_code == 0
    (seeds / "second.txt").write_text(
        "Minister Jo Bloggs said 40 schools would close.", encoding="utf-8"
    )
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "csv/articles/part-000_68207eccf74b6ec5.csv: differs" in result.output


def test_extract_prints_json_lines(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", str(SEED_ARTICLE), "--dataset", str(DATASET)])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    tables = {row["table"] for row in rows}
    assert tables == {"articles", "actors", "mentions", "quotes", "statistics"}
    quote = next(r for r in rows if r["table"] == "quotes" and r["kind"] == "direct")
    assert quote["speaker_actor_id"] == "marco-rubio"


def test_extract_missing_file(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert "cannot read" in result.output


def test_schema_command_prints_every_table(runner: CliRunner) -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    for table in ("articles", "actors", "mentions", "quotes", "statistics"):
        assert f"### {table}" in result.output


def test_unexpected_errors_are_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import newsfacts.cli as cli
    import newsfacts.validate.run as validate_run

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(validate_run, "validation", broken)
    monkeypatch.setattr(sys, "argv", ["newsfacts", "validate", "build"])
    monkeypatch.delenv("NEWSFACTS_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        cli.run()
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: disk on fire" in err
    assert "Traceback" not in err


def test_out_folder_with_other_content_is_never_replaced(tmp_path: Path, runner: CliRunner) -> None:
    target = tmp_path / "project"
    (target / "notes").mkdir(parents=True)
    (target / "notes" / "keep.txt").write_text("mine", encoding="utf-8")
    result = runner.invoke(
        app, ["build", "--seeds", str(SEEDS), "--dataset", str(DATASET), "--out", str(target)]
    )
    assert result.exit_code == 1
    assert "is not a newsfacts build" in result.output
    assert (target / "notes" / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_a_build_without_a_terminal_prints_progress_lines(tmp_path: Path, make_seeds) -> None:  # type: ignore[no-untyped-def]
    """CI logs get a line per 1,000 articles and at the end, then the stage that follows."""
    seeds = make_seeds(
        {f"a{n:02}.txt": f"Mayor Ana Ruiz said {n} schools would close." for n in range(20)}
    )
    result = CliRunner().invoke(
        app,
        ["build", "--seeds", str(seeds), "--dataset", str(DATASET), "--out", str(tmp_path / "b")],
    )
    assert result.exit_code == 0, result.output
    assert "extracting: 20/20 articles\nwriting and validating…\n" in result.output
    assert re.search(r"validating: \d+ checks done", result.output)
