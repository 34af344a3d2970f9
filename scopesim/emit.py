"""`scopesim emit`: the TensorFlow 1.x Python program equivalent to a `.scope` program.

The translation follows the table of the language contract statement by
statement, so the emitted program reads like hand-written TF 1.x code:

    with T.variable_scope("a", reuse=True) as s:
        v = T.get_variable("w", [2, 3])
        print(v.name)

Run with TensorFlow, it prints byte for byte what the `.scope` program prints,
builds the same variables and ops, and raises the same errors.

Three things need more than a one-to-one translation:

* `print x` shows `x.name` for graph objects (variables, tensors, ops, scopes)
  and `x` itself for any other value.  The kind of each handle is inferred
  statically (flow-insensitively: every binding of the handle is looked at);
  when a handle can hold both kinds, the emitted code calls a small helper,
  `printable`, defined in the header.
* Handles that would clash with a Python keyword, a builtin or a name the
  emitted code uses (`tf`, `T`, `print`, `def`...) are renamed with a trailing
  `_`.  `Emitted.renames` records it, so that `tf_runner` can word a
  `NameError` with the handle's own name.
* CPython refuses more than 20 statically nested blocks in one function
  ("too many statically nested blocks").  A block nested deeper than that is
  moved into a function of its own, which the enclosing block calls; handles
  stay module globals through a `global` statement.  Python also limits
  indentation (100 levels) and expression nesting, so extremely deep
  expressions still cannot be compiled; see `tf_runner`.

Emission uses explicit stacks, never recursion, so that 10,000 nested blocks
(or a 10,000-term expression) do not exhaust Python's recursion limit.
"""

from __future__ import annotations

import builtins
import keyword
import re
from dataclasses import dataclass, field

from . import ast

#: The lines every emitted program starts with.
HEADER = (
    "import os",
    'os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"',
    "import tensorflow as tf",
    "tf.compat.v1.disable_v2_behavior()",
    "T = tf.compat.v1",
)

#: Defined in the header when some `print` cannot be resolved statically.
PRINTABLE_HELPER = (
    "def printable(value):",
    '    """What `print` shows: the name of a graph object, anything else as it is."""',
    "    if isinstance(value, (tf.Variable, tf.Tensor, tf.Operation, T.VariableScope)):",
    "        return value.name",
    "    if isinstance(value, list):",
    "        return [printable(item) for item in value]",
    "    return value",
)

#: Nested blocks (with/try) allowed in one function before the rest moves
#: into a function of its own; CPython's limit is 20 (an `except ... as`
#: handler counts two), this leaves a margin.
MAX_BLOCKS_PER_FUNCTION = 16

#: Names the emitted code itself uses.
EMITTER_NAMES = frozenset({"os", "tf", "T", "printable"})

_FUNCTION_NAME = re.compile(r"nested_block_\d+")

# ------------------------------------------------------------------ tables

OP_FUNCTIONS = {
    "add": "T.add", "matmul": "T.matmul", "multiply": "T.multiply", "relu": "T.nn.relu",
    "tanh": "T.tanh", "sigmoid": "T.sigmoid", "identity": "T.identity",
}

QUERY_FUNCTIONS = {
    "get_variable_scope": "T.get_variable_scope",
    "get_name_scope": "T.get_default_graph().get_name_scope",
    "global_variables": "T.global_variables",
    "trainable_variables": "T.trainable_variables",
}

INITIALIZERS = {
    "zeros": "T.zeros_initializer()",
    "ones": "T.ones_initializer()",
    "glorot_uniform": "T.glorot_uniform_initializer()",
    "glorot_normal": "T.glorot_normal_initializer()",
    "random_normal": "T.random_normal_initializer()",
    "truncated_normal": "T.truncated_normal_initializer()",
    "random_uniform": "T.random_uniform_initializer()",
}

