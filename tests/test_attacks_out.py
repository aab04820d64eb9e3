"""`build --out` replaces only an earlier build: never a folder with other content, never a
release, and what it refuses stays as it was (issue [2/6], attacks on --out)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfacts.build.run import build
from newsfacts.cli import app
from newsfacts.errors import NewsfactsError
from newsfacts.package.release import copy_to_releases
from newsfacts.package.staging import RELEASES_MARK

from .conftest import DATASET, SEEDS, tree


def refused(target: Path, match: str) -> None:
    before = tree(target)
    with pytest.raises(NewsfactsError, match=match):
        build(SEEDS, DATASET, target)
    assert tree(target) == before


def test_a_folder_that_only_looks_like_a_build_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "thesis"
    (target / "csv").mkdir(parents=True)
    (target / "SHA256SUMS").write_text("", encoding="utf-8")
    (target / "csv" / "datapackage.json").write_text("{}", encoding="utf-8")
    (target / "thesis.docx").write_bytes(b"chapter one")
    (target / "photos").mkdir()
    (target / "photos" / "a.jpg").write_bytes(b"\xff\xd8")
    refused(target, "not a newsfacts build")


def test_a_build_with_a_file_added_is_kept(out: Path, tmp_path: Path) -> None:
    target = tmp_path / "build"
    shutil.copytree(out, target)
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    refused(target, "holds notes.txt, which no build wrote")


def test_a_build_with_an_empty_folder_added_is_kept(out: Path, tmp_path: Path) -> None:
    target = tmp_path / "build"
    shutil.copytree(out, target)
    (target / "photos").mkdir()
    refused(target, "holds photos, which no build wrote")


def test_a_build_with_an_edited_file_is_kept(out: Path, tmp_path: Path) -> None:
    target = tmp_path / "build"
    shutil.copytree(out, target)
    with (target / "csv" / "README.md").open("a", encoding="utf-8") as card:
        card.write("my notes\n")
    refused(target, "csv/README.md was changed after the build")


def test_a_build_with_a_link_inside_is_kept(out: Path, tmp_path: Path) -> None:
    target = tmp_path / "build"
    shutil.copytree(out, target)
    (target / "home").symlink_to(Path.home())
    refused(target, "holds a link, home")


def test_a_release_is_never_replaced(out: Path, tmp_path: Path) -> None:
    release, new = copy_to_releases(out, tmp_path / "releases")
    assert new and (tmp_path / "releases" / RELEASES_MARK).exists()
    zips = {"newsfacts-0.1.0-csv.zip", "newsfacts-0.1.0-parquet.zip", "SHA256SUMS"}
    released = {name: digest for name, digest in tree(release).items() if name not in zips}
    assert released == {n: d for n, d in tree(out).items() if n != "SHA256SUMS"}  # the build
    refused(release, "is a release")


def test_a_file_as_out_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("data", encoding="utf-8")
    with pytest.raises(NewsfactsError, match="not a folder"):
        build(SEEDS, DATASET, target)
    assert target.read_text(encoding="utf-8") == "data"


def test_the_cli_says_why_in_one_line_and_exits_1(tmp_path: Path) -> None:
    target = tmp_path / "mine"
    target.mkdir()
    (target / "thesis.docx").write_bytes(b"chapter one")
    result = CliRunner().invoke(
        app, ["build", "--seeds", str(SEEDS), "--dataset", str(DATASET), "--out", str(target)]
    )
    assert result.exit_code == 1
    assert "refusing to replace it" in result.output
    assert (target / "thesis.docx").read_bytes() == b"chapter one"


def test_a_read_only_parent_of_out_is_one_line(tmp_path: Path) -> None:
    import os

    parent = tmp_path / "locked"
    parent.mkdir()
    parent.chmod(0o555)
    try:
        if os.access(parent, os.W_OK):  # root writes anywhere: make the lock file unwritable
            (parent / ".build.lock").mkdir()
        with pytest.raises(NewsfactsError, match=r"\.build\.lock: cannot take the build lock"):
            build(SEEDS, DATASET, parent / "build")
    finally:
        parent.chmod(0o755)
    assert not (parent / "build").exists()


def test_a_speaker_name_that_looks_like_math_is_drawn_as_text(tmp_path: Path) -> None:
    from newsfacts.package.chart import chart

    chart([(r"$\undefinedmacro$", 3), ("Ana $5 Ruiz", 2)], tmp_path / "chart.png")
    assert (tmp_path / "chart.png").read_bytes().startswith(b"\x89PNG")
