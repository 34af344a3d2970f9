"""`:explain` in `scopesim repl --python`.

The Python REPL runs each typed statement as code of the file `<repl>`
and installs no origin hook, so the explainer keeps the text of every
input by its code objects (functions defined in an earlier input included)
and makes the frames of an event itself, from the frames of those code
objects on the stack.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager

from .recorder import Recorder, recording


def _codes(code):
    """`code` and the code objects nested in it (functions, lambdas, classes)."""
    pending = [code]
    while pending:
        found = pending.pop()
        yield found
        pending.extend(c for c in found.co_consts if hasattr(c, "co_consts"))


class ReplExplainer:
    """The naming events of a Python REPL session, and `:explain` over them."""

    def __init__(self) -> None:
        self.recorder = Recorder(self._frames)
        self.texts: dict[int, tuple[object, list[str]]] = {}   # id(code) -> (code, lines)
        self.last_error = None

    @contextmanager
    def running(self, codes, text: str):
        """Record the naming events while the codes of one input run."""
        lines = text.split("\n")
        for code in codes:
            for found in _codes(code):
                self.texts[id(found)] = (found, lines)
        with recording(self.recorder):
            yield

    def _frames(self) -> tuple:
        from ..pyfront.runner import _frame, _Lines
        frames = []
        frame = sys._getframe(1)
        while frame is not None:
            entry = self.texts.get(id(frame.f_code))
            if entry is not None and entry[0] is frame.f_code:
                lines = _Lines("\n".join(entry[1]), frame.f_code.co_filename)
                frames.append(_frame(lines, frame.f_code, frame.f_lasti, frame.f_lineno))
            frame = frame.f_back
        return tuple(reversed(frames))

    def command(self, argument: str, out, err) -> None:
        """`:explain NAME` over the session's default graph; output on the
        streams `out` and `err`."""
        from rich.console import Console

        from ..engine.graph import get_default_graph
        from .analysis import Analysis, UnknownName
        from .text import print_explanation
        console = Console(file=out, color_system=None, highlight=False, width=_width(out))
        if not argument:
            err.write("usage: :explain NAME\n")
            return
        try:
            explanation = Analysis(self.recorder, get_default_graph()).explain(argument)
        except UnknownName as unknown:
            closest = ", ".join(unknown.closest) if unknown.closest else "none"
            err.write(f"no op, tensor, variable or scope is named {argument!r}; "
                      f"the closest names: {closest}\n")
            return
        print_explanation(console, explanation)


def _width(stream) -> int | None:
    try:
        if stream.isatty():
            return None
    except (AttributeError, ValueError):
        pass
    from ..render import UNLIMITED_WIDTH
    return UNLIMITED_WIDTH
