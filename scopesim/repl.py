"""`scopesim repl`: an interactive session in the `.scope` language.

Two layers:

* `Repl` holds the state (a `scopesim.Session`, what was entered so far) and
  does everything a REPL does with a complete piece of input: run it, print
  its output or its error trace, run a meta-command.  It does no terminal
  I/O of its own: text in, rich console out.  Every input is guarded, so an
  internal error of scopesim prints "internal error: ..." and the REPL goes on.
* `run_repl` feeds it: from a prompt_toolkit prompt when standard input is
  a terminal (history, completion, highlighting, a continuation prompt while
  a block is open), or line by line from a pipe, without prompts, so the
  REPL can be scripted: `echo 'var w [1]; print w' | scopesim repl`.

A piece of input is complete when it parses, or when it fails to parse for a
reason other than running out of text (`ScopeSyntaxError.incomplete`): that
error is reported at once instead of waiting for more lines.

Each input is parsed as its own program, named `<repl-N>` (N counts inputs
from 1), so error traces and "Originally defined at:" point at that input.
The session keeps the graph, the scopes' counters and the handles across
inputs, and after an error keeps what was created before it, as TensorFlow
does after an exception.

`:save FILE` writes what was entered so far as a `.scope` file that rebuilds
the session's state: the statements that ran, in order.  A statement that
raised is kept inside `try < ... > except <its error>` (what it created
before raising stays in the session, so it must stay in the file); the
statements after it in the same input never ran and are left out.
"""

from __future__ import annotations

import os
import re
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from .errors import CATCHABLE, ProgramError, ScopeSyntaxError
from .lexer import (ATTRIBUTES, BUILTINS, DTYPES, EXCEPTIONS, FUNCTIONS, INITIALIZERS, KEYWORDS,
                    LITERALS)
from .render import write_raw

__all__ = ["run_repl", "Repl", "default_history_path", "META_COMMANDS", "PROMPT",
           "CONTINUATION_PROMPT"]

PROMPT = "scope> "
CONTINUATION_PROMPT = "  ... "
INDENT = "    "

BANNER = ("scopesim {version}: TensorFlow {tf} variable scopes, simulated.  "
          ":help lists the commands, Ctrl-D leaves.")


def default_history_path() -> Path:
    """`$XDG_STATE_HOME/scopesim/history`, or `~/.local/state/scopesim/history`.

    The XDG spec says a relative `$XDG_STATE_HOME` is invalid and must be
    ignored, so only an absolute one is used.
    """
    state_home = os.environ.get("XDG_STATE_HOME", "")
    base = Path(state_home) if state_home and os.path.isabs(state_home) \
        else Path.home() / ".local" / "state"
    return base / "scopesim" / "history"


# ---------------------------------------------------------------- the state