#: `variable v [2] init=...`: the tensor that becomes the initial value.
INITIAL_VALUES = {
    "random_normal": "T.random_normal",
    "zeros": "T.zeros",
    "ones": "T.ones",
    "truncated_normal": "T.truncated_normal",
    "random_uniform": "T.random_uniform",
}

KNOWN_FUNCTIONS = frozenset(OP_FUNCTIONS) | frozenset(QUERY_FUNCTIONS)

SCOPE_OPTION_KEYWORDS = {
    "default": "default_name", "reuse": "reuse", "dtype": "dtype",
    "initializer": "initializer", "aux": "auxiliary_name_scope",
}

# Precedence levels of the emitted Python expressions (higher binds tighter).
NOT, COMPARE, ADDITIVE, MULTIPLICATIVE, UNARY, NUMBER, ATOM = 0, 1, 2, 3, 4, 6, 7
BINARY_PRECEDENCE = {"+": ADDITIVE, "-": ADDITIVE, "*": MULTIPLICATIVE, "/": MULTIPLICATIVE,
                     "@": MULTIPLICATIVE}

# Kinds of values, for `print`.
GRAPH = "graph"        # variable, tensor, op, variable scope: print its .name
VALUE = "value"        # string, bool, number, None, error, shape, dtype: print it
UNKNOWN = "unknown"    # decided at run time by `printable`


@dataclass
class Emitted:
    """An emitted program and what is needed to read its run back in `.scope` terms.

    `line_map` maps a line of `source` (1-based) to the `.scope` (line, column)
    of the statement it comes from; `spans` refines it per expression: for a
    line, the (start, end) UTF-8 byte columns of each emitted expression and
    the `.scope` (line, column) of that expression.  `renames` maps a handle
    to its Python name when they differ.  `block_depth` is the deepest
    nesting of blocks.
    """

    source: str
    line_map: dict[int, tuple[int, int]] = field(default_factory=dict)
    renames: dict[str, str] = field(default_factory=dict)
    block_depth: int = 0
    spans: dict[int, list[tuple[int, int, tuple[int, int]]]] = field(default_factory=dict)


def emit(program: ast.Program) -> str:
    """The TensorFlow 1.x program equivalent to `program`."""
    return emit_program(program).source


def emit_program(program: ast.Program) -> Emitted:
    """`emit`, with the line map and the renamed handles."""
    return _Emitter(program).run()


# ------------------------------------------------------------------ literals


def python_string(text: str) -> str:
    """A double-quoted Python string literal for `text`."""
    out = ['"']
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif not ch.isprintable():
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else
                       f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def python_value(value) -> str:
    """An option value (already decoded by the parser) as Python source."""
    if value == "auto":
        return "T.AUTO_REUSE"
    if isinstance(value, ast.Initializer):
        return initializer_code(value)
    if isinstance(value, str):
        return python_string(value)
    return repr(value)


def initializer_code(init: ast.Initializer) -> str:
    if init.name == "constant":
        return f"T.constant_initializer({init.value!r})"
    return INITIALIZERS.get(init.name, f"T.{init.name}_initializer()")


def dtype_code(dtype: str) -> str:
    return f"tf.{dtype}"


def shape_code(shape: ast.Shape) -> str:
    return "[" + ", ".join("None" if d is None else str(d) for d in shape.dims) + "]"


def _options(options: tuple[ast.Option, ...]) -> dict[str, object]:
    """The options by key; a repeated key keeps its last value."""
    return {o.key: o.value for o in options}


# ------------------------------------------------------------------ handles


def _reserved(name: str) -> bool:
    """Whether a handle must be renamed in Python."""
    return (keyword.iskeyword(name) or name in EMITTER_NAMES or hasattr(builtins, name)
            or (name.startswith("__") and name.endswith("__"))
            or _FUNCTION_NAME.fullmatch(name) is not None)


