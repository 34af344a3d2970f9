"""A seeded generator of random `.scope` programs aimed at TensorFlow's tricky naming rules.

`generate(seed)` always returns the same program for the same seed (it uses
only its own `random.Random(seed)`).  The programs are valid `.scope` text; they
are meant to be run in scopesim and in TensorFlow and compared
(`scopesim verify`, the conformance corpus, the live test), so what matters is
not that they succeed but that they visit the rules where names are decided:

* small pools of names that collide case-insensitively (`a`, `A`, `add`,
  `Add`) or look like uniquified names (`a_1`), shared by variables, ops,
  variable scopes and name scopes, so that they fight over one namespace;
* variable scopes re-entered by string and by handle, `default=` scopes
  nested and repeated, `aux=false`, every reuse mode and the `reuse`
  statement, scope handles entered from elsewhere;
* absolute (`"a/"`) and empty name scopes, name-scope handles;
* get_variable with missing, mismatched and partial shapes and mismatched
  dtypes; tf.Variable names that collide with get_variable ones; ops with
  number operands;
* `try/except` around risky statements so that a program goes on after an
  error.  Risky statements are left unprotected with a probability tuned so
  that roughly a quarter of the programs end in an uncaught error.

Nesting stays shallow (at most `MAX_DEPTH` blocks), so that the emitted
Python compiles and every generated program can be verified.

`generate(seed, version=2)` draws programs of language version 2
(LANGUAGE.md part 4) instead, written the way TF1 models are: `def`s that
build layers with `tf.get_variable` and are called in several variable
scopes, `for` loops over time steps or layers with `reuse=(t > 0)` or
`tf.AUTO_REUSE`, lists of tensors, f-string scope and variable names,
keyword arguments, `tf.make_template`, and collections (`collections=`,
`trainable=False`, `tf.add_to_collection`, `tf.get_collection(key,
scope)`).  The same small pools of names make them collide.  Version 1's
programs for a seed are unchanged (`version=1`, the default: the recorded
corpus depends on them).

`generate(seed, version=2, ops=True)` draws version-2 programs of the op
library (scopesim/generate_ops.py): placeholders of known, partly known and
unknown shapes, the ops of LANGUAGE.md part 5 on them (often on
incompatible shapes or dtypes, inside try/except), in name scopes and loops.
"""

from __future__ import annotations

import random
import re

#: Names of variables and ops: case twins, op-like names, suffix look-alikes.
NAMES = ("a", "A", "add", "Add", "a_1", "w", "W", "v", "v_1", "mul", "Mul", "x/y", "read",
         "Variable", "NoOp", "Const", "b")
#: Variable-scope names (strings); "" and "a/" are TensorFlow quirks (C8, C9).
SCOPE_NAMES = ("a", "A", "s", "s_1", "add", "Add", "w", "outer", "a/b", "", "a/")
#: Name-scope names: relative, absolute (`"a/"`), empty (root).
NAME_SCOPE_NAMES = ("n", "a", "A", "add", "s", "", "a/", "n/", "s_1/", "zz/", "a/b")
DEFAULT_NAMES = ("d", "D", "a", "layer", "s")
#: Names ending in "/" are absolute: used as is, never reserved (A8, E3).
ABSOLUTE_NAMES = ("a/", "w/", "add/", "x/y/")
SHAPES = ("[1]", "[2]", "[2, 3]", "[3, 2]", "[]", "[None, 3]", "[None]", "[1000]")
DTYPES = ("float32", "float64", "int32", "float16", "int64", "bool")
INITIALIZERS = ("zeros", "ones", "constant(0.5)", "random_normal", "truncated_normal",
                "glorot_uniform", "random_uniform")
REUSE_VALUES = ("true", "false", "none", "auto")
HANDLE_PREFIXES = {"var": "v", "tensor": "t", "scope": "s", "name_scope": "ns", "op": "o"}

MAX_DEPTH = 4
#: Probability that a risky statement is left outside any try/except.
UNPROTECTED = 0.012
#: Probability that a try catches TypeError only (most errors go through).
MISMATCHED_HANDLER = 0.01

