"""Reading the edition's input files: UTF-8 text within a size limit, and YAML parsed safely with line numbers."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..problems import Problem

MAX_FILE_BYTES = 256 * 1024  # a source record is a few hundred bytes; anything this big is a mistake
MAX_LEDGER_BYTES = 8 * 1024 * 1024  # a ledger grows with the text: a hundred essays' take a few hundred KB


def read_text(path: Path, name: str, problems: list[Problem], limit: int = MAX_FILE_BYTES, empty_ok: bool = False
              ) -> str | None:
    """Read a data file as UTF-8 text, reporting what makes it unreadable."""
    if path.is_symlink() or not path.is_file():
        what = "is a link" if path.is_symlink() else ("is not a regular file" if path.exists() else "is missing")
        problems.append(Problem(name, 0, what, "make it a regular file of the project (see the README for what it holds)"))
        return None
    if path.stat().st_size > limit:  # before reading: an enormous file is refused, not loaded
        problems.append(Problem(name, 1, f"file is {path.stat().st_size:,} bytes, more than the {limit:,} a data file may have",
                                "split it or remove what does not belong"))
        return None
    raw = path.read_bytes()
    if len(raw) > limit:
        problems.append(Problem(name, 1, f"file is {len(raw):,} bytes, more than the {limit:,} a data file may have",
                                "split it or remove what does not belong"))
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(Problem(name, 1, "file starts with a UTF-8 byte-order mark", "save it as UTF-8 without BOM"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.append(Problem(name, line, f"not valid UTF-8 (byte 0x{raw[error.start]:02x})", "save the file as UTF-8"))
        return None
    if not text.strip() and not empty_ok:
        problems.append(Problem(name, 1, "file is empty", "fill in the record or delete the file"))
        return None
    return text


# libyaml's parser, where PyYAML was built with it, is many times faster than the pure-Python one.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def parse_yaml(text: str, name: str, problems: list[Problem]) -> tuple[object, yaml.Node] | None:
    """Parse YAML safely (no Python tags), returning the data and its node tree for line numbers.

    Well-formed files go through libyaml; a file it refuses is parsed again by the pure-Python
    parser, whose messages say more precisely what is wrong.
    """
    if _FAST_LOADER is not None:
        try:
            loader = _FAST_LOADER(text)
            try:
                node = loader.get_single_node()
                return (loader.construct_document(node) if node is not None else None), node
            finally:
                loader.dispose()
        except yaml.YAMLError:
            pass
    try:
        loader = yaml.SafeLoader(text)
    except yaml.reader.ReaderError as error:  # the reader refuses control characters before parsing starts
        line = text.count("\n", 0, error.position) + 1
        problems.append(Problem(name, line, f"invalid YAML: character {error.character:#06x} is not allowed",
                                "remove the control character (the file may not be text)"))
        return None
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        what = " ".join(filter(None, [error.context, error.problem]))
        if isinstance(error, yaml.constructor.ConstructorError):
            what = f"unsupported YAML tag ({error.problem})"
            fix = "use plain YAML values: tags such as !!python/object are refused"
        else:
            fix = "fix the YAML syntax (indentation, quoting, colons)"
        problems.append(Problem(name, line, f"invalid YAML: {what}", fix))
        return None
    except yaml.YAMLError as error:
        problems.append(Problem(name, 1, f"invalid YAML: {error}", "fix the YAML syntax"))
        return None
    finally:
        loader.dispose()
    return data, node


def key_lines(node: yaml.Node) -> dict[str, int]:
    """Map each key of a YAML mapping node to its 1-based line."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
