"""newsfacts: news articles in, validated CSV and Parquet data packages out.

>>> import newsfacts
>>> tables = newsfacts.load("build")          # every table, after the hashes are checked
>>> tables["quotes"].head()
"""

from .reader import load

__version__ = "0.1.0"
__all__ = ["__version__", "load"]
