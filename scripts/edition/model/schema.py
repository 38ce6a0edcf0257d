"""YAML inputs described as pydantic models, each error named by its file and line.

The safe YAML layer (model.files) reads a file first: size, encoding, no tags or aliases, and the
node tree that gives every value its line. A model then says what the data must be; pydantic checks
it, and each of its errors becomes a Problem at the line of the value it is about (line_at), worded
from the field's own description: what is wrong, then how to write it.

pydantic v2 (its core in Rust) is the usual choice in Python for this, and fast: the models are built
once, when this module's users define them, and validating is a call into compiled code.
"""

from __future__ import annotations

from typing import Annotated, TypeVar

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError

from ..problems import Problem
from .files import key_lines
from .values import LANGUAGE_TAG


class Schema(BaseModel):
    """A YAML mapping of known keys: an unknown key is an error (a misspelt one would be silently ignored)."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


def _pattern(expression, shape: str):
    def check(value: str) -> str:
        if not expression.match(value):
            raise ValueError(f"not {shape}")
        return value

    return AfterValidator(check)


LanguageTag = Annotated[str, _pattern(LANGUAGE_TAG, "a language tag such as en")]


def shown(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


M = TypeVar("M", bound="Schema")


def validated(model: type[M], data: object, node: yaml.Node | None, name: str, problems: list[Problem]) -> M | None:
    """The data as the model, or None with a Problem for each field that is wrong, missing or unknown.

    One problem per top-level key, at the line of the key (or, for a missing key, line 0: the file):
    '<key>' is missing, or must be <its description>, or is not a setting there is.
    """
    try:
        return model.model_validate(data)
    except ValidationError as error:
        lines = key_lines(node) if node is not None else {}
        reported: set[str] = set()
        fields = model.model_fields
        for detail in error.errors(include_url=False):
            loc = detail["loc"]
            key = str(loc[0]) if loc else ""
            if key in reported:
                continue
            reported.add(key)
            if detail["type"] == "extra_forbidden":
                problems.append(Problem(name, lines.get(key, 1), f"unknown setting {key!r}",
                                        f"remove it, or use one of: {', '.join(fields)}"))
            elif detail["type"] == "missing":
                problems.append(Problem(name, 0, f"'{key}' is missing", f"add it: {fields[key].description}"))
            elif key in fields:
                value = data.get(key) if isinstance(data, dict) else None
                problems.append(Problem(name, lines.get(key, 1), f"'{key}' must be {fields[key].description}, got {value!r}"[:300],
                                        "correct it"))
            else:  # the whole document is of the wrong kind (a list, a string)
                problems.append(Problem(name, 1, f"must be a mapping of settings, got {shown(data)}",
                                        "write `key: value` lines"))
        return None
