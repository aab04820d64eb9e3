"""Reviewed corrections, kept as data (dataset/corrections.yaml) and applied on every build.

An entry names its target by what a maintainer sees — the table and the record's verbatim
text in an article, or an actor id — so it survives unrelated extractor changes. When its
target is gone, or an added record is now found by the extractor, the build fails naming the
entry ("stale correction"): a correction is never dropped silently. Every record an entry
touches is listed in the corrections table.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, RootModel

from . import models
from .dataset import Strict, load_yaml
from .errors import NewsfactsError
from .pipeline import ALIAS_SEPARATOR, Tables, recount_mentions

RecordTable = Literal["quotes", "statistics", "mentions"]
FIXABLE = {
    "quotes": {"speaker_actor_id", "kind", "cue"},
    "statistics": {"value", "value_max", "object", "unit", "qualifier"},
    "mentions": {"actor_id"},
}
ID_LETTER = {"quotes": "q", "statistics": "s", "mentions": "m"}


class Reject(Strict):
    id: str
    action: Literal["reject"]
    article: str
    table: RecordTable
    text: str


class Fix(Strict):
    id: str
    action: Literal["fix"]
    article: str
    table: RecordTable
    text: str
    set: dict[str, Any]


class Add(Strict):
    id: str
    action: Literal["add"]
    article: str
    table: RecordTable
    text: str
    set: dict[str, Any] = Field(default_factory=dict)


class ActorFields(Strict):
    name: str | None = None
    kind: Literal["person", "organization", "country", "group"] | None = None
    title: str | None = None
    country_code: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")


class FixActor(Strict):
    id: str
    action: Literal["fix_actor"]
    actor: str
    set: ActorFields


class Merge(Strict):
    id: str
    action: Literal["merge"]
    actors: list[str] = Field(min_length=2)  # the first one is kept


class NewActor(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    name: str
    kind: Literal["person", "organization", "country", "group"]


class Split(Strict):
    id: str
    action: Literal["split"]
    actor: str
    article: str
    text: str  # the mentions with this text in the article move to the new actor
    new_actor: NewActor


Entry = Annotated[Reject | Fix | Add | FixActor | Merge | Split, Field(discriminator="action")]


class CorrectionsFile(RootModel[list[Entry]]):
    pass


def load(dataset_dir: Path) -> list[Entry]:
    path = dataset_dir / "corrections.yaml"
    if not path.exists():
        return []
    entries = load_yaml(path, CorrectionsFile, []).root
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        if entry.id in seen:
            raise NewsfactsError(f"{path}: {index}.id: duplicate correction id {entry.id!r}")
        seen.add(entry.id)
    return entries


class Corrector:
    def __init__(self, tables: Tables, source: Path) -> None:
        self.tables: dict[str, list[Any]] = {name: list(rows) for name, rows in tables.items()}
        self.source = source
        self.log: list[models.Correction] = []

    def fail(self, entry: Entry, problem: str) -> NewsfactsError:
        return NewsfactsError(f"{self.source}: correction {entry.id!r}: {problem}")

    def note(
        self, entry: Entry, table: str, record_id: str, article: str | None, detail: str
    ) -> None:
        self.log.append(
            models.Correction(
                correction_id=entry.id,
                action=entry.action,
                record_table=table,  # type: ignore[arg-type]
                record_id=record_id,
                article_id=article,
                detail=detail,
            )
        )

    # -- records -------------------------------------------------------------------

    def article_text(self, entry: Reject | Fix | Add | Split) -> str:
        for article in self.tables["articles"]:
            if article.article_id == entry.article:
                return str(article.text)
        raise self.fail(entry, f"stale correction: article {entry.article!r} is not in the build")

    def find(self, entry: Reject | Fix) -> int:
        self.article_text(entry)
        rows = [
            i
            for i, r in enumerate(self.tables[entry.table])
            if r.article_id == entry.article and r.text == entry.text
        ]
        if not rows:
            raise self.fail(
                entry,
                f"stale correction: no {entry.table} record with text "
                f"{entry.text!r} in article {entry.article} any more",
            )
        if len(rows) > 1:
            raise self.fail(entry, f"{len(rows)} {entry.table} records have text {entry.text!r}")
        return rows[0]

    def reject(self, entry: Reject) -> None:
        record = self.tables[entry.table].pop(self.find(entry))
        self.note(entry, entry.table, _record_id(record), entry.article, f"rejected: {entry.text}")

    def fix(self, entry: Fix) -> None:
        index = self.find(entry)
        changes = self.checked_fields(entry, entry.set)
        record = self.tables[entry.table][index]
        detail = "; ".join(f"{k}: {getattr(record, k)!r} -> {v!r}" for k, v in changes.items())
        self.tables[entry.table][index] = model_update(record, changes)
        self.note(entry, entry.table, _record_id(record), entry.article, detail)

    def add(self, entry: Add) -> None:
        text = self.article_text(entry)
        start = text.find(entry.text)
        if start < 0:
            raise self.fail(entry, f"text {entry.text!r} is not in article {entry.article}")
        if text.find(entry.text, start + 1) >= 0:
            raise self.fail(
                entry, f"text {entry.text!r} occurs more than once in article {entry.article}"
            )
        end = start + len(entry.text)
        record_id = f"{entry.article}-{ID_LETTER[entry.table]}-{start}-{end}"
        if any(_record_id(r) == record_id for r in self.tables[entry.table]):
            raise self.fail(
                entry, f"stale correction: the extractor now finds {record_id}; remove the entry"
            )
        fields = {**self.defaults(entry), **self.checked_fields(entry, entry.set)}
        model = models.MODELS[entry.table]
        id_field = (
            f"{entry.table.removesuffix('s')}_id" if entry.table != "statistics" else "statistic_id"
        )
        record = model(
            **{
                id_field: record_id,
                "article_id": entry.article,
                "text": entry.text,
                "start": start,
                "end": end,
                **fields,
            }
        )
        self.tables[entry.table].append(record)
        self.note(entry, entry.table, record_id, entry.article, f"added: {entry.text}")

    def defaults(self, entry: Add) -> dict[str, Any]:
        if entry.table == "quotes":
            return {"speaker_actor_id": None, "kind": "direct", "cue": None}
        if entry.table == "statistics":
            return {
                "value": 0.0,
                "value_max": None,
                "object": None,
                "unit": None,
                "qualifier": "exact",
            }
        return {"actor_id": ""}

    def checked_fields(self, entry: Fix | Add, values: dict[str, Any]) -> dict[str, Any]:
        allowed = FIXABLE[entry.table]
        aliases = {"speaker": "speaker_actor_id", "actor": "actor_id"}
        fields = {aliases.get(k, k): v for k, v in values.items()}
        unknown = sorted(set(fields) - allowed)
        if unknown:
            raise self.fail(
                entry,
                f"set.{unknown[0]}: cannot be set on {entry.table} ({', '.join(sorted(allowed))})",
            )
        for key in ("speaker_actor_id", "actor_id"):
            if fields.get(key) and not self.actor_exists(fields[key]):
                raise self.fail(entry, f"set.{key}: no actor {fields[key]!r}")
        return fields

    # -- actors --------------------------------------------------------------------

    def actor_exists(self, actor_id: str) -> bool:
        return any(a.actor_id == actor_id for a in self.tables["actors"])

    def actor_index(self, entry: Entry, actor_id: str) -> int:
        for i, actor in enumerate(self.tables["actors"]):
            if actor.actor_id == actor_id:
                return i
        raise self.fail(entry, f"stale correction: no actor {actor_id!r} in the build any more")

    def fix_actor(self, entry: FixActor) -> None:
        index = self.actor_index(entry, entry.actor)
        changes = entry.set.model_dump(exclude_none=True)
        actor = self.tables["actors"][index]
        self.tables["actors"][index] = model_update(actor, changes)
        detail = "; ".join(f"{k}: {getattr(actor, k)!r} -> {v!r}" for k, v in changes.items())
        self.note(entry, "actors", entry.actor, None, detail)

    def merge(self, entry: Merge) -> None:
        keep, *others = entry.actors
        self.actor_index(entry, keep)
        for other in others:
            removed = self.tables["actors"].pop(self.actor_index(entry, other))
            index = self.actor_index(entry, keep)
            kept = self.tables["actors"][index]
            aliases = sorted({*_aliases(kept), *_aliases(removed), removed.name} - {kept.name})
            self.tables["actors"][index] = model_update(
                kept, {"aliases": ALIAS_SEPARATOR.join(aliases) or None}
            )
            self.repoint(other, keep)
            self.note(entry, "actors", other, None, f"merged into {keep}")

    def split(self, entry: Split) -> None:
        self.actor_index(entry, entry.actor)
        if self.actor_exists(entry.new_actor.id):
            raise self.fail(entry, f"new_actor.id: actor {entry.new_actor.id!r} exists already")
        moved = [
            i
            for i, m in enumerate(self.tables["mentions"])
            if m.actor_id == entry.actor and m.article_id == entry.article and m.text == entry.text
        ]
        if not moved:
            raise self.fail(
                entry,
                f"stale correction: no mention {entry.text!r} of {entry.actor} "
                f"in article {entry.article} any more",
            )
        new = entry.new_actor
        self.tables["actors"].append(
            models.Actor(
                actor_id=new.id,
                name=new.name,
                kind=new.kind,
                title=None,
                country_code=None,
                aliases=None,
                unnamed=False,
                article_id=None,
                registered=False,
                mention_count=0,
            )
        )
        for i in moved:
            mention = self.tables["mentions"][i]
            self.tables["mentions"][i] = model_update(mention, {"actor_id": new.id})
            self.note(
                entry, "mentions", mention.mention_id, entry.article, f"{entry.actor} -> {new.id}"
            )

    def repoint(self, old: str, new: str) -> None:
        for name, key in (("mentions", "actor_id"), ("quotes", "speaker_actor_id")):
            self.tables[name] = [
                model_update(r, {key: new}) if getattr(r, key) == old else r
                for r in self.tables[name]
            ]

    # -- all -----------------------------------------------------------------------

    def apply(self, entries: list[Entry]) -> Tables:
        for entry in entries:
            getattr(self, entry.action)(entry)
        rows = dict(self.tables)
        for name in ("mentions", "quotes", "statistics"):
            rows[name] = sorted(rows[name], key=lambda r: (r.article_id, r.start, r.end))
        rows["actors"] = sorted(rows["actors"], key=lambda a: a.actor_id)
        rows["corrections"] = list(self.log)
        return recount_mentions(rows)


def model_update(record: Any, changes: dict[str, Any]) -> Any:
    """A validated copy of a record with some fields changed."""
    return type(record).model_validate({**record.model_dump(), **changes})


def _record_id(record: Any) -> str:
    for name in ("quote_id", "statistic_id", "mention_id", "actor_id"):
        if hasattr(record, name):
            return str(getattr(record, name))
    raise AssertionError(record)


def _aliases(actor: models.Actor) -> set[str]:
    return set((actor.aliases or "").split(ALIAS_SEPARATOR)) - {""}


def apply(tables: Tables, dataset_dir: Path) -> Tables:
    """The tables with every entry of dataset/corrections.yaml applied, in file order."""
    entries = load(dataset_dir)
    if not entries:
        return tables
    return Corrector(tables, dataset_dir / "corrections.yaml").apply(entries)
