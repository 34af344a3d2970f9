"""Write `docs/ops.md`: every op function of the contract's op library (LANGUAGE.md
part 5, "Ops"), with the op types one canonical call of it creates, the
constants it makes from its Python arguments and the name scope its ops
are under.

The table is read off scopesim itself, so it cannot drift from the code:
each canonical call of `CALLS` runs on scopesim's `tf.compat.v1` in a fresh
graph, after its inputs (placeholders, `setup` statements) are made, and
the ops it added are listed.

    python tools/op_table.py            # rewrite docs/ops.md
    python tools/op_table.py --check    # exit 1 if docs/ops.md is stale

The same calls run under TensorFlow 2.21 by `tools/record_op_table.py`
(its recording: `tests/tf/op_table_tf.json`); `tests/test_ops_doc.py` fails
when the page is stale or when a row differs from TensorFlow's.

This module imports nothing of scopesim at import time: the recording tool
imports `CALLS` and `ops_of` from it under TensorFlow's Python.
"""

from __future__ import annotations

import argparse
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "docs", "ops.md")

#: (function, canonical call, placeholders {name: (dtype, shape)}, setup
#: statements run before the call).  `tf` is tf.compat.v1.  A function may
#: have more rows after its first: calls that build other ops (partitioned
#: params, another axis, run-time weights checks).
F = ("float32", [2, 3])
CALLS = [
    ("tf.constant", "tf.constant([1.0, 2.0])", {}, ""),
    ("tf.identity", "tf.identity(x)", {"x": F}, ""),
    ("tf.zeros", "tf.zeros([2, 3])", {}, ""),
    ("tf.ones", "tf.ones([2, 3])", {}, ""),
    ("tf.zeros_like", "tf.zeros_like(x)", {"x": F}, ""),
    ("tf.ones_like", "tf.ones_like(x)", {"x": F}, ""),
    ("tf.fill", "tf.fill([2, 3], 1.0)", {}, ""),
    ("tf.range", "tf.range(5)", {}, ""),
    ("tf.add", "tf.add(x, 1.0)", {"x": F}, ""),
    ("tf.add_n", "tf.add_n([x, y])", {"x": F, "y": F}, ""),
    ("tf.subtract", "tf.subtract(x, 1.0)", {"x": F}, ""),
    ("tf.multiply", "tf.multiply(x, 2.0)", {"x": F}, ""),
    ("tf.divide", "tf.divide(x, 2.0)", {"x": F}, ""),
    ("tf.truediv", "tf.truediv(x, 2.0)", {"x": F}, ""),
    ("tf.floordiv", "tf.floordiv(x, 2.0)", {"x": F}, ""),
    ("tf.mod", "tf.mod(x, 2.0)", {"x": F}, ""),
    ("tf.pow", "tf.pow(x, 2.0)", {"x": F}, ""),
    ("tf.negative", "tf.negative(x)", {"x": F}, ""),
    ("tf.abs", "tf.abs(x)", {"x": F}, ""),
    ("tf.square", "tf.square(x)", {"x": F}, ""),
    ("tf.sqrt", "tf.sqrt(x)", {"x": F}, ""),
    ("tf.rsqrt", "tf.rsqrt(x)", {"x": F}, ""),
    ("tf.exp", "tf.exp(x)", {"x": F}, ""),
    ("tf.log", "tf.log(x)", {"x": F}, ""),
    ("tf.maximum", "tf.maximum(x, 0.0)", {"x": F}, ""),
    ("tf.minimum", "tf.minimum(x, 0.0)", {"x": F}, ""),
    ("tf.matmul", "tf.matmul(x, w, transpose_b=True)", {"x": F, "w": ("float32", [4, 3])}, ""),
    ("tf.tensordot", "tf.tensordot(x, w, 1)", {"x": F, "w": ("float32", [3, 4])}, ""),
    ("tf.tensordot", "tf.tensordot(u, w, [[1], [0]])",
     {"u": ("float32", [None, 3]), "w": ("float32", [3, 4])}, ""),
    ("tf.einsum", "tf.einsum('ij,jk->ik', x, w)", {"x": F, "w": ("float32", [3, 4])}, ""),
    ("tf.einsum", "tf.einsum('...ij,...jk->...ik', e, f)",
     {"e": ("float32", [5, 2, 3]), "f": ("float32", [5, 3, 4])}, ""),
    ("tf.reduce_sum", "tf.reduce_sum(x, 1)", {"x": F}, ""),
    ("tf.reduce_mean", "tf.reduce_mean(x, 1)", {"x": F}, ""),
    ("tf.reduce_max", "tf.reduce_max(x, 1)", {"x": F}, ""),
    ("tf.reduce_min", "tf.reduce_min(x, 1)", {"x": F}, ""),
    ("tf.reduce_prod", "tf.reduce_prod(x, 1)", {"x": F}, ""),
    ("tf.argmax", "tf.argmax(x, 1)", {"x": F}, ""),
    ("tf.reshape", "tf.reshape(x, [3, 2])", {"x": F}, ""),
    ("tf.transpose", "tf.transpose(x)", {"x": F}, ""),
    ("tf.concat", "tf.concat([x, y], 0)", {"x": F, "y": F}, ""),
    ("tf.stack", "tf.stack([x, y])", {"x": F, "y": F}, ""),
    ("tf.unstack", "tf.unstack(x)", {"x": F}, ""),
    ("tf.split", "tf.split(x, 3, axis=1)", {"x": F}, ""),
    ("tf.expand_dims", "tf.expand_dims(x, 0)", {"x": F}, ""),
    ("tf.squeeze", "tf.squeeze(x1)", {"x1": ("float32", [2, 1, 3])}, ""),
    ("tf.tile", "tf.tile(x, [2, 1])", {"x": F}, ""),
    ("tf.gather", "tf.gather(x, [1, 0])", {"x": F}, ""),
    ("tf.cast", "tf.cast(x, tf.int32)", {"x": F}, ""),
    ("tf.to_float", "tf.to_float(i)", {"i": ("int32", [2, 3])}, ""),
    ("tf.to_int32", "tf.to_int32(x)", {"x": F}, ""),
    ("tf.shape", "tf.shape(x)", {"x": F}, ""),
    ("tf.one_hot", "tf.one_hot(ids, 4)", {"ids": ("int32", [2])}, ""),
    ("tf.where", "tf.where(c, x, y)", {"c": ("bool", [2, 3]), "x": F, "y": F}, ""),
    ("tf.less", "tf.less(x, 0.0)", {"x": F}, ""),
    ("tf.greater", "tf.greater(x, 0.0)", {"x": F}, ""),
    ("tf.equal", "tf.equal(x, 0.0)", {"x": F}, ""),
    ("tf.not_equal", "tf.not_equal(x, 0.0)", {"x": F}, ""),
    ("tf.slice", "tf.slice(x, [0, 1], [2, 2])", {"x": F}, ""),
    ("tf.pad", "tf.pad(x, [[1, 1], [0, 0]])", {"x": F}, ""),
    ("tf.sequence_mask", "tf.sequence_mask(lengths, 4)", {"lengths": ("int32", [2])}, ""),
    ("tf.convert_to_tensor", "tf.convert_to_tensor([1, 2])", {}, ""),
    ("tf.random_normal", "tf.random_normal([2, 3])", {}, ""),
    ("tf.random_uniform", "tf.random_uniform([2, 3])", {}, ""),
    ("tf.truncated_normal", "tf.truncated_normal([2, 3])", {}, ""),
    ("tf.sigmoid", "tf.sigmoid(x)", {"x": F}, ""),
    ("tf.tanh", "tf.tanh(x)", {"x": F}, ""),
    ("tf.nn.sigmoid", "tf.nn.sigmoid(x)", {"x": F}, ""),
    ("tf.nn.tanh", "tf.nn.tanh(x)", {"x": F}, ""),
    ("tf.nn.relu", "tf.nn.relu(x)", {"x": F}, ""),
    ("tf.nn.relu6", "tf.nn.relu6(x)", {"x": F}, ""),
    ("tf.nn.elu", "tf.nn.elu(x)", {"x": F}, ""),
    ("tf.nn.leaky_relu", "tf.nn.leaky_relu(x)", {"x": F}, ""),
    ("tf.nn.softplus", "tf.nn.softplus(x)", {"x": F}, ""),
    ("tf.nn.softmax", "tf.nn.softmax(x)", {"x": F}, ""),
    ("tf.nn.softmax", "tf.nn.softmax(x, axis=0)", {"x": F}, ""),
    ("tf.nn.log_softmax", "tf.nn.log_softmax(x)", {"x": F}, ""),
    ("tf.nn.bias_add", "tf.nn.bias_add(x, b)", {"x": F, "b": ("float32", [3])}, ""),
    ("tf.nn.xw_plus_b", "tf.nn.xw_plus_b(x, w, b)",
     {"x": F, "w": ("float32", [3, 4]), "b": ("float32", [4])}, ""),
    ("tf.nn.dropout", "tf.nn.dropout(x, rate=0.5)", {"x": F}, ""),
    ("tf.nn.batch_normalization", "tf.nn.batch_normalization(x, m, v, None, None, 1e-3)",
     {"x": F, "m": ("float32", [3]), "v": ("float32", [3])}, ""),
    ("tf.nn.zero_fraction", "tf.nn.zero_fraction(x)", {"x": F}, ""),
    ("tf.nn.l2_loss", "tf.nn.l2_loss(x)", {"x": F}, ""),
    ("tf.nn.embedding_lookup", "tf.nn.embedding_lookup(p, ids)",
     {"p": ("float32", [5, 3]), "ids": ("int32", [2])}, ""),
    ("tf.nn.embedding_lookup", "tf.nn.embedding_lookup([p, q], ids)",
     {"p": ("float32", [5, 3]), "q": ("float32", [4, 3]), "ids": ("int32", [2])}, ""),
    ("tf.nn.embedding_lookup", "tf.nn.embedding_lookup([p, q], ids, 'div', max_norm=1.0)",
     {"p": ("float32", [5, 3]), "q": ("float32", [4, 3]), "ids": ("int32", [2])}, ""),
    ("tf.nn.conv2d", "tf.nn.conv2d(img, k, 1, 'SAME')",
     {"img": ("float32", [2, 8, 8, 3]), "k": ("float32", [3, 3, 3, 4])}, ""),
    ("tf.nn.conv2d", "tf.nn.conv2d(vid, k, 1, 'SAME')",
     {"vid": ("float32", [2, 5, 8, 8, 3]), "k": ("float32", [3, 3, 3, 4])}, ""),
    ("tf.nn.max_pool", "tf.nn.max_pool(img, 2, 2, 'VALID')",
     {"img": ("float32", [2, 8, 8, 3])}, ""),
    ("tf.nn.avg_pool", "tf.nn.avg_pool(img, 2, 2, 'VALID')",
     {"img": ("float32", [2, 8, 8, 3])}, ""),
    ("tf.nn.moments", "tf.nn.moments(x, [0])", {"x": F}, ""),
    ("tf.nn.sparse_softmax_cross_entropy_with_logits",
     "tf.nn.sparse_softmax_cross_entropy_with_logits(labels=ids, logits=x)",
     {"ids": ("int32", [2]), "x": F}, ""),
    ("tf.nn.softmax_cross_entropy_with_logits_v2",
     "tf.nn.softmax_cross_entropy_with_logits_v2(labels=y, logits=x)", {"x": F, "y": F}, ""),
    ("tf.nn.sigmoid_cross_entropy_with_logits",
     "tf.nn.sigmoid_cross_entropy_with_logits(labels=y, logits=x)", {"x": F, "y": F}, ""),
    ("tf.losses.mean_squared_error", "tf.losses.mean_squared_error(y, x)",
     {"x": F, "y": F}, ""),
    ("tf.losses.mean_squared_error", "tf.losses.mean_squared_error(y, x, m)",
     {"x": F, "y": F, "m": ("float32", [None, 1])}, ""),
    ("tf.losses.softmax_cross_entropy", "tf.losses.softmax_cross_entropy(y, x)",
     {"x": F, "y": F}, ""),
    ("tf.losses.sparse_softmax_cross_entropy", "tf.losses.sparse_softmax_cross_entropy(ids, x)",
     {"ids": ("int32", [2]), "x": F}, ""),
    ("tf.losses.get_regularization_loss", "tf.losses.get_regularization_loss()", {"x": F},
     "tf.add_to_collection(tf.GraphKeys.REGULARIZATION_LOSSES, tf.nn.l2_loss(x))"),
    ("tf.summary.scalar", "tf.summary.scalar('loss', s)", {"s": ("float32", [])}, ""),
    ("tf.summary.histogram", "tf.summary.histogram('w', x)", {"x": F}, ""),
    ("tf.summary.image", "tf.summary.image('image', img)", {"img": ("float32", [2, 8, 8, 3])}, ""),
    ("tf.summary.merge", "tf.summary.merge([a, b])", {"s": ("float32", [])},
     "a = tf.summary.scalar('a', s); b = tf.summary.scalar('b', s)"),
    ("tf.summary.merge_all", "tf.summary.merge_all()", {"s": ("float32", [])},
     "tf.summary.scalar('a', s); tf.summary.scalar('b', s)"),
]


