"""Text from data shown safely on a terminal: control characters and bidirectional overrides
in an article or a file name could move the cursor, rewrite the screen or reorder what a
reader sees, so they are shown escaped (ESC as \\x1b), never sent as they are."""

from __future__ import annotations

import re

# C0 and C1 controls but tab and newline, DEL, and the bidirectional embeddings and isolates
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
UNSAFE_IN_A_LINE = re.compile(rf"{UNSAFE.pattern}|[\t\n]")


def escaped(character: str) -> str:
    return character.encode("unicode_escape").decode("ascii")


def printable(text: str) -> str:
    """`text` with every unsafe character escaped; tabs and newlines kept."""
    return UNSAFE.sub(lambda m: escaped(m.group()), text)


def one_line(text: str) -> str:
    """`text` as one safe line: newlines and tabs escaped too."""
    return UNSAFE_IN_A_LINE.sub(lambda m: escaped(m.group()), text)


def printable_with_offsets(text: str) -> tuple[str, list[int]]:
    """`printable(text)` and, for each offset of `text` (and its end), the offset it moved to."""
    if not UNSAFE.search(text):
        return text, list(range(len(text) + 1))
    pieces, offsets, length = [], [], 0
    for character in text:
        offsets.append(length)
        piece = printable(character)
        pieces.append(piece)
        length += len(piece)
    offsets.append(length)
    return "".join(pieces), offsets
