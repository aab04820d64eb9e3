"""Spreadsheet users get text as text: `newsfacts export --xlsx` writes no formula, whatever the
data starts with, and keeps every value as published (issue [2/6], spreadsheet formulas)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfacts import load
from newsfacts.cli import app

from .conftest import DATASET

FORMULA_QUOTE = "=cmd|' /C calc'!A0"


def built(tmp_path: Path, text: str) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "sheet.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "build"
    result = CliRunner().invoke(
        app, ["build", "--seeds", str(seeds), "--dataset", str(DATASET), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    return out


def test_a_quote_that_looks_like_a_formula_is_a_string_cell(tmp_path: Path) -> None:
    out = built(tmp_path, f"“{FORMULA_QUOTE}” Mayor Ana Ruiz said of the 40 schools.")
    assert FORMULA_QUOTE in load(out)["quotes"]["text"].tolist()  # published verbatim
    workbook = tmp_path / "data.xlsx"
    result = CliRunner().invoke(app, ["export", str(out), "--xlsx", str(workbook)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(workbook) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        xml = "".join(archive.read(n).decode("utf-8") for n in sheets)
        strings = archive.read("xl/sharedStrings.xml").decode("utf-8")
        links = [n for n in archive.namelist() if "hyperlink" in n or "_rels/sheet" in n]
    assert "<f>" not in xml and "<f " not in xml  # no formula anywhere
    assert not links  # nor any link
    assert "=cmd|&apos; /C calc&apos;!A0" in strings or "=cmd|' /C calc'!A0" in strings
    workbook_xml = zipfile.ZipFile(workbook).read("docProps/core.xml").decode("utf-8")
    assert re.search(r"2000-01-01T00:00:00Z", workbook_xml)  # no clock in the file


def test_numbers_stay_numbers_and_the_export_is_reproducible(tmp_path: Path) -> None:
    out = built(tmp_path, "Officials said 40 schools would close, Mayor Ana Ruiz said.")
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for target in (first, second):
        assert CliRunner().invoke(app, ["export", str(out), "--xlsx", str(target)]).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        names = archive.read("xl/workbook.xml").decode("utf-8")
    for table in ("articles", "actors", "mentions", "quotes", "statistics", "corrections"):
        assert f'name="{table}"' in names


def test_a_text_too_long_for_an_excel_cell_is_refused_in_one_line(tmp_path: Path) -> None:
    long = (
        "Officials said 40 schools would close. " * 1_000
    )  # 38,999 characters, the last space dropped
    out = built(tmp_path, long)
    result = CliRunner().invoke(app, ["export", str(out), "--xlsx", str(tmp_path / "x.xlsx")])
    assert result.exit_code == 1
    assert "articles: row 2: text: 38,999 characters; an Excel cell holds 32,767" in result.output
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.parametrize("target", ["a_folder", "a_file/x.xlsx"])
def test_a_target_that_cannot_be_written_is_one_line(tmp_path: Path, target: str) -> None:
    out = built(tmp_path, "Officials said 40 schools would close, Mayor Ana Ruiz said.")
    (tmp_path / "a_folder").mkdir()
    (tmp_path / "a_file").write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["export", str(out), "--xlsx", str(tmp_path / target)])
    assert result.exit_code == 1
    assert "cannot write the workbook" in result.output


def test_sheet_names_are_valid_and_distinct() -> None:
    from newsfacts.read.spreadsheet import sheet_names

    names = sheet_names(["quotes", "a/b:c*d?[e]", "x" * 40, "X" * 40, ""])
    assert len({n.lower() for n in names}) == 5
    assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)
