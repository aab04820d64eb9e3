"""Actor ids part by part: each part's named actors as claims, resolved to dataset-wide ids
in article order, giving the ids that adding the articles one after the other would give
(actor_ids.Builder).

A named actor's id is its registry id, or the slug of its name; a slug already taken by an
unregistered actor of another kind gets "-<kind>" (Georgia the country, Georgia a person):
the kind first seen in article order keeps the plain slug. So a part's ids depend on the
parts before it only through which ids they created, with which kind. A part is summed up
as its claims: one per distinct (slug or registry id, kind, ...) in order of first
appearance, each with the positions of its first title and country, so that merging the
claims of every part gives the same actors as merging every article's actors in turn.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from newsfacts.build.actor_ids import ArticleActorStore, DatasetActor, new_actor
from newsfacts.build.rows import ArticleExtraction
from newsfacts.extract.actors import ArticleActor, slug
from newsfacts.package.tally import Tally
from newsfacts.schema import Row

NONE = -1  # a claim's position of a title or country it never has


class Claim(NamedTuple):
    """The actors of a part that resolve alike (same base, kind and registration), merged in
    article order. Positions count the part's named actors in article order."""

    base: str  # the registry id, or the slug of the name
    kind: str
    registered: bool
    unnamed: bool
    article_id: str | None  # an unnamed registered actor's article
    name: str
    title: str | None  # the first non-empty title, else the first actor's own
    title_at: int  # where the first non-empty title came, or NONE
    country_code: str | None
    country_at: int
    aliases: list[str]  # sorted
    first: int  # where the first of these actors came


class PartActors:
    """A part's actors as its articles come in article order: named actors merged into
    claims, each claim's id resolved when the claim first comes (as NamedActors.resolve
    resolves a whole part's: from the parts before and the claims before it), and the
    actors that belong to one article (unnamed). No article is held: a part's rows are
    written as they come."""

    def __init__(self, named: NamedActors) -> None:
        self.named = named
        self.grouping = _Grouping()
        self.ids: list[str] = []  # each claim's id
        self.created: dict[str, tuple[str, bool]] = {}  # ids the part creates: kind, registered
        self.own: list[DatasetActor] = []

    def article(self, extraction: ArticleExtraction) -> dict[str, str]:
        """The next article's actor keys -> their dataset-wide ids."""
        ids: dict[str, str] = {}
        own: dict[str, str] = {}
        mine: dict[str, DatasetActor] = {}
        for actor in extraction.actors:
            if actor.unnamed and not actor.registry_id:
                own[actor.key] = _own(actor, extraction.article_id, mine)
                continue
            claim = self.grouping.add(actor, extraction.article_id)
            if claim == len(self.ids):  # a new claim
                base, kind, registered, *_ = self.grouping.order[claim]
                self.ids.append(self.named.resolve_one(base, kind, registered, self.created))
            ids[actor.key] = self.ids[claim]
        self.own += mine.values()
        return ids | own

    def claims(self) -> list[Claim]:
        return self.grouping.claims()


def _own(actor: ArticleActor, article_id: str, mine: dict[str, DatasetActor]) -> str:
    """An unnamed actor's id (its slug has no "--": it never clashes with a named actor)."""
    actor_id = f"{article_id.lower()}--{slug(actor.name)}"
    if actor_id not in mine:
        mine[actor_id] = new_actor(actor_id, actor, article_id)
    mine[actor_id].merge(actor)
    return actor_id


@dataclass
class _Draft:
    """A claim while its part's actors come in."""

    number: int
    name: str
    title: str | None
    country_code: str | None
    first: int
    title_at: int = NONE
    country_at: int = NONE
    aliases: set[str] = field(default_factory=set)

    def merge(self, actor: ArticleActor, position: int) -> None:
        if actor.title and self.title_at == NONE:
            self.title, self.title_at = actor.title, position
        if actor.country_code and self.country_at == NONE:
            self.country_code, self.country_at = actor.country_code, position
        self.aliases |= actor.aliases


ClaimKey = tuple[str, str, bool, bool, str | None]  # base, kind, registered, unnamed, article


