"""Reading seeds: bylines, normalisation, and the clear errors bad files get."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfacts.errors import NewsfactsError
from newsfacts.sources.seeds import list_seeds, parse_byline, read_seed


@pytest.mark.parametrize(
    ("line", "publisher", "authors"),
    [
        ("The Associated Press’s Matthew Lee", "The Associated Press", ("Matthew Lee",)),
        ("By Jane Doe, Reuters", "Reuters", ("Jane Doe",)),
        ("By JANE DOE Associated Press", "Associated Press", ("Jane Doe",)),
        ("By Jane Doe and John Roe", None, ("Jane Doe", "John Roe")),
    ],
)
def test_byline_forms(line: str, publisher: str | None, authors: tuple[str, ...]) -> None:
    assert parse_byline(line) == (publisher, authors)


@pytest.mark.parametrize(
    "line",
    [
        "The president agreed to accept deportees from the United States.",
        "Officials said on Monday that the talks had failed",
        "“We will win,” she said",
    ],
)
def test_ordinary_first_lines_are_body_text(line: str) -> None:
    assert parse_byline(line) == (None, ())


def test_byline_is_kept_in_text_before_the_body(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("By Jane Doe, Reuters\n\nThe minister resigned.\n", encoding="utf-8")
    seed = read_seed(path)
    assert seed.text == "By Jane Doe, Reuters\nThe minister resigned."
    assert seed.text[seed.body_start :] == "The minister resigned."


def test_bom_crlf_and_cr_normalise_to_the_same_text(tmp_path: Path) -> None:
    body = "By Jane Doe, Reuters\n\nFirst  paragraph.\nSecond\tparagraph.\n"
    variants = {
        "lf": body.encode(),
        "bom": b"\xef\xbb\xbf" + body.encode(),
        "crlf": body.replace("\n", "\r\n").encode(),
        "cr": body.replace("\n", "\r").encode(),
    }
    texts = set()
    for name, data in variants.items():
        path = tmp_path / f"{name}.txt"
        path.write_bytes(data)
        texts.add(read_seed(path).text)
    assert texts == {"By Jane Doe, Reuters\nFirst paragraph.\nSecond paragraph."}


def test_text_is_nfc(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Cafe\u0301 owners said prices rose.", encoding="utf-8")
    assert read_seed(path).text == "Caf\u00e9 owners said prices rose."


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty article"),
        (b"  \n\t\n", "empty article"),
        (b"abc\x00def", "binary file"),
        (b"caf\xe9 au lait", "not UTF-8"),
    ],
)
def test_bad_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(NewsfactsError, match=message) as error:
        read_seed(path)
    assert str(path) in str(error.value)


def test_a_missing_seed_folder_is_an_error_and_an_empty_one_a_dataset_of_none(
    tmp_path: Path,
) -> None:
    with pytest.raises(NewsfactsError, match="seeds folder not found"):
        list_seeds(tmp_path / "nowhere")
    (tmp_path / ".gitkeep").write_text("", encoding="utf-8")  # hidden: not an entry
    assert list(list_seeds(tmp_path)) == []


def test_entries_that_are_not_seeds_are_listed_in_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "story.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "notes.jsonl").write_text("{}", encoding="utf-8")
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "deeper.txt").write_text("Two.", encoding="utf-8")
    assert [p.name for p in list_seeds(tmp_path)] == ["story.txt"]
    (warning,) = caplog.messages
    assert "2 entries are not seed files" in warning and "more, notes.jsonl" in warning
    with pytest.raises(NewsfactsError, match=r"2 entries are not seed files.*more, notes\.jsonl"):
        list_seeds(tmp_path, strict=True)


@pytest.mark.parametrize("name", ["has space.txt", "ünïcode.txt", "-dash.txt", "a" * 129 + ".txt"])
def test_file_names_that_cannot_be_ids(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("Text.", encoding="utf-8")
    with pytest.raises(NewsfactsError, match="cannot be an article_id"):
        list_seeds(tmp_path)


@pytest.mark.parametrize(
    ("first", "second"),
    [("Story", "story"), ("StOry", "sTory"), ("a-B", "a-b"), ("X9", "x9")],
)
def test_ids_that_differ_only_in_case(tmp_path: Path, first: str, second: str) -> None:
    """Whether one id is all lower case or both hold capitals; the later in article order is
    named, beside the earlier."""
    for name in ["a", "story-2", "Zeta", first, second]:
        (tmp_path / f"{name}.txt").write_text("Text.", encoding="utf-8")
    with pytest.raises(NewsfactsError) as raised:
        list_seeds(tmp_path)
    later, earlier = sorted([first, second], reverse=True)
    assert str(raised.value) == (
        f"{tmp_path / later}.txt: duplicate article_id (differs from {earlier}.txt only in case)"
    )


def test_ids_in_many_cases_that_do_not_clash(tmp_path: Path) -> None:
    names = ["AB1", "ab2", "Ab3", "aB4", "ab-5", "AB-6", "a", "B"]
    for name in names:
        (tmp_path / f"{name}.txt").write_text("Text.", encoding="utf-8")
    assert list(list_seeds(tmp_path).names) == [f"{n}.txt" for n in sorted(names)]


def test_packed_names_behave_as_the_list_they_were_made_from() -> None:
    """Seed names kept as one string: indexing, negative indexes, slices (views of views),
    steps, iteration and the end of the sequence as a list of the names gives them."""
    from bisect import bisect_left

    from newsfacts.sources.seeds import PackedNames

    names = ["a.txt", "bb.txt", "ccc.txt", "", "é.txt", "ffff.txt"]
    packed = PackedNames(names)
    assert list(packed) == names and len(packed) == len(names)
    assert [packed[n] for n in range(-len(names), len(names))] == names + names
    for start in range(-7, 8):
        for stop in range(-7, 8):
            for step in (None, 1, 2, -1):
                assert list(packed[start:stop:step]) == names[start:stop:step]
    assert list(packed[1:5][1:3]) == names[1:5][1:3]
    with pytest.raises(IndexError):
        packed[len(names)]
    with pytest.raises(IndexError):
        packed[1:3][2]
    assert bisect_left(packed, "ccc.txt") == bisect_left(names, "ccc.txt")
