"""Text rendering of runs and errors for the terminal.

Everything here writes to a rich `Console` handed in by the caller (the CLI
makes exactly one for stdout and one for stderr, see `make_consoles`), so
tests capture plain text by giving consoles of a known width and no color.

Three rules shape the code:

* What the *program* printed, and the JSON, are written verbatim
  (`write_raw`): no wrapping, no markup, no control-code stripping.  That is
  the payload that must be byte-for-byte TensorFlow's.
* Everything scopesim draws itself (trees, traces) fits the console width:
  labels wrap, long source lines are windowed around the caret, long scope
  chains are elided in the middle.
* Nothing recurses over the program's nesting depth: trees are built and
  converted with explicit stacks, chains of single-child scopes collapse
  into one `a/b/c/` node, and below a depth that depends on the width a
  subtree is listed flat by relative path.  10,000 nested scopes render.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.text import Text
from rich.tree import Tree

from .engine.shapes import format_shape  # noqa: F401  (tests import it from here)
from .errors import ProgramError, ScopeSyntaxError
from .result import OpInfo, RunResult, VariableInfo
from .runtrees import (Branch, collections_layout, elide, max_tree_depth,  # noqa: F401
                       ops_layout, variables_layout)
from .util import escape_controls, escaped_column

# ------------------------------------------------------------------ consoles


@dataclass
class Consoles:
    """The two consoles of one CLI invocation: payload and diagnostics."""

    out: Console
    err: Console


def color_disabled(no_color: bool, environ: Mapping[str, str] | None = None) -> bool:
    """`--no-color`, or the NO_COLOR convention (set and not empty)."""
    env = os.environ if environ is None else environ
    return no_color or env.get("NO_COLOR", "") != ""


#: The width of a console that is not a terminal: wide enough that nothing
#: is ever wrapped or windowed (a file or a pipe has no width).
UNLIMITED_WIDTH = 1 << 20


def make_consoles(*, no_color: bool = False, width: int | None = None,
                  environ: Mapping[str, str] | None = None) -> Consoles:
    """The one place where the CLI's consoles are made.

    Without color, `color_system=None` makes rich emit no escape codes at
    all (not even bold), so the text is plain.  Width: as given, else the
    terminal's (or `COLUMNS`) on a terminal; a stream that is not a terminal
    (a file, a pipe) has no width limit, so a redirected run, trace or check
    report is never hard-wrapped: a long scope name or TensorFlow's message
    stays on its line, word for word.  Markup, emoji and rich's automatic
    highlighting are off: names such as `[1]` or `:ok:` are data, not markup.
    """
    options = dict(highlight=False, markup=False, emoji=False, width=width)
    if color_disabled(no_color, environ):
        options["color_system"] = None
    consoles = Consoles(out=CliConsole(**options), err=CliConsole(stderr=True, **options))
    if width is None:
        for console in (consoles.out, consoles.err):
            unlimit_if_not_terminal(console)
    return consoles


class CliConsole(Console):
    """A rich Console that lets a closed pipe propagate as `BrokenPipeError`
    (rich's default exits with status 1 on its own), so that the command
    line handles it in one place with its own exit status."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))


def unlimit_if_not_terminal(console: Console) -> Console:
    """Lift the width limit of a console that does not write to a terminal."""
    if not console.is_terminal:
        console.width = UNLIMITED_WIDTH
    return console


def write_raw(console: Console, text: str) -> None:
    """Write text exactly as given (no wrapping, markup or escapes).

    Characters the stream cannot encode are written as backslash escapes
    rather than crashing the command.
    """
    stream = console.file
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding))
    stream.flush()


def ellipsis_for(console: Console) -> str:
    """`…`, or `...` on a console that cannot encode it."""
    return "…" if (console.encoding or "").lower().startswith("utf") else "..."




class Wrapped:
    """Text word-wrapped to the available width, every line indented by
    `indent`, with no trailing blanks (rich's own wrapping keeps the blank
    at which a line was broken, and Padding fills lines to the width)."""

    def __init__(self, text: Text, indent: int = 0):
        self.text = text
        self.indent = indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(1, options.max_width - self.indent)
        text = self.text.copy()
        if text.style:  # Text.render ignores the base style of a span-less text
            text.stylize_before(text.style)
            text.style = ""
        for line in text.wrap(console, width, justify="default"):
            line.rstrip()
            if self.indent:
                yield Segment(" " * self.indent)
            yield from line.render(console)
            yield Segment.line()


# ------------------------------------------------------------------- trees
# Laid out by scopesim.runtrees (no rich); drawn here as rich Trees.


def _text(segments) -> Text:
    text = Text()
    for part, style in segments:
        text.append(part, style)
    return text


def _rich_tree(layout: Branch) -> Tree:
    """A laid-out tree as a rich Tree (iteratively: the depth is bounded by
    the layout, not by Python's stack)."""
    tree = Tree(Wrapped(_text(layout.label)), guide_style="dim")
    stack = [(child, tree) for child in reversed(layout.children)]
    while stack:
        node, parent = stack.pop()
        branch = parent.add(Wrapped(_text(node.label)))
        stack.extend((child, branch) for child in reversed(node.children))
    return tree