class Repl:
    """The REPL without the terminal: give it complete inputs with `submit`."""

    def __init__(self, console: Console | None = None, error_console: Console | None = None):
        self.console = console or Console()
        self.error_console = error_console or self.console
        self.session = None
        self.entered: list[str] = []        # the source of successful statements
        self.last_result = None             # RunResult: the whole graph so far
        self.inputs = 0                     # numbers the <repl-N> pseudo files
        self.failures = 0                   # errors reported (syntax or program)
        self.reset()

    # ---------------------------------------------------------- input

    @staticmethod
    def is_meta(text: str) -> bool:
        return text.lstrip().startswith(":")

    def needs_more(self, text: str) -> bool:
        """Whether `text` is the beginning of a program that goes on (an open
        block, a `try` without `except`, an unterminated string)."""
        if not text.strip() or self.is_meta(text):
            return False
        try:
            # Enter ends the line: judge the text as the line it makes.
            program = _parse(text if text.endswith("\n") else text + "\n", "<repl>")
        except ScopeSyntaxError as error:
            return _more_text_can_help(error)
        except Exception:           # an internal error: let submit() report it
            return False
        return _if_may_go_on(program, text)

    def submit(self, text: str) -> bool:
        """Run one complete input.  Returns False when the REPL should stop."""
        try:
            if self.is_meta(text):
                return self.run_meta(text.strip())
            if text.strip():
                self.run_source(text)
        except Exception as error:  # never let the REPL die of its own bug
            self.report_internal_error(error)
        return True

    def report_internal_error(self, error: BaseException) -> None:
        self.failures += 1
        self.error_console.print(f"internal error: {type(error).__name__}: {error}",
                                 markup=False, highlight=False, style="bold red")
        if os.environ.get("SCOPESIM_DEBUG"):
            self.error_console.out(traceback.format_exc(), highlight=False)

    # ---------------------------------------------------------- programs

    def run_source(self, text: str, filename: str | None = None) -> bool:
        """Parse and run `text` in the session; print its output, then its
        error if it raised.  Returns True when it ran without an error."""
        hint = self.hint_for(text) if filename is None else None
        if hint:
            self.error_console.print(hint, markup=False, highlight=False)
            return True
        if filename is None:
            self.inputs += 1
            filename = f"<repl-{self.inputs}>"
        try:
            program = _parse(text, filename)
        except ScopeSyntaxError as error:
            self.failures += 1
            self.print_syntax_error(error)
            return False
        from .explain import recording
        with recording(self.recorder):      # for :explain
            result = self.session.execute(program)
        self.last_result = result
        for line in result.output:      # verbatim, as `run` prints it
            write_raw(self.console, line + "\n")
        kept = successful_source(program, result.error)
        if kept:
            self.entered.append(kept)
        if result.error is not None:
            self.failures += 1
            self.print_program_error(result.error)
            return False
        return True

    def hint_for(self, text: str) -> str | None:
        """What to say instead of a NameError when `text` is Python's way to
        leave or ask for help (`exit`, `quit()`, `help`), unless the session
        has a handle of that name."""
        word = text.strip().removesuffix("()").strip()
        if word not in _REPL_WORDS or word in self.session.globals:
            return None
        return _REPL_WORDS[word]

    def print_syntax_error(self, error: ScopeSyntaxError) -> None:
        from .render import print_syntax_error
        print_syntax_error(self.error_console, error)

    def print_program_error(self, error: ProgramError) -> None:
        """The same trace as `scopesim run` prints."""
        from .render import print_traceback
        print_traceback(self.error_console, error)

    # ---------------------------------------------------------- meta-commands

    def run_meta(self, text: str) -> bool:
        word, _, argument = text[1:].partition(" ")
        argument = argument.strip()
        names = [name for name in META_COMMANDS if name.startswith(word)] if word else []
        if word in META_COMMANDS:
            names = [word]
        if len(names) != 1:
            if names:
                choices = ", ".join(":" + n for n in names)
                message = f"ambiguous command :{word} (could be {choices})"
            else:
                message = f"unknown command :{word}; :help lists the commands"
            self.error_console.print(message, markup=False, highlight=False)
            return True
        command = META_COMMANDS[names[0]]
        if command.argument and not argument:
            self.error_console.print(f"usage: :{names[0]} {command.argument}", markup=False,
                                     highlight=False)
            return True
        if argument and not command.argument and argument not in command.options:
            accepted = " or ".join(f"`:{names[0]} {option}`" for option in command.options)
            self.error_console.print(
                f":{names[0]} takes no argument {argument!r}"
                + (f" (only {accepted})" if accepted else ""), markup=False, highlight=False)
            return True
        return command.function(self, argument) is not False

    def reset(self) -> None:
        from . import Session
        from .explain import Recorder
        self.session = Session()
        self.recorder = Recorder()          # the naming events, for :explain
        self.entered = []
        self.last_result = None

    def saved_text(self) -> str:
        """What `:save` writes: every successful statement so far."""
        return "".join(chunk.rstrip("\n") + "\n" for chunk in self.entered)

    def names(self) -> list[str]:
        """Handles, scope and variable names known to the session (for completion)."""
        return list(self.session.names())

    def attributes_of(self, dotted: str) -> list[str] | None:
        """The public attributes of the value `dotted` names (`tf`, `tf.nn`,
        a handle, `v.op`), for completion after a dot; None when it names
        nothing the session knows.  Only names and attributes are looked up,
        nothing is called (a property that raises, even NotSimulated, gives
        None)."""
        first, *rest = dotted.split(".")
        if first in self.session.globals and not first.startswith("__"):
            value = self.session.globals[first]
        elif first in self.session.builtins:
            value = self.session.builtins[first]
        else:
            return None
        try:
            for name in rest:
                if name.startswith("_"):
                    return None
                value = getattr(value, name)
            names = dir(value)
        except BaseException:       # noqa: BLE001 - completion never fails the REPL
            return None
        return sorted(n for n in names if not n.startswith("_"))