def ops_of(tf, call: str, inputs: dict, setup: str) -> list:
    """Run one canonical call in a fresh graph of `tf` (tf.compat.v1, of
    scopesim or of TensorFlow): [[name, type], ...] of the ops it created,
    in creation order (its inputs and `setup` not counted)."""
    tf.reset_default_graph()
    env = {"tf": tf}
    for name, (dtype, shape) in inputs.items():
        env[name] = tf.placeholder(getattr(tf, dtype), shape, name=name)
    if setup:
        exec(setup, env)  # noqa: S102 - the table's own fixed statements
    start = len(tf.get_default_graph().get_operations())
    eval(call, env)  # noqa: S307 - the table's own fixed expressions
    return [[op.name, op.type] for op in tf.get_default_graph().get_operations()[start:]]


def row(ops: list) -> tuple:
    """(scope, op types, constants) of a call's ops: the scope is the first
    name component all of them share (none when they differ); the op types
    in order of first appearance; the constants are the `Const` ops."""
    heads = {name.split("/")[0] for name, _ in ops}
    scope = heads.pop() if len(heads) == 1 else ""
    types = []
    for _, op_type in ops:
        if op_type not in types:
            types.append(op_type)
    constants = [name for name, op_type in ops if op_type == "Const"]
    return scope, types, constants


