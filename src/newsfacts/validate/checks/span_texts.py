"""Every span's text is its article's text between its offsets.

In: a package's articles table (texts) and span tables. Out: one problem per span whose
`articles.text[start:end]` is not its `text` (spans.py), a note counting articles published
without text, or "cannot read the tables" (then Package.tables_read turns False).
"""

from __future__ import annotations

from collections.abc import Iterator

import pyarrow as pa

from newsfacts.schema import SPAN_TABLES
from newsfacts.validate.check import Input, PackageCheck
from newsfacts.validate.problems import Problem
from newsfacts.validate.spans import span_problems
from newsfacts.validate.subjects import Package

SPAN_INPUTS = ("articles", *SPAN_TABLES)


class SpanTexts(PackageCheck):
    """articles.text[start:end] equals each span record's text, in every span table (a
    package without the articles or a span table has nothing to check)."""

    needs = (Input.DESCRIPTOR, Input.ARTICLE_TEXTS)
    gives = (Input.TABLES_READ,)
    decided_by_tables = SPAN_INPUTS

    def problems(self, subject: Package) -> Iterator[Problem]:
        if not set(SPAN_INPUTS) <= subject.tables.keys():
            return
        try:
            found = span_problems(subject.name, subject.folder, subject.tables)
        except (OSError, ValueError, KeyError, pa.ArrowException) as error:
            subject.tables_read = False
            yield Problem(subject.name, "", None, None, f"cannot read the tables: {error}")
            return
        yield from found