#: Python REPL words a user may type, and the hint given instead of a NameError.
_REPL_WORDS = {
    "exit": "use :quit or Ctrl-D to leave the REPL",
    "quit": "use :quit or Ctrl-D to leave the REPL",
    "help": ":help lists the REPL's commands; `scopesim doc` is the language reference",
}

#: What may start the line after a complete block (`try < ... >` then
#: `except` on the next line): an error at the end of a line that expects
#: one of these waits for more input.
_NEXT_LINE_WORDS = frozenset({"'except'", "'finally'", "'elif'", "'else'"})


def _if_may_go_on(program, text: str) -> bool:
    """An `if` without `else` that ends the input may still get an `elif` or
    `else` on the next line: as in Python's REPL, a blank line ends it."""
    import ast as python_ast
    body = program.module.body
    if not body or not isinstance(body[-1], python_ast.If):
        return False
    last = body[-1]
    while len(last.orelse) == 1 and isinstance(last.orelse[0], python_ast.If) \
            and _written_as_elif(program, last.orelse[0]):
        last = last.orelse[0]       # an elif chain: `elif` is an If in orelse
    if last.orelse:
        return False
    lines = text.split("\n")
    return bool(lines[-1].strip()) and lines[-1].rstrip().endswith(">")


def _written_as_elif(program, node) -> bool:
    """Whether the If `node` (positioned at its condition) is an `elif`."""
    before = program.line(node.lineno).encode("utf-8")[:node.col_offset].decode("utf-8", "replace")
    return before.rstrip(" \t(").endswith("elif")


def _more_text_can_help(error: ScopeSyntaxError) -> bool:
    """Whether `error` only says the text stopped too early.  The parser
    calls an error at the last newline incomplete too (`var w [1] foo`
    expects `=` there); more lines cannot mend such a statement, unless
    what it expects may start the next line."""
    if not error.incomplete:
        return False
    if error.message.startswith("unexpected end of line"):
        return bool(_NEXT_LINE_WORDS & set(error.expected))
    return True


def _parse(text: str, filename: str):
    from . import parse
    return parse(text, filename)


# ---------------------------------------------------------------- helpers


def successful_source(program, error: ProgramError | None) -> str:
    """The source of what `program` did, for `:save`.

    Without an error that is the whole text.  With one, it is the top-level
    statements before the one that raised, then that statement wrapped in
    `try < ... > except <its error type>`: running the saved file then
    leaves exactly the state the session is in (what the statement created
    before raising stays, as it does after an uncaught TensorFlow error).
    Statements after it never ran and are left out.
    """
    if error is None:
        return program.source.strip("\n")
    position = (error.span.line, error.span.column)
    kept = []
    for start, end in _top_level_spans(program):
        text = _source_of(program.source, start, end)
        if end > position:
            handler = error.type if error.type in CATCHABLE else "Exception"
            kept.append(f"# raised {error.type} when entered; kept for what it created\n"
                        "try <\n" + _indented(text) + f"\n> except {handler}")
            break
        kept.append(text)
    return "\n".join(kept)


def _top_level_spans(program) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """((line, column), (end line, end column)) of each top-level statement of
    the program's module, 1-based character columns as the `.scope` counts them."""
    spans = []
    for statement in program.module.body:
        if getattr(statement, "lineno", None) is None or statement.end_lineno is None:
            continue
        start = (statement.lineno, program.char_column(statement.lineno, statement.col_offset))
        end = (statement.end_lineno,
               program.char_column(statement.end_lineno, statement.end_col_offset))
        spans.append((start, end))
    return spans