class _Grouping:
    """Named actors merged into claims as they come."""

    def __init__(self) -> None:
        self.drafts: dict[ClaimKey, _Draft] = {}
        self.order: list[ClaimKey] = []  # the claims' keys by number
        self.position = 0

    def add(self, actor: ArticleActor, article_id: str) -> int:
        """The number of the actor's claim."""
        base = actor.registry_id or slug(actor.name)
        registered = actor.registry_id is not None
        key = (base, actor.kind, registered, actor.unnamed, article_id if actor.unnamed else None)
        draft = self.drafts.get(key)
        if draft is None:
            draft = self.drafts[key] = _Draft(
                len(self.drafts), actor.name, actor.title, actor.country_code, self.position
            )
            self.order.append(key)
        draft.merge(actor, self.position)
        self.position += 1
        return draft.number

    def claims(self) -> list[Claim]:
        return [
            Claim(
                *key,
                name=d.name,
                title=d.title,
                title_at=d.title_at,
                country_code=d.country_code,
                country_at=d.country_at,
                aliases=sorted(d.aliases),
                first=d.first,
            )
            for key, d in self.drafts.items()
        ]


class NamedActors:
    """The dataset's named actors, merged from the parts' claims in part order."""

    def __init__(self) -> None:
        self.actors: dict[str, DatasetActor] = {}
        self.title_from: dict[str, tuple[int, int]] = {}  # actor id -> (part, position)
        self.country_from: dict[str, tuple[int, int]] = {}

    def resolve(self, claims: Sequence[Claim]) -> list[str]:
        """The id of each claim of the next part, given the parts added so far (nothing is
        added: `add` does)."""
        created: dict[str, tuple[str, bool]] = {}
        return [self.resolve_one(c.base, c.kind, c.registered, created) for c in claims]

    def resolve_one(
        self, base: str, kind: str, registered: bool, created: dict[str, tuple[str, bool]]
    ) -> str:
        """The id of the next claim of a part, given the parts added so far and the ids the
        part's claims before it created (`created`: id -> kind, registered; updated)."""
        actor_id = base
        if not registered:
            known = created.get(actor_id) or self._kind_of(actor_id)
            if known and known[0] != kind and not known[1]:
                actor_id = f"{actor_id}-{kind}"  # Georgia the country, Georgia a person
        if actor_id not in self.actors:
            created.setdefault(actor_id, (kind, registered))
        return actor_id

    def _kind_of(self, actor_id: str) -> tuple[str, bool] | None:
        known = self.actors.get(actor_id)
        return (known.kind, known.registered) if known else None

    def add(self, part: int, claims: Sequence[Claim], ids: Sequence[str]) -> None:
        """Merge the claims of part number `part` (the next one) under their resolved ids."""
        for claim, actor_id in zip(claims, ids, strict=True):
            actor = self.actors.get(actor_id)
            if actor is None:
                actor = self.actors[actor_id] = DatasetActor(
                    actor_id,
                    claim.name,
                    claim.kind,
                    claim.title if claim.title_at in (NONE, claim.first) else None,
                    claim.country_code if claim.country_at in (NONE, claim.first) else None,
                    claim.unnamed,
                    claim.article_id,
                    claim.registered,
                )
            actor.aliases.update(claim.aliases)
            if claim.title_at != NONE and _earlier(
                (part, claim.title_at), self.title_from, actor_id
            ):
                actor.title = claim.title
            if claim.country_at != NONE and _earlier(
                (part, claim.country_at), self.country_from, actor_id
            ):
                actor.country_code = claim.country_code

    def actor_rows(self, own: ArticleActorStore, mention_counts: Tally) -> Iterator[Row]:
        """Every actor's row, named and own, sorted by actor_id (a new iterator each call)."""
        named = (actor for _, actor in sorted(self.actors.items()))
        every = heapq.merge(named, own.sorted(), key=lambda actor: actor.actor_id)
        counts = mention_counts.sorted_counts()  # in the same order: joined as they come
        counted, count = next(counts, (None, 0))
        for actor in every:
            while counted is not None and counted < actor.actor_id:
                counted, count = next(counts, (None, 0))
            yield actor.row(count if counted == actor.actor_id else 0)


def _earlier(position: tuple[int, int], taken: dict[str, tuple[int, int]], actor_id: str) -> bool:
    """Whether `position` comes before the one the actor's value was taken from (and take it)."""
    if actor_id in taken and taken[actor_id] <= position:
        return False
    taken[actor_id] = position
    return True