def scopesim_ops() -> dict:
    """{call: the ops it makes} for every row, on scopesim's tf.compat.v1."""
    if ROOT not in sys.path:
        sys.path.insert(0, ROOT)
    from scopesim.tf import compat_v1 as tf
    return {call: ops_of(tf, call, inputs, setup) for _, call, inputs, setup in CALLS}


HEADER = """\
# The op library: the ops each function creates

Generated by `python tools/op_table.py` from scopesim's own op functions (do
not edit by hand; `tests/test_ops_doc.py` checks it is current, and that
every row is what TensorFlow 2.21 builds for the same call, recorded by
`tools/record_op_table.py` in `tests/tf/op_table_tf.json`).

Each function of the contract's op library (LANGUAGE.md part 5, "Ops") with
one canonical call (some with more calls that build other ops: another axis,
partitioned parameters, a rank-5 input, weights of run-time shape), run in a
fresh graph on placeholders of the shapes given: the name scope its ops are
under (the first name component they all share; empty when the op is named
by its own type beside others), the op types it creates in order of first
appearance, and the constants it makes from its Python arguments (the
`Const` ops, by name). Inputs: `x`, `y` float32 (2, 3); `w` (3, 4) or (4,
3); `b` a vector of biases; `img` (2, 8, 8, 3), `vid` (2, 5, 8, 8, 3); `k`
(3, 3, 3, 4); `ids`, `lengths` int32 (2,); `p` (5, 3), `q` (4, 3); `u` (?,
3); `e`, `f` (5, 2, 3), (5, 3, 4); `m` (?, 1); `s` a float32 scalar. Other
shapes and arguments build other ops: the rules are in `scopesim/engine/`,
each pointing at its TensorFlow function.
"""


def _cell(values: list) -> str:
    return ", ".join(f"`{v}`" for v in values) if values else "—"


def render(table: dict | None = None) -> str:
    table = scopesim_ops() if table is None else table
    functions = len({function for function, *_ in CALLS})
    lines = [HEADER, f"{functions} functions, {len(CALLS)} calls.", "",
             "| function | canonical call | scope | op types | constants |",
             "|---|---|---|---|---|"]
    for function, call, _, _ in CALLS:
        scope, types, constants = row(table[call])
        lines.append(f"| `{function}` | `{call}` | {_cell([scope] if scope else [])} | "
                     f"{_cell(types)} | {_cell(constants)} |")
    lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="compare with docs/ops.md instead of writing it")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        with open(OUT, encoding="utf-8") as f:
            if f.read() != text:
                print("docs/ops.md is stale: run python tools/op_table.py", file=sys.stderr)
                return 1
        return 0
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {os.path.relpath(OUT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