def _source_of(source: str, start: tuple[int, int], end: tuple[int, int]) -> str:
    offsets = _line_offsets(source)
    return source[offsets[start[0] - 1] + start[1] - 1:offsets[end[0] - 1] + end[1] - 1]


def _indented(text: str) -> str:
    """`text` one block level deeper (blank lines left empty)."""
    return "\n".join(INDENT + line if line.strip() else line for line in text.split("\n"))


def _line_offsets(text: str) -> list[int]:
    """Offset of the start of each line; lines end at "\n", as the parser counts them."""
    offsets = [0]
    for line in text.split("\n"):
        offsets.append(offsets[-1] + len(line) + 1)
    return offsets


# ---------------------------------------------------------------- meta-commands


@dataclass(frozen=True)
class MetaCommand:
    function: Callable[[Repl, str], bool | None]
    help: str
    argument: str = ""           # e.g. "FILE": the command needs an argument
    options: tuple[str, ...] = ()  # the words an argument-less command accepts


def _help(repl: Repl, argument: str) -> None:
    width = max(len(name) + len(command.argument) for name, command in META_COMMANDS.items())
    lines = ["Statements run as you enter them; a block (`scope \"a\" <`, `def f(x) <`,",
             "`for i in xs <`) goes on until its `>` closes it; after an `if` block an",
             "`elif` or `else` may follow (an empty line ends it).  Tab completes (also",
             "`tf.` names and attributes after a dot), up/down and Ctrl-R search the",
             "history, Ctrl-C drops the current input, Ctrl-D leaves.",
             f"The history is kept in {default_history_path()}.", "", "Commands:"]
    for name, command in META_COMMANDS.items():
        usage = f":{name} {command.argument}".rstrip()
        lines.append(f"  {usage:<{width + 3}}  {command.help}")
    repl.console.print("\n".join(lines), markup=False, highlight=False)


def _vars(repl: Repl, argument: str) -> None:
    from .render import ellipsis_for, variables_tree
    variables = repl.last_result.variables if repl.last_result else []
    repl.console.print(variables_tree(variables, width=repl.console.width,
                                      ellipsis=ellipsis_for(repl.console)))


def _ops(repl: Repl, argument: str) -> None:
    """Variables' internal ops are folded; `:ops all` shows them too."""
    from .render import ellipsis_for, ops_tree
    ops = repl.last_result.ops if repl.last_result else []
    repl.console.print(ops_tree(ops, all_ops=argument == "all", width=repl.console.width,
                                ellipsis=ellipsis_for(repl.console)))


def _collections(repl: Repl, argument: str) -> None:
    from .render import collections_tree
    repl.console.print(collections_tree(repl.last_result.collections if repl.last_result
                                        else {}))


def _scope(repl: Repl, argument: str) -> None:
    for label, value in (("variable scope", repl.session.variable_scope_name()),
                         ("name scope", repl.session.name_scope())):
        shown = f'"{value}"' + ("  (the root)" if value == "" else "")
        repl.console.print(f"{label}: {shown}", markup=False, highlight=False)


def _reset(repl: Repl, argument: str) -> None:
    repl.reset()
    repl.console.print("a fresh graph: no variables, no ops, no handles", highlight=False)


def _load(repl: Repl, argument: str) -> None:
    path = Path(argument).expanduser()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or error
        repl.error_console.print(f"cannot read {argument}: {reason}",
                                 markup=False, highlight=False)
        return
    repl.run_source(text, filename=argument)


def _save(repl: Repl, argument: str) -> None:
    path = Path(argument).expanduser()
    text = repl.saved_text()
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        repl.error_console.print(f"cannot write {argument}: {error.strerror or error}",
                                 markup=False, highlight=False)
        return
    count = sum(1 for chunk in repl.entered if chunk.strip())
    repl.console.print(f"saved {count} input(s) to {argument}", markup=False, highlight=False)


def _emit(repl: Repl, argument: str) -> None:
    try:
        from .emit import emit
    except ImportError:
        repl.error_console.print(":emit needs scopesim.emit, which this installation lacks",
                                 highlight=False)
        return
    program = _parse(repl.saved_text(), "<repl>")
    repl.console.out(emit(program).rstrip("\n"), highlight=False)


