"""Publishing: rows in, CSV and Parquet data packages out.

In: rows in the contract's column order, curated metadata.
Out: both package folders (tables, datapackage.json, card, chart), their zips and SHA256SUMS,
written in a staging folder and swapped in atomically; releases.
- write.py: table files, descriptors, zips and checksums;
- facts.py, tally.py: what the cards and chart need, tallied as rows stream by;
- card.py, chart.py: the dataset card and the quotes-per-speaker chart;
- staging.py: the staging folder, the build lock and the atomic swap;
- release.py: an immutable copy of a validated build under releases/<version>/.
"""
