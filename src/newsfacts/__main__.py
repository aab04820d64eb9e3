"""python -m newsfacts: the newsfacts command."""

from newsfacts.cli import run

run()
