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

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, ValidationError

from ..problems import Problem, shown
from .values import LANGUAGE_TAG, iso_date


class Schema(BaseModel):
    """A YAML mapping of known keys: an unknown key is an error (a misspelt one would be silently ignored)."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


def matching(expression, shape: str) -> AfterValidator:
    """A text field that must match a regular expression (shape says what it must be, for the message)."""
    def check(value: str) -> str:
        if not expression.match(value):
            raise ValueError(f"not {shape}")
        return value

    return AfterValidator(check)


LanguageTag = Annotated[str, matching(LANGUAGE_TAG, "a language tag such as en")]


def _day(value: object) -> str:
    if (day := iso_date(value, full=True)) is None:
        raise ValueError("not a date")
    return day


# A calendar day, kept as YYYY-MM-DD text: YAML reads an unquoted 2020-03-12 as a date, a quoted one as text.
IsoDay = Annotated[str, BeforeValidator(_day)]


M = TypeVar("M", bound="Schema")


def validated(model: type[M], data: object, lines: dict[str, int], name: str, problems: list[Problem],
              line: int = 0, what: str = "") -> M | None:
    """The data as the model, or None with a Problem for each field that is wrong, missing or unknown.

    One problem per top-level key, at the line of the key (lines, from files.key_lines; for a missing key, `line`: the entry's, or
    0 for the whole file): '<key>' is missing, or must be <its description>, or is not a setting there is.
    what names the entry in a list ("version 0.2.0: "), so that the message says which.
    """
    try:
        return model.model_validate(data)
    except ValidationError as error:
        reported: set[str] = set()
        fields = model.model_fields
        for detail in error.errors(include_url=False):
            loc = detail["loc"]
            key = str(loc[0]) if loc else ""
            if key in reported:
                continue
            reported.add(key)
            if key in fields and len(loc) > 1 and isinstance(loc[1], int):  # an entry of a list: say which, and what is wrong
                inner = " ".join(f"entry {part + 1}" if isinstance(part, int) else f"`{part}:`" for part in loc[1:])
                problems.append(Problem(name, lines.get(key, line or 1),
                                        f"{what}'{key}' {inner}: {detail['msg'].removeprefix('Value error, ')}, "
                                        f"got {shown(detail['input'])}", f"write it as {fields[key].description}"))
            elif detail["type"] == "extra_forbidden" and len(loc) == 1:
                problems.append(Problem(name, lines.get(key, line or 1), f"{what}unknown setting {key!r}",
                                        f"remove it, or use one of: {', '.join(fields)}"))
            elif detail["type"] == "missing" and len(loc) == 1:
                problems.append(Problem(name, line, f"{what}'{key}' is missing", f"add it: {fields[key].description}"))
            elif key in fields:
                value = data.get(key) if isinstance(data, dict) else None
                problems.append(Problem(name, lines.get(key, line or 1),
                                        f"{what}'{key}' must be {fields[key].description}, got {value!r}"[:300], "correct it"))
            else:  # the whole document is of the wrong kind (a list, a string)
                problems.append(Problem(name, line or 1, f"{what}must be a mapping of settings, got {shown(data)}",
                                        "write `key: value` lines"))
        return None
