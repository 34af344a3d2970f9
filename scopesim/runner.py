"""Run a parsed program: its Python module, executed by CPython over scopesim's `tf`.

    result = run(program)                 # a fresh graph, one program
    session = Session()                   # state kept across programs (REPL)
    result = session.execute(program)     # output: lines printed by *this*
                                          # program; variables/ops: the whole
                                          # graph so far; error: this program's

The module (built by `scopesim.parser`) is compiled and executed in a
globals dict whose `__builtins__` is the contract's builtin list
(LANGUAGE.md 4.3) plus `tf` (scopesim's `tf.compat.v1`), after the prelude
(`scopesim.prelude`).  It runs on a thread with a large stack.  An uncaught
exception becomes the result's `ProgramError`: its type name, `str(e)`, the
`.scope` line and column of the failing expression of the innermost program
frame, the enclosing block heads there, and the chain of program frames.
A `NotSimulated` ends the run even if the program swallowed it.
"""

from __future__ import annotations

import _thread
import builtins as _builtins
import functools
import io
import operator
import sys
from . import prelude
from .record import Record
from .span import Span
from .errors import NotSimulated, ProgramError
from .result import OpInfo, OpTable, RunResult, VariableInfo
from .util import gc_paused

#: Parsing, compiling and unparsing deep trees recurse in C; this much is enough
#: for 10,000 nested blocks on the big stack.
_RECURSION_LIMIT = 200_000
#: How deep a program's own calls may go before Python's RecursionError.
PROGRAM_RECURSION_LIMIT = 8_000
_THREAD_STACK = 512 * 1024 * 1024
ORIGINALLY_DEFINED_AT = "Originally defined at:"

#: The builtins of the language (LANGUAGE.md 4.3), besides print and tf.
BUILTIN_NAMES = ("range", "len", "str", "repr", "int", "float", "bool", "list", "tuple", "dict",
                 "set", "enumerate", "zip", "map", "filter", "min", "max", "sum", "abs", "round",
                 "any", "all", "sorted", "reversed", "isinstance", "hasattr", "type")
EXCEPTION_NAMES = tuple(sorted(name for name, value in vars(_builtins).items()
                               if isinstance(value, type) and issubclass(value, BaseException)))


def run(program, release: bool = True) -> RunResult:
    """Run `program` on a fresh graph, released once the result is made
    (`release=False`: left as it is, for a process about to exit with its
    heap frozen, `entry.freeze_heap`, which need not take the graph apart).

    The collector is paused from the start: the Session's graph and the
    prelude are made, the program runs and its result is read with it off
    (a caller's big ast would otherwise be walked by each collection)."""
    with gc_paused():
        session = Session()
        try:
            return session.execute(program)
        finally:
            if release:
                session.release()


def on_deep_stack(fn):
    """Call `fn` on a thread with a large stack and recursion limit, so that
    10,000 nested blocks do not overflow; re-raise what it raised.  The
    thread is `_thread`'s (importing `threading` costs a start-up more than
    the one thread it would start); the caller waits on a lock it releases."""
    box: dict = {}
    done = _thread.allocate_lock()
    done.acquire()

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as e:  # handed back to the caller below
            box["error"] = e
        finally:
            done.release()

    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old_limit, _RECURSION_LIMIT))
    old_size = _thread.stack_size()
    try:
        _thread.stack_size(_THREAD_STACK)
        _thread.start_new_thread(target, ())
    finally:
        _thread.stack_size(old_size)
    done.acquire()
    sys.setrecursionlimit(old_limit)
    if "error" in box:
        raise box["error"]
    return box["value"]


def default_tf():
    """scopesim's own `tf.compat.v1`."""
    from .tf import compat_v1
    return compat_v1


# ------------------------------------------------------------------ origins


