"""Read one YAML data file into plain Python values, remembering where each value stood.

Stricter than `yaml.safe_load` on purpose, because editors type these files by hand:
- only JSON-like scalars are recognised: `true`/`false`, `null`, decimal integers and
  decimal floats; `no`, `1_500`, `0x1F` and `2024-01-05` stay text (YAML 1.1 would guess);
- duplicate keys in a mapping are an error (PyYAML silently keeps the last one);
- anchors, aliases and explicit tags are refused, so nothing can expand or execute;
- the file must be UTF-8 (a byte-order mark is accepted) and below a size limit.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from .errors import Path, Problem, format_path, position, shortened
from .yamlhints import comment_cut_text, explain_parse_error

try:
    from yaml.cyaml import CParser  # libyaml, when PyYAML was built with it
except ImportError:  # pragma: no cover - PyYAML without libyaml
    CParser = None

MAX_FILE_BYTES = 2_000_000
MAX_EXACT_INT = 2**53 - 1
MAX_DEPTH = 40  # lists and mappings nested deeper than this are refused (the data needs about 6)
# Characters a text may not hold: C0 controls other than tab and line breaks, DEL, C1 controls,
# and lone surrogates (written as "\\ud800" escapes; they cannot be saved as UTF-8).
_FORBIDDEN_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"


class _StrictResolver(BaseResolver):
    """Resolves plain scalars the way JSON would read them; everything else is text."""


_StrictResolver.add_implicit_resolver(BOOL, re.compile(r"^(?:true|false)$"), list("tf"))
_StrictResolver.add_implicit_resolver(NULL, re.compile(r"^(?:null|~|)$"), ["n", "~", ""])
_StrictResolver.add_implicit_resolver(INT, re.compile(r"^-?(?:0|[1-9][0-9]*)$"), list("-0123456789"))
_StrictResolver.add_implicit_resolver(
    FLOAT, re.compile(r"^-?(?:0|[1-9][0-9]*)\.[0-9]+(?:[eE][-+]?[0-9]+)?$"), list("-0123456789")
)


class _Refused(Exception):
    """What the strict loader will not compose (an anchor, an alias, deep nesting), where it starts."""

    def __init__(self, mark: yaml.Mark, message: str):
        self.mark, self.message = mark, message


class _StrictLoader(Reader, Scanner, Parser, Composer, _StrictResolver):
    def __init__(self, text: str):
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        _StrictResolver.__init__(self)
        self._depth = 0

    def compose_node(self, parent, index):  # noqa: ANN001 - PyYAML's signature
        # Refuse aliases and anchors before they are resolved: no "billion laughs".
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            what = f"alias '*{event.anchor}'" if isinstance(event, yaml.AliasEvent) else f"anchor '&{event.anchor}'"
            raise _Refused(event.start_mark, f"{what}: anchors and aliases (& and *) are not supported in data files; "
                                             "write the value out")
        # PyYAML composes recursively: refuse deep nesting ("[[[[...") before Python's stack runs out.
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(event.start_mark, f"lists and mappings are nested more than {MAX_DEPTH} levels deep "
                                                 "here; the data files need far fewer")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_INDICATORS = "-?:,[]{}#&*!|>'\"%@`"
_FLOW_PLAIN_ODD = re.compile(r"[?:]")  # inside [...] or {...}: the Python parser ends plain text there


class _Reread(Exception):
    """The fast path leaves this text to the Python parser."""


class _FastStrictLoader(_StrictLoader):
    """The same loader with libyaml's C scanner and parser underneath: about 4 times faster.

    Only the events come from C; composing the nodes (and refusing anchors, aliases and deep
    nesting) stays in _StrictLoader above, so both give the same nodes. If libyaml finds anything
    wrong, the Python parser reads the text again, so the message an editor sees is always its.
    """

    def __init__(self, text: str):
        self._text = text
        self._slow: _StrictLoader | None = None
        self._events = CParser(text)
        self.get_event, self.peek_event, self.check_event = (
            self._events.get_event, self._events.peek_event, self._events.check_event)
        Composer.__init__(self)
        _StrictResolver.__init__(self)
        self._depth = 0

    _flow = 0  # how deep inside [...] and {...} the composer is

    def compose_node(self, parent, index):  # noqa: ANN001, ANN201 - PyYAML's signature
        if getattr(self.peek_event(), "tag", None) is not None:
            raise _Reread()  # an explicit tag: the Python parser reads it (and _convert refuses it)
        return super().compose_node(parent, index)

    def _counting_flow(self, compose, anchor):  # noqa: ANN001, ANN202
        flow = bool(self.peek_event().flow_style)
        self._flow += flow
        try:
            return compose(anchor)
        finally:
            self._flow -= flow

    def compose_sequence_node(self, anchor):  # noqa: ANN001, ANN201 - PyYAML's signature
        return self._counting_flow(super().compose_sequence_node, anchor)

    def compose_mapping_node(self, anchor):  # noqa: ANN001, ANN201 - PyYAML's signature
        return self._counting_flow(super().compose_mapping_node, anchor)

    def compose_scalar_node(self, anchor):  # noqa: ANN001, ANN201 - PyYAML's signature
        node = super().compose_scalar_node(anchor)
        # Where the two parsers differ, the Python one decides: libyaml places an empty value
        # elsewhere, and takes plain text such as {en: What?} that the Python parser refuses.
        if not node.style and (not node.value or node.value[0] in _INDICATORS
                               or (self._flow and _FLOW_PLAIN_ODD.search(node.value))):
            raise _Reread()  # plain style: None from Python, "" from libyaml
        return node

    def get_single_node(self):  # noqa: ANN201 - PyYAML's signature
        try:
            return super().get_single_node()
        except (yaml.YAMLError, _Reread):
            self._events.dispose()
            self._slow = _StrictLoader(self._text)
            return self._slow.get_single_node()

    def dispose(self) -> None:
        self._events.dispose()
        if self._slow is not None:
            self._slow.dispose()


# libyaml takes a comment glued to a block scalar's header ("quote: >-#"); the Python parser refuses it.
_GLUED_HEADER_COMMENT = re.compile(r"[|>][-+0-9]*#")


def _loader(text: str) -> _StrictLoader:
    """libyaml's parser for ordinary text; tabs, odd characters and the few spellings the two
    parsers read differently go to the Python one (and its messages)."""
    if (CParser is not None and "\t" not in text and not Reader.NON_PRINTABLE.search(text)
            and not _GLUED_HEADER_COMMENT.search(text)):
        return _FastStrictLoader(text)
    return _StrictLoader(text)


@dataclass
class YamlDocument:
    """A file's values plus the line and column of every value and mapping key."""

    file: str
    data: Any
    value_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    lines: list[str] = field(default_factory=list, repr=False)  # the text, for hints on cut texts

    def where(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """The position of `path`, falling back to its nearest located parent."""
        marks = self.key_marks if key else self.value_marks
        probe = tuple(path)
        while probe:
            if probe in marks:
                return marks[probe]
            if probe in self.value_marks:
                return self.value_marks[probe]
            probe = probe[:-1]
        return self.value_marks.get((), (1, 1))

    def problem(self, path: Path, message: str, *, key: bool = False, severity: str = "error") -> Problem:
        line, column = self.where(path, key=key)
        return Problem(self.file, line, column, format_path(path), message, severity)


class YamlFileError(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def decode(raw: bytes, display_name: str) -> str:
    """Bytes to text: UTF-8 only, an optional byte-order mark dropped."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line, column = position(raw.decode("latin-1"), err.start)  # a character per byte: the column counts bytes
        raise YamlFileError(
            Problem(display_name, line, column, "", "the file is not UTF-8 text; save it with UTF-8 encoding")
        ) from None


def read_file(path: FsPath, display_name: str, root: FsPath | None = None) -> YamlDocument:
    """Load a data file; raises YamlFileError with a located problem."""
    if root is not None and path.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(root.resolve()):
            raise YamlFileError(Problem(display_name, 0, 0, "", "is a link to a file outside the data folder; copy the file in instead"))
    too_big = f"data files may be at most {MAX_FILE_BYTES:,} bytes; split the file or shorten its texts"
    try:
        if not path.is_file():  # a folder, a named pipe or a device would block or never end
            raise YamlFileError(Problem(display_name, 0, 0, "", "is not a regular file; it should be a YAML text file"))
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise YamlFileError(Problem(display_name, 0, 0, "", f"the file is {size:,} bytes; {too_big}"))
        with path.open("rb") as handle:  # read no more than the limit, even if the file grows meanwhile
            raw = handle.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            raise YamlFileError(Problem(display_name, 0, 0, "", f"the file is over {MAX_FILE_BYTES:,} bytes; {too_big}"))
    except OSError as err:
        raise YamlFileError(Problem(display_name, 0, 0, "", f"cannot read the file: {err.strerror}")) from None
    return parse(decode(raw, display_name), display_name)


def _explain_yaml_error(err: yaml.MarkedYAMLError) -> str:
    problem = err.problem or "invalid YAML"
    if "'\\t'" in problem or "\\t" in problem:
        return "a tab character is not allowed here; indent with spaces"
    text = f"invalid YAML: {problem}"
    if err.context:
        text += f" ({err.context}"
        if err.context_mark and err.problem_mark and err.context_mark.line != err.problem_mark.line:
            text += f" at line {err.context_mark.line + 1}"
        text += ")"
    return text


def parse(text: str, display_name: str) -> YamlDocument:
    if not text.strip():
        raise YamlFileError(Problem(display_name, 1, 1, "", "the file is empty; it should hold a mapping such as 'sources:' followed by a list"))
    loader = None
    try:
        loader = _loader(text)  # the reader checks every character here
        node = loader.get_single_node()
    except _Refused as err:
        raise YamlFileError(Problem(display_name, err.mark.line + 1, err.mark.column + 1, "", err.message)) from None
    except yaml.reader.ReaderError as err:
        line, column = position(text, err.position)
        raise YamlFileError(
            Problem(display_name, line, column, "",
                    f"the character U+{err.character:04X} is not allowed in a data file; delete it "
                    "(it is often invisible: retype the text around it)" if isinstance(err.character, int)
                    else f"invalid YAML: {err.reason}")
        ) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        hint = explain_parse_error(text.splitlines(), mark.line) if mark else None
        if hint is not None:  # a pasted text YAML read as structure: say so, with the lines to paste
            hint_line, hint_column, key, message, fixed = hint
            raise YamlFileError(Problem(display_name, hint_line, hint_column, key, message, fix=fixed)) from None
        raise YamlFileError(Problem(display_name, line, column, "", _explain_yaml_error(err))) from None
    except yaml.YAMLError as err:  # reader errors: control characters and the like
        raise YamlFileError(Problem(display_name, 0, 0, "", f"invalid YAML: {err}")) from None
    finally:
        if loader is not None:
            loader.dispose()
    doc = YamlDocument(display_name, None, lines=text.splitlines())
    if node is None or (isinstance(node, ScalarNode) and node.tag == NULL):  # nothing, or only '---'
        raise YamlFileError(Problem(display_name, 1, 1, "", "the file holds no data; it should hold a mapping such as 'sources:' followed by a list"))
    doc.data = _convert(node, (), doc)
    return doc


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _refused(doc: YamlDocument, node: Node, path: Path, message: str) -> YamlFileError:
    """The error that stops reading the file at `node`."""
    return YamlFileError(Problem(doc.file, *_mark(node), format_path(path), message))


def _convert(node: Node, path: Path, doc: YamlDocument) -> Any:
    doc.value_marks[path] = _mark(node)
    if isinstance(node, ScalarNode):
        return _scalar(node, path, doc)
    if isinstance(node, SequenceNode):
        _check_tag(node, SEQ, path, doc)
        return [_convert(item, path + (index,), doc) for index, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        _check_tag(node, MAP, path, doc)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _refused(doc, key_node, path, "a key must be plain text")
            key = key_node.value
            if _FORBIDDEN_CHARS.search(key):  # a key is echoed in messages: no terminal escapes
                raise _refused(doc, key_node, path, "a key holds a control character; retype the key")
            if key in result:
                first_line = doc.key_marks[path + (key,)][0]
                doc.problems.append(Problem(doc.file, *_mark(key_node), format_path(path + (key,)),
                                            f"duplicate key '{key}' (first given on line {first_line}); keep one"))
                continue
            doc.key_marks[path + (key,)] = _mark(key_node)
            result[key] = _convert(value_node, path + (key,), doc)
            if isinstance(value_node, ScalarNode) and not value_node.style and isinstance(result[key], str):
                _check_comment_cut(key, result[key], value_node, path + (key,), doc)
        return result
    raise _refused(doc, node, path, "unsupported YAML node")


def _check_comment_cut(key: str, value: str, node: ScalarNode, path: Path, doc: YamlDocument) -> None:
    """A text typed on one line and cut short by ' #' (YAML's comment) is a problem, not a shorter text."""
    end = node.end_mark
    if end.line >= len(doc.lines):
        return
    cut = comment_cut_text(key, value, doc.lines[end.line], end.column)
    if cut is not None:
        message, fixed = cut
        doc.problems.append(Problem(doc.file, *_mark(node), format_path(path), message, fix=fixed))


def _check_tag(node: Node, expected: str, path: Path, doc: YamlDocument) -> None:
    if node.tag != expected:
        shown = node.tag.replace("tag:yaml.org,2002:", "!!")
        raise _refused(doc, node, path, f"the tag '{shown}' is not allowed in data files; remove it")


def _scalar(node: ScalarNode, path: Path, doc: YamlDocument) -> Any:
    tag = node.tag
    value = node.value
    if tag == STR:
        bad = _FORBIDDEN_CHARS.search(value)
        if bad:
            raise _refused(doc, node, path, f"the text holds the character U+{ord(bad.group()):04X} (a control "
                                            "character or a broken escape), which a page cannot show; delete it")
        return value
    try:
        if tag == INT:
            number = int(value, 10)
            if abs(number) > MAX_EXACT_INT:  # beyond this, JSON readers and charts lose digits
                raise ValueError(value)
            return number
        if tag == FLOAT:
            number = float(value)
            if not math.isfinite(number):
                raise ValueError(value)
            return number
    except ValueError:
        raise _refused(doc, node, path, f"'{shortened(value)}' is not a number the site can use: too many digits "
                                        f"(at most {MAX_EXACT_INT:,})") from None
    if tag == BOOL and value in ("true", "false"):
        return value == "true"
    if tag == NULL and value in ("null", "~", ""):
        return None
    _check_tag(node, STR, path, doc)  # any other tag is refused
