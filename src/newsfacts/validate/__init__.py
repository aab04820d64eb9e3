"""Validation of published packages: a registry of checks, and the runner that schedules them.

In: a build folder, a package folder or a descriptor (datapackage.json or another *.json);
any Frictionless data package, checked against the schema/ contract too when it is a
newsfacts one (subjects.py).
Out: a list of `Problem`s (problems.py), empty when the package is valid.
- run.py: `validate`, the entry point: the checks on a thread pool, memory given back;
- schedule.py: which check runs on what, after which, on which thread (from declarations);
- check.py: what a check declares: scope, inputs needed and given; the base classes;
- subjects.py: what checks run on: a package's tables, a package, the pair, the build;
- checks/: one check per file, registered in checks/__init__.py (its docstring lists them);
- table_checks.py, cells.py, key_index.py: Frictionless's table checks compiled into
  vectorised checks over batches (same verdicts as stock Frictionless);
- batches.py: a table's files read in batches, memory flat; files hashed once;
- digests.py: a digest of each table's values, so that equal tables are not read twice;
- spans.py: every span against its article's text;
- same_rows.py: the CSV and Parquet packages hold the same rows, compared row by row;
- problems.py: `Problem`, what and where;
- report.py: the problems for CI: each at its file and line, as JSON, GitHub annotations
  and JUnit XML.
"""
