"""Small helpers shared by the stages."""

from __future__ import annotations

import gc


class gc_paused:  # noqa: N801 - used as the function it was: `with gc_paused():`
    """Pause the cyclic garbage collector (a context manager).

    Parsing and running allocate many long-lived objects and little garbage;
    the collector's repeated passes over the growing heap would make the
    cost of a large program superlinear.  Reference counting still frees
    everything acyclic; the collector resumes afterwards (if it was on).
    A class rather than `contextlib.contextmanager`, so that a start-up
    imports neither contextlib nor typing.
    """

    __slots__ = ("_was_enabled",)

    def __enter__(self) -> None:
        self._was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc) -> None:
        if self._was_enabled:
            gc.enable()


def _needs_escape(char: str) -> bool:
    """A control character other than tab (C0, DEL, C1), or a line or
    paragraph separator: shown raw, it would corrupt the terminal or the
    line a caret points into."""
    code = ord(char)
    return (code < 0x20 and char != "\t") or 0x7F <= code <= 0x9F or code in (0x2028, 0x2029)


def escape_controls(text: str) -> str:
    """`text` with its control characters as Python writes them in a string
    literal (`\\x00`, `\\x01`, `\\u2028`), tabs kept: how a source line with
    such bytes is shown in an error message."""
    if not any(_needs_escape(char) for char in text):
        return text
    return "".join((f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")
                   if _needs_escape(char) else char for char in text)


def escaped_column(text: str, column: int) -> int:
    """The 1-based column in `escape_controls(text)` of the character at
    1-based `column` of `text` (so a caret stays under its character)."""
    return len(escape_controls(text[: max(column - 1, 0)])) + 1


def json_text(value) -> str:
    """`json.dumps(value, indent=2)`, the same text, several times faster
    for a big run's result (85,000 ops: 0.4 s in json's pure-Python
    encoder, which `indent` selects): dicts with str keys, lists, tuples,
    str, int, float, bool and None are written here, with json's own C
    string encoder; any other value (a subclass, another key type) is left
    to `json.dumps`."""
    out: list = []
    try:
        _json_into(value, out, "\n", json_quote())
    except _NotPlainJson:
        import json
        return json.dumps(value, indent=2)
    return "".join(out)


def json_quote():
    """json's string encoder (`ensure_ascii`): the C one of `_json` itself,
    so that writing JSON does not import the json package (its decoder
    too), else json.encoder's."""
    try:
        from _json import encode_basestring_ascii
    except ImportError:         # pragma: no cover - an interpreter without _json
        from json.encoder import encode_basestring_ascii
    return encode_basestring_ascii


class _NotPlainJson(Exception):
    """A value `json_text` leaves to json.dumps."""


def _json_into(value, out: list, newline: str, quote) -> None:
    """Append the text of `value` at the indentation `newline` (a newline
    and the spaces before the enclosing container's lines) to `out`."""
    kind = type(value)
    if kind is str:
        out.append(quote(value))
    elif kind is dict or kind is list or kind is tuple:
        if not value:
            out.append("{}" if kind is dict else "[]")
            return
        inner = newline + "  "
        separator = "," + inner
        out.append("{" + inner if kind is dict else "[" + inner)
        first = True
        if kind is dict:
            for key, item in value.items():
                if type(key) is not str:
                    raise _NotPlainJson
                if not first:
                    out.append(separator)
                first = False
                out.append(quote(key) + ": ")
                if type(item) is str:
                    out.append(quote(item))
                else:
                    _json_into(item, out, inner, quote)
        else:
            for item in value:
                if not first:
                    out.append(separator)
                first = False
                if type(item) is str:
                    out.append(quote(item))
                else:
                    _json_into(item, out, inner, quote)
        out.append(newline + ("}" if kind is dict else "]"))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is float:
        if value != value:
            out.append("NaN")
        elif value in (float("inf"), float("-inf")):
            out.append("Infinity" if value > 0 else "-Infinity")
        else:
            out.append(float.__repr__(value))
    else:
        raise _NotPlainJson
