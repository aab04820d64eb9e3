"""Releases, diffs between packages, and packages published without article text."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfacts import load
from newsfacts.build.release import first_changed_file
from newsfacts.build.release import release as release_from_seeds
from newsfacts.build.run import build
from newsfacts.cli import app
from newsfacts.errors import NewsfactsError
from newsfacts.package.release import copy_to_releases
from newsfacts.read.diff import diff
from newsfacts.validate.run import validate

from .conftest import DATASET, SEEDS, tree
from .parts import part_file

SOURCES = ["--seeds", str(SEEDS), "--dataset", str(DATASET)]


def test_release_is_written_once_and_never_changed(out: Path, tmp_path: Path) -> None:
    target, new = copy_to_releases(out, tmp_path / "releases")
    assert new and target == tmp_path / "releases" / "0.1.0"
    names = {p.name for p in target.iterdir()}
    assert {
        "newsfacts-0.1.0-csv.zip",
        "newsfacts-0.1.0-parquet.zip",
        "SHA256SUMS",
        "csv",
        "parquet",
    } <= names
    assert copy_to_releases(out, tmp_path / "releases") == (target, False)
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / "second.txt").write_text("Mayor Ana Ruiz said 40 schools would close.\n")
    build(seeds, DATASET, tmp_path / "changed")  # valid, same version, other content
    with pytest.raises(NewsfactsError, match="exists with different content"):
        copy_to_releases(tmp_path / "changed", tmp_path / "releases")


def test_release_command_refuses_an_invalid_build(out: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(out, broken)
    (part_file(broken / "csv", "quotes")).write_text("quote_id\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["release", "--build", str(broken), "--to", str(tmp_path / "r"), *SOURCES]
    )
    assert result.exit_code == 1
    assert "nothing released: csv/quotes/part-000_68207eccf74b6ec5.csv: differs" in result.output
    assert not (tmp_path / "r").exists()
    with pytest.raises(NewsfactsError, match="not valid, nothing released"):
        copy_to_releases(broken, tmp_path / "r")
    assert not (tmp_path / "r").exists()


def test_release_extracts_again_and_releases_only_the_same_bytes(out: Path, tmp_path: Path) -> None:
    """The release command builds the seeds again without the cache, in a temporary folder,
    and releases that build when it is byte for byte --build."""
    result = CliRunner().invoke(
        app, ["release", "--build", str(out), "--to", str(tmp_path / "r"), *SOURCES]
    )
    assert result.exit_code == 0, result.output
    released, built = tree(tmp_path / "r" / "0.1.0"), tree(out)
    zips = {"newsfacts-0.1.0-csv.zip", "newsfacts-0.1.0-parquet.zip"}
    assert released.keys() - built.keys() == zips  # the build's files, and the zips
    assert {n: h for n, h in released.items() if n not in zips | {"SHA256SUMS"}} == {
        n: h for n, h in built.items() if n != "SHA256SUMS"
    }
    listed = (tmp_path / "r" / "0.1.0" / "SHA256SUMS").read_text(encoding="utf-8")
    assert {line.split("  ")[1] for line in listed.splitlines()} == released.keys() - {
        "SHA256SUMS"
    }  # every part file, and each zip, with its sha256: a user can fetch one part
    extra = tmp_path / "extra"
    shutil.copytree(out, extra)
    (extra / "csv" / "notes.txt").write_text("added by hand\n", encoding="utf-8")
    with pytest.raises(NewsfactsError, match=r"nothing released: csv/notes.txt: not produced"):
        release_from_seeds(extra, tmp_path / "r2", SEEDS, DATASET)
    assert not (tmp_path / "r2").exists()
    with pytest.raises(NewsfactsError, match="not a newsfacts build"):
        release_from_seeds(tmp_path / "missing", tmp_path / "r2", SEEDS, DATASET)


def test_a_build_without_text_is_released_with_no_text(tmp_path: Path) -> None:
    build(SEEDS, DATASET, tmp_path / "build", no_text=True)
    with pytest.raises(
        NewsfactsError,
        match=r"nothing released: csv/articles/part-000_68207eccf74b6ec5.csv: differs",
    ):
        release_from_seeds(tmp_path / "build", tmp_path / "r", SEEDS, DATASET)
    target, new = release_from_seeds(tmp_path / "build", tmp_path / "r", SEEDS, DATASET, True)
    built = {n: d for n, d in tree(tmp_path / "build").items() if n != "SHA256SUMS"}
    assert new and {n: d for n, d in tree(target).items() if n in built} == built


def test_the_first_difference_named_is_a_table() -> None:
    changed = ["SHA256SUMS: differs", "csv/datapackage.json: differs", "csv/quotes.csv: differs"]
    assert first_changed_file(changed) == "csv/quotes.csv: differs, and 2 other files"
    assert first_changed_file(["csv/x.txt: missing"]) == "csv/x.txt: missing"


def test_diff_reports_added_removed_and_changed_rows(out: Path, tmp_path: Path, make_seeds) -> None:  # type: ignore[no-untyped-def]
    seeds = make_seeds(
        {
            "000_68207eccf74b6ec5.txt": (SEEDS / "000_68207eccf74b6ec5.txt").read_text(
                encoding="utf-8"
            ),
            "second.txt": "Mayor Ana Ruiz said 40 schools would close.",
        }
    )
    dataset = tmp_path / "dataset"
    shutil.copytree(DATASET, dataset)
    actors = dataset / "actors.yaml"
    actors.write_text(
        actors.read_text(encoding="utf-8").replace("title: Secretary of State", "title: Senator"),
        encoding="utf-8",
    )
    build(seeds, dataset, tmp_path / "new")
    tables = {d.table: d for d in diff(str(out), str(tmp_path / "new"))}
    assert tables["articles"].added == ["second"]
    assert tables["statistics"].added == ["second-s-20-30"]
    assert tables["quotes"].removed == []
    (rubio,) = [c for c in tables["actors"].changed if c.key == "marco-rubio"]
    assert rubio.fields["title"] == ("Secretary of State", "Senator")
    result = CliRunner().invoke(app, ["diff", str(out), str(tmp_path / "new"), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["articles"]["added"] == ["second"]
    result = CliRunner().invoke(app, ["diff", str(out), str(tmp_path / "new"), "--exit-code"])
    assert result.exit_code == 1, result.output  # differ: 1, as git diff --exit-code
    assert "Changed rows" in result.output


def test_diff_of_identical_packages_is_empty(released: Path, out: Path) -> None:
    zipped = str(released / "newsfacts-0.1.0-parquet.zip")
    assert all(d.unchanged for d in diff(str(out), zipped))
    result = CliRunner().invoke(app, ["diff", str(out), zipped, "--exit-code"])
    assert result.exit_code == 0, result.output


def test_published_without_text(tmp_path: Path) -> None:
    build(SEEDS, DATASET, tmp_path / "build", no_text=True)
    tables = load(tmp_path / "build")
    assert tables["articles"]["text"].isna().all()
    assert (
        tables["articles"]["sha256"].notna().all() and (tables["articles"]["char_count"] > 0).all()
    )
    problems = validate(tmp_path / "build")
    assert [p.severity for p in problems] == ["note", "note"]
    assert "spans cannot be checked" in problems[0].message
    result = CliRunner().invoke(app, ["validate", str(tmp_path / "build")])
    assert result.exit_code == 0
    assert "spans cannot be checked" in result.output
    assert "without text" in (tmp_path / "build" / "csv" / "README.md").read_text(encoding="utf-8")


def test_spans_are_checked_against_the_seeds_before_text_is_dropped() -> None:
    from newsfacts.build.actor_ids import Builder
    from newsfacts.build.parallel import extractions
    from newsfacts.build.part_rows import check_spans
    from newsfacts.schema import column
    from newsfacts.sources.curated import load_curated

    (extraction,) = extractions(sorted(SEEDS.glob("*.txt")), load_curated(DATASET), SEEDS.parent)
    rows = Builder().add(extraction)
    check_spans(rows)
    start = column("quotes", "start")
    quote = rows["quotes"][0]
    rows["quotes"][0] = (*quote[:start], quote[start] + 1, *quote[start + 1 :])
    with pytest.raises(NewsfactsError, match="span does not match"):
        check_spans(rows)
