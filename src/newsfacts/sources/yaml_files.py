"""Reading the YAML files a maintainer writes (dataset/*.yaml, gold annotations), strictly.

Plain data only: the C loader where the machine has it, no tags beyond YAML's own, no aliases
(an alias bomb of a few hundred bytes expands to gigabytes), no duplicate keys (YAML says last
wins, which hides a typo), and a size limit per file. Every error names the file and the line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from newsfacts.errors import NewsfactsError

MAX_YAML_BYTES = 64 << 20  # articles.yaml of 100,000 articles is about 20 MB
Model = TypeVar("Model", bound=BaseModel)

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


PLAIN = frozenset(  # the kinds of value our files hold: no sets, binary, ordered maps, merges
    f"tag:yaml.org,2002:{kind}"
    for kind in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)


def _refuse(problem: str, node: yaml.Node) -> yaml.constructor.ConstructorError:
    return yaml.constructor.ConstructorError(None, None, problem, node.start_mark)


class StrictLoader(_Base):  # type: ignore[misc, valid-type]
    """YAML's safe loader for plain data: no aliases, no duplicate keys, no other tags."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects:  # a node met twice is an alias (*name)
            raise _refuse(
                "aliases are not allowed (an anchor &name here is used again as *name)", node
            )
        if node.tag not in PLAIN:
            raise _refuse(f"a value tagged {node.tag} (only plain data is read)", node)
        return super().construct_object(node, deep)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[tuple[type, Any]] = set()
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _refuse("merge keys (<<) are not allowed", key_node)
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag in PLAIN:
                # the key's value, as YAML reads it: "yes" and "true", "1" and "0x1" are one key
                value = self.yaml_constructors[key_node.tag](self, key_node)
                if (type(value), value) in seen:
                    raise _refuse(f"duplicate key {key_node.value!r}", key_node)
                seen.add((type(value), value))
        return dict(super().construct_mapping(node, deep))


def read_yaml(path: Path) -> Any:
    """The file's data; one line naming the file (and line) when it is not plain, valid YAML."""
    try:
        size = path.stat().st_size
        if size > MAX_YAML_BYTES:
            raise NewsfactsError(
                f"{path}: too large ({size:,} bytes; the limit is {MAX_YAML_BYTES:,})"
            )
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise NewsfactsError(f"{path}: cannot read: {error}") from error
    return parse_yaml(text, path)


def parse_yaml(text: str, path: Path) -> Any:
    """`text`'s data, as read_yaml reads a file (`path` names it in errors)."""
    try:
        return yaml.load(text, Loader=StrictLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" line {mark.line + 1}:" if mark else ""
        problem = getattr(error, "problem", None) or error
        raise NewsfactsError(f"{path}:{where} malformed YAML: {problem}") from error


def validated(path: Path, model: type[Model], data: Any) -> Model:
    """`data` as `model`; the first problem names the file and the key."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        key = ".".join(str(part) for part in first["loc"]) or "(top level)"
        raise NewsfactsError(f"{path}: {key}: {first['msg']}") from error
