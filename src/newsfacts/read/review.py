"""Reviewing one article's records: highlighted in the terminal, or as a static HTML page."""

from __future__ import annotations

import html
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import pandas as pd
from rich.console import Group
from rich.table import Table
from rich.text import Text

from newsfacts.errors import NewsfactsError
from newsfacts.read.frames import plain_value
from newsfacts.terminal import one_line, printable_with_offsets

KINDS = ("quotes", "statistics", "mentions")
STYLES = {"quotes": "black on khaki1", "statistics": "black on plum2", "mentions": "bold cyan"}
CSS_COLOURS = {"quotes": "#fff3a0", "statistics": "#f2b8f2", "mentions": "#9fe3f0"}


@dataclass(frozen=True)
class Item:
    """One record of the article, numbered for the reviewer (Q1, S1, M1)."""

    label: str
    kind: str
    start: int
    end: int
    fields: dict[str, Any]


def article_items(tables: dict[str, pd.DataFrame], article_id: str) -> tuple[str, list[Item]]:
    """The article's text and its records in text order, each with a label."""
    articles = tables["articles"].set_index("article_id")
    if article_id not in articles.index:
        known = ", ".join(sorted(articles.index)[:5])
        raise NewsfactsError(f"{article_id}: no such article in the package (e.g. {known})")
    text = articles.loc[article_id, "text"]
    if not isinstance(text, str):
        raise NewsfactsError(f"{article_id}: the package was published without article text")
    names = dict(zip(tables["actors"]["actor_id"], tables["actors"]["name"], strict=True))
    items = []
    for kind in KINDS:
        frame = tables[kind][tables[kind]["article_id"] == article_id].sort_values(["start", "end"])
        for number, row in enumerate(frame.to_dict("records"), start=1):
            fields: dict[str, Any] = {
                str(k): plain_value(v)
                for k, v in row.items()
                if k not in ("article_id", "start", "end")
            }
            for key in ("speaker_actor_id", "actor_id"):
                if fields.get(key):
                    fields[key.removesuffix("_id").removesuffix("_actor")] = names.get(
                        fields[key], fields[key]
                    )
            items.append(
                Item(f"{kind[0].upper()}{number}", kind, int(row["start"]), int(row["end"]), fields)
            )
    return str(text), items


def segments(text: str, items: list[Item]) -> list[tuple[int, int, list[Item]]]:
    """The text cut wherever a record starts or ends, each piece with the records covering it."""
    cuts = sorted({0, len(text), *(i.start for i in items), *(i.end for i in items)})
    pieces = []
    for start, end in pairwise(cuts):
        covering = [i for i in items if i.start <= start and end <= i.end]
        pieces.append((start, end, covering))
    return pieces


