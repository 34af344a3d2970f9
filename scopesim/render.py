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
from typing import Callable, Iterator, Mapping, Sequence

from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.text import Text
from rich.tree import Tree

from .engine.shapes import format_shape
from .errors import ProgramError, ScopeSyntaxError
from .result import OpInfo, RunResult, VariableInfo
from .util import escape_controls, escaped_column

#: Scope heads or path segments beyond this many are elided in the middle
#: (the first and last `_KEEP` are shown).
_ELIDE_ABOVE = 7
_KEEP = 3
#: A tree label never gets less than this many columns (below it, subtrees
#: are listed flat), and trees never nest deeper than `_MAX_TREE_DEPTH`.
_MIN_LABEL_WIDTH = 16
_MAX_TREE_DEPTH = 24
_GUIDE_WIDTH = 4  # rich's "├── "


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




def elide(items: Sequence[str], ellipsis: str = "…") -> list[str]:
    """The first and last few items, with `… N more …` between them."""
    if len(items) <= _ELIDE_ABOVE:
        return list(items)
    hidden = len(items) - 2 * _KEEP
    return [*items[:_KEEP], f"{ellipsis} {hidden:,} more {ellipsis}", *items[-_KEEP:]]


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


# ------------------------------------------------------------- path trees


@dataclass(eq=False)
class _Node:
    """One path segment of a name tree.  `item` is what sits at this exact
    path (a variable, an op) or None for a pure scope; a node can be both an
    op and the scope of other ops (`add` and `add/x`)."""

    segment: str
    item: object = None
    children: list["_Node"] = field(default_factory=list)
    index: dict[str, "_Node"] = field(default_factory=dict)

    def child(self, segment: str) -> "_Node":
        node = self.index.get(segment)
        if node is None:
            node = self.index[segment] = _Node(segment)
            self.children.append(node)
        return node

    def put(self, segments: Sequence[str], item: object, *, leaf: bool) -> None:
        """Place `item` at `segments`.  A leaf (a variable, `w:0`) gets a node
        of its own that is never a scope; otherwise the node at the path
        takes the item (a second item at the same path gets its own node)."""
        node = self
        for segment in segments[:-1]:
            node = node.child(segment)
        last = segments[-1]
        if leaf or (last in node.index and node.index[last].item is not None):
            node.children.append(_Node(last, item))
        else:
            node.child(last).item = item


def _collapse(node: _Node) -> tuple[list[str], _Node]:
    """Follow a chain of pure scopes with one pure-scope child each.

    Returns the segments of the chain (ending with the node shown) and the
    node whose children are shown under it.
    """
    segments = [node.segment]
    while (node.item is None and len(node.children) == 1
           and node.children[0].item is None and node.children[0].children):
        node = node.children[0]
        segments.append(node.segment)
    return segments, node


