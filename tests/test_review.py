"""newsfacts review: the terminal view, and the HTML page rendered in a real headless Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from newsfacts.cli import app
from newsfacts.read.review import CSS_COLOURS

ARTICLE = "000_68207eccf74b6ec5"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def test_terminal_review_numbers_every_record(out: Path) -> None:
    result = CliRunner().invoke(
        app, ["review", ARTICLE, "--build", str(out)], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    assert "quotes (9)" in result.output and "statistics (6)" in result.output
    assert "Q9" in result.output and "S6" in result.output and "M45" in result.output
    assert "more than 83,000 people" in result.output
    assert "83000.0" not in result.output and "│ 83000 " in result.output  # as a number is read


def test_piped_review_labels_each_record_in_the_text(out: Path) -> None:
    result = CliRunner().invoke(app, ["review", ARTICLE, "--build", str(out)])
    assert result.exit_code == 0, result.output
    assert "⟨M1⟩The Associated Press⟨/M1⟩" in result.output
    for label in ("Q1", "Q9", "S6", "M45"):
        assert f"⟨{label}⟩" in result.output and f"⟨/{label}⟩" in result.output


def test_unknown_article_is_one_line(out: Path) -> None:
    result = CliRunner().invoke(app, ["review", "nope", "--build", str(out)])
    assert result.exit_code == 1
    assert "nope: no such article" in result.output


def test_a_page_that_cannot_be_written_is_one_line(out: Path, tmp_path: Path) -> None:
    page = tmp_path / "missing" / "review.html"
    result = CliRunner().invoke(app, ["review", ARTICLE, "--build", str(out), "--html", str(page)])
    assert result.exit_code == 1
    assert f"{page}: cannot write the page" in " ".join(result.output.split())
    assert "internal error" not in result.output


def test_html_page_is_self_contained_with_hover_fields(out: Path, tmp_path: Path) -> None:
    page = tmp_path / "review.html"
    result = CliRunner().invoke(app, ["review", ARTICLE, "--build", str(out), "--html", str(page)])
    assert result.exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert "http://" not in html and "https://" not in html and "<script" not in html
    hover = re.search(r'title="(Q2 quote: [^"]*)"', html)
    assert hover is not None
    for field in (
        "quote_id: 000_68207eccf74b6ec5-q-633-685",
        "kind: direct",
        "cue: stated",
        "speaker: Marco Rubio",
    ):
        assert field in hover.group(1)
    assert '<p class="legend"><span class="quotes">quotes</span>' in html
    assert html.count('<tr class="quotes">') == 9
    assert html.count('<tr class="statistics">') == 6


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)")
def test_highlights_show_in_a_real_browser(out: Path, tmp_path: Path) -> None:
    page = tmp_path / "review.html"
    CliRunner().invoke(app, ["review", ARTICLE, "--build", str(out), "--html", str(page)])
    shot = tmp_path / "shot.png"
    subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=1400,1000",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    image = Image.open(shot).convert("RGB")
    article = image.crop((0, 0, image.width // 2, image.height))  # the text, not the side tables
    colours = {colour: count for count, colour in article.getcolors(maxcolors=1 << 20)}
    for kind, css in CSS_COLOURS.items():
        rgb = tuple(int(css[i : i + 2], 16) for i in (1, 3, 5))
        assert colours.get(rgb, 0) > 500, f"no {kind} highlight ({css}) in the rendered article"