def _walk_statements(statements):
    """Every statement, nested ones included (iteratively)."""
    stack = list(reversed(statements))
    while stack:
        stmt = stack.pop()
        yield stmt
        if isinstance(stmt, (ast.VariableScope, ast.NameScope)):
            stack.extend(reversed(stmt.body))
        elif isinstance(stmt, ast.Try):
            for handler in reversed(stmt.handlers):
                stack.append(handler)
            stack.extend(reversed(stmt.body))
        elif isinstance(stmt, ast.Handler):
            stack.extend(reversed(stmt.body))


def _walk_expressions(expr):
    stack = [expr]
    while stack:
        e = stack.pop()
        if e is None:
            continue
        yield e
        stack.extend(_children(e))


def _children(e) -> list:
    if isinstance(e, (ast.BinOp, ast.Compare)):
        return [e.left, e.right]
    if isinstance(e, (ast.Neg, ast.Not)):
        return [e.operand]
    if isinstance(e, ast.Call):
        return list(e.args)
    if isinstance(e, (ast.Attribute, ast.ConstOp)):
        return [e.value]
    return []


def _statement_expressions(stmt) -> list:
    if isinstance(stmt, (ast.Assign, ast.ExprStmt)):
        return [stmt.value if isinstance(stmt, ast.Assign) else stmt.expr]
    if isinstance(stmt, (ast.VariableScope, ast.NameScope)):
        return [stmt.target] if stmt.target is not None else []
    if isinstance(stmt, ast.Print):
        return list(stmt.values)
    if isinstance(stmt, ast.Assert):
        return [stmt.test, stmt.message]
    return []


# ------------------------------------------------------------------ emitter


class Piece:
    """Emitted code as a tree of text parts; a part that came from a `.scope`
    expression carries its origin (line, column), so that the runner can tell
    which expression raised from the Python column of the failing instruction.
    A tree rather than a string keeps building a long expression linear."""

    __slots__ = ("parts", "origin")

    def __init__(self, parts: list, origin: tuple[int, int] | None = None):
        self.parts = parts
        self.origin = origin

    def flatten(self) -> tuple[str, list[tuple[int, int, tuple[int, int]]]]:
        """The text, and (start, end, origin) of every part with an origin, as
        UTF-8 byte offsets (the unit of Python's column positions)."""
        text: list[str] = []
        spans = []
        offset = 0
        stack: list = [self]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                text.append(item)
                offset += len(item.encode("utf-8"))
            elif isinstance(item, tuple):           # ("end", start, origin)
                spans.append((item[1], offset, item[2]))
            else:
                if item.origin is not None:
                    stack.append(("end", offset, item.origin))
                stack.extend(reversed(item.parts))
        return "".join(text), spans


@dataclass
class _Line:
    """One emitted line and the `.scope` (line, column) of its statement."""

    code: Piece | str
    origin: tuple[int, int] | None

    @staticmethod
    def of(indent: str, parts: list, origin) -> "_Line":
        return _Line(Piece([indent, *parts]), origin)


@dataclass
class _Function:
    """A block moved into a function to stay under CPython's block limit."""

    name: str
    statement: object
    depth: int
    lines: list[_Line] = field(default_factory=list)