def _descendants(node: _Node) -> Iterator[tuple[list[str], _Node]]:
    """Every descendant that holds an item, in order, with its path relative
    to `node`.  Iterative, since the depth is the program's; the path list
    yielded is shared and only valid until the next item is requested (it
    is consumed at once, which keeps this linear in the number of nodes)."""
    path: list[str] = []
    stack: list[Iterator[_Node]] = [iter(node.children)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            if path:
                path.pop()
            continue
        path.append(child.segment)
        if child.item is not None:
            yield path, child
        if child.children:
            stack.append(iter(child.children))
        else:
            path.pop()


def max_tree_depth(width: int) -> int:
    """How deep a tree may nest and still leave `_MIN_LABEL_WIDTH` columns."""
    return max(1, min(_MAX_TREE_DEPTH, (width - _MIN_LABEL_WIDTH) // _GUIDE_WIDTH))


Label = Callable[[_Node, list[str]], Text]


def _to_rich_tree(root_label: Text, root: _Node, label: Label, max_depth: int) -> Tree:
    """Convert a path tree to a rich Tree no deeper than `max_depth`.

    `label(node, segments)` draws a node shown under the path `segments`
    (one segment normally; several for a collapsed chain or a flattened
    descendant).  The children of a node just above the deepest allowed
    level would be the last ones drawn as a tree, so such a node gets all
    its descendants listed directly under it instead, by relative path.
    """
    tree = Tree(Wrapped(root_label), guide_style="dim")
    stack = [(child, tree, 1) for child in reversed(root.children)]
    while stack:
        node, parent, depth = stack.pop()
        segments, shown = _collapse(node)
        branch = parent.add(Wrapped(label(shown, segments)))
        if depth + 1 >= max_depth and shown.children:
            for path, descendant in _descendants(shown):
                branch.add(Wrapped(label(descendant, path)))
        else:
            stack.extend((child, branch, depth + 1) for child in reversed(shown.children))
    return tree


def _path_text(segments: list[str], ellipsis: str, *, scope: bool) -> str:
    text = "/".join(elide(segments, ellipsis))
    return text + "/" if scope else text


# ---------------------------------------------------------------- variables


def _variable_details(var: VariableInfo) -> Text:
    text = Text()
    text.append(format_shape(var.shape), "cyan")
    text.append(" ")
    text.append(var.dtype, "magenta")
    text.append("  ")
    text.append("trainable" if var.trainable else "not trainable",
                "green" if var.trainable else "yellow")
    text.append("  ")
    text.append("get_variable" if var.kind == "get_variable" else "tf.Variable", "dim")
    if var.store_key is not None and var.store_key != var.op_name:
        text.append("  stored as ")
        text.append(var.store_key, "bold")
    if var.handles:
        text.append("  handles: ")
        text.append(", ".join(var.handles), "blue")
    return text


def variables_tree(variables: Sequence[VariableInfo], *, width: int = 80,
                   ellipsis: str = "…") -> Tree:
    """Variables grouped by scope path; each leaf says everything about one."""
    root = _Node("")
    for var in variables:
        *scopes, leaf = var.name.split("/")
        root.put([*scopes, leaf], var, leaf=True)

    def label(node: _Node, segments: list[str]) -> Text:
        if node.item is None:
            return Text(_path_text(segments, ellipsis, scope=True), "bold blue")
        text = Text().append(_path_text(segments, ellipsis, scope=False), "bold")
        text.append("  ")
        return text.append_text(_variable_details(node.item))

    return _to_rich_tree(Text(f"variables ({len(variables)})", "bold"), root, label,
                         max_tree_depth(width))


# ---------------------------------------------------------------------- ops


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def ops_tree(ops: Sequence[OpInfo], *, all_ops: bool = False, width: int = 80,
             ellipsis: str = "…") -> Tree:
    """Op names by name scope.

    Unless `all_ops`, the ops a variable creates for itself (initializer,
    `Assign`, `read`: `owner` names the variable op) are folded into the
    variable's node.  Owned ops whose variable op does not exist (a creation
    that failed half-way) are shown as ordinary ops.
    """
    names = {op.name for op in ops}
    internal: dict[str, int] = {}
    if not all_ops:
        for op in ops:
            if op.owner is not None and op.owner != op.name and op.owner in names:
                internal[op.owner] = internal.get(op.owner, 0) + 1

    root = _Node("")
    for op in ops:
        if not all_ops and op.owner is not None and op.owner != op.name and op.owner in names:
            continue
        root.put(op.name.split("/"), op, leaf=False)

    def label(node: _Node, segments: list[str]) -> Text:
        op = node.item
        if op is None:
            return Text(_path_text(segments, ellipsis, scope=True), "bold blue")
        name = _path_text(segments, ellipsis, scope=False)
        if not all_ops and op.owner == op.name:
            text = Text().append("variable ", "green")
            text.append(name, "bold")
            hidden = internal.get(op.name, 0)
            return text.append(f" ({op.type}, +{_plural(hidden, 'internal op')})", "dim")
        text = Text(name)
        text.append("  ")
        return text.append(op.type, "dim")

    return _to_rich_tree(Text(f"ops ({len(ops)})", "bold"), root, label, max_tree_depth(width))


# -------------------------------------------------------------- collections


def collections_tree(collections: Mapping[str, Sequence[str]]) -> Tree:
    """The graph's collections (LANGUAGE.md part 7): one branch per key, in
    the order given (the result's keys are sorted), and under it the name of
    each item in collection order.  Names are listed whole, not as a tree of
    scopes: a collection is an ordered list, and the same name may stand in
    several collections (or twice in one).  Flat, so no depth limit applies.
    """
    tree = Tree(Wrapped(Text(f"collections ({len(collections)})", "bold")), guide_style="dim")
    for key, names in collections.items():
        branch = tree.add(Wrapped(Text(key, "bold blue").append(f" ({len(names)})", "dim")))
        for name in names:
            branch.add(Wrapped(Text(name)))
    return tree


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
