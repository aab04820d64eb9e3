"""SpanTexts: every span's text is its article's text between its offsets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsfacts.validate.checks.span_texts import SpanTexts
from newsfacts.validate.subjects import subjects_at

from ..parts import part_file
from ..test_engines import set_cell
from . import edit_descriptor, reported


def test_a_valid_build_has_matching_spans(out: Path) -> None:
    assert reported(out, SpanTexts()) == []


def test_a_shifted_span_is_reported(copy: Path) -> None:
    set_cell("quotes", 1, "start", "438")(copy)  # the descriptor's hash made to agree
    (problem,) = reported(copy, SpanTexts())
    assert problem.startswith("csv:quotes row 2 field text: text[438:545] of article ")
    assert problem.endswith(" is not the record's text")


def test_tables_it_cannot_read_are_reported_once(copy: Path) -> None:
    path = part_file(copy / "parquet", "articles")
    path.write_bytes(path.read_bytes()[:100])
    (package,) = subjects_at(copy / "parquet", "fast").packages
    (problem,) = map(str, SpanTexts().problems(package))
    assert problem.startswith("parquet: cannot read the tables: ")
    assert not package.tables_read


def test_a_package_without_the_articles_table_has_nothing_to_check(copy: Path) -> None:
    def drop(descriptor: dict[str, Any]) -> None:
        descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] != "articles"]

    edit_descriptor(copy / "csv", drop)
    (part_file(copy / "csv", "articles")).unlink()
    assert reported(copy / "csv", SpanTexts()) == []
