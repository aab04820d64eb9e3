"""A copy of the seed build for each test that breaks it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


@pytest.fixture
def copy(out: Path, tmp_path: Path) -> Path:
    target = tmp_path / "build"
    shutil.copytree(out, target)
    return target
