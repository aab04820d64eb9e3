"""SHA256SUMS lists every file of the build with its sha256, and nothing else.

In: a build folder. Out: SHA256SUMS missing; a file present but not listed (by name); a file
listed but missing, or whose sha256 differs (in the order SHA256SUMS lists them).
"""

from __future__ import annotations

from collections.abc import Iterator

from newsfacts.validate import batches as streams
from newsfacts.validate.check import BuildCheck, Input
from newsfacts.validate.problems import Problem
from newsfacts.validate.subjects import Build


def listed_digests(text: str) -> dict[str, str]:
    """name -> sha256, from the lines of a SHA256SUMS file ("<sha256>  <name>")."""
    listed = {}
    for line in text.splitlines():
        digest, _, name = line.partition("  ")
        listed[name] = digest
    return listed


class Checksums(BuildCheck):
    """Every file of the build (but SHA256SUMS itself) is in SHA256SUMS with its sha256, and
    every file listed there is present."""

    needs = (Input.BUILD_FILES,)

    def problems(self, subject: Build) -> Iterator[Problem]:
        build = subject.folder
        sums = build / "SHA256SUMS"
        if not sums.is_file():
            yield Problem("SHA256SUMS", "", None, None, "missing from the build folder")
            return
        try:
            listed = listed_digests(sums.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            yield Problem("SHA256SUMS", "", None, None, f"cannot be read as UTF-8 text ({error})")
            return
        present = {p.relative_to(build).as_posix() for p in build.rglob("*") if p.is_file()}
        for name in sorted(present - set(listed) - {"SHA256SUMS"}):
            yield Problem("SHA256SUMS", name, None, None, "file present but not listed")
        for name, digest in listed.items():
            if name not in present:
                yield Problem("SHA256SUMS", name, None, None, "file listed but missing")
            elif streams.digest(build / name)[0] != digest:
                yield Problem("SHA256SUMS", name, None, None, "sha256 does not match")
