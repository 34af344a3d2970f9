"""The parts of the command line that need no click: reading a program,
parsing it, running it, exit codes and the last line of defence.

`scopesim/cli.py` (click) declares the commands and their options over
these; `scopesim/entry.py` calls them directly for the commands that must
start fast (`--version`, a plain `run`), so that those import neither click
nor rich (rich only when text is rendered, or an error is reported).
"""

from __future__ import annotations

import errno
import os
import sys

from .exitcodes import ExitCode

STDIN = "-"
STDIN_FILENAME = "<stdin>"
#: What `run --format` accepts.
FORMATS = ("text", "json")


class Unavailable(Exception):
    """A library module the command needs is not part of this installation."""


class App:
    """Per-invocation state, passed to commands as click's context object:
    `--no-color`, a width, and the two rich consoles (stdout for the
    payload, stderr for diagnostics), made on first use (`render.make_consoles`)
    or injected by tests (`App.with_consoles`)."""

    __slots__ = ("no_color", "width", "_consoles")

    def __init__(self, no_color: bool = False, width: int | None = None, _consoles=None):
        self.no_color, self.width, self._consoles = no_color, width, _consoles

    @property
    def consoles(self):
        if self._consoles is None:
            from .render import make_consoles
            self._consoles = make_consoles(no_color=self.no_color, width=self.width)
        return self._consoles

    @property
    def out(self):
        return self.consoles.out

    @property
    def err(self):
        return self.consoles.err

    @classmethod
    def with_consoles(cls, consoles) -> "App":
        """An App that uses the given consoles (tests)."""
        return cls(_consoles=consoles)

    def write_out(self, text: str) -> None:
        """The payload, verbatim, on stdout: straight to the stream unless
        consoles were made or injected (then through the stdout console)."""
        write_stream(sys.stdout if self._consoles is None else self._consoles.out.file, text)


def write_stream(stream, text: str) -> None:
    """Write text exactly as given; characters the stream cannot encode are
    written as backslash escapes rather than crashing the command."""
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding))
    stream.flush()


# ------------------------------------------------------------------ helpers


def load(module: str, attr: str):
    """`scopesim.<module>.<attr>`, imported now; `Unavailable` if missing."""
    qualified = f"{__package__}.{module}"
    try:
        __import__(qualified)           # (importlib itself is not loaded at start-up)
        found = sys.modules[qualified]
    except ModuleNotFoundError as exc:
        if exc.name != qualified:
            raise
        raise Unavailable(f"{qualified} is not part of this installation") from None
    try:
        return getattr(found, attr)
    except AttributeError:
        raise Unavailable(f"{qualified}.{attr} is not part of this installation") from None


def stop(code: ExitCode):
    """End the command with `code` (click's way inside a click command)."""
    click = sys.modules.get("click")
    context = click.get_current_context(silent=True) if click is not None else None
    if context is not None:
        context.exit(int(code))
    raise SystemExit(int(code))


def fail_usage(app: App, message: str):
    from .render import print_usage_problem
    print_usage_problem(app.err, message)
    stop(ExitCode.USAGE)


def read_program(app: App, path: str) -> tuple[str, str]:
    """(source text, filename to report) of a program file, `-` = stdin.

    A file that cannot be read or is not UTF-8 text is a usage error (exit 2)
    with a one-line reason, never a traceback.  Newlines are normalized and
    a UTF-8 byte-order mark is dropped.
    """
    try:
        if path == STDIN:
            data, filename = sys.stdin.buffer.read(), STDIN_FILENAME
        else:
            with open(path, "rb") as file:
                data, filename = file.read(), path
    except OSError as exc:
        fail_usage(app, f"cannot read {_shown(path)}: {os_reason(exc)}")
    try:
        # what the "utf-8-sig" codec does, without importing its module
        if data[:3] == b"\xef\xbb\xbf":
            data = data[3:]
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:       # exc.start counts in `data`, after the mark
        line = data.count(b"\n", 0, exc.start) + 1
        fail_usage(app, f"cannot read {_shown(path)}: not UTF-8 text "
                        f"(byte 0x{data[exc.start]:02x} on line {line})")
    return text.replace("\r\n", "\n").replace("\r", "\n"), filename


def _shown(path: str) -> str:
    return "standard input" if path == STDIN else repr(path)


def os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "it is a directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return (exc.strerror or str(exc)).lower()


def parse_or_exit(app: App, source: str, filename: str, *, json_errors: bool = False,
                  loader=None):
    """Parse, or report the syntax error (stderr; stdout JSON if asked) and exit 2."""
    from .errors import ScopeSyntaxError
    parse = (loader or load)("parser", "parse")
    try:
        return parse(source, filename)
    except ScopeSyntaxError as err:
        from .render import print_syntax_error, syntax_error_json
        if json_errors:
            import json
            app.write_out(json.dumps(syntax_error_json(err), indent=2) + "\n")
        else:
            print_syntax_error(app.err, err)
        stop(ExitCode.USAGE)


def run_exit_code(result) -> ExitCode:
    """0 ok; 2 for `NotSimulated` (LANGUAGE.md part 3: not the program's
    error but a limit of scopesim); 1 for any other uncaught error."""
    if result.error is None:
        return ExitCode.OK
    if result.error.type == "NotSimulated":
        return ExitCode.USAGE
    return ExitCode.PROGRAM_ERROR


