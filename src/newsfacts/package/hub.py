"""The card's Hugging Face front matter: the YAML block the Hub (and `datasets.load_dataset`
on a package folder) reads for the license, the name, the size and one config per table."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml

from newsfacts import schema
from newsfacts.sources.curated import License

# Hugging Face license ids that are an SPDX id in lower case (the licenses data comes under)
HUB_LICENSES = frozenset(
    {
        "apache-2.0",
        "cc0-1.0",
        "cc-by-2.0",
        "cc-by-2.5",
        "cc-by-3.0",
        "cc-by-4.0",
        "cc-by-sa-3.0",
        "cc-by-sa-4.0",
        "cc-by-nc-2.0",
        "cc-by-nc-3.0",
        "cc-by-nc-4.0",
        "cc-by-nd-4.0",
        "cc-by-nc-nd-3.0",
        "cc-by-nc-nd-4.0",
        "cc-by-nc-sa-2.0",
        "cc-by-nc-sa-3.0",
        "cc-by-nc-sa-4.0",
        "cdla-permissive-1.0",
        "cdla-permissive-2.0",
        "cdla-sharing-1.0",
        "etalab-2.0",
        "mit",
    }
)
# The Open Data Commons licenses, whose Hugging Face ids drop the version
OPEN_DATA_COMMONS = {"odc-by-1.0": "odc-by", "odbl-1.0": "odbl", "pddl-1.0": "pddl"}

# Hugging Face's size buckets: (upper bound, name), smallest first
SIZE_CATEGORIES = (
    (1_000, "n<1K"),
    (10_000, "1K<n<10K"),
    (100_000, "10K<n<100K"),
    (1_000_000, "100K<n<1M"),
    (10_000_000, "1M<n<10M"),
    (100_000_000, "10M<n<100M"),
    (1_000_000_000, "100M<n<1B"),
    (10_000_000_000, "1B<n<10B"),
    (100_000_000_000, "10B<n<100B"),
    (1_000_000_000_000, "100B<n<1T"),
)


def hub_license(license_: License) -> dict[str, str]:
    """The license as Hugging Face names it; one it does not know is `other`, named and
    linked."""
    spdx = license_.name.lower()
    if spdx in HUB_LICENSES or spdx in OPEN_DATA_COMMONS:
        return {"license": OPEN_DATA_COMMONS.get(spdx, spdx)}
    other = {"license": "other", "license_name": license_.name}
    return other | ({"license_link": license_.path} if license_.path else {})


def size_category(rows: int) -> str:
    """Hugging Face's bucket for a number of examples."""
    return next((name for bound, name in SIZE_CATEGORIES if rows < bound), "n>1T")


def front_matter(license_: License, title: str, rows: Mapping[str, int], fmt: str) -> str:
    """The YAML block between `---` lines that opens the card: the size is the largest
    table's, and each table is a config whose one split, train, is its part files."""
    metadata: dict[str, Any] = {
        **hub_license(license_),
        "pretty_name": title,
        "size_categories": [size_category(max(rows.values(), default=0))],
        "configs": [
            {"config_name": table, "data_files": [{"split": "train", "path": f"{table}/*.{fmt}"}]}
            for table in schema.TABLES
        ],
    }
    text = yaml.safe_dump(metadata, sort_keys=False, allow_unicode=True, width=1_000)
    return f"---\n{text}---"
