"""`scopesim repl --python`: a Python REPL with `tf` (scopesim's
`tf.compat.v1`, graph mode on) already imported.

The scope REPL's conventions: prompt_toolkit with a file history (beside
the scope REPL's: `python_history`), Tab completes names and the
attributes of any value after a dot (nothing is called), Ctrl-C drops the
input, Ctrl-D leaves; Enter runs complete input and otherwise opens an
indented line (a blank line closes the blocks), Escape-Enter always opens
a line, Backspace in the indentation removes a level; piped input is read without prompts and the exit
status is 1 if anything failed.  `import tensorflow as tf` works too (the
import hook stays installed while the REPL runs); errors are shown as
Python's traceback of the typed lines only.
"""

from __future__ import annotations

import ast
import builtins
import codeop
import sys
import types

from ..errors import NotSimulated
from .hook import tensorflow_importable
from .namespace import Namespaces
from .runner import python_traceback

PROMPT = ">>> "
CONTINUATION = "... "
FILENAME = "<repl>"


class PythonRepl:
    def __init__(self, error_stream=None) -> None:
        self.spaces = Namespaces(tf1=False)
        self.spaces._disable_v2_behavior()
        self.namespace = {"__name__": "__main__", "__builtins__": builtins,
                          "tf": self.spaces.v1}
        self.compiler = codeop.CommandCompiler()
        self.failures = 0
        self.errors = error_stream or sys.stderr
        from ..explain.pyrepl import ReplExplainer
        self.explainer = ReplExplainer()    # `:explain NAME`

    def needs_more(self, text: str) -> bool:
        try:
            return self.compiler(text, FILENAME, "single") is None
        except (SyntaxError, ValueError, OverflowError):
            return False

    def submit(self, text: str) -> None:
        if not text.strip():
            return
        word, _, argument = text.strip().partition(" ")
        if word == ":explain":
            try:
                self.explainer.command(argument.strip(), sys.stdout, self.errors)
            except Exception as e:  # noqa: BLE001 - the REPL never dies of its own bug
                self.errors.write(f"internal error: {type(e).__name__}: {e}\n")
            return
        try:
            self.compiler(text, FILENAME, "single")
        except SyntaxError as e:
            if "multiple statements" not in str(e.msg):
                self._report(e)
                return
        except (ValueError, OverflowError) as e:
            self._report(e)
            return
        try:            # several statements (Escape-Enter, a paste) run one by one
            statements = ast.parse(text + "\n", FILENAME, "exec").body
            codes = [compile(ast.Interactive(body=[statement]), FILENAME, "single")
                     for statement in statements]
        except (SyntaxError, ValueError, OverflowError) as e:
            self._report(e)
            return
        from ..tf import runtime
        for code in codes:
            runtime.reset()
            try:
                with self.explainer.running(codes, text):
                    exec(code, self.namespace)
            except KeyboardInterrupt:
                raise
            except SystemExit:
                raise
            except BaseException as e:  # noqa: BLE001 - the typed code's error is shown
                self._report(e)
                return
            if runtime.first_not_simulated is not None:
                self._report(runtime.first_not_simulated)
                return

    def _report(self, e: BaseException) -> None:
        self.failures += 1
        if isinstance(e, SyntaxError):
            import traceback
            self.errors.write("".join(traceback.format_exception_only(type(e), e)))
        else:
            self.errors.write(python_traceback(e))
        self.errors.flush()

    def completions(self, text: str) -> list[str]:
        """Names for the word before the cursor: `na` or `obj.attr.pre`."""
        head, dot, prefix = text.rpartition(".")
        if not dot:
            names = set(self.namespace) | set(dir(builtins))
        else:
            value = self._lookup(head)
            if value is None:
                return []
            names = set(dir(value))
        return sorted(n for n in names if n.startswith(prefix)
                      and (not n.startswith("_") or prefix.startswith("_")))

    def _lookup(self, dotted: str):
        parts = dotted.split(".")
        if not all(p.isidentifier() for p in parts):
            return None
        value = self.namespace.get(parts[0], getattr(builtins, parts[0], None))
        for part in parts[1:]:
            if value is None:
                return None
            try:
                if part in getattr(value, "__dict__", {}):
                    value = value.__dict__[part]
                elif isinstance(value, types.ModuleType):   # a module's lazy names
                    value = getattr(value, part)
                else:                                       # no property is run
                    value = getattr(type(value), part, None)
            except BaseException:  # noqa: BLE001 - completion never fails the REPL
                from ..tf import runtime
                runtime.reset()
                return None
        return value


def run_python_repl(input=None, output=None, history_path=None) -> int:
    """Run the Python REPL (interactive on a terminal, else from stdin)."""
    from ..tf import compat_v1, runtime
    repl = PythonRepl()
    with tensorflow_importable(repl.spaces), runtime.ProgramGraph(compat_v1.Graph()):
        try:
            if input is None and not sys.stdin.isatty():
                return _piped(repl)
            return _interactive(repl, input, output, history_path)
        except SystemExit as e:
            return e.code if isinstance(e.code, int) else 0


