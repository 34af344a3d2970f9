"""`scopesim emit`: the TensorFlow 1.x Python program equivalent to a `.scope` program.

The parser already compiles a program to a Python `ast.Module` (the
version-1 forms lowered to TensorFlow calls); `emit` is that module
unparsed, after a header that imports real TensorFlow and the prelude
(`scopesim.prelude`), so it runs under TensorFlow exactly as `scopesim run`
runs it under scopesim's own `tf`:

    with tf.variable_scope('a', reuse=True) as s:
        v = tf.get_variable('w', [2, 3])
        print(__scopesim_show(v))

`Emitted.positions` maps the position of each node of the emitted text
back to its `.scope` (line, column), so that `tf_runner` can say where an
error happened in `.scope` terms: the unparsed text is parsed again and
walked in step with the original tree.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from . import prelude

#: The lines every emitted program starts with.
HEADER = (
    "import os",
    'os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"',
    "import tensorflow.compat.v1 as tf",
    "tf.disable_v2_behavior()",
)


@dataclass
class Emitted:
    """An emitted program and what is needed to read its run back in `.scope` terms.

    `positions` maps (line, col, end line, end col) of an emitted node (Python's
    byte columns) to the `.scope` (line, column) of the node it came from;
    `line_map` maps an emitted line to the `.scope` (line, column) of the
    statement on it.  `renames` is kept for the runner's protocol (names are
    never renamed now).  `block_depth` is the deepest nesting of blocks.
    """

    source: str
    line_map: dict[int, tuple[int, int]] = field(default_factory=dict)
    renames: dict[str, str] = field(default_factory=dict)
    block_depth: int = 0
    positions: dict[tuple[int, int, int, int], tuple[int, int]] = field(default_factory=dict)


def emit(program) -> str:
    """The TensorFlow 1.x program equivalent to `program`."""
    return emit_program(program).source


def emit_program(program) -> Emitted:
    """`emit`, with the map back to `.scope` positions."""
    from .runner import on_deep_stack
    return on_deep_stack(lambda: _emit(program))


def _emit(program) -> Emitted:
    body = ast.unparse(program.module)
    lines = [f"# The TensorFlow 1.x equivalent of {program.filename}, emitted by scopesim.",
             *HEADER, "", "# The prelude: what print shows, the version-1 functions.",
             *prelude.SOURCE.rstrip("\n").split("\n"), "", ""]
    offset = len(lines)
    source = "\n".join(lines) + "\n" + body + "\n"
    emitted = Emitted(source, block_depth=program.block_depth)
    try:
        again = ast.parse(body)
    except (SyntaxError, RecursionError, MemoryError, ValueError):
        return emitted          # Python cannot read it back (tf_runner says so too)
    for new, old in zip(ast.walk(again), ast.walk(program.module)):
        if type(new) is not type(old):
            break               # not the same tree: keep what was mapped so far
        if getattr(new, "lineno", None) is None or getattr(old, "lineno", None) is None:
            continue
        where = (old.lineno, program.char_column(old.lineno, old.col_offset))
        key = (new.lineno + offset, new.col_offset, new.end_lineno + offset, new.end_col_offset)
        emitted.positions.setdefault(key, where)
        if isinstance(new, ast.stmt):
            emitted.line_map.setdefault(new.lineno + offset, where)
    return emitted