class Frame(Record):
    """One program frame: its function (`<module>` at the top), where it is,
    the source line and the enclosing block heads (outermost first);
    `end_line` and `end_column` are where the failing expression ends (0:
    unknown)."""

    __slots__ = ("function", "filename", "line", "column", "source_line", "heads", "end_line",
                 "end_column")

    def __init__(self, function: str, filename: str, line: int, column: int, source_line: str,
                 heads: tuple[str, ...] = (), end_line: int = 0, end_column: int = 0) -> None:
        _set = object.__setattr__
        _set(self, "function", function)
        _set(self, "filename", filename)
        _set(self, "line", line)
        _set(self, "column", column)
        _set(self, "source_line", source_line)
        _set(self, "heads", heads)
        _set(self, "end_line", end_line)
        _set(self, "end_column", end_column)

    def render(self) -> str:
        """`  File "f.scope", line 3, column 5, in fn` and the source line;
        the top level (`<module>`) is not named, as in version 1."""
        from .util import escape_controls
        where = "" if self.function == "<module>" else f", in {self.function}"
        return (f"  File \"{self.filename}\", line {self.line}, column {self.column}{where}\n"
                f"    {escape_controls(self.source_line.strip())}\n")


class Origin:
    """Where a variable was created, through the calls that led there:
    TensorFlow keeps the Python traceback for "Originally defined at:",
    scopesim keeps the program frames (outermost first).

    Made for every variable, read for few: `Origin.captured` keeps the
    frames as one flat tuple `(code, lasti, code, lasti, ...)`, innermost
    first (a tuple per frame cost 64 bytes more each), and makes the
    `Frame`s with `resolve(code, lasti, None)` when they are first asked
    for (None: the line is read off the code where CPython knows no
    position); the span needs only the innermost position (`spot(code,
    lasti, None)` gives its line and column, if given)."""

    __slots__ = ("_frames", "_resolvers", "_raw")

    def __init__(self, frames: tuple[Frame, ...]) -> None:
        self._frames = frames
        self._resolvers = self._raw = None

    @classmethod
    def captured(cls, resolvers: tuple, raw: tuple) -> "Origin":
        """`resolvers` is (resolve, spot or None), shared by a run's origins;
        `raw` the frames, innermost first, as `(code, lasti, ...)`."""
        origin = cls.__new__(cls)
        origin._frames = None
        origin._resolvers, origin._raw = resolvers, raw
        return origin

    @property
    def frames(self) -> tuple[Frame, ...]:
        if self._frames is None:
            resolve, raw = self._resolvers[0], self._raw
            self._frames = tuple(resolve(raw[i], raw[i + 1], None)
                                 for i in range(len(raw) - 2, -1, -2))
            self._resolvers = self._raw = None
        return self._frames

    def __eq__(self, other):
        if not isinstance(other, Origin):
            return NotImplemented
        return type(self) is type(other) and self.frames == other.frames

    def __hash__(self) -> int:
        return hash(self.frames)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(frames={self.frames!r})"

    @property
    def innermost(self) -> Frame:
        return self.frames[-1]

    @property
    def span(self) -> Span:
        if self._frames is None:
            resolve, spot = self._resolvers
            raw = self._raw
            if spot is not None:
                line, column = spot(raw[0], raw[1], None)
                return Span(line, column, line, column)
            f = resolve(raw[0], raw[1], None)
        else:
            f = self.innermost
        return Span(f.line, f.column, f.line, f.column)

    @property
    def source_line(self) -> str:
        return self.innermost.source_line

    def render(self) -> str:
        """The frames as TensorFlow lists the creating traceback after
        "Originally defined at:": innermost first (samples 4 and 14)."""
        return "".join(frame.render() for frame in reversed(self.frames))

    __str__ = render


#: `code.co_positions()` of the code objects met so far, by id (the code
#: object is kept with them, so its id cannot be reused): a variable's
#: origin is captured at every creation, and listing the positions of a
#: long module each time would make a flat program quadratic.
_POSITIONS: dict[int, tuple[object, list]] = {}
_POSITIONS_KEPT = 256