def shown(value: Any) -> str:
    """A field as a reader expects it: 83000 rather than 83000.0, nothing for a missing one."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return str(value)


def labelled(text: str, items: list[Item]) -> str:
    """The text with each record's span marked ⟨Q1⟩…⟨/Q1⟩: the labels for a reader of plain
    text (output piped to a file or a pager), where highlights are lost."""
    marks: list[tuple[int, int, str]] = []
    for item in items:
        marks.append((item.start, 1, f"⟨{item.label}⟩"))
        marks.append((item.end, 0, f"⟨/{item.label}⟩"))  # an end before a start at one place
    pieces, position = [], 0
    for offset, _, mark in sorted(marks, key=lambda m: (m[0], m[1])):
        pieces += [text[position:offset], mark]
        position = offset
    return "".join(pieces) + text[position:]


def terminal(text: str, items: list[Item], plain: bool = False) -> Group:
    """The article with its records highlighted (or, `plain`, labelled inline), then a
    numbered table per kind."""
    if plain:
        shown_text, _ = printable_with_offsets(labelled(text, items))
        body = Text(shown_text)
        return Group(body, *_tables(items))
    shown_text, offsets = printable_with_offsets(text)
    body = Text(shown_text)
    for item in sorted(items, key=lambda i: ("mentions", "statistics", "quotes").index(i.kind)):
        body.stylize(STYLES[item.kind], offsets[item.start], offsets[item.end])
    parts: list[Any] = [
        body,
        Text("quotes", style=STYLES["quotes"])
        + Text("  ")
        + Text("statistics", style=STYLES["statistics"])
        + Text("  ")
        + Text("mentions", style=STYLES["mentions"]),
    ]
    return Group(*parts, *_tables(items))


def _tables(items: list[Item]) -> list[Table]:
    tables = []
    for kind in KINDS:
        rows = [i for i in items if i.kind == kind]
        if not rows:
            continue
        table = Table(title=f"{kind} ({len(rows)})")
        columns = [
            "#",
            *[c for c in rows[0].fields if not c.endswith("_id") or c == f"{kind[:-1]}_id"],
        ]
        for column in columns:
            table.add_column(column)
        for item in rows:
            cells = [Text(one_line(shown(item.fields.get(c)))) for c in columns[1:]]
            table.add_row(item.label, *cells)
        tables.append(table)
    return tables


def write_page(path: Path, article_id: str, text: str, items: list[Item]) -> None:
    """Write `page` to `path`; a clear error when it cannot be written."""
    try:
        path.write_text(page(article_id, text, items), encoding="utf-8")
    except OSError as error:
        raise NewsfactsError(f"{path}: cannot write the page ({error.strerror or error})") from None


def page(article_id: str, text: str, items: list[Item]) -> str:
    """A self-contained HTML page: highlights with each record's fields on hover, and tables."""
    marked = []
    for start, end, covering in segments(text, items):
        piece = html.escape(text[start:end]).replace("\n", "<br>\n")
        if not covering:
            marked.append(piece)
            continue
        classes = " ".join(sorted({i.kind for i in covering}))
        hover = html.escape("\n".join(_describe(i) for i in covering), quote=True)
        marked.append(f'<span class="{classes}" title="{hover}">{piece}</span>')
    tables = "\n".join(_html_table(kind, [i for i in items if i.kind == kind]) for kind in KINDS)
    styles = "\n".join(
        f".{kind} {{ background: {colour}; }}" for kind, colour in CSS_COLOURS.items()
    )
    legend = (
        " ".join(f'<span class="{kind}">{kind}</span>' for kind in KINDS)
        + " — hover over a highlight for the record's fields"
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Review of {html.escape(article_id)}</title>
<style>
body {{ font-family: Georgia, serif; margin: 0; display: flex; gap: 2em; }}
article {{ flex: 3; padding: 1.5em; line-height: 1.7; font-size: 17px; }}
aside {{ flex: 2; padding: 1.5em; font-family: sans-serif; font-size: 13px; background: #fafafa; }}
table {{ border-collapse: collapse; margin-bottom: 1.5em; width: 100%; }}
td, th {{ border: 1px solid #ccc; padding: 3px 6px; text-align: left; vertical-align: top; }}
span[title] {{ cursor: help; border-radius: 2px; }}
.mentions {{ box-shadow: inset 0 -2px 0 #1f8fa6; }}
.quotes.mentions, .statistics.mentions {{ box-shadow: inset 0 -2px 0 #1f8fa6; }}
{styles}
</style></head>
<body>
<article><h1>{html.escape(article_id)}</h1>
<p class="legend">{legend}</p>
<p>{"".join(marked)}</p></article>
<aside><h2>Records</h2>
{tables}
</aside>
</body></html>
"""


def _describe(item: Item) -> str:
    fields = ", ".join(
        f"{k}: {shown(v)}" for k, v in item.fields.items() if v is not None and k != "text"
    )
    return f"{item.label} {item.kind[:-1]}: {fields}"


def _html_table(kind: str, rows: list[Item]) -> str:
    if not rows:
        return f"<h3>{kind} (0)</h3>"
    columns = [c for c in rows[0].fields if not c.endswith("_id") or c == f"{kind[:-1]}_id"]
    head = "".join(f"<th>{html.escape(c)}</th>" for c in ["#", *columns])
    body = "".join(
        f'<tr class="{kind}"><td>{item.label}</td>'
        + "".join(f"<td>{html.escape(shown(item.fields.get(c)))}</td>" for c in columns)
        + "</tr>"
        for item in rows
    )
    return f"<h3>{kind} ({len(rows)})</h3><table><tr>{head}</tr>{body}</table>"
