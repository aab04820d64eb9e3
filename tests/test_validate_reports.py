"""`newsfacts validate` for CI: which checks run on whose package, the JSON, GitHub and JUnit
reports (each problem at its file and line), the exit codes, and bad input in one line."""

from __future__ import annotations

import json
import os
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfacts.cli import app
from newsfacts.validate.checks.frictionless_tables import frictionless_problems
from newsfacts.validate.report import csv_lines
from newsfacts.validate.run import validate

from .parts import part_file

# Someone else's package: two real errors (a type error, a missing cell); a quoted cell with a
# line break before them, so row (as Frictionless counts records) and line differ.
OTHERS = {
    "datapackage.json": json.dumps(
        {
            "name": "cities",
            "resources": [
                {
                    "name": "cities",
                    "path": "cities.csv",
                    "schema": {
                        "fields": [
                            {"name": "id", "type": "integer"},
                            {"name": "name", "type": "string"},
                            {"name": "note", "type": "string"},
                        ]
                    },
                }
            ],
        }
    ),
    "cities.csv": 'id,name,note\n1,London,"two\nlines"\nabc,Paris,x\n3,Rome\n',
}


@pytest.fixture
def others(tmp_path: Path) -> Path:
    folder = tmp_path / "others"
    folder.mkdir()
    for name, text in OTHERS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def in_folder(tmp_path: Path) -> Iterator[Path]:
    """Run in tmp_path, so that reported files are relative to it."""
    previous = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(previous)


def messages(problems: list) -> list[tuple[str, int | None, str]]:  # type: ignore[type-arg]
    return [(p.table, p.row, p.message) for p in problems]


@pytest.mark.parametrize("engine", ["fast", "frictionless"])
def test_another_package_gets_frictionless_errors_only(others: Path, engine: str) -> None:
    stock = frictionless_problems(others)
    assert [m for _, _, m in messages(stock)] == [
        'type-error: Type error in the cell "abc" in row "3" and field "id" at position "1": '
        'type is "integer/default"',
        'missing-cell: Row at position "4" has a missing cell in field "note" at position "3"',
    ]
    assert messages(validate(others, engine)) == messages(stock)


def test_the_newsfacts_contract_on_demand(others: Path) -> None:
    found = {p.message for p in validate(others, contract="newsfacts")}
    assert "table missing from the package" in found
    assert "table not in schema/" in found


def test_a_newsfacts_package_is_recognised_by_its_marker(out: Path, tmp_path: Path) -> None:
    package = tmp_path / "csv"
    shutil.copytree(out / "csv", package)
    path = package / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    assert descriptor["newsfacts"] == {"contract": "schema/"}
    descriptor["resources"] = descriptor["resources"][:-1]  # a table removed: still ours
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    assert "table missing from the package" in {p.message for p in validate(package)}
    del descriptor["newsfacts"]  # neither marked nor the schema/ tables: someone else's
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    assert validate(package) == []


def test_a_build_without_the_marker_is_still_recognised(out: Path, tmp_path: Path) -> None:
    package = tmp_path / "csv"
    shutil.copytree(out / "csv", package)
    path = package / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    del descriptor["newsfacts"]
    descriptor["resources"][0]["schema"]["fields"][0]["constraints"] = {}  # a loosened schema
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    assert "schema differs from the schema/ contract" in {p.message for p in validate(package)}


def test_csv_lines_count_line_breaks_inside_cells(others: Path) -> None:
    assert csv_lines(others / "cities.csv", [1, 2, 3, 4, 5]) == {1: 1, 2: 2, 3: 4, 4: 5}


