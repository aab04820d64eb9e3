"""Control characters in article text or in a file name never reach the terminal: review and
error messages show them escaped, and data is never read as markup (issue [2/6])."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from newsfacts.cli import app
from newsfacts.terminal import one_line, printable, printable_with_offsets

from .conftest import DATASET

CLEAR_SCREEN = "\x1b[2J\x1b]0;owned\x07"


def test_review_shows_escape_sequences_in_the_text_escaped(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    text = f"Mayor Ana Ruiz said 40 schools would close.{CLEAR_SCREEN} “We will reopen,” she said."
    (seeds / "esc.txt").write_text(text, encoding="utf-8")
    runner = CliRunner()
    built = runner.invoke(
        app,
        ["build", "--seeds", str(seeds), "--dataset", str(DATASET), "--out", str(tmp_path / "b")],
    )
    assert built.exit_code == 0, built.output
    result = runner.invoke(app, ["review", "esc", "--build", str(tmp_path / "b")])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    text = re.sub(r"⟨/?[QSM]\d+⟩", "", result.output)  # the labels of piped output
    assert "\\x1b[2J\\x1b]0;owned\\x07" in text
    assert "We will reopen" in " ".join(text.split())  # wrapped to the terminal


def test_an_error_naming_a_hostile_file_name_is_one_escaped_line(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "evil\x1b[31m\nname[bold].txt").write_text("Text.", encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["build", "--seeds", str(seeds), "--dataset", str(DATASET), "--out", str(tmp_path / "b")],
    )
    assert result.exit_code == 1
    assert "\x1b" not in result.output
    assert "evil\\x1b[31m\\nname[bold].txt" in result.output  # markup shown as written
    assert result.output.count("\n") == 1  # one line


def test_escaping_keeps_the_offsets_of_every_character() -> None:
    text = "a\x1bb\u202ec\nd"
    shown, offsets = printable_with_offsets(text)
    assert shown == "a\\x1bb\\u202ec\nd"
    for start in range(len(text)):
        for end in range(start, len(text) + 1):
            assert shown[offsets[start] : offsets[end]] == printable(text[start:end])


def test_one_line_escapes_newlines_and_tabs_but_keeps_other_text() -> None:
    assert one_line("x\ny\tz “ok” é") == "x\\ny\\tz “ok” é"
    assert printable("x\ny\tz") == "x\ny\tz"


def test_paths_and_package_data_are_never_markup(tmp_path: Path) -> None:
    from .conftest import SEEDS

    out = tmp_path / "o[/x]k[red]"
    runner = CliRunner()
    built = runner.invoke(
        app, ["build", "--seeds", str(SEEDS), "--dataset", str(DATASET), "--out", str(out)]
    )
    assert built.exit_code == 0, built.output
    assert "o[/x]k[red]" in built.output.replace("\n", "")
    checked = runner.invoke(app, ["validate", str(out)])
    assert checked.exit_code == 0, checked.output
    assert "o[/x]k[red]: valid" in checked.output.replace("\n", "")


def test_github_annotations_cannot_start_a_command_of_their_own() -> None:
    from newsfacts.cli import workflow_data

    hostile = "quotes\n::warning::forged%0A\x1b[31m"
    shown = workflow_data(hostile)
    assert "\n" not in shown and "\x1b" not in shown
    assert shown.startswith("quotes%0A::warning::forged%250A")
