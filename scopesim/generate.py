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


def generate(seed: int) -> str:
    """A random `.scope` program, the same for the same seed."""
    return _Generator(random.Random(seed)).program(seed)


class _Generator:
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

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, seq):
        return self.rng.choice(seq)

    def emit(self, depth: int, text: str) -> None:
        self.lines.append("    " * depth + text)

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