def _explain(repl: Repl, argument: str) -> None:
    """`scopesim explain` over the session so far (`:explain --error`: the
    last input's error)."""
    from .explain.analysis import Analysis, UnknownName
    from .explain.text import print_error_explanation, print_explanation
    analysis = Analysis(repl.recorder, repl.session.graph)
    if argument == "--error":
        error = repl.last_result.error if repl.last_result else None
        if error is None:
            repl.console.print("the last input raised no error", markup=False, highlight=False)
            return
        from .explain.command import print_trace
        from .explain.error import explain_error
        print_error_explanation(repl.console, explain_error(analysis, error),
                                lambda console: print_trace(console, error))
        return
    try:
        explanation = analysis.explain(argument)
    except UnknownName as unknown:
        closest = ", ".join(unknown.closest) if unknown.closest else "none"
        repl.error_console.print(f"no op, tensor, variable or scope is named {argument!r}; "
                                 f"the closest names: {closest}", markup=False, highlight=False)
        return
    print_explanation(repl.console, explanation)


def _quit(repl: Repl, argument: str) -> bool:
    return False


#: The one registry of meta-commands; `:help` is generated from it.
META_COMMANDS: dict[str, MetaCommand] = {
    "help": MetaCommand(_help, "show this help"),
    "vars": MetaCommand(_vars, "the variables so far, as a tree of scopes"),
    "ops": MetaCommand(_ops, "the ops so far by name scope (`:ops all`: unfold variables)",
                       options=("all",)),
    "collections": MetaCommand(_collections, "the graph's collections: each key, its items' names"),
    "scope": MetaCommand(_scope, "the current variable scope and name scope"),
    "reset": MetaCommand(_reset, "start again from an empty graph"),
    "load": MetaCommand(_load, "run a .scope file in this session", "FILE"),
    "save": MetaCommand(_save, "write the statements that ran so far to a .scope file", "FILE"),
    "emit": MetaCommand(_emit, "the TensorFlow program equivalent to what ran so far"),
    "explain": MetaCommand(_explain, "why NAME is what it is (`:explain --error`: the last "
                                     "error)", "NAME"),
    "quit": MetaCommand(_quit, "leave (so does Ctrl-D)"),
}


# ---------------------------------------------------------------- completion


WORDS = tuple(dict.fromkeys(KEYWORDS + LITERALS + FUNCTIONS + BUILTINS + INITIALIZERS + DTYPES
                            + EXCEPTIONS))
#: What may stand where an expression or a statement starts: not the bare
#: initializer and dtype words, which only follow `initializer=`/`dtype=`.
EXPRESSION_WORDS = tuple(dict.fromkeys(KEYWORDS + LITERALS + FUNCTIONS + BUILTINS + EXCEPTIONS))
#: The values of a version-1 option, by the option's key (LANGUAGE.md part 2).
OPTION_VALUES = {
    "dtype": DTYPES,
    "initializer": INITIALIZERS,
    "init": ("zeros", "ones", "truncated_normal"),
    "reuse": ("true", "false", "auto", "none"),
    "aux": ("true", "false"),
    "trainable": ("true", "false"),
}
_OPTION_AT_CURSOR = re.compile(r"(?<![\w.])(" + "|".join(OPTION_VALUES) + r")=(\w*)$")


def completion_candidates(repl: "Repl", line: str) -> tuple[str, list[str]]:
    """(the prefix being completed, what may stand there) at the end of
    `line`, by context: an option's values after `dtype=`, `initializer=`,
    `reuse=`...; the names of the session inside a string; attributes after
    a dot; else keywords, functions and handles (not bare initializers)."""
    if _inside_string(line):
        return line[line.rfind('"') + 1:], repl.names()
    option = _OPTION_AT_CURSOR.search(line)
    if option:
        return option.group(2), list(OPTION_VALUES[option.group(1)])
    dotted = re.search(r"(?<![\w.])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\.(\w*)$", line)
    attribute = re.search(r"(?:\)|[A-Za-z_]\w*)\.(\w*)$", line)
    if dotted and repl.attributes_of(dotted.group(1)) is not None:
        return dotted.group(2), repl.attributes_of(dotted.group(1))
    if attribute:
        return attribute.group(1), list(ATTRIBUTES)
    prefix = re.search(r"[A-Za-z0-9_./\-]*$", line).group(0)
    return prefix, list(EXPRESSION_WORDS) + repl.names()


