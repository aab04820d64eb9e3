"""Nothing lost: odd input is normalised, bad input is refused in one line, and a killed,
full-disk or concurrent build never leaves a half-written build/ behind."""

from __future__ import annotations

import errno
import hashlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfacts import load
from newsfacts.build.run import build
from newsfacts.cli import app
from newsfacts.errors import NewsfactsError
from newsfacts.package import staging, write
from newsfacts.sources.seeds import MAX_ARTICLE_BYTES
from newsfacts.validate.run import validate

from .conftest import DATASET, SEED_ARTICLE, tree

SEED_TEXT = SEED_ARTICLE.read_text(encoding="utf-8")


def run_build(seeds: Path, out: Path, *options: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        app,
        ["build", "--seeds", str(seeds), "--dataset", str(DATASET), "--out", str(out), *options],
    )
    return result.exit_code, result.output


# -- odd but valid input -------------------------------------------------------------------

ODD_BUT_VALID = {
    "only_quotation_marks": '“ ” " \' ‘ ’ « »\n"""\n“““”””',
    "nested_and_mismatched": "“She said ‘no “never” and left,” he said. ‘Odd” marks “everywhere'.\n“Unclosed",
    "right_to_left": "قال الرئيس إن 40 شخصاً أصيبوا.\nאמר השר כי 12 בתים נהרסו.",
    "emoji": "Fans 🎉 cheered as 3,000 🏃 runners finished, organisers said 😀.\n“Great day 🌞,” Mayor Ana Ruiz said.",
    "one_long_line": (
        "Officials said 40 schools would close. “We will reopen soon,” Mayor Ana Ruiz said. "
        * 12_000
    ),
}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.slow) if n == "one_long_line" else n
        for n in sorted(ODD_BUT_VALID)
    ],
)
def test_odd_but_valid_articles_build_and_validate(name: str, tmp_path: Path, make_seeds) -> None:  # type: ignore[no-untyped-def]
    seeds = make_seeds({f"{name}.txt": ODD_BUT_VALID[name]})
    code, output = run_build(seeds, tmp_path / "build")
    assert code == 0, output
    assert [p for p in validate(tmp_path / "build") if p.severity == "error"] == []


def test_bom_crlf_and_cr_give_the_same_records(tmp_path: Path) -> None:
    results = []
    for name, data in {
        "lf": SEED_TEXT.encode(),
        "bom": b"\xef\xbb\xbf" + SEED_TEXT.encode(),
        "crlf": SEED_TEXT.replace("\n", "\r\n").encode(),
        "cr": SEED_TEXT.replace("\n", "\r").encode(),
    }.items():
        seeds = tmp_path / name / "seeds"
        seeds.mkdir(parents=True)
        (seeds / "article.txt").write_bytes(data)
        build(seeds, DATASET, tmp_path / name / "build")
        tables = load(tmp_path / name / "build")
        results.append(
            {
                t: tables[t]
                .drop(columns=["sha256", "source_file"], errors="ignore")
                .to_json(date_format="iso")
                for t in tables
            }
        )
    assert all(r == results[0] for r in results[1:])


# -- bad input ---------------------------------------------------------------------------


def test_a_20_mb_article_is_refused_in_one_line(tmp_path: Path, make_seeds) -> None:  # type: ignore[no-untyped-def]
    seeds = make_seeds({"huge.txt": "word " * (4 * 1024 * 1024)})
    code, output = run_build(seeds, tmp_path / "build")
    assert code == 1
    assert "huge.txt: too large for one article" in output and f"{MAX_ARTICLE_BYTES:,}" in output


