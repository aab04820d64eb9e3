"""The YAML a maintainer writes is read strictly: no aliases, no duplicate keys, no tags that
build objects, a size limit (issue [2/6], attacks on dataset/*.yaml)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from newsfacts.errors import NewsfactsError
from newsfacts.sources import yaml_files
from newsfacts.sources.curated import load_curated
from newsfacts.sources.yaml_files import read_yaml

from .conftest import DATASET

ALIAS_BOMB = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    folder = tmp_path / "dataset"
    shutil.copytree(DATASET, folder)
    return folder


def test_an_alias_bomb_is_refused_at_once_naming_the_line(dataset: Path) -> None:
    (dataset / "corrections.yaml").write_text(ALIAS_BOMB, encoding="utf-8")
    with pytest.raises(
        NewsfactsError, match=r"corrections\.yaml: line 1: .*aliases are not allowed"
    ):
        from newsfacts.build.corrections import load_corrections

        load_corrections(dataset)


@pytest.mark.parametrize(
    "text",
    [
        "first: &x {name: A}\nsecond: {k: *x}\n",  # an alias inside a nested mapping
        "- &x [1]\n- *x\n",
    ],
)
def test_every_alias_is_refused(tmp_path: Path, text: str) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(NewsfactsError, match="aliases"):
        read_yaml(path)


def test_a_duplicate_key_names_its_line(dataset: Path) -> None:
    text = (dataset / "dataset.yaml").read_text(encoding="utf-8")
    (dataset / "dataset.yaml").write_text(text + "version: 9.9.9\n", encoding="utf-8")
    line = text.count("\n") + 1
    with pytest.raises(
        NewsfactsError, match=rf"dataset\.yaml: line {line}: .*duplicate key 'version'"
    ):
        load_curated(dataset)


def test_a_python_tag_builds_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path = tmp_path / "f.yaml"
    path.write_text(f"x: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    with pytest.raises(NewsfactsError, match="malformed YAML"):
        read_yaml(path)
    assert not marker.exists()


def test_a_file_over_the_limit_is_refused_before_it_is_parsed(
    dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yaml_files, "MAX_YAML_BYTES", 1_000)
    (dataset / "actors.yaml").write_text(
        "- {id: a, name: A, kind: person}\n" * 100, encoding="utf-8"
    )
    with pytest.raises(
        NewsfactsError, match=r"actors\.yaml: too large \(3,300 bytes; the limit is 1,000\)"
    ):
        load_curated(dataset)


def test_the_c_loader_is_used_where_the_machine_has_it() -> None:
    import yaml

    if getattr(yaml, "__with_libyaml__", False):
        assert issubclass(yaml_files.StrictLoader, yaml.CSafeLoader)
    else:
        assert issubclass(yaml_files.StrictLoader, yaml.SafeLoader)


def test_plain_yaml_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("a: 1\nb: [x, y]\nc: {d: e}\n", encoding="utf-8")
    assert read_yaml(path) == {"a": 1, "b": ["x", "y"], "c": {"d": "e"}}


@pytest.mark.parametrize(
    "text, problem",
    [
        ("a: 1\n<<: {a: 2, b: 3}\n", "merge keys"),
        ("<<: [{x: 1}, {x: 2}]\n", "merge keys"),
        ("base: &b {a: 1}\nmerged:\n  <<: *b\n", "merge keys"),
        ("yes: 1\ntrue: 2\n", "duplicate key 'true'"),
        ("~: 1\nnull: 2\n", "duplicate key 'null'"),
        ("1: a\n0x1: b\n", "duplicate key '0x1'"),
        ("s: !!set {a, b}\n", "tag:yaml.org,2002:set"),
        ("b: !!binary aGVsbG8=\n", "tag:yaml.org,2002:binary"),
        ("o: !!omap [{a: 1}]\n", "tag:yaml.org,2002:omap"),
    ],
)
def test_keys_that_read_the_same_and_values_that_are_not_plain_are_refused(
    tmp_path: Path, text: str, problem: str
) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(NewsfactsError, match=re.escape(problem)):
        read_yaml(path)