def variables_tree(variables: Sequence[VariableInfo], *, width: int = 80,
                   ellipsis: str = "…") -> Tree:
    """Variables grouped by scope path; each leaf says everything about one."""
    return _rich_tree(variables_layout(variables, width=width, ellipsis=ellipsis))


def ops_tree(ops: Sequence[OpInfo], *, all_ops: bool = False, width: int = 80,
             ellipsis: str = "…") -> Tree:
    """Op names by name scope (`runtrees.ops_layout`)."""
    return _rich_tree(ops_layout(ops, all_ops=all_ops, width=width, ellipsis=ellipsis))


def collections_tree(collections: Mapping[str, Sequence[str]]) -> Tree:
    """The graph's collections (`runtrees.collections_layout`)."""
    return _rich_tree(collections_layout(collections))


# ------------------------------------------------------------------- a run


def print_run(console: Console, result: RunResult, *, all_ops: bool = False,
              collections: bool = False) -> None:
    """The text format of `run`: printed lines verbatim, then the trees of
    variables and ops, and with `collections` the tree of collections."""
    for line in result.output:
        write_raw(console, line + "\n")
    if result.output:
        console.line()
    ellipsis = ellipsis_for(console)
    console.print(variables_tree(result.variables, width=console.width, ellipsis=ellipsis))
    console.line()
    console.print(ops_tree(result.ops, all_ops=all_ops, width=console.width,
                           ellipsis=ellipsis))
    if collections:
        console.line()
        console.print(collections_tree(result.collections))


# ------------------------------------------------------------------- errors


def fit_source_line(line: str, column: int, end_column: int | None,
                    width: int, ellipsis: str = "…") -> tuple[str, int, int]:
    """Fit one source line into `width` columns, keeping the caret visible.

    `column`/`end_column` are 1-based (end exclusive, None for a single
    caret).  Returns the text to show, the 0-based offset of the caret in
    it, and how many carets.  Tabs are expanded and the indentation is
    dropped (as Python's tracebacks do); a line still too long is cut to a
    window around the caret with an ellipsis on the cut sides.  Control
    characters (NUL, `\\x01`) are shown escaped, the caret kept under its
    character.
    """
    line = line.rstrip("\r\n")
    if escape_controls(line) != line:
        column = escaped_column(line, column)
        end_column = escaped_column(line, end_column) if end_column else None
        line = escape_controls(line)
    text = line.rstrip("\r\n").expandtabs(8)
    start = len(line[: max(column - 1, 0)].expandtabs(8))
    end = len(line[: max(end_column - 1, 0)].expandtabs(8)) if end_column else start
    end = max(end, start + 1)
    indent = len(text) - len(text.lstrip())
    if start >= indent:
        text, start, end = text[indent:], start - indent, end - indent
    text = text.rstrip()
    start = min(start, len(text))
    end = min(end, max(len(text), start + 1))
    width = max(width, 2 * len(ellipsis) + 8)
    if len(text) <= width and start < width:
        return text, start, end - start
    one_side = width - len(ellipsis)
    if start < one_side - 1:                 # the caret is near the start
        lo, hi = 0, one_side
    elif start >= len(text) - one_side:      # ... near the end
        past_end = 1 if start >= len(text) else 0   # a caret after the last character
        lo, hi = max(len(text) + past_end - one_side, 0), len(text)
    else:                                    # cut on both sides
        room = width - 2 * len(ellipsis)
        lo = start - room // 3
        hi = lo + room
    prefix = ellipsis if lo > 0 else ""
    suffix = ellipsis if hi < len(text) else ""
    carets = max(1, min(end, hi) - start)
    return prefix + text[lo:hi] + suffix, start - lo + len(prefix), carets


def highlight_scope(code: str) -> Text:
    """`.scope` source as highlighted rich Text (ScopeLexer), or plain Text
    when the lexer is not available or fails."""
    try:
        from rich.syntax import Syntax

        from .lexer import ScopeLexer

        syntax = Syntax(code, ScopeLexer(), theme="ansi_dark", background_color="default")
        text = syntax.highlight(code)
        text.rstrip()
        return text
    except Exception:  # highlighting is cosmetic: never fail a trace for it
        return Text(code)


def location_text(filename: str, line: int, column: int, scopes: Sequence[str],
                  ellipsis: str = "…") -> Text:
    """`File "f.scope", line 4, column 5, in scope "a" > name_scope "n"`."""
    text = Text("File ")
    text.append(f'"{filename}"', "magenta")
    text.append(f", line {line}, column {column}")
    if scopes:
        text.append(", in ")
        text.append(" > ".join(elide(scopes, ellipsis)), "cyan")
    return text