def test_a_symlink_loop_is_refused_in_one_line(tmp_path: Path, make_seeds) -> None:  # type: ignore[no-untyped-def]
    seeds = make_seeds({"fine.txt": "Mayor Ana Ruiz said 40 schools would close."})
    (seeds / "loop.txt").symlink_to(seeds / "loop.txt")
    code, output = run_build(seeds, tmp_path / "build")
    assert code == 1
    assert "loop.txt: a symbolic link" in output and "Traceback" not in output
    code, output = run_build(seeds, tmp_path / "build", "--allow-symlinks")
    assert code == 1
    assert "loop.txt: cannot read" in output and "Traceback" not in output


def test_a_seed_linking_outside_the_seeds_folder_is_refused(tmp_path: Path, make_seeds) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "credentials"
    secret.write_text("aws_secret_access_key = 1234", encoding="utf-8")
    seeds = make_seeds({"fine.txt": "Mayor Ana Ruiz said 40 schools would close."})
    (seeds / "creds.txt").symlink_to(secret)
    code, output = run_build(seeds, tmp_path / "build")
    assert code == 1
    assert "creds.txt: a symbolic link" in output and "--allow-symlinks" in output
    assert not (tmp_path / "build").exists()
    code, output = run_build(seeds, tmp_path / "build", "--allow-symlinks")
    assert code == 0, output
    assert "aws_secret_access_key" in load(tmp_path / "build")["articles"]["text"].str.cat()


def test_a_seed_replaced_by_a_link_after_listing_is_not_followed(tmp_path: Path) -> None:
    from newsfacts.sources.seeds import read_seed

    secret = tmp_path / "credentials"
    secret.write_text("aws_secret_access_key = 1234", encoding="utf-8")
    (tmp_path / "late.txt").symlink_to(secret)
    with pytest.raises(NewsfactsError, match=r"late\.txt: a symbolic link"):
        read_seed(tmp_path / "late.txt")
    assert "aws_secret" in read_seed(tmp_path / "late.txt", allow_symlinks=True).text


