"""python -m newsfacts: the newsfacts command."""

from .cli import run

run()
