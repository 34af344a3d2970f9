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
