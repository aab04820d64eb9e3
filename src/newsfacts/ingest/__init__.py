"""Bringing collections in: `newsfacts import` and `newsfacts init`.

In: HTML pages, JSON lines, CSV and WARC files. Out: seeds/<article_id>.txt files and
dataset/articles.yaml entries, staged while the sources are read and moved in at the end: a
bad record leaves seeds/ and dataset/ as they were.
- pages.py: the main text and metadata of an HTML page (trafilatura), and WARC records
  (warcio);
- run.py: every source read, each record accepted or skipped (sources/records.py), the
  summary and the report;
- write.py: the staged seeds and articles.yaml entries, moved in at the end;
- scaffold.py: a new dataset repository (`newsfacts init`).
"""
