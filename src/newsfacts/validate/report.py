"""A validation's problems as CI tools read them: where each is (file and line), as JSON, as
GitHub workflow annotations, and as JUnit XML.

In: a `Report` (run.py). Out: `located` (each problem's file and line), `as_json` (the shape
REPORT_VERSION, documented in README.md), `github_annotations`, `junit_xml`.

Where a problem is: a table's problem is in the table's file, at the line where its row
starts when the file is a CSV (Frictionless counts rows from the header, row 1, and a quoted
cell may hold line breaks, so the line is counted, not assumed); any other problem of a
package is in its descriptor; the build folder's in SHA256SUMS or the zip concerned.
"""

from __future__ import annotations

import csv
import os
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsfacts.terminal import one_line
from newsfacts.validate.problems import Problem
from newsfacts.validate.run import Report
from newsfacts.validate.subjects import Package

REPORT_VERSION = 1  # of the JSON shape: a field is only ever added within a version
BUILD_SUITE = "build"  # the JUnit test suite of the build folder's and the pair's checks


@dataclass(frozen=True)
class Located:
    problem: Problem
    file: str | None  # relative to the working directory when inside it
    line: int | None  # 1-based line of a CSV row; None for a whole file or a Parquet row


def shown(path: Path) -> str:
    """A path relative to the working directory when inside it (as GitHub and CI want)."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()


def csv_lines(path: Path, rows: Iterable[int]) -> dict[int, int]:
    """The line where each of `rows` starts (row 1 is the header, as Frictionless counts)."""
    wanted = set(rows)
    lines: dict[int, int] = {}
    if not wanted:
        return lines
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            start = 1
            for row, _ in enumerate(reader, start=1):
                if row in wanted:
                    lines[row] = start
                    if len(lines) == len(wanted):
                        break
                start = reader.line_num + 1
    except (OSError, UnicodeDecodeError, csv.Error):
        pass  # a file that cannot be read: its problems point at the file alone
    return lines


def resource_file(package: Package, table: str) -> Path | None:
    resource = package.tables.get(table)
    relative = resource.get("path") if resource else None
    if isinstance(relative, list):  # a multipart resource: rows are numbered across its parts
        relative = relative[0] if len(relative) == 1 else None
    return package.folder / relative if isinstance(relative, str) and relative else None


def problem_file(report: Report, problem: Problem) -> Path:
    """The file a problem is about (the module docstring says how)."""
    packages = {package.name: package for package in report.packages}
    package = packages.get(problem.package)
    if package is not None:
        return resource_file(package, problem.table) or package.descriptor_path
    folder = report.subjects.build.folder if report.subjects.build else report.path
    if problem.package == "csv/parquet" and "csv" in packages:  # CSV = Parquet: the CSV file
        return resource_file(packages["csv"], problem.table) or folder
    return folder / problem.package  # SHA256SUMS, or a zip


def located(report: Report) -> list[Located]:
    files = [problem_file(report, problem) for problem in report.problems]
    rows: dict[Path, set[int]] = {}
    for path, problem in zip(files, report.problems, strict=True):
        if path.suffix == ".csv" and problem.row is not None:
            rows.setdefault(path, set()).add(problem.row)
    lines = {path: csv_lines(path, wanted) for path, wanted in rows.items()}
    return [
        Located(problem, shown(path), lines.get(path, {}).get(problem.row or 0))
        for path, problem in zip(files, report.problems, strict=True)
    ]


def as_json(report: Report) -> dict[str, Any]:
    """The JSON report (README.md, "Validation reports", documents the shape)."""
    failures = [p for p in report.problems if p.severity == "error"]
    return {
        "version": REPORT_VERSION,
        "path": str(report.path),
        "valid": not failures,
        "packages": [
            {"name": p.name, "descriptor": shown(p.descriptor_path), "contract": p.contract}
            for p in report.packages
        ],
        "problems": [
            {
                "severity": found.problem.severity,
                "check": found.problem.check,
                "package": found.problem.package,
                "table": found.problem.table,
                "row": found.problem.row,
                "field": found.problem.field or None,
                "message": found.problem.message,
                "file": found.file,
                "line": found.line,
            }
            for found in located(report)
        ],
    }


def property_value(value: str, escape: Callable[[str], str]) -> str:
    """A workflow command's property: its message escapes, and ":" and "," too."""
    return escape(value).replace(":", "%3A").replace(",", "%2C")


def github_annotations(report: Report, escape: Callable[[str], str]) -> list[str]:
    """One workflow command per problem, attached to its file and line. `escape` makes a
    message safe as a workflow command's data (the CLI's workflow_data)."""
    commands = []
    for found in located(report):
        problem = found.problem
        level = "error" if problem.severity == "error" else "notice"
        where = [f"file={property_value(found.file or '', escape)}"]
        if found.line is not None:
            where.append(f"line={found.line}")
        title = property_value(f"newsfacts validate: {problem.check}", escape)
        commands.append(f"::{level} {','.join(where)},title={title}::{escape(str(problem))}")
    return commands


def suite_of(report: Report, problem: Problem) -> str:
    """The JUnit test suite a problem belongs to: "<package>/<table>" for a table's,
    "<package>/<descriptor>" for the rest of a package's, BUILD_SUITE for the build's."""
    packages = {package.name: package for package in report.packages}
    package = packages.get(problem.package)
    if package is None:
        return BUILD_SUITE
    table = problem.table if problem.table in package.tables else package.descriptor_name
    return f"{package.name}/{table}"


def junit_suites(report: Report) -> dict[str, list[str]]:
    """Each test suite and its test cases (the checks that ran there), in report order."""
    suites: dict[str, list[str]] = {}
    for package in report.packages:
        checks = report.checks_run.get(package.name, [])
        for table in [*package.tables, package.descriptor_name]:
            suites[f"{package.name}/{table}"] = checks
    if report.checks_run.get(""):
        suites[BUILD_SUITE] = report.checks_run[""]
    return suites


def junit_xml(report: Report) -> str:
    """JUnit XML: a test suite per resource (and per descriptor, and the build folder), a
    test case per check, a failure holding each problem the check found there."""
    found: dict[tuple[str, str], list[Located]] = {}
    for item in located(report):
        if item.problem.severity == "error":
            key = (suite_of(report, item.problem), item.problem.check)
            found.setdefault(key, []).append(item)
    root = ET.Element("testsuites", name="newsfacts validate")
    total = failed = 0
    for suite_name, checks in junit_suites(report).items():
        suite = ET.SubElement(root, "testsuite", name=suite_name)
        failures = 0
        for check in checks:
            case = ET.SubElement(suite, "testcase", classname=suite_name, name=check)
            problems = found.get((suite_name, check), [])
            if problems:
                failures += 1
                first = problems[0]
                if first.file:
                    case.set("file", first.file)
                if first.line is not None:
                    case.set("line", str(first.line))
                message = one_line(str(first.problem))  # XML holds no control characters
                failure = ET.SubElement(case, "failure", message=message, type=check)
                failure.text = "\n".join(located_text(item) for item in problems)
        suite.set("tests", str(len(checks)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        total, failed = total + len(checks), failed + failures
    root.set("tests", str(total))
    root.set("failures", str(failed))
    root.set("errors", "0")
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def located_text(item: Located) -> str:
    where = item.file or ""
    if item.line is not None:
        where += f":{item.line}"
    return one_line(f"{where}: {item.problem}" if where else str(item.problem))