def _make_completer(repl: Repl):
    from prompt_toolkit.completion import Completer, Completion, PathCompleter
    from prompt_toolkit.document import Document

    paths = PathCompleter(expanduser=True)

    class ScopeCompleter(Completer):
        """Keywords, handles, scope and variable names; `.attr`; meta-commands
        and their file arguments."""

        def get_completions(self, document, complete_event):
            text = document.text_before_cursor
            if Repl.is_meta(document.text) and "\n" not in text:
                command, space, argument = text.lstrip()[1:].partition(" ")
                if not space:
                    for name, meta in META_COMMANDS.items():
                        if name.startswith(command):
                            yield Completion(":" + name, -len(command) - 1,
                                             display_meta=meta.help)
                elif META_COMMANDS.get(command, MetaCommand(None, "")).argument:
                    yield from paths.get_completions(Document(argument.lstrip()),
                                                     complete_event)
                return
            prefix, candidates = completion_candidates(repl, text.rsplit("\n", 1)[-1])
            for candidate in dict.fromkeys(candidates):
                if candidate.startswith(prefix) and candidate != prefix:
                    yield Completion(candidate, -len(prefix))

    return ScopeCompleter()


def _inside_string(line: str) -> bool:
    """Whether the end of `line` is inside a string literal (comments count)."""
    inside = False
    index = 0
    while index < len(line):
        char = line[index]
        if inside and char == "\\":
            index += 2
            continue
        if char == '"':
            inside = not inside
        elif char == "#" and not inside:
            return False
        index += 1
    return inside


def block_depth(text: str) -> int:
    """How many `<` are open at the end of `text` (strings and comments
    skipped), to indent the next line."""
    from pygments.token import Punctuation

    from .lexer import ScopeLexer

    depth = 0
    for token, value in ScopeLexer().get_tokens(text):
        if token is Punctuation and value in "<>":
            depth = max(depth + (1 if value == "<" else -1), 0)
    return depth


# ---------------------------------------------------------------- the loops


def run_repl(console: Console | None = None, error_console: Console | None = None, *,
             input=None, output=None, history_path=None) -> int:
    """Run the REPL until Ctrl-D or `:quit`.

    `console` receives what programs print and the meta-commands' views;
    `error_console` the error traces (by default `console` when one is
    given, standard error otherwise).  `input`/`output` are prompt_toolkit
    Input/Output objects (tests pass a pipe input and a DummyOutput).  When
    `input` is None and standard input is not a terminal, lines are read
    from it without prompts.  `history_path` defaults to
    `default_history_path()`.

    Returns 0; reading from a pipe, returns 1 if any input failed (a syntax
    error, an uncaught error of the program, an internal error), so that a
    scripted session can be checked like a program run.
    """
    if console is None:
        console = Console()
        error_console = error_console or Console(stderr=True)
    error_console = error_console or console
    repl = Repl(console, error_console)
    if input is None and not _stdin_is_terminal():
        return _run_piped(repl, sys.stdin)
    if output is None:
        output = _output_without_cpr()
    if input is None:
        with _keys_kept_between_prompts(sys.stdin):
            return _run_interactive(repl, input, output, history_path)
    return _run_interactive(repl, input, output, history_path)


def _output_without_cpr():
    """prompt_toolkit's output for this terminal, never asking it for the
    cursor position: a terminal that does not answer made every input wait
    a second after Enter (keys typed then were read by the finished prompt).
    The answer only sizes the completion menu."""
    from prompt_toolkit.output import create_output
    output = create_output()
    if hasattr(output, "enable_cpr"):
        output.enable_cpr = False
    return output