def _positions(code) -> list:
    entry = _POSITIONS.get(id(code))
    if entry is None or entry[0] is not code:
        if len(_POSITIONS) >= _POSITIONS_KEPT:
            _POSITIONS.clear()
        entry = _POSITIONS[id(code)] = (code, list(code.co_positions()))
    return entry[1]


def _position(code, lasti):
    """(line, byte column, end line, end byte column) of the instruction at
    `lasti` in `code` (the ends None when CPython does not know them)."""
    try:
        found = _positions(code)[lasti // 2]
    except (AttributeError, IndexError, ValueError):
        return None
    if found[0] is None or found[2] is None:
        return None
    return found[0], found[2], found[1], found[3]


def _line_at(code, lasti) -> int:
    """The line of the instruction at byte offset `lasti` in `code`, as the
    frame's `f_lineno` gives it while the instruction runs: read off the
    line table only where no position is known (`_position` is None), so
    an origin need not read `f_lineno` (a scan of the table) when captured."""
    for start, end, line in code.co_lines():
        if start <= lasti < end:
            return code.co_firstlineno if line is None else line
    return code.co_firstlineno


def _program_spot(program, code, lasti, lineno) -> tuple[int, int]:
    """(line, character column) of the instruction at `lasti`: what
    `_program_frame` gives as the frame's line and column (`lineno`: the
    frame's line, None to read it off the code)."""
    where = _position(code, lasti)
    if where is None:
        line = int(lineno) if lineno is not None else _line_at(code, lasti)
        return line, program.char_column(line, 0)
    return where[0], program.char_column(where[0], where[1])


def _program_frame(program, code, lasti, lineno) -> Frame:
    where = _position(code, lasti)
    line, byte_col, end_line, end_byte = where if where is not None else \
        (int(lineno) if lineno is not None else _line_at(code, lasti), 0, None, None)
    column = program.char_column(line, byte_col)
    head = program.enclosing(line, byte_col)
    heads = tuple(h.text for h in program.head_chain(head))
    function = "<module>" if code.co_name == "<module>" else code.co_name
    end_column = program.char_column(end_line, end_byte) \
        if end_line is not None and end_byte is not None else 0
    return Frame(function, program.filename, line, column, program.line(line), heads,
                 end_line or 0, end_column)


def origin_hook(filename: str, resolvers: tuple, origin_class=None, stop=None):
    """The function `runtime.set_origin_hook` calls at each variable's
    creation: the frames of code from `filename` (the program's) that led
    there, kept as `(code, lasti, ...)` innermost first (see `Origin`);
    the prelude's `__scopesim` functions are left out, and the walk ends at
    a frame of code `stop` (the runner's, above the program).  It runs for
    every variable: no position or line is looked up here."""
    getframe = sys._getframe
    captured = (origin_class or Origin).captured

    def origin() -> Origin:
        frames = []
        frame = getframe(1)
        while frame is not None:
            code = frame.f_code
            if code.co_filename == filename:
                if not code.co_name.startswith("__scopesim"):
                    frames += code, frame.f_lasti
            elif code is stop:
                break
            frame = frame.f_back
        return captured(resolvers, tuple(frames))
    return origin


# ----------------------------------------------------------------- session


class Session:
    """One graph and the program's globals, kept across `execute` calls."""

    def __init__(self, tf=None) -> None:
        with gc_paused():       # importing the API makes long-lived objects only
            self.tf = tf if tf is not None else default_tf()
            self.graph = self.tf.Graph()      # the program's own (runtime.ProgramGraph)
            self._out = io.StringIO()
            self.builtins = self._builtins()
            self.globals: dict = {"__builtins__": self.builtins, "__name__": "__main__"}
            exec(prelude.code(), self.globals)
        self.program = None

    def _builtins(self) -> dict:
        found = {name: getattr(_builtins, name) for name in BUILTIN_NAMES + EXCEPTION_NAMES}
        out = self._out

        def print(*values, sep=" ", end="\n", file=None, flush=False):  # noqa: A001
            _builtins.print(*values, sep=sep, end=end, file=out)
        found["print"] = print
        found["tf"] = self.tf
        return found

    def release(self) -> None:
        """Drop the program's globals and graph (`Graph.release`), for a
        session that will not run or be read again: their cycles would leave
        the whole graph to the cyclic garbage collector."""
        self.globals.clear()
        self.builtins.clear()
        release = getattr(self.graph, "release", None)
        if release is not None:
            release()

    @property
    def handles(self) -> dict:
        """The program's own bindings (the prelude's names left out)."""
        return {k: v for k, v in self.globals.items()
                if not k.startswith("__") and k not in prelude.NAMES}

    def execute(self, program) -> RunResult:
        """Run `program` in this session (on a big stack)."""
        with gc_paused():
            error = on_deep_stack(lambda: self._execute(program))
            output = self._out.getvalue()
            self._out.seek(0)
            self._out.truncate()
            lines = output.split("\n")
            if lines and lines[-1] == "":
                lines.pop()
            return self.result(lines, lambda: error)

    def _execute(self, program) -> ProgramError | None:
        from .tf import runtime
        self.program = program
        runtime.reset()
        resolvers = (functools.partial(_program_frame, program),
                     functools.partial(_program_spot, program))
        runtime.set_origin_hook(origin_hook(program.filename, resolvers,
                                            stop=Session._execute.__code__))
        # the parser's code: a tuple of module codes, run in order (shared_code)
        codes = program.code if getattr(program, "code", None) is not None else \
            (compile(program.module, program.filename, "exec"),)
        old = sys.getrecursionlimit()
        sys.setrecursionlimit(PROGRAM_RECURSION_LIMIT + 100)
        state = runtime.ProgramGraph(self.graph)
        try:
            with state:
                for code in codes:
                    exec(code, self.globals)
        except BaseException as e:  # noqa: BLE001 - every error of the program is data
            if isinstance(e, KeyboardInterrupt):
                raise
            error = e
        else:
            error = None
        finally:
            sys.setrecursionlimit(old)
            self.graph = state.graph
            runtime.set_origin_hook(None)
            self.globals.get("__scopesim_managers", []).clear()
        if runtime.first_not_simulated is not None:
            error = runtime.first_not_simulated
        return None if error is None else self.program_error(program, error)

    # ------------------------------------------------------------- errors

    def _origin(self, program, resolvers: tuple) -> Origin:
        """The origin of a variable created now (what the run's hook gives)."""
        return origin_hook(program.filename, resolvers)()

    def program_error(self, program, e: BaseException) -> ProgramError:
        frames = []
        tb = e.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == program.filename and \
                    not tb.tb_frame.f_code.co_name.startswith("__scopesim"):
                frames.append(_program_frame(program, tb.tb_frame.f_code, tb.tb_lasti,
                                             tb.tb_lineno))
            tb = tb.tb_next
        message = str(e) if not isinstance(e, NotSimulated) else e.message
        origin = getattr(e, "origin", None)
        if isinstance(origin, Origin) and message.endswith(ORIGINALLY_DEFINED_AT):
            message += "\n\n" + origin.render()
        type_name = type(e).__name__
        if frames:
            last = frames[-1]
            end = (last.end_line, last.end_column) if last.end_line == last.line \
                and last.end_column > last.column else (last.line, last.column)
            span, source_line, scopes = (Span(last.line, last.column, *end),
                                         last.source_line, last.heads)
        else:
            span, source_line, scopes = Span(1, 1, 1, 1), program.line(1), ()
        return ProgramError(type_name, message, program.filename, span, source_line, scopes,
                            origin.span if isinstance(origin, Origin) else None,
                            origin.source_line if isinstance(origin, Origin) else "",
                            {"frames": tuple(frames)})

    # ------------------------------------------------------------- results

    def variable_infos(self) -> list[VariableInfo]:
        """`tf.global_variables()` with the handles bound to each variable."""
        with self.graph.as_default():
            variables = self.tf.global_variables()
        return self._variable_infos(variables)

    def _variable_infos(self, variables) -> list[VariableInfo]:
        bound: dict[int, list[str]] = {}
        for name, value in self.handles.items():
            bound.setdefault(id(value), []).append(name)
        infos = []
        append = infos.append
        deferred = VariableInfo.deferred
        shapes: dict = {}           # one tuple for each shape (a model's are few)
        from .engine.variables import RefVariable
        for v in variables:
            if v.__class__ is RefVariable:      # (what the properties below give)
                name, shape, dtype, trainable = v._summary()
                origin, store_key = v.origin, v.store_key
            else:
                origin = getattr(v, "origin", None)
                store_key = getattr(v, "store_key", None)
                name, shape, dtype = v.name, _shape(v), v.dtype.base_dtype.name
                trainable = bool(getattr(v, "trainable", True))
            handles = bound.get(id(v))
            append(deferred(name, shapes.setdefault(shape, shape), dtype, trainable,
                            "get_variable" if store_key is not None else "Variable",
                            store_key, () if handles is None else tuple(handles),
                            origin if isinstance(origin, Origin) else None))
        return infos

    def op_infos(self) -> list[OpInfo]:
        """The `OpInfo` of each op of the graph, in creation order."""
        with self.graph.as_default():
            variables = self.tf.global_variables()
        return self._op_table(variables).infos()

    def _op_table(self, variables, names=None) -> OpTable:
        """The graph's ops as an `OpTable` (`variables`: `tf.global_variables()`,
        `names` their names if read already)."""
        ops = self.graph.get_operations()
        return OpTable(list(map(_NAME, ops)), list(map(_TYPE, ops)),
                       tuple(map(_NAME, variables)) if names is None else names)

    def result(self, output: list[str], error_of) -> RunResult:
        """The run's result: `output`, the graph's variables, ops (an
        `OpTable`, made into OpInfos when read) and collections, and the
        error `error_of()` gives (called after the variables are read)."""
        with self.graph.as_default():
            variables = self.tf.global_variables()
        infos = self._variable_infos(variables)
        names = tuple(info.name for info in infos)      # the infos' strings, not copies
        table = self._op_table(variables, names)
        error = error_of()
        return RunResult.of_run(output, infos, table, error,
                                self.collections(dict(zip(map(id, variables), names))))

    def collections(self, known: dict | None = None) -> dict[str, list[str]]:
        """Each collection key (a str) -> the names of its items that have a
        str name; `known` gives the names read already, by the item's id
        (the variables': their strings are the result's, not copies)."""
        out = {}
        try:
            keys = self.graph.get_all_collection_keys()
        except Exception:   # noqa: BLE001 - an API without collections yet
            return out
        known = known or {}
        for key in sorted(k for k in keys if isinstance(k, str)):
            names = []
            for item in self.graph.get_collection(key):
                name = known.get(id(item))
                if name is None:
                    name = getattr(item, "name", None)
                    if not isinstance(name, str):
                        continue
                    name = item.name
                names.append(name)
            if names:
                out[key] = names
        return out

    # ------------------------------------------------------------ for tools

    def names(self) -> list[str]:
        """Known handles, variable names and scope names (for completion)."""
        found = set(self.handles)
        for var in self.variable_infos():
            parts = var.op_name.split("/")
            found.update(parts)
            found.update("/".join(parts[:i]) for i in range(1, len(parts) + 1))
        return sorted(n for n in found if n)

    def variable_scope_name(self) -> str:
        with self.graph.as_default():
            return self.tf.get_variable_scope().name

    def name_scope(self) -> str:
        return self.graph.get_name_scope()


def _shape(variable):
    shape = variable.shape
    if getattr(shape, "rank", None) is None:    # unknown rank (validate_shape=False):
        return None                             # JSON null, as TF's
    return tuple(shape.as_list())


_NAME = operator.attrgetter("name")
_TYPE = operator.attrgetter("type")
