"""The package is complete without the repository: metadata, license, what the sdist and wheel
hold, the release workflow that publishes them, and the README's snippets that name them.

Building, `twine check` and installing the wheel in a fresh venv are `.ci/check_package`
(run by `.ci/run`): they need hatchling and the dependencies from the registry."""

from __future__ import annotations

import re
import tomllib

import yaml

import newsfacts

from .conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_repository_url_is_the_same_in_pyproject_and_the_code() -> None:
    urls = PROJECT["urls"]
    assert urls["Repository"] == urls["Homepage"] == newsfacts.REPOSITORY
    assert all(url.startswith(newsfacts.REPOSITORY) for url in urls.values())
    assert PROJECT["version"] == newsfacts.__version__


def test_metadata_pypi_shows() -> None:
    assert PROJECT["readme"] == "README.md"
    assert PROJECT["license"] == "MIT" and PROJECT["license-files"] == ["LICENSE"]
    assert PROJECT["authors"] == [{"name": "newsfacts maintainers"}]
    assert PROJECT["keywords"] and PROJECT["description"]
    classifiers = PROJECT["classifiers"]
    assert "Programming Language :: Python :: 3.11" in classifiers
    assert not any(c.startswith("License ::") for c in classifiers)  # PEP 639: the expression
    license_text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert license_text.startswith("MIT License\n\nCopyright (c) 2026 newsfacts maintainers\n")


def test_wheel_and_sdist_hold_what_an_install_needs_and_no_dataset() -> None:
    hatch = PYPROJECT["tool"]["hatch"]["build"]["targets"]
    assert hatch["wheel"]["force-include"] == {"schema": "newsfacts/_schema"}
    assert hatch["wheel"]["packages"] == ["src/newsfacts"]  # lexicons/ is inside it
    sdist = hatch["sdist"]["include"]
    assert {"/src/newsfacts", "/schema", "/README.md", "/LICENSE", "/pyproject.toml"} <= set(sdist)
    assert not any(path.startswith(("/build", "/seeds", "/dataset", "/tests")) for path in sdist)


def test_ci_builds_and_checks_the_package() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash .ci/check_package" in ci
    check = (ROOT / ".ci" / "check_package").read_text(encoding="utf-8")
    for step in ("-m build", "twine check --strict", "-m venv", '/venv/bin/newsfacts" validate'):
        assert step in check, step


def release() -> dict:  # type: ignore[type-arg]
    text = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)  # type: ignore[no-any-return]


def test_release_publishes_on_a_version_tag_by_trusted_publishing() -> None:
    spec = release()
    assert spec[True] == {"push": {"tags": ["v*"]}}  # YAML 1.1 reads "on" as True
    assert spec["permissions"] == {"contents": "read"}
    build, publish = spec["jobs"]["build"], spec["jobs"]["publish"]
    runs = " ".join(step.get("run", "") for step in build["steps"])
    assert 'test "v$version" = "$GITHUB_REF_NAME"' in runs
    assert "-m build" in runs and "twine check --strict" in runs
    assert publish["needs"] == "build"
    assert publish["permissions"] == {"id-token": "write"}
    assert publish["environment"]["name"] == "pypi"
    (upload,) = [s for s in publish["steps"] if "pypi-publish" in s["uses"]]
    assert "with" not in upload  # no password: trusted publishing
    uses = [s["uses"] for job in spec["jobs"].values() for s in job["steps"] if "uses" in s]
    assert all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u) for u in uses), uses
    assert "id-token" not in build.get("permissions", {})


def test_readme_snippets_name_this_repository_and_version() -> None:
    action = newsfacts.REPOSITORY.removeprefix("https://github.com/")
    assert f"- uses: {action}@v{newsfacts.__version__}\n" in README
    (config,) = re.findall(r"```yaml\n# \.pre-commit-config\.yaml\n(.*?)```", README, re.S)
    (repo,) = yaml.safe_load(config)["repos"]
    assert repo["repo"] == newsfacts.REPOSITORY and repo["rev"] == f"v{newsfacts.__version__}"
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in repo["hooks"]] == [h["id"] for h in hooks]
    assert "pip install newsfacts" in README


def test_the_card_says_how_to_install_what_it_imports() -> None:
    for fmt in ("csv", "parquet"):
        card = (ROOT / "build" / fmt / "README.md").read_text(encoding="utf-8")
        line = f"import newsfacts          # pip install newsfacts ({newsfacts.REPOSITORY})\n"
        assert line in card