class _keys_kept_between_prompts:
    """Keep the terminal out of canonical mode (and its echo off) for the
    whole session, not only while a prompt reads.  Between two prompts, while
    an input runs and its result prints, the terminal would otherwise be in
    cooked mode, where the line discipline eats a typed-ahead Ctrl-D as an end
    of file and echoes keys into the output; now every key waits, unechoed,
    for the next prompt.  Signals (Ctrl-C) still work.  The terminal's mode
    is restored at the end."""

    def __init__(self, stream):
        self.fd = None
        self.saved = None
        try:
            import termios
            self.fd = stream.fileno()
            self.saved = termios.tcgetattr(self.fd)
        except (ImportError, OSError, ValueError, AttributeError):
            self.saved = None

    def __enter__(self):
        if self.saved is not None:
            import termios
            mode = termios.tcgetattr(self.fd)
            mode[3] &= ~(termios.ICANON | termios.ECHO)
            mode[6][termios.VMIN], mode[6][termios.VTIME] = 1, 0
            try:
                termios.tcsetattr(self.fd, termios.TCSANOW, mode)
            except OSError:
                self.saved = None
        return self

    def __exit__(self, *exc_info):
        if self.saved is not None:
            import termios
            try:
                termios.tcsetattr(self.fd, termios.TCSANOW, self.saved)
            except OSError:
                pass
        return False


def _stdin_is_terminal() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _run_piped(repl: Repl, stream) -> int:
    pending: list[str] = []
    for line in stream:
        line = line.rstrip("\r\n")
        if pending and Repl.is_meta(line):
            # A meta-command is never part of a program: it runs at once,
            # and the open block goes on after it.
            if not repl.submit(line):
                break
            continue
        pending.append(line)
        text = "\n".join(pending)
        if repl.needs_more(text):
            continue
        pending = []
        try:
            if not repl.submit(text):
                break
        except KeyboardInterrupt:
            repl.error_console.print("KeyboardInterrupt", highlight=False, markup=False)
            return 130
    else:
        if pending:         # the input ended inside a block: report it
            repl.submit("\n".join(pending))
    return 1 if repl.failures else 0


def _run_interactive(repl: Repl, input, output, history_path) -> int:
    from prompt_toolkit import PromptSession
    from prompt_toolkit.history import FileHistory, InMemoryHistory
    from prompt_toolkit.lexers import PygmentsLexer

    from . import TENSORFLOW_VERSION, __version__
    from .lexer import ScopeLexer

    history = InMemoryHistory()
    path = Path(history_path) if history_path is not None else default_history_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        history = FileHistory(str(path))
    except OSError:
        pass
    prompt = PromptSession(
        PROMPT,
        multiline=True,
        prompt_continuation=continuation_prompt,
        lexer=PygmentsLexer(ScopeLexer),
        completer=_make_completer(repl),
        complete_while_typing=False,
        history=history,
        key_bindings=_key_bindings(repl),
        input=input,
        output=output,
    )
    repl.console.print(BANNER.format(version=__version__, tf=TENSORFLOW_VERSION),
                       markup=False, highlight=False)
    while True:
        try:
            text = prompt.prompt()
        except KeyboardInterrupt:     # Ctrl-C: the input is dropped, and says so
            repl.error_console.print("^C (input dropped)", markup=False, highlight=False,
                                     style="dim")
            continue
        except EOFError:
            break
        except Exception as error:   # a bug in a completer, the history file...
            repl.report_internal_error(error)
            continue
        try:
            if not repl.submit(text):
                break
        except KeyboardInterrupt:     # Ctrl-C while a program runs: back to the prompt
            repl.error_console.print("KeyboardInterrupt", highlight=False, markup=False)
    return 0


def continuation_prompt(width: int, line_number: int, is_soft_wrap: bool) -> str:
    """`  ... ` before each new line of an input; nothing before the rest of
    a line the terminal wrapped (one long line must not look like two)."""
    return "" if is_soft_wrap else CONTINUATION_PROMPT


