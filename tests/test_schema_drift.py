"""schema/ is the contract: models, Arrow schema, CSV columns and README cannot drift from it."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import types
import typing
import zipfile
from pathlib import Path

import pytest

from newsfacts import schema
from newsfacts.schema.docs import README_END, README_START, schema_markdown
from newsfacts.schema.models import MODELS

from .conftest import ROOT

PYTHON_TYPES = {"string": str, "integer": int, "number": float, "boolean": bool, "date": dt.date}


def test_schema_folder_holds_one_schema_per_table() -> None:
    files = sorted(p.stem for p in (ROOT / "schema").glob("*.json"))
    assert files == sorted(schema.TABLES)


@pytest.mark.parametrize("table", schema.TABLES)
def test_every_field_has_a_description_and_keys_exist(table: str) -> None:
    descriptor = json.loads((ROOT / "schema" / f"{table}.json").read_text(encoding="utf-8"))
    assert descriptor["description"]
    names = [f["name"] for f in descriptor["fields"]]
    assert all(f["description"] for f in descriptor["fields"])
    assert set(descriptor["primaryKey"]) <= set(names)
    for key in descriptor.get("foreignKeys", []):
        assert set(key["fields"]) <= set(names)
        assert key["reference"]["resource"] in schema.TABLES


def _annotation(model: type, name: str) -> tuple[type, bool]:
    hint = typing.get_type_hints(model)[name]
    args = typing.get_args(hint)
    union = isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union
    nullable = union and type(None) in args
    base = next(a for a in args if a is not type(None)) if nullable else hint
    if typing.get_origin(base) is typing.Literal:
        base = type(typing.get_args(base)[0])
    return base, nullable


@pytest.mark.parametrize("table", schema.TABLES)
def test_models_match_the_schema(table: str) -> None:
    model = MODELS[table]
    fields = schema.fields(table)
    assert list(model.model_fields) == [f["name"] for f in fields]
    for field in fields:
        base, nullable = _annotation(model, field["name"])
        assert base is PYTHON_TYPES[field["type"]], field["name"]
        assert nullable == (not schema.is_required(field)), field["name"]
        enum = field.get("constraints", {}).get("enum")
        if enum:
            hint = typing.get_type_hints(model)[field["name"]]
            literal = next(
                a for a in (hint, *typing.get_args(hint)) if typing.get_origin(a) is typing.Literal
            )
            assert list(typing.get_args(literal)) == enum


def test_readme_tables_are_generated_from_the_schema() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start, end = README_START, README_END
    section = readme.split(start, 1)[1].split(end, 1)[0]
    assert section.strip() == schema_markdown().strip()


@pytest.mark.slow
def test_the_wheel_carries_the_schema(tmp_path: Path) -> None:
    """An installed (not editable) newsfacts reads the same contract as the repository."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = tmp_path.glob("newsfacts-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        for table in schema.TABLES:
            packaged = archive.read(f"newsfacts/_schema/{table}.json")
            assert packaged == (ROOT / "schema" / f"{table}.json").read_bytes()
        assert "newsfacts/lexicons/titles.txt" in archive.namelist()


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [line for line in readme.splitlines() if line.startswith("python3 -m venv")]
    assert len(commands) == 2
    assert commands[0].endswith("newsfacts build")
    assert commands[1].endswith("pytest")
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_span_tables_end_with_their_offsets() -> None:
    """The pipeline orders span records by their last two columns."""
    from newsfacts.schema import SPAN_TABLES

    for table in SPAN_TABLES:
        assert schema.column_names(table)[-2:] == ["start", "end"]


def test_shared_enum_types_are_the_schema_enums() -> None:
    """The enum types that curated files, corrections and gold files share are the contract's."""
    from newsfacts.build.corrections import Entry
    from newsfacts.schema.models import ActorKind, CorrectionAction, QuoteKind, SpanTable

    assert typing.get_args(ActorKind) == schema.enum("actors", "kind")
    assert typing.get_args(QuoteKind) == schema.enum("quotes", "kind")
    assert typing.get_args(CorrectionAction) == schema.enum("corrections", "action")
    assert typing.get_args(SpanTable) == schema.SPAN_TABLES
    entry_actions = {
        typing.get_args(model.model_fields["action"].annotation)[0]
        for model in typing.get_args(typing.get_args(Entry)[0])
    }
    assert entry_actions == set(schema.enum("corrections", "action"))


def test_record_ids_follow_the_id_patterns() -> None:
    import re

    for table in schema.SPAN_TABLES:
        record_id = schema.record_id(table, "an_article-1", 12, 40)
        key = schema.primary_key(table)[0]
        assert re.fullmatch(schema.field(table, key)["constraints"]["pattern"], record_id)
        assert record_id.startswith("an_article-1-") and record_id.endswith("-12-40")
