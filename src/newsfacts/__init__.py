"""newsfacts: news articles in, validated CSV and Parquet data packages out.

>>> import newsfacts
>>> tables = newsfacts.load("build")          # every table, after the hashes are checked
>>> tables["quotes"].head()
"""

from typing import Any

__version__ = "0.1.0"
# Where newsfacts lives: its GitHub Action is `<owner>/<name>@v<version>` of this URL. The same
# URL is in pyproject.toml's [project.urls]; tests/test_packaging.py checks they agree.
REPOSITORY = "https://github.com/newsfacts/newsfacts"
__all__ = ["REPOSITORY", "__version__", "load"]


def __getattr__(name: str) -> Any:
    """`newsfacts.load`, imported on first use (it brings pandas)."""
    if name == "load":
        from newsfacts.read.frames import load

        return load
    raise AttributeError(f"module 'newsfacts' has no attribute {name!r}")