def _key_bindings(repl: Repl):
    """Enter runs the input when it is complete and opens a new, indented
    line when a block is still open; Escape-Enter always opens a new line.
    Typing `>` on a blank indented line dedents it."""
    from prompt_toolkit.enums import DEFAULT_BUFFER
    from prompt_toolkit.filters import Condition, has_focus
    from prompt_toolkit.key_binding import KeyBindings

    bindings = KeyBindings()
    editing = has_focus(DEFAULT_BUFFER)     # not while Ctrl-R search has the focus

    @bindings.add("enter", filter=editing)
    def _enter(event):
        buffer = event.current_buffer
        try:
            more = repl.needs_more(buffer.text)
        except Exception:
            more = False
        if more:
            buffer.insert_text("\n" + INDENT * block_depth(buffer.document.text_before_cursor))
        else:
            buffer.validate_and_handle()

    @bindings.add("escape", "enter", filter=editing)
    def _newline(event):
        event.current_buffer.insert_text("\n")

    in_open_block = Condition(lambda: _in_open_block())

    def _in_open_block() -> bool:
        from prompt_toolkit.application import get_app
        return "\n" in get_app().current_buffer.text

    @bindings.add("enter", filter=editing & in_open_block & Condition(
        lambda: Repl.is_meta(_current_line())))
    def _meta_inside_block(event):
        """`:scope` typed on a line of an open block runs at once; the block
        stays in the buffer and goes on."""
        from prompt_toolkit.application import run_in_terminal
        buffer = event.current_buffer
        command = buffer.document.current_line.strip()
        line_start = buffer.document.get_start_of_line_position()
        buffer.delete_before_cursor(-line_start)
        buffer.delete(len(buffer.document.current_line_after_cursor))
        depth = block_depth(buffer.document.text_before_cursor)
        buffer.insert_text(INDENT * depth)
        keep_going = []
        run_in_terminal(lambda: keep_going.append(repl.submit(command)))
        if keep_going == [False]:
            event.app.exit(exception=EOFError())

    def _current_line() -> str:
        from prompt_toolkit.application import get_app
        return get_app().current_buffer.document.current_line

    @bindings.add("c-d", filter=editing & in_open_block & Condition(
        lambda: not _current_line().strip()))
    def _eof_inside_block(event):
        """Ctrl-D on a blank line of an open block ends the session, as at
        an empty prompt; what was typed of the block is said to be dropped."""
        from prompt_toolkit.application import run_in_terminal
        run_in_terminal(lambda: repl.error_console.print(
            "(the open block was not run)", markup=False, highlight=False))
        event.app.exit(exception=EOFError())

    completer = _make_completer(repl)

    @bindings.add("tab", filter=editing & Condition(lambda: _before_cursor_is_word()))
    def _complete_now(event):
        """Tab completes at once (prompt_toolkit's own completion runs in a
        background task, so an Enter typed right after Tab would run the
        text before the completion): one candidate, or the common part, is
        inserted before the next key is read; several show the menu."""
        from prompt_toolkit.completion import CompleteEvent, get_common_complete_suffix
        buffer = event.current_buffer
        if buffer.complete_state:
            buffer.complete_next()
            return
        document = buffer.document
        found = list(completer.get_completions(document, CompleteEvent(completion_requested=True)))
        if len(found) == 1:
            buffer.apply_completion(found[0])
            return
        common = get_common_complete_suffix(document, found) if found else ""
        if common:
            buffer.insert_text(common)
        elif found:
            buffer.start_completion(insert_common_part=True)

    def _before_cursor_is_word() -> bool:
        from prompt_toolkit.application import get_app
        line = get_app().current_buffer.document.current_line_before_cursor
        return bool(line.strip())

    at_blank_indent = Condition(lambda: _current_line_is_indent())

    def _current_line_is_indent() -> bool:
        from prompt_toolkit.application import get_app
        line = get_app().current_buffer.document.current_line_before_cursor
        return bool(line) and not line.strip()

    @bindings.add(">", filter=editing & at_blank_indent)
    def _dedent(event):
        buffer = event.current_buffer
        line = buffer.document.current_line_before_cursor
        buffer.delete_before_cursor(min(len(INDENT), len(line)))
        buffer.insert_text(">")

    return bindings