def run_file(app: App, file: str, program_args=(), lang: str | None = None, tf1: bool = False,
             json_format: bool = False, all_ops: bool = False, show_collections: bool = False,
             loader=None, exiting: bool = False):
    """What `scopesim run` does (its options are documented in cli.py).

    `exiting`: the process ends after this command with its heap frozen
    (`entry.freeze_heap`), so the run's graph is not taken apart
    (`runner.run(release=False)`) and the result and program are left to
    the frozen heap, never freed one object at a time (`_left_to_exit`);
    the program's Python ast is let go before the run, whose objects take
    its memory (25k lines: some 50 MiB less at the peak)."""
    loader = loader or load
    source, filename = read_program(app, file)
    program = None
    if (lang or ("py" if file.endswith(".py") else "scope")).lower() == "py":
        result = loader("pyfront.cli", "run_or_exit")(app, source, filename, program_args,
                                                      tf1, json_format)
    else:
        if program_args or tf1:
            fail_usage(app, "arguments after FILE and --tf1 are for Python programs "
                            "(a .py file, or --lang py)")
        program = parse_or_exit(app, source, filename, json_errors=json_format, loader=loader)
        if exiting:     # only emit and the REPL read the ast; the run needs program.code
            program.module = None
        run = loader("interpreter", "run")
        result = run(program, release=False) if exiting else run(program)
    if json_format:
        for part in result.json_parts():        # json.dumps(to_json(), indent=2)
            app.write_out(part)
        app.write_out("\n")
    else:
        text = _plain_run(app, result, all_ops, show_collections)
        if text is not None:
            app.write_out(text)
        else:
            from .render import print_run
            print_run(app.out, result, all_ops=all_ops, collections=show_collections)
        if result.error is not None:
            from .render import print_traceback, write_raw
            python_traceback = (result.error.fields or {}).get("python_traceback")
            if python_traceback:
                write_raw(app.err, python_traceback)
            else:
                print_traceback(app.err, result.error)
    code = run_exit_code(result)
    if exiting:
        _left_to_exit(result, program)
    stop(code)


def _left_to_exit(*objects) -> None:
    """Keep `objects` to the end of the process without freeing them: a
    list that holds itself, unreachable from anything else, which the
    collector (off in the command; its heap frozen before the exit) never
    frees, nor does the interpreter's finalization.  Freeing a big run's
    result and program one object at a time took 15-90 ms of the exit; the
    process's memory goes back to the system with it."""
    held = list(objects)
    held.append(held)


#: Variables that make rich treat a stream as a terminal (colors, a width).
_TERMINAL_ENVIRON = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")
#: The width of a stream that is not a terminal (render.UNLIMITED_WIDTH).
_UNLIMITED_WIDTH = 1 << 20


def _plain_run(app: App, result, all_ops: bool, collections: bool) -> str | None:
    """The text of a run without rich, when stdout is no terminal and
    neither consoles nor a width were given (rich's output is then plain
    text of no width limit, which `runtrees.plain_run_text` writes the
    same); else None."""
    if app._consoles is not None or app.width is not None or \
            any(os.environ.get(k) for k in _TERMINAL_ENVIRON):
        return None
    try:
        if sys.stdout.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    from .runtrees import plain_run_text
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    return plain_run_text(result, all_ops=all_ops, collections=collections,
                          width=_UNLIMITED_WIDTH, encoding=encoding)


# ------------------------------------------------------ the last line of defence


def guarded(call, app_of, passthrough=()) -> int | None:
    """Run `call()`; no exception of scopesim itself reaches the user as a
    Python traceback.  None if it returned; else the exit status: 3 with
    "internal error" (or an incomplete installation), 141 quietly for a
    closed pipe, 2 for output that cannot be written.  `passthrough`
    exceptions (click's own) and SystemExit propagate."""
    try:
        call()
        return None
    except passthrough:
        raise
    except Unavailable as exc:
        _report(app_of, lambda err: _print_unavailable(err, exc))
    except OSError as exc:
        if exc.errno == errno.EPIPE:   # `scopesim run f | head`: a quiet exit
            _discard_stdout()
            return int(ExitCode.BROKEN_PIPE)
        if exc.errno in _WRITE_FAILURES:   # `> /dev/full`, a full disk or quota
            _discard_stdout()
            _report(app_of, lambda err: _print_cannot_write(err, exc))
            return int(ExitCode.USAGE)
        _report(app_of, lambda err: _print_internal(err, exc))
    except Exception as exc:  # the last line of defence, by design
        _report(app_of, lambda err: _print_internal(err, exc))
    return int(ExitCode.INTERNAL)


#: The errors of a write that failed for lack of room (or a broken device):
#: the output could not be written, which is not a bug of scopesim.
_WRITE_FAILURES = frozenset(code for code in (
    getattr(errno, name, None) for name in ("ENOSPC", "EDQUOT", "EFBIG", "EIO"))
    if code is not None)


def _discard_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush of
    what is still buffered does not fail a second time at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, AttributeError, ValueError):
        pass


def _print_cannot_write(err, exc: OSError) -> None:
    from .render import print_usage_problem
    print_usage_problem(err, f"cannot write the output: {os_reason(exc)}")


def _report(app_of, printer) -> None:
    """Print a fatal diagnostic even if the consoles themselves are broken."""
    try:
        app = app_of()
        printer(app.err)
    except Exception:
        try:
            sys.stderr.write("scopesim: internal error (and it could not be reported)\n")
            sys.stderr.flush()
        except Exception:
            pass


def _print_internal(err, exc: BaseException) -> None:
    from .render import print_internal_error
    print_internal_error(err, exc)
    if os.environ.get("SCOPESIM_TRACEBACK"):
        import traceback
        traceback.print_exception(exc, file=sys.stderr)


def _print_unavailable(err, exc: Unavailable) -> None:
    from .render import print_usage_problem
    print_usage_problem(err, f"{exc} (incomplete installation of scopesim)")