class _Emitter:
    def __init__(self, program: ast.Program):
        self.program = program
        statements = list(_walk_statements(program.statements))
        self.handles = self._bound_handles(statements)
        self.renames = self._renames(statements)
        self.kinds: dict[str, str] = {}
        self.kinds = self._handle_kinds(statements)
        self.uses_printable = False
        self.functions: list[_Function] = []
        self.block_depth = 0

    # ---------------------------------------------------------- analysis

    @staticmethod
    def _bound_handles(statements) -> list[str]:
        bound: dict[str, None] = {}
        for stmt in statements:
            if isinstance(stmt, ast.Assign):
                bound[stmt.target] = None
            elif isinstance(stmt, (ast.VariableScope, ast.NameScope, ast.Handler)) and stmt.alias:
                bound[stmt.alias] = None
        return list(bound)

    def _renames(self, statements) -> dict[str, str]:
        """Handle -> Python name, for the handles `_reserved` forbids."""
        used = set(self.handles)
        for stmt in statements:
            for expr in _statement_expressions(stmt):
                for e in _walk_expressions(expr):
                    if isinstance(e, ast.Name):
                        used.add(e.id)
                    elif isinstance(e, ast.Call) and e.func not in KNOWN_FUNCTIONS:
                        used.add(e.func)
        renames = {}
        taken = set(used)
        for name in sorted(used):
            if _reserved(name):
                new = name + "_"
                while new in taken or _reserved(new):
                    new += "_"
                taken.add(new)
                renames[name] = new
        return renames

    def _handle_kinds(self, statements) -> dict[str, str]:
        """Each handle's kind, from all its bindings (flow-insensitive).

        Bindings are resolved to a fixed point, since `y = x` takes `x`'s
        kind: None (nothing known yet) < one kind < UNKNOWN (several kinds).
        """
        bindings: dict[str, list] = {}
        for stmt in statements:
            if isinstance(stmt, ast.Assign):
                bindings.setdefault(stmt.target, []).append(stmt.value)
            elif isinstance(stmt, ast.VariableScope) and stmt.alias:
                bindings.setdefault(stmt.alias, []).append(GRAPH)
            elif isinstance(stmt, (ast.NameScope, ast.Handler)) and stmt.alias:
                bindings.setdefault(stmt.alias, []).append(VALUE)
        kinds: dict[str, str | None] = {}
        for _ in range(3 * len(bindings) + 3):      # the lattice is 3 high
            self.kinds = kinds
            new = {}
            for name, values in bindings.items():
                found = {v if isinstance(v, str) else self._expression(v)[2] for v in values}
                found.discard(None)
                new[name] = (found.pop() if len(found) == 1 else UNKNOWN) if found else None
            if new == kinds:
                break
            kinds = new
        else:
            kinds = {name: UNKNOWN for name in bindings}
        return {name: kind or UNKNOWN for name, kind in kinds.items()}

    # ------------------------------------------------------- expressions

    def name(self, handle: str) -> str:
        return self.renames.get(handle, handle)

    def expression(self, expr) -> Piece:
        return self._expression(expr)[0]

    def _expression(self, expr) -> tuple[Piece, int, str]:
        """(code, precedence, kind) of an expression, without recursion."""
        results: list[tuple[Piece, int, str]] = []
        stack: list[tuple[object, bool]] = [(expr, False)]
        while stack:
            node, ready = stack.pop()
            children = _children(node)
            if not ready and children:
                stack.append((node, True))
                stack.extend((child, False) for child in reversed(children))
                continue
            if children:
                args = results[len(results) - len(children):]
                del results[len(results) - len(children):]
            else:
                args = []
            parts, precedence, kind = self._combine(node, args)
            results.append((Piece(parts, _origin(node)), precedence, kind))
        return results[0]

    def _combine(self, e, args: list[tuple[Piece, int, str]]) -> tuple[list, int, str]:
        """One node's (code parts, precedence, kind) from its children's."""
        if isinstance(e, ast.Name):
            # A handle never bound is a NameError whatever `print` does with it.
            kind = self.kinds.get(e.id) if e.id in self.handles else VALUE
            return [self.name(e.id)], ATOM, kind
        if isinstance(e, ast.Str):
            return [python_string(e.value)], ATOM, VALUE
        if isinstance(e, ast.Number):
            text = e.text or repr(e.value)
            if e.value < 0 and not text.startswith("-"):
                text = "-" + text
            return [text], (UNARY if text.startswith("-") else NUMBER), VALUE
        if isinstance(e, ast.Literal):
            return [python_value(e.value)], ATOM, VALUE
        if isinstance(e, ast.BinOp):
            level = BINARY_PRECEDENCE[e.op]
            return ([_wrap(args[0], level), f" {e.op} ", _wrap(args[1], level + 1)], level,
                    _combined_kind(args[0][2], args[1][2]))
        if isinstance(e, ast.Neg):
            kind = args[0][2] if args[0][2] in (GRAPH, VALUE, None) else UNKNOWN
            return ["-", _wrap(args[0], UNARY)], UNARY, kind
        if isinstance(e, ast.Compare):
            return ([_wrap(args[0], COMPARE + 1), f" {e.op} ", _wrap(args[1], COMPARE + 1)],
                    COMPARE, VALUE)
        if isinstance(e, ast.Not):
            return ["not ", _wrap(args[0], NOT)], NOT, VALUE
        if isinstance(e, ast.Call):
            return self._call(e, [a[0] for a in args])
        if isinstance(e, ast.Attribute):
            # .name, .shape, .dtype, .reuse, .original_name_scope: plain values.
            return [_wrap(args[0], ATOM), f".{e.attr}"], ATOM, VALUE
        if isinstance(e, ast.ConstOp):
            name = [f", name={python_string(e.name)}"] if e.name is not None else []
            return ["T.constant(", args[0][0], *name, ")"], ATOM, GRAPH
        if isinstance(e, ast.GetVariable):
            return [self._get_variable(e)], ATOM, GRAPH
        if isinstance(e, ast.NewVariable):
            return [self._new_variable(e)], ATOM, GRAPH
        if isinstance(e, ast.NoOp):
            name = f"name={python_string(e.name)}" if e.name is not None else ""
            return [f"T.no_op({name})"], ATOM, GRAPH
        raise TypeError(f"cannot emit {type(e).__name__}")

    def _call(self, e: ast.Call, args: list[Piece]) -> tuple[list, int, str]:
        parts: list = []
        for index, arg in enumerate(args):
            parts += [", "] * bool(index) + [arg]
        if e.name is not None:
            parts += [", "] * bool(args) + [f"name={python_string(e.name)}"]
        if e.func in OP_FUNCTIONS:
            return [f"{OP_FUNCTIONS[e.func]}(", *parts, ")"], ATOM, GRAPH
        if e.func in ("global_variables", "trainable_variables"):
            # In the language these are the variables' names (the contract's
            # `print([v.name for v in T.global_variables()])`), wherever used.
            return [f"[v.name for v in {QUERY_FUNCTIONS[e.func]}(", *parts, ")]"], ATOM, VALUE
        if e.func in QUERY_FUNCTIONS:
            kind = GRAPH if e.func == "get_variable_scope" else VALUE
            return [f"{QUERY_FUNCTIONS[e.func]}(", *parts, ")"], ATOM, kind
        # Not a function of the language: a handle called (Python says what
        # it says), or a name that does not exist (a NameError, renamed if it
        # is a Python builtin so that Python does not find it).
        return [f"{self.name(e.func)}(", *parts, ")"], ATOM, UNKNOWN

    def _get_variable(self, e: ast.GetVariable) -> str:
        parts = [python_string(e.name)]
        if e.shape is not None:
            parts.append(shape_code(e.shape))
        options = _options(e.options)
        if "dtype" in options:
            parts.append(f"dtype={dtype_code(options['dtype'])}")
        if "trainable" in options:
            parts.append(f"trainable={options['trainable']!r}")
        for key in ("initializer", "init"):
            if key in options:
                parts.append(f"initializer={initializer_code(options[key])}")
        return f"T.get_variable({', '.join(parts)})"

    def _new_variable(self, e: ast.NewVariable) -> str:
        options = _options(e.options)
        init = options.get("init", options.get("initializer"))
        init_name = init.name if isinstance(init, ast.Initializer) else (init or "random_normal")
        value_args = [shape_code(e.shape)]
        if "dtype" in options:
            value_args.append(f"dtype={dtype_code(options['dtype'])}")
        if init_name == "constant":
            value = f"T.constant({init.value!r}, shape={', '.join(value_args)})"
        else:
            value = f"{INITIAL_VALUES.get(init_name, 'T.' + init_name)}({', '.join(value_args)})"
        parts = [value]
        if e.name is not None:
            parts.append(f"name={python_string(e.name)}")
        if "trainable" in options:
            parts.append(f"trainable={options['trainable']!r}")
        return f"T.Variable({', '.join(parts)})"

    def printed(self, expr) -> Piece:
        """The argument of Python's `print` for `print expr`."""
        code, precedence, kind = self._expression(expr)
        if kind == GRAPH:
            return Piece([_wrap((code, precedence, kind), ATOM), ".name"])
        if kind in (UNKNOWN, None):
            self.uses_printable = True
            return Piece(["printable(", code, ")"])
        return code

    # -------------------------------------------------------- statements

    def simple_statement(self, stmt) -> list:
        """The code parts of a statement that is not a block."""
        if isinstance(stmt, ast.Assign):
            return [f"{self.name(stmt.target)} = ", self.expression(stmt.value)]
        if isinstance(stmt, ast.ExprStmt):
            return [self.expression(stmt.expr)]
        if isinstance(stmt, ast.Reuse):
            return ["T.get_variable_scope().reuse_variables()"]
        if isinstance(stmt, ast.Print):
            parts: list = ["print("]
            for index, value in enumerate(stmt.values):
                parts += [", "] * bool(index) + [self.printed(value)]
            return parts + [")"]
        if isinstance(stmt, ast.Assert):
            # The failed assert is the statement's error, not its test's:
            # the test's own position is left out of the map.
            test = Piece(self.expression(stmt.test).parts)
            if stmt.message is None:
                return ["assert ", test]
            return ["assert ", test, ", ", self.expression(stmt.message)]
        raise TypeError(f"cannot emit {type(stmt).__name__}")

    def block_head(self, stmt) -> list:
        """The `with ...:` line of a scope statement."""
        if isinstance(stmt, ast.VariableScope):
            return self._with("T.variable_scope", stmt, SCOPE_OPTION_KEYWORDS)
        return self._with("T.name_scope", stmt, {"default": "default_name"})

    def _with(self, function: str, stmt, keywords: dict[str, str]) -> list:
        options = _options(stmt.options)
        args: list = [self.expression(stmt.target) if stmt.target is not None else "None"]
        for key, keyword_name in keywords.items():
            if key in options:
                value = options[key]
                code = dtype_code(value) if key == "dtype" else python_value(value)
                args.append(f", {keyword_name}={code}")
        alias = f" as {self.name(stmt.alias)}" if stmt.alias else ""
        call = Piece([f"{function}(", *args, ")"], _origin_head(stmt))
        return ["with ", call, f"{alias}:"]

    def run(self) -> Emitted:
        main = self._emit_block_list(self.program.statements, base_indent=0)
        pending = 0
        while pending < len(self.functions):
            function = self.functions[pending]
            pending += 1
            function.lines = self._emit_function(function)
        lines: list[_Line] = [_Line(f"# The TensorFlow 1.x equivalent of "
                                    f"{self.program.filename}, emitted by scopesim.", None)]
        lines += [_Line(text, None) for text in HEADER]
        if self.uses_printable:
            lines.append(_Line("", None))
            lines.append(_Line("", None))
            lines += [_Line(text, None) for text in PRINTABLE_HELPER]
        for function in self.functions:
            lines.append(_Line("", None))
            lines.append(_Line("", None))
            lines += function.lines
        if self.uses_printable or self.functions:
            lines.append(_Line("", None))
            lines.append(_Line("", None))
        else:
            lines.append(_Line("", None))
        lines += main
        texts = []
        line_map: dict[int, tuple[int, int]] = {}
        spans: dict[int, list[tuple[int, int, tuple[int, int]]]] = {}
        for number, line in enumerate(lines, start=1):
            if isinstance(line.code, Piece):
                text, found = line.code.flatten()
                if found:
                    spans[number] = found
            else:
                text = line.code
            texts.append(text)
            if line.origin is not None:
                line_map[number] = line.origin
        return Emitted("\n".join(texts) + "\n", line_map, dict(self.renames),
                       self.block_depth, spans)

    def _emit_function(self, function: _Function) -> list[_Line]:
        stmt = function.statement
        head = [_Line(f"def {function.name}():", _origin(stmt))]
        if self.handles:
            names = ", ".join(self.name(h) for h in self.handles)
            head.append(_Line(f"    global {names}", _origin(stmt)))
        return head + self._emit_block_list((stmt,), base_indent=1, depth=function.depth)

    def _emit_block_list(self, statements, base_indent: int, depth: int = 0) -> list[_Line]:
        """The lines of `statements`, at `base_indent`, inside a fresh function
        (or the module): blocks deeper than the limit become functions."""
        out: list[_Line] = []
        # Work items: ("stmt", statement, indent, blocks, depth) or ("line", _Line)
        stack: list[tuple] = [("stmt", s, base_indent, 0, depth) for s in reversed(statements)]
        while stack:
            item = stack.pop()
            if item[0] == "line":
                out.append(item[1])
                continue
            _, stmt, indent, blocks, depth = item
            pad = "    " * indent
            origin = _origin(stmt)
            cost = 2 if isinstance(stmt, ast.Try) else 1
            if isinstance(stmt, (ast.VariableScope, ast.NameScope, ast.Try)):
                self.block_depth = max(self.block_depth, depth + 1)
                if blocks + cost > MAX_BLOCKS_PER_FUNCTION:
                    function = _Function(f"nested_block_{len(self.functions) + 1}", stmt, depth)
                    self.functions.append(function)
                    out.append(_Line(f"{pad}{function.name}()", origin))
                    # The function's own statements start at block count 0.
                    continue
            if isinstance(stmt, (ast.VariableScope, ast.NameScope)):
                out.append(_Line.of(pad, self.block_head(stmt), _origin_head(stmt)))
                body = stmt.body
                if not body:
                    out.append(_Line(pad + "    pass", origin))
                stack.extend(("stmt", s, indent + 1, blocks + 1, depth + 1) for s in reversed(body))
            elif isinstance(stmt, ast.Try):
                out.append(_Line(pad + "try:", origin))
                work: list[tuple] = []
                work += [("stmt", s, indent + 1, blocks + 1, depth + 1) for s in stmt.body]
                if not stmt.body:
                    work.append(("line", _Line(pad + "    pass", origin)))
                for handler in stmt.handlers:
                    alias = f" as {self.name(handler.alias)}" if handler.alias else ""
                    work.append(("line", _Line(f"{pad}except {handler.exc_type}{alias}:",
                                               _origin(handler))))
                    work += [("stmt", s, indent + 1, blocks + 2, depth + 1) for s in handler.body]
                    if not handler.body:
                        work.append(("line", _Line(pad + "    pass", _origin(handler))))
                stack.extend(reversed(work))
            else:
                out.append(_Line.of(pad, self.simple_statement(stmt), origin))
        return out


def _origin(node) -> tuple[int, int]:
    return (node.span.line, node.span.column)


def _origin_head(stmt) -> tuple[int, int]:
    span = getattr(stmt, "head", None) or stmt.span
    return (span.line, span.column)


def _wrap(part: tuple[Piece, int, str], minimum: int) -> Piece:
    code, precedence, _ = part
    return code if precedence >= minimum else Piece(["(", code, ")"])


def _combined_kind(left: str, right: str) -> str:
    """The kind of `left <op> right`: a tensor if either side is a graph
    object, a Python value if both are values (None: not known yet)."""
    if GRAPH in (left, right):
        return GRAPH
    if left is None or right is None:
        return None
    if GRAPH in (left, right):
        return GRAPH
    if left == VALUE and right == VALUE:
        return VALUE
    return UNKNOWN
