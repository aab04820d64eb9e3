"""`newsfacts init`: a new dataset repository that builds at once (with no articles yet)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from newsfacts import REPOSITORY, __version__
from newsfacts.errors import NewsfactsError
from newsfacts.ingest.write import ARTICLES_HEADER

DATASET_YAML = """\
# What the published packages say about themselves (their datapackage.json and card).
name: my-news-dataset  # lower case, digits, '-', '_' and '.': the packages' name
title: My news dataset  # one line
description: >-
  What the articles are, where they come from and what was extracted from them.
version: 0.1.0  # the dataset's version: raise it with each release
# released: 2026-01-31  # the release date (YYYY-MM-DD); leave out until the first release
license:  # of the extracted records; article texts remain their publishers'
  name: CC-BY-4.0
  path: https://creativecommons.org/licenses/by/4.0/
  title: Creative Commons Attribution 4.0
contributors:  # each with a title (a name) and a role (author, contributor, maintainer)
  - title: Your name
    role: author
sources:  # where the articles come from, each with a title and optional path (a URL)
  - title: News articles in seeds/
"""

ACTORS_YAML = """\
# Known actors: people, organisations, countries and groups the dataset should name the same
# way in every article. Each: id (lower case, digits, '-', '_'), name, kind (person,
# organization, country, group), optional title, country (ISO alpha-3) and aliases (list).
# Example:
# - id: world-health-organization
#   name: World Health Organization
#   kind: organization
#   aliases: [WHO]
[]
"""

CORRECTIONS_YAML = """\
# Reviewed corrections, applied on every build: reject, fix or add a quote, statistic or
# mention by its article and verbatim text; fix_actor, merge or split actors. Each entry has
# a unique id. See the newsfacts README ("Reviewing and correcting"). Example:
# - id: not-a-quote
#   action: reject
#   article: some-article-id
#   table: quotes
#   text: the words that are not a quote
[]
"""

# Paths whose change runs the workflow: the data, what it is built from, and the workflow.
WORKFLOW_PATHS = (
    "seeds/**",
    "dataset/**",
    "schema/**",
    "build/**",
    ".github/workflows/validate.yml",
)

WORKFLOW = """\
# Validates build/ (problems annotated on the pull request) and checks it is what seeds/ and
# dataset/ produce, on each push and pull request that changes them.
name: validate
on:
  push:
    paths: {paths}
  pull_request:
    paths: {paths}
permissions:
  contents: read
jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      # sets up Python, installs newsfacts {version}, runs `newsfacts validate --format github`
      - uses: {action}@v{version}
        with:
          path: build
          engine: fast
          contract: newsfacts  # the contract even if the marker were removed
      - name: build/ is what seeds/ and dataset/ produce
        if: success() || failure()
        run: newsfacts build --check
"""

README = """\
# My news dataset

<!-- The badge: replace OWNER/REPO with this repository's GitHub owner and name. -->
[![validate]({badge}/badge.svg)]({badge})

Quotes, actors and statistics extracted from news articles with
[newsfacts]({repository}).

```sh
newsfacts import pages/ crawl.jsonl   # articles in: HTML, JSON lines, CSV, WARC
newsfacts build                       # seeds/ and dataset/ in, build/ out, validated
```

- `seeds/`: one `<article_id>.txt` per article (written by `newsfacts import`).
- `dataset/`: what the dataset says about itself and what reviewers know (comments in each file).
- `build/`: the CSV and Parquet data packages, checked by `.github/workflows/validate.yml`.
"""


def github_action() -> str:
    """`owner/name` of newsfacts' GitHub Action: the path of its repository URL."""
    return urlsplit(REPOSITORY).path.strip("/")


def workflow() -> str:
    """The dataset repository's workflow, pinned to this version of the newsfacts action."""
    paths = "[" + ", ".join(f'"{path}"' for path in WORKFLOW_PATHS) + "]"
    return WORKFLOW.format(paths=paths, action=github_action(), version=__version__)


def readme() -> str:
    """The README stub, with the workflow's status badge."""
    badge = "https://github.com/OWNER/REPO/actions/workflows/validate.yml"
    return README.format(badge=badge, repository=REPOSITORY)


FILES = {
    "dataset/dataset.yaml": DATASET_YAML,
    "dataset/articles.yaml": ARTICLES_HEADER + "{}\n",
    "dataset/actors.yaml": ACTORS_YAML,
    "dataset/corrections.yaml": CORRECTIONS_YAML,
    "seeds/.gitkeep": "",
    ".github/workflows/validate.yml": workflow(),
    ".gitignore": ".newsfacts-cache/\nimport-report.tsv\n",
    "README.md": readme(),
}


def init(folder: Path) -> list[Path]:
    """Write a new dataset repository into `folder` (created if new); never overwrite."""
    if folder.exists() and not folder.is_dir():
        raise NewsfactsError(f"{folder}: exists and is not a folder")
    taken = [name for name in FILES if (folder / name).exists() or (folder / name).is_symlink()]
    if taken:
        raise NewsfactsError(f"{folder / taken[0]}: already exists; init never overwrites a file")
    written = []
    try:
        for name, text in FILES.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("x", encoding="utf-8") as handle:
                handle.write(text)
            written.append(path)
    except OSError as error:
        for path in written:
            path.unlink(missing_ok=True)
        raise NewsfactsError(f"{folder}: cannot write: {error.strerror or error}") from None
    return written