def test_github_annotations_point_at_the_csv_line(others: Path, in_folder: Path) -> None:
    result = CliRunner().invoke(app, ["validate", "others", "--format", "github"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "::error file=others/cities.csv,line=4,title=newsfacts validate%3A FrictionlessTables"
        '::others:cities row 3 field id: type-error: Type error in the cell "abc" in row "3" '
        'and field "id" at position "1": type is "integer/default"',
        "::error file=others/cities.csv,line=5,title=newsfacts validate%3A FrictionlessTables"
        '::others:cities row 4 field note: missing-cell: Row at position "4" has a missing '
        'cell in field "note" at position "3"',
    ]


def test_package_errors_point_at_the_descriptor(others: Path, in_folder: Path) -> None:
    result = CliRunner().invoke(
        app, ["validate", "others", "--format", "github", "--contract", "newsfacts"]
    )
    assert "::error file=others/datapackage.json,title=" in result.output
    assert "table missing from the package" in result.output


def test_the_json_report_shape(others: Path, in_folder: Path) -> None:
    result = CliRunner().invoke(app, ["validate", "others", "--format", "json"])
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["version"] == 1
    assert report["valid"] is False
    assert report["packages"] == [
        {"name": "others", "descriptor": "others/datapackage.json", "contract": "frictionless"}
    ]
    assert report["problems"][0] == {
        "severity": "error",
        "check": "FrictionlessTables",
        "package": "others",
        "table": "cities",
        "row": 3,
        "field": "id",
        "message": 'type-error: Type error in the cell "abc" in row "3" and field "id" at '
        'position "1": type is "integer/default"',
        "file": "others/cities.csv",
        "line": 4,
    }


def test_junit_has_a_suite_per_resource_and_a_case_per_check(out: Path, tmp_path: Path) -> None:
    build = tmp_path / "build"
    shutil.copytree(out, build)
    quotes = part_file(build / "csv", "quotes")
    quotes.write_text(quotes.read_text(encoding="utf-8").replace("jails.", "jail."), "utf-8")
    result = CliRunner().invoke(app, ["validate", str(build), "--format", "junit"])
    assert result.exit_code == 1
    root = ET.fromstring(result.output)
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    assert set(suites) >= {f"csv/{t}" for t in ("articles", "quotes", "corrections")}
    assert {"csv/datapackage.json", "parquet/datapackage.json", "build"} <= set(suites)
    quotes_suite = suites["csv/quotes"]
    cases = {case.get("name"): case for case in quotes_suite.iter("testcase")}
    assert list(cases) == [  # the registry's order
        "ContractTables",
        "ContractSchemas",
        "FileAsDescribed",
        "FrictionlessTables",
        "SpanTexts",
    ]
    failed = {name for name, case in cases.items() if case.find("failure") is not None}
    # a part's sha256 is newsfacts's (part_hashes), not Frictionless's: FileAsDescribed's
    assert failed == {"FileAsDescribed", "SpanTexts"}
    assert quotes_suite.get("failures") == "2"
    assert cases["SpanTexts"].get("line") is not None
    assert root.get("failures") == str(sum(int(s.get("failures", 0)) for s in suites.values()))
    assert suites["parquet/quotes"].get("failures") == "0"


def test_exit_codes(out: Path, others: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["validate", str(out)]).exit_code == 0
    assert runner.invoke(app, ["validate", str(others)]).exit_code == 1
    assert runner.invoke(app, ["validate", str(tmp_path / "no-such")]).exit_code == 2
    assert runner.invoke(app, ["validate", str(out), "--format", "xml"]).exit_code == 2
    assert runner.invoke(app, ["validate", str(out), "--contract", "x"]).exit_code == 2


@pytest.mark.parametrize(
    ("edit", "wording"),
    [
        ({"datapackage.json": "{not json"}, "datapackage.json: not a JSON data package"),
        ({"cities.csv": None}, "No such file or directory"),
        (
            {"datapackage.json": OTHERS["datapackage.json"].replace('"integer"', '"integr"')},
            'field type "integr" is not supported',
        ),
    ],
    ids=["descriptor-not-json", "resource-missing", "unknown-type"],
)
def test_bad_input_is_one_line_naming_the_file(
    others: Path, in_folder: Path, edit: dict[str, str | None], wording: str
) -> None:
    for name, text in edit.items():
        if text is None:
            (others / name).unlink()
        else:
            (others / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", "others", "--format", "github"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if wording in line]
    assert len(lines) == 1
    assert "others/" in lines[0]


def test_each_check_is_reported_as_it_finishes(out: Path) -> None:
    """What the progress bars of `validate` and `build` show: every check, in report order."""
    from newsfacts.validate.run import validate

    seen: list[tuple[str, int, int]] = []
    assert validate(out, on_check=lambda *step: seen.append(step)) == []
    total = seen[0][2]
    assert [done for _, done, _ in seen] == list(range(1, total + 1))
    assert {"FrictionlessTables", "CsvEqualsParquet"} <= {name for name, _, _ in seen}
