"""A build published to an fsspec URL: made and validated in a local temporary folder, then
uploaded (only the files that changed; see newsfacts.package.remote)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from newsfacts.build.run import build
from newsfacts.package.remote import open_url, publish, remote_listing


def build_to_url(seeds_dir: Path, dataset_dir: Path, url: str, **options: Any) -> dict[str, int]:
    """`build` with `out` an fsspec URL; the rows per table. The URL is checked before the
    build starts, so that a target that may not be replaced costs no extraction."""
    fs, root = open_url(url)
    remote_listing(fs, root, url)  # refuses anything but a build, or nothing
    with tempfile.TemporaryDirectory(prefix="newsfacts-") as folder:
        local = Path(folder) / "build"
        rows = build(seeds_dir, dataset_dir, local, **options)
        publish(local, url)
    return rows