_BARE_NAME = re.compile(r"[A-Za-z0-9_.][A-Za-z0-9_.-]*")
#: Words a bare variable name is better quoted as, for readability.
_WORDS = {"scope", "name_scope", "var", "variable", "op", "const", "reuse", "print", "assert",
          "try", "except", "as", "is", "not", "default", "true", "false", "none", "auto",
          "True", "False", "None", "AUTO_REUSE"}


def name_text(name: str) -> str:
    """A variable or op name as `.scope` text: a bare word when it can be one."""
    if _BARE_NAME.fullmatch(name) and name not in _WORDS:
        return name
    return string(name)


def string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(seed: int, version: int = 1, ops: bool = False) -> str:
    """A random `.scope` program, the same for the same seed and version.
    `ops=True` (version 2 only) draws programs of the op library instead
    (`scopesim.generate_ops`)."""
    if ops:
        if version != 2:
            raise ValueError(f"no op-library generator for language version {version!r}")
        from .generate_ops import GeneratorOps2
        return GeneratorOps2(random.Random(seed)).program(seed)
    if version == 1:
        return _Generator(random.Random(seed)).program(seed)
    if version == 2:
        return _Generator2(random.Random(seed)).program(seed)
    raise ValueError(f"no generator for language version {version!r}")


class ProgramWriter:
    """What every generator shares: its random stream and the lines it writes
    (each generator's `__init__` sets `rng`, `lines` and `counter`)."""

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, seq):
        return self.rng.choice(seq)

    def emit(self, depth: int, text: str) -> None:
        self.lines.append("    " * depth + text)

    def fresh(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"


class _Generator(ProgramWriter):
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.lines: list[str] = []
        self.handles: dict[str, list[str]] = {kind: [] for kind in HANDLE_PREFIXES}
        #: Handles bound inside a `try`: maybe unbound, if the statement raised.
        self.unsure: set[str] = set()
        self.in_try = 0
        self.counter = 0
        self.statements = 0
        self.budget = 0

    # ------------------------------------------------------------ helpers


    def new_handle(self, kind: str) -> str:
        self.counter += 1
        name = f"{HANDLE_PREFIXES[kind]}{self.counter}"
        self.handles[kind].append(name)
        if self.in_try:
            self.unsure.add(name)
        return name

    def choose(self, pool: list[str]) -> str | None:
        """A handle from `pool`, rarely one that may be unbound (a NameError
        would end the program)."""
        sure = [h for h in pool if h not in self.unsure]
        if not pool or (not sure and not self.chance(0.1)):
            return None
        if sure and not self.chance(0.03):
            return self.pick(sure)
        return self.pick(pool)

    def handle(self, kind: str) -> str | None:
        return self.choose(self.handles[kind])

    def tensor_like(self) -> str | None:
        """A handle usable as a tensor operand (a variable or a tensor)."""
        return self.choose(self.handles["var"] + self.handles["tensor"])

    # ----------------------------------------------------------- program

    def program(self, seed: int) -> str:
        self.emit(0, f"# generated by scopesim.generate, seed {seed}")
        self.budget = self.rng.randint(8, 28)
        while self.statements < self.budget:
            self.statement(0)
        if self.chance(0.5):
            self.emit(0, "print global_variables()")
        return "\n".join(self.lines) + "\n"

    def statement(self, depth: int) -> None:
        self.statements += 1
        roll = self.rng.random()
        blocks = depth < MAX_DEPTH
        if roll < 0.22:
            self.risky(depth, self.get_variable)
        elif roll < 0.30:
            self.risky(depth, self.new_variable)
        elif roll < 0.42 and blocks:
            self.variable_scope(depth)
        elif roll < 0.50 and blocks:
            self.name_scope(depth)
        elif roll < 0.62:
            self.risky(depth, self.operation)
        elif roll < 0.66:
            self.emit(depth, "reuse")
        elif roll < 0.82:
            self.print_something(depth)
        elif roll < 0.86:
            self.risky(depth, self.scope_with_reuse_error)
        elif roll < 0.90:
            self.risky(depth, self.assertion, handlers=("AssertionError", "Exception"))
        else:
            self.risky(depth, self.get_variable)

    def body(self, depth: int) -> None:
        """The statements of a block at `depth` (possibly none)."""
        for _ in range(self.rng.choice((0, 1, 1, 2, 2, 3, 4))):
            self.statement(depth)

    def risky(self, depth: int, make,
              handlers=("ValueError", "ValueError", "ValueError", "Exception")) -> None:
        """A statement that may raise: usually inside try/except, so that the
        program goes on; sometimes left bare (an uncaught error ends it)."""
        if self.chance(UNPROTECTED):
            make(depth)
            return
        self.emit(depth, "try <")
        self.in_try += 1
        make(depth + 1)
        if self.chance(0.3):
            make(depth + 1)
        self.in_try -= 1
        # Rarely a handler that does not catch what the statement raises.
        handler = "TypeError" if self.chance(MISMATCHED_HANDLER) else self.pick(handlers)
        if self.chance(0.75):
            self.emit(depth, f"> except {handler} as e <")
            self.emit(depth + 1, "print e")
            self.emit(depth, ">")
            if self.chance(0.001):
                self.emit(depth, "print e")       # NameError: `e` is unbound after the handler
        else:
            self.emit(depth, f"> except {handler}")

    # --------------------------------------------------------- statements

    def some_name(self) -> str:
        """A variable or op name, now and then an absolute one."""
        return self.pick(ABSOLUTE_NAMES) if self.chance(0.04) else self.pick(NAMES)

    def get_variable(self, depth: int) -> None:
        name = self.some_name()
        parts = [f"var {name_text(name)}"]
        roll = self.rng.random()
        if roll < 0.85:
            parts.append(self.pick(SHAPES[:5]) if self.chance(0.8) else self.pick(SHAPES))
        if self.chance(0.15):
            parts.append(f"dtype={self.pick(DTYPES)}")
        if self.chance(0.25):
            parts.append(f"initializer={self.pick(INITIALIZERS)}")
        if self.chance(0.1):
            parts.append("trainable=false")
        text = " ".join(parts)
        if self.chance(0.6):
            text = f"{self.new_handle('var')} = {text}"
        self.emit(depth, text)

    def new_variable(self, depth: int) -> None:
        parts = ["variable"]
        if self.chance(0.8):
            parts.append(name_text(self.some_name()))
        parts.append(self.pick(SHAPES[:5]))
        if self.chance(0.3):
            parts.append(f"init={self.pick(('zeros', 'ones'))}")
        if self.chance(0.08):
            parts.append(f"dtype={self.pick(('float64', 'int32', 'float16'))}")
        if self.chance(0.1):
            parts.append("trainable=false")
        text = " ".join(parts)
        if self.chance(0.6):
            text = f"{self.new_handle('var')} = {text}"
        self.emit(depth, text)

    def variable_scope(self, depth: int) -> None:
        parts = ["scope"]
        roll = self.rng.random()
        scope_handle = self.handle("scope")
        if roll < 0.5:
            parts.append(string(self.pick(SCOPE_NAMES)))
            if self.chance(0.1):
                parts.append(f"default={string(self.pick(DEFAULT_NAMES))}")
        elif roll < 0.72:
            parts.append(f"default={string(self.pick(DEFAULT_NAMES))}")
        elif roll < 0.75:
            parts.append(f"none default={string(self.pick(DEFAULT_NAMES))}")
        elif scope_handle is not None and not self.chance(0.1):
            parts.append(scope_handle)
        elif self.handles["name_scope"] and self.chance(0.5):
            parts.append(self.handle("name_scope") or string(self.pick(SCOPE_NAMES)))
        else:
            parts.append(string(self.pick(SCOPE_NAMES)))
        if self.chance(0.35):
            parts.append(f"reuse={self.pick(REUSE_VALUES)}")
        if self.chance(0.15):
            parts.append("aux=false")
        if self.chance(0.07):
            parts.append(f"dtype={self.pick(('float64', 'float16', 'int32'))}")
        if self.chance(0.07):
            parts.append(f"initializer={self.pick(INITIALIZERS[:3])}")
        if self.chance(0.45):
            parts.append(f"as {self.new_handle('scope')}")
        self.block(depth, " ".join(parts))

    def name_scope(self, depth: int) -> None:
        parts = ["name_scope"]
        roll = self.rng.random()
        ns_handle = self.handle("name_scope")
        if roll < 0.65:
            parts.append(string(self.pick(NAME_SCOPE_NAMES)))
        elif roll < 0.75:
            parts.append(f"default={string(self.pick(DEFAULT_NAMES))}")
        elif roll < 0.8:
            parts.append("none")
        elif ns_handle is not None and not self.chance(0.05):
            parts.append(ns_handle)
        elif self.handles["scope"] and self.chance(0.08):
            parts.append(self.handle("scope") or string(self.pick(NAME_SCOPE_NAMES)))
        else:
            parts.append(string(self.pick(NAME_SCOPE_NAMES)))
        if self.chance(0.4):
            parts.append(f"as {self.new_handle('name_scope')}")
        self.block(depth, " ".join(parts))

    def block(self, depth: int, head: str) -> None:
        self.emit(depth, head + " <")
        self.body(depth + 1)
        self.emit(depth, ">")

    def scope_with_reuse_error(self, depth: int) -> None:
        """Scopes whose reuse settings are errors or surprising: reuse without
        a name, get_variable of a missing variable under reuse."""
        if self.chance(0.3):
            self.emit(depth, f"scope default={string(self.pick(DEFAULT_NAMES))} "
                             f"reuse={self.pick(('true', 'auto'))} < >")
        else:
            self.emit(depth, f"scope {string(self.pick(SCOPE_NAMES))} reuse=true <")
            self.get_variable(depth + 1)
            self.emit(depth, ">")

    def operation(self, depth: int) -> None:
        x = self.tensor_like()
        y = self.tensor_like() or x
        roll = self.rng.random()
        number = self.pick(("1", "2.0", "0.5", "-1.0", "3"))
        name = f' name={string(self.some_name())}' if self.chance(0.2) else ""
        if roll < 0.15 or x is None:
            text = f"const {number}{name}"
        elif roll < 0.35:
            symbol = self.pick(("+", "-", "*", "/"))
            text = f"{x} {symbol} {number}" if self.chance(0.5) else f"{number} {symbol} {x}"
        elif roll < 0.5:
            text = f"{x} {self.pick(('+', '-', '*', '@'))} {y}"
        elif roll < 0.65:
            func = self.pick(("add", "multiply", "matmul"))
            text = f"{func}({x}, {y if self.chance(0.8) else number}{',' + name if name else ''})"
        elif roll < 0.78:
            func = self.pick(("relu", "tanh", "sigmoid", "identity"))
            text = f"{func}({x}{',' + name if name else ''})"
        elif roll < 0.9:
            op_name = name_text(self.some_name()) if self.chance(0.7) else ""
            text = f"op {op_name}".rstrip()
            if self.chance(0.5):
                text = f"{self.new_handle('op')} = {text}"
            self.emit(depth, text)
            return
        else:
            text = f"-{x}"
        if self.chance(0.7):
            text = f"{self.new_handle('tensor')} = {text}"
        self.emit(depth, text)

    def print_something(self, depth: int) -> None:
        roll = self.rng.random()
        any_handle = self.choose([h for kind in ("var", "tensor", "scope", "name_scope", "op")
                                  for h in self.handles[kind]])
        if roll < 0.3 and any_handle:
            self.emit(depth, f"print {any_handle}")
        elif roll < 0.45:
            self.emit(depth, "print get_variable_scope().name, get_name_scope()")
        elif roll < 0.55:
            self.emit(depth, "print get_variable_scope().reuse")
        elif roll < 0.62:
            self.emit(depth, "print get_variable_scope().original_name_scope")
        elif roll < 0.7 and self.handles["scope"]:
            scope = self.handle("scope")
            attribute = self.pick(("name", "original_name_scope", "reuse"))
            self.emit(depth, f"print {scope}.{attribute}")
        elif roll < 0.8 and (tensor := self.tensor_like()):
            self.emit(depth, f"print {tensor}.{self.pick(('shape', 'dtype', 'name'))}")
        elif roll < 0.9:
            which = self.pick(("global_variables", "trainable_variables"))
            scope = string(self.pick(("a", "A", "s", "a_", "add"))) if self.chance(0.3) else ""
            self.emit(depth, f"print {which}({scope})")
        else:
            self.emit(depth, "print get_name_scope()")

    def assertion(self, depth: int) -> None:
        x = self.tensor_like()
        y = self.tensor_like() or x
        if x is None:
            self.emit(depth, "assert get_variable_scope().reuse == false")
            return
        self.emit(depth, f"assert {x} {self.pick(('is', 'is not', '==', '!='))} {y}")


# =================================================================== version 2

#: Variable names of version-2 programs: few, so that layers collide.
V2_VAR_NAMES = ("w", "b", "kernel", "bias", "W", "w_1")
#: Variable-scope names (f-string templates use `{i}`).
V2_SCOPES = ("layer", "cell", "a", "A", "enc", "encoder", "dense", "layer_1")
V2_FSTRING_SCOPES = ('f"layer_{i}"', 'f"block{i:02d}"', 'f"cell_{i}"', 'f"{name}_{i}"')
V2_COLLECTIONS = ('"mine"', '"extra"', "tf.GraphKeys.GLOBAL_VARIABLES",
                  "tf.GraphKeys.TRAINABLE_VARIABLES", "tf.GraphKeys.LOCAL_VARIABLES")
V2_INITIALIZERS = ("tf.zeros_initializer()", "tf.ones_initializer()",
                   "tf.constant_initializer(0.5)", "tf.glorot_uniform_initializer()",
                   "tf.random_normal_initializer(stddev=0.1)",
                   "tf.truncated_normal_initializer()")
V2_REUSE = ("True", "False", "None", "tf.AUTO_REUSE", "(t > 0)", "reuse")
V2_MAX_DEPTH = 3
#: Probability that a risky statement is left outside try/except.
V2_UNPROTECTED = 0.05


class _Generator2(ProgramWriter):
    """Version-2 programs: defs, loops, lists, f-strings, keywords, collections.

    Every `print` uses the call form (`print(a, b)`, the statement `print
    a, b`), and comparisons stand in parentheses, so the text is valid
    under the rule of LANGUAGE.md 4.1 for `<` and `>`."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.lines: list[str] = []
        self.functions: list[tuple[str, str]] = []     # (name, kind)
        self.templates: list[str] = []
        self.tensors: list[str] = ["x"]
        self.lists: list[str] = []
        self.counter = 0
        self.statements = 0
        #: Inside a `try`: a handle bound there may be unbound afterwards,
        #: so it is not offered to later statements.
        self.in_try = 0


    # ------------------------------------------------------------ program

    def program(self, seed: int) -> str:
        self.emit(0, f"# generated by scopesim.generate (language version 2), seed {seed}")
        width = self.pick((2, 3, 4))
        self.emit(0, f'x = tf.placeholder(tf.float32, [None, {width}], name="x")')
        self.width = width
        for _ in range(self.rng.randint(1, 3)):
            self.define_function()
        budget = self.rng.randint(4, 12)
        while self.statements < budget:
            self.top_statement(0)
        self.final_prints()
        return "\n".join(self.lines) + "\n"

    def final_prints(self) -> None:
        self.emit(0, "print([v.name for v in tf.global_variables()])")
        if self.chance(0.6):
            self.emit(0, "print([v.name for v in tf.trainable_variables()])")
        if self.chance(0.4):
            self.emit(0, f'print([v.name for v in tf.get_collection({self.pick(V2_COLLECTIONS)}, '
                         f'{string(self.pick(V2_SCOPES))})])')

    # ---------------------------------------------------------- functions

    def variable_call(self, name_text: str, shape: str) -> str:
        """A tf.get_variable call with some keyword arguments."""
        parts = [name_text, shape] if self.chance(0.7) else [f"name={name_text}", f"shape={shape}"]
        if self.chance(0.35):
            parts.append(f"initializer={self.pick(V2_INITIALIZERS)}")
        if self.chance(0.12):
            parts.append("trainable=False")
        if self.chance(0.12):
            keys = self.rng.sample(V2_COLLECTIONS, self.rng.randint(0, 2))
            parts.append(f"collections=[{', '.join(keys)}]")
        if self.chance(0.05):
            parts.append("dtype=tf.float64")
        return f"tf.get_variable({', '.join(parts)})"

    def define_function(self) -> None:
        name = self.fresh(self.pick(("dense", "layer", "cell", "block")))
        kind = self.pick(("dense", "dense", "scoped", "stack"))
        units = self.pick((2, 3, 4))
        if kind == "dense":
            # Creates its variables in the caller's scope.
            self.emit(0, f"def {name}(x, units={units}) <")
            self.emit(1, f'w = {self.variable_call(string(self.pick(V2_VAR_NAMES)), "[units, units]")}')
            if self.chance(0.5):
                self.emit(1, f'b = {self.variable_call(string("b"), "[units]")}')
                self.emit(1, "return tf.identity(w) + b")
            else:
                self.emit(1, self.pick(("return tf.nn.relu(w)", "return w * 2.0", "return -w",
                                        "return tf.tanh(w)", "return w[0]")))
        elif kind == "scoped":
            # Opens its own scope, with a reuse parameter (the classic GAN idiom).
            scope = string(self.pick(V2_SCOPES))
            self.emit(0, f"def {name}(x, reuse=False, name={scope}) <")
            self.emit(1, "with tf.variable_scope(name, reuse=reuse) <")
            self.emit(2, f'w = {self.variable_call(string(self.pick(V2_VAR_NAMES)), f"[{units}]")}')
            self.emit(2, "return w + 1.0")
            self.emit(1, ">")
        else:
            # A loop of layers with f-string scope names.
            self.emit(0, f"def {name}(n, name=\"stack\") <")
            self.emit(1, "outs = []")
            self.emit(1, "for i in range(n) <")
            self.emit(2, f"with tf.variable_scope({self.pick(V2_FSTRING_SCOPES)}) <")
            self.emit(3, f'outs.append({self.variable_call(string(self.pick(V2_VAR_NAMES)), "[i + 1]")})')
            self.emit(2, ">")
            self.emit(1, ">")
            self.emit(1, "return outs")
        self.emit(0, ">")
        self.functions.append((name, kind))

    def call(self, name: str, kind: str) -> str:
        if kind == "dense":
            return f"{name}(x)" if self.chance(0.5) else f"{name}(x, units={self.pick((2, 3, 4))})"
        if kind == "scoped":
            args = ["x"]
            if self.chance(0.5):
                args.append(f"reuse={self.pick(('True', 'tf.AUTO_REUSE', 'False'))}")
            if self.chance(0.3):
                args.append(f"name={string(self.pick(V2_SCOPES))}")
            return f"{name}({', '.join(args)})"
        return f"{name}({self.pick((1, 2, 3))})" if self.chance(0.6) else \
            f"{name}({self.pick((1, 2))}, name={string(self.pick(V2_SCOPES))})"

    # --------------------------------------------------------- statements

    def top_statement(self, depth: int) -> None:
        self.statements += 1
        roll = self.rng.random()
        if roll < 0.22:
            self.call_in_scopes(depth)
        elif roll < 0.42:
            self.time_loop(depth)
        elif roll < 0.52:
            self.template(depth)
        elif roll < 0.64:
            self.risky(depth, self.plain_call)
        elif roll < 0.74:
            self.collections(depth)
        elif roll < 0.84:
            self.list_work(depth)
        elif roll < 0.92:
            self.risky(depth, self.direct_variable)
        else:
            self.name_scope_ops(depth)

    def risky(self, depth: int, make) -> None:
        if self.chance(V2_UNPROTECTED):
            make(depth)
            return
        self.emit(depth, "try <")
        self.in_try += 1
        make(depth + 1)
        self.in_try -= 1
        handler = self.pick(("ValueError", "ValueError", "(ValueError, TypeError)", "Exception"))
        self.emit(depth, f"> except {handler} as e <")
        # The first sentence only: the rest may quote Python frames.
        self.emit(depth + 1, self.pick(('print(type(e).__name__)', 'print(str(e).split(".")[0])',
                                        'print(type(e).__name__, str(e).split(",")[0])')))
        self.emit(depth, ">")

    def function(self) -> tuple[str, str]:
        return self.pick(self.functions)

    def result_handle(self) -> str:
        handle = self.fresh("h")
        if not self.in_try:
            self.tensors.append(handle)
        return handle

    def call_in_scopes(self, depth: int) -> None:
        """One def called in two or three scopes, maybe re-entered with reuse."""
        name, kind = self.function()
        scopes = self.rng.sample(V2_SCOPES, self.rng.randint(2, 3))
        if self.chance(0.3):
            scopes.append(scopes[0])
        for scope in scopes:
            options = ""
            if self.chance(0.35):
                options = f", reuse={self.pick(('True', 'tf.AUTO_REUSE', 'None'))}"
            self.risky(depth, lambda d, scope=scope, options=options: self._scoped_call(
                d, scope, options, name, kind))

    def _scoped_call(self, depth, scope, options, name, kind) -> None:
        self.emit(depth, f"with tf.variable_scope({string(scope)}{options}) as {self.fresh('s')} <")
        handle = self.result_handle() if kind != "stack" else self.fresh("outs")
        self.emit(depth + 1, f"{handle} = {self.call(name, kind)}")
        self.emit(depth + 1, f"print({self.show(handle)})")
        self.emit(depth, ">")

    def show(self, handle: str) -> str:
        return self.pick((handle, f"{handle}", "tf.get_variable_scope().name",
                          "tf.get_default_graph().get_name_scope()"))

    def time_loop(self, depth: int) -> None:
        """for t in range(n): one cell's weights shared across steps."""
        steps = self.pick((2, 3, 4))
        reuse = self.pick(V2_REUSE)
        if reuse == "reuse":
            self.emit(depth, f"reuse = {self.pick(('True', 'False', 'tf.AUTO_REUSE'))}")
        scope = self.pick(V2_SCOPES + V2_FSTRING_SCOPES[:1]) if self.chance(0.8) else "None"
        self.emit(depth, "hs = []")
        self.lists.append("hs")
        self.emit(depth, f"for t in range({steps}) <")
        if scope.startswith("f"):
            scope_text = scope.replace("{i}", "{t}")
        else:
            scope_text = string(scope) if scope != "None" else "None"
        default = ', default_name="rnn"' if scope == "None" else ""
        self.emit(depth + 1, "try <")
        self.emit(depth + 2, f"with tf.variable_scope({scope_text}{default}, reuse={reuse}) <")
        var = self.pick(V2_VAR_NAMES)
        self.emit(depth + 3, f"w = {self.variable_call(string(var), '[2]')}")
        if self.chance(0.5):
            self.emit(depth + 3, "hs.append(tf.tanh(w) if (t == 0) else tf.tanh(w + hs[-1]))")
        else:
            self.emit(depth + 3, "hs.append(w * float(t))")
        self.emit(depth + 2, ">")
        self.emit(depth + 1, "> except ValueError as e <")
        if self.chance(0.5):
            self.emit(depth + 2, 'print(t, str(e).split(",")[0])')
        else:
            self.emit(depth + 2, "print(t, type(e).__name__)")
        if self.chance(0.5):
            self.emit(depth + 2, "break")
        self.emit(depth + 1, ">")
        self.emit(depth, ">")
        self.emit(depth, "print([h.name for h in hs], len(hs))")

    def template(self, depth: int) -> None:
        name, kind = self.function()
        handle = self.fresh("tmpl")
        arguments = [string(self.pick(("tmpl", "layer", "t", "a"))), name]
        if kind == "dense" and self.chance(0.4):
            arguments.append(f"units={self.pick((2, 3))}")
        if self.chance(0.2):
            arguments.append("create_scope_now_=True")
        if self.chance(0.15):
            arguments.append(f"unique_name_={string(self.pick(('u', 't')))}")
        self.emit(depth, f"{handle} = tf.make_template({', '.join(arguments)})")
        argument = {"dense": "x", "scoped": "x", "stack": "2"}[kind]
        for _ in range(self.pick((1, 2, 3))):
            out = self.fresh("out")
            self.risky(depth, lambda d, out=out: self.emit(d, f"{out} = {handle}({argument})"))
        self.emit(depth, f"print([v.name for v in {handle}.variables])")

    def plain_call(self, depth: int) -> None:
        name, kind = self.function()
        handle = self.result_handle() if kind != "stack" else self.fresh("outs")
        self.emit(depth, f"{handle} = {self.call(name, kind)}")
        self.emit(depth, f"print({handle})")

    def direct_variable(self, depth: int) -> None:
        var = self.pick(V2_VAR_NAMES)
        if self.chance(0.5):
            text = f"{self.fresh('v')} = {self.variable_call(string(var), self.pick(('[1]', '[2]', '[]')))}"
        else:
            text = f"{self.fresh('v')} = var {var} {self.pick(('[1]', '[2]', '[]'))}"
            if self.chance(0.3):
                text += f" trainable={self.pick(('False', 'True'))}"
        self.emit(depth, text)

    def collections(self, depth: int) -> None:
        roll = self.rng.random()
        if roll < 0.3:
            key = string(self.pick(("mine", "extra", "outputs")))
            self.emit(depth, f"tf.add_to_collection({key}, {self.pick(self.tensors)})")
        elif roll < 0.5:
            self.emit(depth, f'{self.fresh("lv")} = tf.get_local_variable('
                             f'{string(self.pick(V2_VAR_NAMES))}, [1])')
        elif roll < 0.75:
            self.emit(depth, f"print([v.name for v in tf.get_collection({self.pick(V2_COLLECTIONS)}"
                             f"{', ' + string(self.pick(V2_SCOPES)) if self.chance(0.5) else ''})])")
        else:
            which = self.pick(("trainable_variables", "global_variables", "local_variables"))
            self.emit(depth, f"print([v.name for v in tf.{which}({string(self.pick(V2_SCOPES))})])")

    def list_work(self, depth: int) -> None:
        """A list of variables built in a loop with f-string names."""
        handle = self.fresh("vs")
        self.lists.append(handle)
        n = self.pick((2, 3))
        name = self.pick(V2_VAR_NAMES)
        if self.chance(0.5):
            self.emit(depth, f'{handle} = [tf.get_variable(f"{name}{{i}}", [i + 1]) for i in range({n})]')
        else:
            self.emit(depth, f"{handle} = []")
            self.emit(depth, f'name = {string(self.pick(V2_SCOPES))}')
            self.emit(depth, f"for i in range({n}) <")
            self.emit(depth + 1, f"with tf.variable_scope({self.pick(V2_FSTRING_SCOPES)}) <")
            self.emit(depth + 2, f"v = var {name} [{self.pick(('i + 1', '2', '1'))}]")
            self.emit(depth + 2, f"{handle}.append(v)")
            self.emit(depth + 1, ">")
            self.emit(depth, ">")
        self.emit(depth, self.pick((f"print([v.name for v in {handle}])",
                                    f"print({handle}[-1].name, len({handle}))",
                                    f"print([v.shape.as_list() for v in {handle}[1:]])")))
        if self.chance(0.4):
            first = self.fresh("first")
            self.emit(depth, f"{first}, *rest = {handle}")
            self.emit(depth, f"print({first}.name, len(rest))")

    def name_scope_ops(self, depth: int) -> None:
        scope = self.pick(('"ops"', 'f"step_{len(hs) if hs else 0}"', '"a"', '""'))
        if "hs" not in self.lists:
            scope = '"ops"'
        self.emit(depth, f"with tf.name_scope({scope}) as ns <")
        tensor = self.pick(self.tensors)
        self.emit(depth + 1, f"print(ns, {tensor} * 2.0, tf.identity({tensor}))")
        self.emit(depth, ">")
