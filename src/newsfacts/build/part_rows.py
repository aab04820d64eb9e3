"""One part's rows from its extractions and its resolved actor ids: actor ids put in,
corrections applied, the text left out with --no-text; and what the part adds to the
package's facts and to the corrections table. Plain data in and out: nothing shared."""

from __future__ import annotations

from newsfacts.build.actor_ids import DatasetActor
from newsfacts.build.corrections import Corrector
from newsfacts.build.parts import LogRow, OwnActor, Reference
from newsfacts.build.rows import MENTION_ACTOR, QUOTE_SPEAKER, ArticleExtraction
from newsfacts.errors import NewsfactsError
from newsfacts.package.facts import PartFacts
from newsfacts.schema import SPAN_TABLES, Row, Rows, column


def article_rows(
    extraction: ArticleExtraction,
    ids: dict[str, str],
    corrector: Corrector,
    facts: PartFacts,
    no_text: bool,
) -> Rows:
    """An article's rows, ready to write, given its actor keys' ids; `facts` tallies them and
    `corrector` (its part's: Corrector.for_articles) logs the corrections it applies."""
    rows = corrector.article(with_actor_ids(extraction.rows, ids))
    if no_text:
        check_spans(rows)
        rows = without_text(rows)
    facts.add(rows)
    return rows


def with_actor_ids(rows: Rows, ids: dict[str, str]) -> Rows:
    """An article's rows with its actor keys replaced by dataset-wide actor ids."""
    return {
        **rows,
        "mentions": [_with(r, MENTION_ACTOR, ids[r[MENTION_ACTOR]]) for r in rows["mentions"]],
        "quotes": [
            _with(r, QUOTE_SPEAKER, ids[r[QUOTE_SPEAKER]]) if r[QUOTE_SPEAKER] else r
            for r in rows["quotes"]
        ],
    }


def _with(row: Row, index: int, value: object) -> Row:
    return (*row[:index], value, *row[index + 1 :])


def check_spans(rows: Rows) -> None:
    """Every record's text is its article's text[start:end] (as validate checks a package)."""
    texts = {r[ARTICLE_ID]: r[ARTICLE_TEXT] or "" for r in rows["articles"]}
    for table in SPAN_TABLES:
        columns = [column(table, c) for c in ("article_id", "start", "end", "text")]
        for row in rows[table]:
            article_id, start, end, value = (row[i] for i in columns)
            if texts[article_id][start:end] != value:
                where = f"{article_id} [{start}:{end}]"
                raise NewsfactsError(f"{table}: {where}: span does not match the article text")


def without_text(rows: Rows) -> Rows:
    articles = [(*r[:ARTICLE_TEXT], None, *r[ARTICLE_TEXT + 1 :]) for r in rows["articles"]]
    return {**rows, "articles": articles}


ARTICLE_ID, ARTICLE_TEXT = column("articles", "article_id"), column("articles", "text")


def own_actor_values(actor: DatasetActor) -> OwnActor:
    return (
        actor.actor_id,
        actor.name,
        actor.kind,
        actor.title,
        actor.country_code,
        actor.unnamed,
        actor.article_id,
        actor.registered,
        sorted(actor.aliases),
    )


def own_actor(values: OwnActor) -> DatasetActor:
    actor_id, name, kind, title, country_code, unnamed, article_id, registered, aliases = values
    return DatasetActor(
        actor_id, name, kind, title, country_code, unnamed, article_id, registered, set(aliases)
    )


def corrections_of(corrector: Corrector) -> tuple[list[LogRow], list[Reference]]:
    """What a part's corrector logged: its rows of the corrections table, in order, and the
    actor ids its entries name (checked once every part is in)."""
    rows = [row for _, _, row in corrector.log]  # in the order they were logged
    references = [(entry.id, key, actor_id) for entry, key, actor_id in corrector.actor_references]
    return rows, references
