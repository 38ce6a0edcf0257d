"""YAML inputs described as pydantic models, each error named by its file and line.

The safe YAML layer (model.files) reads a file first: size, encoding, no tags or aliases, and the
node tree that gives every value its line. A model then says what the data must be; pydantic checks
it, and each of its errors becomes a Problem at the line of the value it is about (line_at), worded
from the field's own description: what is wrong, then how to write it.

pydantic v2 (its core in Rust) is the usual choice in Python for this, and fast: the models are built
once, when this module's users define them, and validating is a call into compiled code.
"""

from __future__ import annotations

from typing import Annotated, TypeVar, get_args

import yaml
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError

from ..problems import Problem, shown
from .files import line_at, odd_keys
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


def described(description: str, fix: str | None = None, **kwargs):
    """A field with its description (what the messages say it must be) and, where "correct it" says too
    little, how to mend a wrong value."""
    return Field(description=description, json_schema_extra={"fix": fix} if fix else None, **kwargs)


def _words(value: str) -> str:
    if not value.strip():
        raise ValueError("empty")
    return " ".join(value.split())


def _filled(value: str) -> str:
    if not value.strip():
        raise ValueError("empty")
    return value


# Text on one line however the YAML wraps it (the pages and the PDF set it as a sentence).
Words = Annotated[str, AfterValidator(_words)]
# Text kept as written (Markdown, or words matched against the essay), but not only spaces.
Filled = Annotated[str, AfterValidator(_filled)]

LanguageTag = Annotated[str, matching(LANGUAGE_TAG, "a language tag such as en")]


def _day(value: object) -> str:
    if (day := iso_date(value, full=True)) is None:
        raise ValueError("not a date")
    return day


# A calendar day, kept as YYYY-MM-DD text: YAML reads an unquoted 2020-03-12 as a date, a quoted one as text.
IsoDay = Annotated[str, BeforeValidator(_day)]


M = TypeVar("M", bound="Schema")

# pydantic's words for a value of the wrong kind, in the words of someone writing YAML.
_PLAIN = {"string_type": "not text", "int_type": "not a whole number", "bool_type": "not true or false",
          "list_type": "not a list", "dict_type": "not a mapping", "model_type": "not a mapping",
          "extra_forbidden": "not a field there is", "missing": "missing"}


def wrong(what: str, fix: str, said: bool = False) -> PydanticCustomError:
    """An error a validator raises when it knows how to mend the value: what is wrong, and the fix
    (say, how to percent-encode the space an address holds) that the message gives instead of the field's.
    said: the message says what (`'title' holds ',,', …`) in place of what the field must be, which the value is."""
    return PydanticCustomError("wrong", what, {"fix": fix, "said": said})


def fix_of(field) -> str:
    """How to mend a field's value: its own `fix` where the model gives one."""
    extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
    return str(extra.get("fix", "correct it"))


def _model_in(annotation) -> type[BaseModel] | None:
    """The model a field's type holds, through list[...], Optional and Annotated, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((found for arg in get_args(annotation) if (found := _model_in(arg))), None)


def _inner_field(model: type[BaseModel], loc: list):
    """The field a nested error's location names (a record's `excerpts` entry 2 `by:`), so that the message
    gives that field's own fix, not its list's; None where the location leaves the models."""
    field, current = None, model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = {info.alias or name: info for name, info in current.model_fields.items()} if current else {}
        if (field := fields.get(str(part))) is None:
            return None
        current = _model_in(field.annotation)
    return field


def validated(model: type[M], data: object, node: yaml.Node, name: str, problems: list[Problem],
              what: str = "", context: dict | None = None) -> M | None:
    """The data as the model, or None with a Problem for each field that is wrong, missing or unknown.

    One problem per top-level key, at the line of the value it is about (files.line_at through the YAML
    node; a missing key at the entry's own line): '<key>' is missing, or must be <its description>, or
    is not a field there is. what names the entry ("version 0.2.0: "), so that the message says which.
    """
    try:
        return model.model_validate(data, context=context)
    except ValidationError as error:
        reported: set[str] = set()
        odd_named = False  # the keys that are not text, all named at the first error about one
        fields = {info.alias or field: info for field, info in model.model_fields.items()}  # as the YAML names them
        noun = getattr(model, "noun", "field")
        for detail in error.errors(include_url=False):
            loc = list(detail["loc"])
            key = str(loc[0]) if loc else ""
            # One problem per key, per entry of a list under it (each bad excerpt of a record is named), and an
            # unknown key beside the missing one it misspells; not one per branch of a union pydantic tried.
            seen = (key, tuple(part for part in loc if isinstance(part, int)), detail["type"] == "extra_forbidden")
            if seen in reported:
                continue
            reported.add(seen)
            # A wrong top-level value at its key (a list below it starts a line later); a nested one at itself.
            line = line_at(node, loc, of_key=len(loc) == 1)
            own_fix = detail.get("ctx", {}).get("fix") if detail["type"] == "wrong" else None
            if detail["type"] == "invalid_key":  # 5:, true: or 2020-01-01: where a field's name goes; each key, as written
                keys = [] if odd_named else [(key.start_mark.line + 1, key.value) for key in odd_keys(node)] or [(line, loc[-1])]
                problems += [Problem(name, at, f"{what}key {key} is not a field's name",
                                     "a key must be plain text: write the field's name, such as `title:`, or remove the line")
                             for at, key in keys]
                odd_named = True
                continue
            if key in fields and len(loc) > 1:  # inside a list or a mapping: say where, and what is wrong
                inner = " ".join(f"entry {part + 1}" if isinstance(part, int) else f"`{part}:`" for part in loc[1:])
                wrong = _PLAIN.get(detail["type"]) or detail["msg"].removeprefix("Value error, ")
                field = _inner_field(model, loc)
                if field is None or field.description is None:
                    field = fields[key]
                parent = _inner_field(model, loc[:-1])
                if detail["type"] == "extra_forbidden" and (known := _model_in(parent.annotation) if parent else None):
                    fix = f"remove it, or use one of: {', '.join(i.alias or f for f, i in known.model_fields.items())}"
                elif detail["type"] == "missing" and field is not fields[key]:
                    fix = f"add `{loc[-1]}:` ({field.description})"
                else:
                    fix = own_fix or (fix_of(field) if field is not fields[key] and fix_of(field) != "correct it"
                                      else f"write it as {field.description}")
                problems.append(Problem(name, line, f"{what}'{key}' {inner}: {wrong}, got {shown(detail['input'])}", fix))
            elif detail["type"] == "extra_forbidden" and len(loc) == 1:
                problems.append(Problem(name, line, f"{what}unknown {noun} {key!r}",
                                        f"remove it, or use one of: {', '.join(fields)}"))
            elif detail["type"] == "missing" and len(loc) == 1:
                problems.append(Problem(name, line, f"{what}'{key}' is missing", f"add `{key}:` ({fields[key].description})"))
            elif key in fields:
                value = data.get(key) if isinstance(data, dict) else None
                said = detail.get("ctx", {}).get("said") if detail["type"] == "wrong" else False
                problems.append(Problem(name, line, f"{what}'{key}' {detail['msg']}, got {shown(value)}" if said else
                                        f"{what}'{key}' must be {fields[key].description}, got {shown(value)}",
                                        own_fix or fix_of(fields[key])))
            else:  # the whole document is of the wrong kind (a list, a string)
                problems.append(Problem(name, line, f"{what}must be a mapping of {noun}s, got {shown(data)}",
                                        "write `key: value` lines"))
        return None