def test_an_unreadable_file_is_refused_in_one_line(
    tmp_path: Path, make_seeds, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    seeds = make_seeds({"secret.txt": "Text."})
    original = os.open

    def refusing_open(path: str | Path, flags: int, *args: int, **kwargs: int) -> int:
        if str(path).endswith("secret.txt"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return original(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)  # root reads any file: simulate the refusal
    code, output = run_build(seeds, tmp_path / "build")
    assert code == 1
    assert "secret.txt: cannot read: Permission denied" in output


# -- faults ------------------------------------------------------------------------------


def test_a_full_disk_fails_cleanly(
    tmp_path: Path, make_seeds, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    seeds = make_seeds({"a.txt": SEED_TEXT})
    out = tmp_path / "build"
    build(seeds, DATASET, out)
    before = tree(out)

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(write.ParquetTable, "write", full)
    with pytest.raises(
        NewsfactsError, match=r"No space left on device.*previous build is unchanged"
    ):
        build(seeds, DATASET, out)
    assert tree(out) == before
    assert not list(tmp_path.glob(".build.tmp-*"))


def test_a_second_build_at_the_same_time_is_told_to_wait(tmp_path: Path, make_seeds) -> None:  # type: ignore[no-untyped-def]
    seeds = make_seeds({"a.txt": SEED_TEXT})
    out = tmp_path / "build"
    build(seeds, DATASET, out)
    before = tree(out)
    with (  # as if another process were building
        staging.build_lock(out.resolve()),
        pytest.raises(NewsfactsError, match="another newsfacts build is writing it"),
    ):
        build(seeds, DATASET, out)
    assert tree(out) == before


# Points in a build where it is killed, each an event the build itself makes on disk: what it
# writes into its staging folder, then the swap. (name, what must exist, where to look)
KILL_POINTS = (
    ("staging folder made", "."),
    ("CSV tables being written", "csv/articles/part-*.csv"),
    ("Parquet tables being written", "parquet/articles/part-*.parquet"),
    ("descriptors and cards written", "parquet/README.md"),
    ("checksums written, validation under way", "SHA256SUMS"),
)
EVENT_TIMEOUT_S = 60


def wait_for(happened: Callable[[], bool], process: subprocess.Popen[bytes]) -> bool:
    """Poll until `happened` or the process ends (True only if the event came first)."""
    deadline = time.monotonic() + EVENT_TIMEOUT_S
    while time.monotonic() < deadline:
        if happened():
            return True
        if process.poll() is not None:
            return False
        time.sleep(0.002)
    raise AssertionError("the build neither reached the event nor ended")


def new_staging(parent: Path, before: set[Path], pattern: str) -> Callable[[], bool]:
    def happened() -> bool:
        for folder in set(parent.glob(".build.tmp-*")) - before:
            if pattern == "." or any(folder.glob(pattern)):
                return True
        return False

    return happened


def swapped_in(out: Path, expected: dict[str, str]) -> bool:
    try:
        checksums = (out / "SHA256SUMS").read_bytes()
    except FileNotFoundError:  # between the two renames where there is no atomic exchange
        return False
    return hashlib.sha256(checksums).hexdigest() == expected["SHA256SUMS"]


@pytest.mark.slow
def test_builds_killed_at_each_stage_leave_old_or_new_never_half(tmp_path: Path) -> None:
    old_seeds, new_seeds = tmp_path / "old", tmp_path / "new"
    old_seeds.mkdir()
    new_seeds.mkdir()
    (old_seeds / "a.txt").write_text(SEED_TEXT, encoding="utf-8")
    for n in range(12):
        (new_seeds / f"a{n:02d}.txt").write_text(SEED_TEXT, encoding="utf-8")
    build(new_seeds, DATASET, tmp_path / "reference")
    new_tree = tree(tmp_path / "reference")
    out = tmp_path / "build"
    build(old_seeds, DATASET, out)
    old_tree = tree(out)
    command = [sys.executable, "-m", "newsfacts", "build", "--seeds", str(new_seeds)]
    command += ["--dataset", str(DATASET), "--out", str(out)]
    kept_old = 0
    for name, pattern in KILL_POINTS:
        before = set(tmp_path.glob(".build.tmp-*"))
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        reached = wait_for(new_staging(tmp_path, before, pattern), process)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert reached, f"the build ended before: {name}"
        now = tree(out)  # the swap comes after all of these, unless this process lagged behind
        assert now in (old_tree, new_tree), f"half-written build after a kill when {name}"
        kept_old += now == old_tree
        if now == new_tree:
            build(old_seeds, DATASET, out)
    assert kept_old > 0
    # killed right after the swap: the new build is whole
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for(lambda: swapped_in(out, new_tree), process)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert tree(out) == new_tree
    build(new_seeds, DATASET, out)  # a later build removes what the killed ones left
    assert tree(out) == new_tree
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".build.tmp-")]


def test_a_pipe_named_like_a_seed_is_refused_not_waited_on(tmp_path: Path, make_seeds) -> None:  # type: ignore[no-untyped-def]
    seeds = make_seeds({"fine.txt": "Mayor Ana Ruiz said 40 schools would close."})
    os.mkfifo(seeds / "pipe.txt")
    code, output = run_build(seeds, tmp_path / "build")
    assert code == 1
    assert "pipe.txt: not a regular file" in output


def test_a_file_put_into_out_during_a_build_is_kept(
    tmp_path: Path, make_seeds, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from newsfacts.build import run

    seeds = make_seeds({"a.txt": SEED_TEXT})
    out = tmp_path / "build"
    build(seeds, DATASET, out)
    original = run.finish_build

    def meanwhile(*args: object, **kwargs: object) -> dict[Path, str]:
        (out / "notes.txt").write_text("written while the build ran", encoding="utf-8")
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(run, "finish_build", meanwhile)
    with pytest.raises(NewsfactsError, match=r"holds notes\.txt, which no build wrote"):
        build(seeds, DATASET, out)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "written while the build ran"