def _piped(repl: PythonRepl) -> int:
    pending: list[str] = []
    for line in sys.stdin:
        pending.append(line.rstrip("\n"))
        text = "\n".join(pending)
        if repl.needs_more(text) and line.strip():
            continue
        repl.submit(text)
        pending = []
    if pending:
        repl.submit("\n".join(pending))
    return 1 if repl.failures else 0


def _interactive(repl: PythonRepl, input, output, history_path) -> int:
    from pathlib import Path

    from prompt_toolkit import PromptSession
    from prompt_toolkit.completion import Completer, Completion
    from prompt_toolkit.history import FileHistory, InMemoryHistory
    from prompt_toolkit.lexers import PygmentsLexer
    from pygments.lexers.python import PythonLexer

    from .. import TENSORFLOW_VERSION, __version__
    from ..repl import default_history_path

    class PyCompleter(Completer):
        def get_completions(self, document, complete_event):
            word = document.get_word_before_cursor(pattern=_WORD)
            prefix = word.rpartition(".")[2]
            for name in repl.completions(word):
                yield Completion(name, start_position=-len(prefix))

    history = InMemoryHistory()
    path = Path(history_path) if history_path is not None else \
        default_history_path().with_name("python_history")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        history = FileHistory(str(path))
    except OSError:
        pass
    session = PromptSession(PROMPT, multiline=True,
                            prompt_continuation=lambda width, line, soft: CONTINUATION,
                            lexer=PygmentsLexer(PythonLexer), completer=PyCompleter(),
                            complete_while_typing=False, history=history,
                            key_bindings=key_bindings(repl), input=input, output=output)
    print(f"scopesim {__version__} Python REPL: tf is TensorFlow {TENSORFLOW_VERSION}'s "
          "tf.compat.v1, graph mode on. Ctrl-D leaves.")
    while True:
        try:
            text = session.prompt()
        except KeyboardInterrupt:       # drops the input, as in the scope REPL
            continue
        except EOFError:
            break
        try:
            repl.submit(_without_trailing_blank_lines(text))
        except KeyboardInterrupt:
            print("KeyboardInterrupt", file=sys.stderr)
    return 0


INDENT = "    "
#: A line starting with one of these ends its block: the next one is dedented.
_BLOCK_ENDERS = ("return", "pass", "break", "continue", "raise")


def next_indent(text_before_cursor: str) -> str:
    """The indentation of the line after the cursor's: the current line's,
    one level more after a line ending in `:`, one less after `return`,
    `pass`, `break`, `continue` or `raise`."""
    line = text_before_cursor.rsplit("\n", 1)[-1]
    indent = line[:len(line) - len(line.lstrip())]
    code = line.rstrip()
    if "#" in code and "'" not in code and '"' not in code:     # a comment, not a string
        code = code.split("#", 1)[0].rstrip()
    if code.endswith(":"):
        return indent + INDENT
    word = code.strip().split(" ", 1)[0].split("(", 1)[0]
    if word in _BLOCK_ENDERS:
        return indent[:max(len(indent) - len(INDENT), 0)]
    return indent


def enter_action(repl: PythonRepl, text: str, text_before_cursor: str) -> str:
    """What Enter does: "run" the input, or open a "newline" (indented)."""
    lines = text.split("\n")
    current = text_before_cursor.rsplit("\n", 1)[-1]
    if len(lines) > 1 and not current.strip() and text_before_cursor == text:
        return "run"                     # a blank line at the end closes the blocks
    try:
        more = repl.needs_more(text)
    except Exception:  # noqa: BLE001 - a key binding never fails the REPL
        more = False
    return "newline" if more else "run"


def key_bindings(repl: PythonRepl):
    """The scope REPL's keys, for Python: Enter runs the input when it is
    complete (a blank last line closes open blocks, as in Python's REPL) and
    otherwise opens a new line indented for what comes next; Escape-Enter
    always opens a new line; Backspace in the indentation removes one level."""
    from prompt_toolkit.enums import DEFAULT_BUFFER
    from prompt_toolkit.filters import Condition, has_focus
    from prompt_toolkit.key_binding import KeyBindings

    bindings = KeyBindings()
    editing = has_focus(DEFAULT_BUFFER)     # not while Ctrl-R search has the focus

    @bindings.add("enter", filter=editing)
    def _enter(event):
        buffer = event.current_buffer
        before = buffer.document.text_before_cursor
        if enter_action(repl, buffer.text, before) == "run":
            buffer.validate_and_handle()
        else:
            buffer.insert_text("\n" + next_indent(before))

    @bindings.add("escape", "enter", filter=editing)
    def _newline(event):
        event.current_buffer.insert_text("\n")

    def _in_indentation() -> bool:
        from prompt_toolkit.application import get_app
        line = get_app().current_buffer.document.current_line_before_cursor
        return bool(line) and not line.strip()

    @bindings.add("backspace", filter=editing & Condition(_in_indentation))
    def _dedent(event):
        buffer = event.current_buffer
        line = buffer.document.current_line_before_cursor
        buffer.delete_before_cursor((len(line) - 1) % len(INDENT) + 1)

    return bindings


def _without_trailing_blank_lines(text: str) -> str:
    lines = text.split("\n")
    while len(lines) > 1 and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


_WORD = __import__("re").compile(r"[A-Za-z0-9_.]+")
_ = NotSimulated