def error_line(type_name: str, message: str) -> Text:
    """`ValueError: message` (just the type when the message is empty, as Python)."""
    text = Text().append(type_name, "bold red")
    message = message.rstrip("\n")
    if message:
        text.append(": ")
        text.append(message)
    return text


def print_traceback(console: Console, error: ProgramError) -> None:
    """A Python-like trace of an uncaught program error: the chain of program
    frames, outermost first (the calls that led to the error), each with its
    location, enclosing block heads, source line and caret; then the error."""
    ellipsis = ellipsis_for(console)
    console.print(Text("Traceback (most recent scope last):"))
    frames = tuple((error.fields or {}).get("frames", ()))
    for frame, count in _runs(frames[:-1]):   # the callers; the innermost is the error's own
        scopes = frame.heads or (() if frame.function == "<module>" else (frame.function,))
        for _ in range(min(count, _SHOWN_REPEATS)):
            _print_frame(console, location_text(frame.filename, frame.line, frame.column,
                                                scopes, ellipsis),
                         frame.source_line, frame.column,
                         frame.end_column if frame.end_line == frame.line
                         and frame.end_column > frame.column else None, ellipsis)
        if count > _SHOWN_REPEATS:          # recursion: as Python, count instead
            console.print(Text(f"  [Previous line repeated {count - _SHOWN_REPEATS} "
                               "more times]"))
    span = error.span
    _print_frame(console, location_text(error.filename, error.line, error.column,
                                        error.scopes, ellipsis),
                 error.source_line, span.column,
                 span.end_column if span.end_line == span.line else None, ellipsis)
    console.print(Wrapped(error_line(error.type, error.message)))


#: How many identical consecutive frames are shown before they are counted.
_SHOWN_REPEATS = 3


def _runs(frames):
    """(frame, how many times in a row) for runs of identical frames."""
    runs: list[list] = []
    for frame in frames:
        where = (frame.filename, frame.line, frame.column, frame.function)
        if runs and runs[-1][2] == where:
            runs[-1][1] += 1
        else:
            runs.append([frame, 1, where])
    return [(frame, count) for frame, count, _ in runs]


def _print_frame(console: Console, location: Text, source_line: str, column: int,
                 end_column: int | None, ellipsis: str) -> None:
    console.print(Wrapped(location, indent=2))
    if source_line.strip():
        shown, offset, carets = fit_source_line(source_line, column, end_column,
                                                console.width - 4, ellipsis)
        source = highlight_scope(shown) if console.color_system else Text(shown)
        console.print(Text("    ").append_text(source), no_wrap=True, overflow="crop")
        console.print(Text("    " + " " * offset).append("^" * carets, "bold red"),
                      no_wrap=True, overflow="crop")


def print_syntax_error(console: Console, error: ScopeSyntaxError) -> None:
    """The parser's own rendering, verbatim (its caret lines up with its
    line), unless the source line is wider than the console (a narrow
    terminal): then the line is windowed around the caret as in a trace, so
    that neither it nor the caret line is cut or wrapped."""
    rendered = error.render()
    if all(len(line.expandtabs(8)) <= console.width for line in rendered.split("\n")[1:]):
        write_raw(console, rendered + "\n")
        return
    header = rendered.split("\n", 1)[0]
    console.print(Wrapped(Text(header)))
    shown, offset, carets = fit_source_line(error.source_line, error.column, None,
                                            console.width - 4, ellipsis_for(console))
    console.print(Text("    " + shown), no_wrap=True, overflow="crop")
    console.print(Text("    " + " " * offset).append("^", "bold red"), no_wrap=True,
                  overflow="crop")


def syntax_error_json(error: ScopeSyntaxError) -> dict:
    """The `run --format json` object for text that is not a program."""
    return {"output": [], "variables": [], "ops": [], "collections": {},
            "error": {"type": "SyntaxError", "message": error.message,
                      "line": error.line, "column": error.column}}


def print_internal_error(console: Console, exc: BaseException) -> None:
    console.print(Wrapped(Text().append("scopesim: internal error: ", "bold red")
                          .append(f"{type(exc).__name__}: {exc}")))
    console.print(Wrapped(Text(
        "This is a bug in scopesim, not in your program. Please report it to the "
        "scopesim maintainers with the program and the command line that triggered "
        "it (set SCOPESIM_TRACEBACK=1 to see scopesim's Python traceback).")))


def print_usage_problem(console: Console, message: str) -> None:
    """A one-line `scopesim: ...` diagnostic (unreadable file and the like)."""
    console.print(Wrapped(Text().append("scopesim: ", "bold red").append(message)))


__all__ = [
    "Consoles", "make_consoles", "unlimit_if_not_terminal", "UNLIMITED_WIDTH", "color_disabled", "write_raw", "ellipsis_for", "elide",
    "format_shape", "variables_tree", "ops_tree", "collections_tree", "max_tree_depth",
    "print_run",
    "fit_source_line", "highlight_scope", "location_text", "error_line",
    "print_traceback", "print_syntax_error", "syntax_error_json",
    "print_internal_error", "print_usage_problem",
]
