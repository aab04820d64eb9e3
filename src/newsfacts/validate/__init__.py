"""Validation of published packages: the compiled Frictionless engine and our contract checks.

In: a build folder, a package folder or a datapackage.json.
Out: a list of `Problem`s (problems.py), empty when the package is valid.
- run.py: which checks run on what, and the report;
- table_checks.py, cells.py, key_index.py: Frictionless's table checks compiled into
  vectorised checks over batches (same verdicts as stock Frictionless);
- batches.py: a table's files read in batches, memory flat;
- spans.py: every span against its article's text;
- same_rows.py, digests.py: the CSV and Parquet packages hold the same rows.
"""
