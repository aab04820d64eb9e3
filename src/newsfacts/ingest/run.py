"""`newsfacts import`: sources in, seeds and articles.yaml entries out, with a summary and a
report line for every record that was not imported."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from newsfacts.errors import NewsfactsError
from newsfacts.ingest.pages import read_html, read_warc
from newsfacts.ingest.write import Staging, existing_articles, import_lock
from newsfacts.sources.record_files import FORMATS, read_records
from newsfacts.sources.records import Accepted, Acceptor, Record, Skipped, field_map
from newsfacts.terminal import one_line

IMPORT_FORMATS = ("auto", "html", "jsonl", "csv", "warc")
OUTCOMES = ("imported", "duplicate", "not an article", "not English", "error")
OnRecord = Callable[[int], None]  # called with the number of records read so far


@dataclass
class ImportSummary:
    counts: Counter[str] = field(default_factory=Counter)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def records(self) -> int:
        return sum(self.counts.values())


def source_format(path: Path, chosen: str) -> str:
    """The format `--format` names, else the one the file's name says."""
    if chosen != "auto":
        return chosen
    name = path.name.lower()
    if path.is_dir() or name.endswith((".html", ".htm")):
        return "html"
    if name.endswith((".warc", ".warc.gz")):
        return "warc"
    if path.suffix.lower() in FORMATS and FORMATS[path.suffix.lower()] != "parquet":
        return FORMATS[path.suffix.lower()]
    raise NewsfactsError(
        f"{path}: cannot tell the format from the name (.html, .htm, a folder, .jsonl, .csv, "
        ".warc, .warc.gz); use --format"
    )


def records_of(
    path: Path, format: str, names: Mapping[str, tuple[str, ...]]
) -> Iterator[Record | Skipped]:
    if format == "html":
        return read_html(path)
    if format == "warc":
        return read_warc(path)
    return read_records(path, format, names)


def import_sources(
    sources: list[Path],
    seeds_dir: Path,
    dataset_dir: Path,
    format: str = "auto",
    mapping: Mapping[str, str] | None = None,
    keep_going: bool = False,
    on_record: OnRecord | None = None,
    report: Path | None = None,
) -> ImportSummary:
    """Import every record of `sources`. Without `keep_going`, the first bad record stops the
    import and nothing is written; with it, the good records land and the bad are reported."""
    names = field_map(mapping or {})
    for path in sources:
        if not path.exists() and not path.is_symlink():
            raise NewsfactsError(f"{path}: not found")
    formats = [source_format(path, format) for path in sources]
    if not dataset_dir.is_dir():
        raise NewsfactsError(f"{dataset_dir}: dataset folder not found (newsfacts init makes one)")
    if report is not None:
        check_report_path(report)
    with import_lock(seeds_dir, dataset_dir):
        acceptor = Acceptor(*existing_articles(seeds_dir, dataset_dir))
        summary = ImportSummary()
        staging = Staging(seeds_dir, dataset_dir)
        try:
            for path, kind in zip(sources, formats, strict=True):
                for outcome in _outcomes(path, kind, names, acceptor):
                    _count(outcome, summary, staging, keep_going)
                    if on_record:
                        on_record(summary.records)
            if report is not None:
                write_report(summary, report)
            staging.commit()
        finally:
            staging.discard()
    return summary


def _count(
    outcome: Accepted | Skipped, summary: ImportSummary, staging: Staging, keep_going: bool
) -> None:
    if isinstance(outcome, Skipped):
        if outcome.reason == "error" and not keep_going:
            raise NewsfactsError(f"{outcome.origin}: {outcome.detail}")
        summary.skipped.append(outcome)
        summary.counts[outcome.reason] += 1
    else:
        staging.add(outcome)
        summary.counts["imported"] += 1


def check_report_path(report: Path) -> None:
    """The report can be written: checked before anything is imported."""
    if report.is_dir():
        raise NewsfactsError(f"{report}: is a folder; --report names a file")
    if not report.parent.is_dir():
        raise NewsfactsError(f"{report.parent}: folder not found (for --report)")


def _outcomes(
    path: Path, kind: str, names: Mapping[str, tuple[str, ...]], acceptor: Acceptor
) -> Iterator[Accepted | Skipped]:
    try:
        for item in records_of(path, kind, names):
            yield item if isinstance(item, Skipped) else acceptor.accept(item)
    except NewsfactsError as error:  # the whole file: unreadable, no text column
        yield Skipped(str(path), "error", str(error).removeprefix(f"{path}: "))


def write_report(summary: ImportSummary, path: Path) -> None:
    """One tab-separated line per record not imported: where it was, why, and detail."""
    lines = ["origin\treason\tdetail\n"]
    lines += [
        f"{one_line(s.origin)}\t{s.reason}\t{one_line(' '.join(s.detail.split()))}\n"
        for s in summary.skipped
    ]
    try:
        path.write_text("".join(lines), encoding="utf-8")
    except OSError as error:
        raise NewsfactsError(
            f"{path}: cannot write the report: {error.strerror or error}"
        ) from None
