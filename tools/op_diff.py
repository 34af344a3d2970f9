"""Differential runs of the op library: random calls of its functions
(softmax, tensordot, einsum, embedding_lookup, conv2d, the pools, the
cross entropies, the losses, dropout, moments, batch_normalization, ...)
on placeholders of random, partly unknown shapes, made under scopesim and
under TensorFlow 2.21, and every difference in what they print (the result
or the error, then each op: name, type, inputs, output shapes and dtypes).

    python tools/op_diff.py --seed 7 --count 200      # needs SCOPESIM_TF_PYTHON
    python tools/op_diff.py --seed 7 --show 12        # print call 12 only

A difference is a rule to fix (or a probe case to record in
tests/tf/tf_probes/).  Exit 0 when both agree, 1 when they differ, 2 when
TensorFlow cannot be run.  The calls are made from the seed alone, so the
same seed gives the same calls.
"""

from __future__ import annotations

import argparse
import difflib
import os
import random
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from scopesim.exitcodes import DIFFERENCE, OK, USAGE  # noqa: E402


def _shape(r: random.Random, rank: int, unknown: float = 0.2) -> tuple:
    return tuple(None if r.random() < unknown else r.randint(1, 4) for _ in range(rank))


def _maybe(r: random.Random, value, none: float = 0.15):
    return None if r.random() < none else value


def _call(r: random.Random) -> str:
    """One random call, as a Python expression over `T` (tf.compat.v1) and
    `P(shape, dtype=float32)` (a new placeholder)."""
    kind = r.randrange(12)
    if kind == 0:
        s = _maybe(r, _shape(r, r.randint(0, 4)))
        fn = r.choice(["softmax", "log_softmax"])
        return f"T.nn.{fn}(P({s!r}), axis={r.randint(-5, 4)})"
    if kind == 1:
        a, b = _shape(r, r.randint(0, 3)), _shape(r, r.randint(0, 3))
        n = r.randint(0, 2)
        axes = r.choice([r.randint(0, 3), [[r.randint(-3, 3) for _ in range(n)],
                                           [r.randint(-3, 3) for _ in range(n)]]])
        return f"T.tensordot(P({a!r}), P({b!r}), {axes!r})"
    if kind == 2:
        la = "".join(r.choice("ijkl") for _ in range(r.randint(1, 3)))
        lb = "".join(r.choice("ijkl") for _ in range(r.randint(1, 3)))
        ell = "..." if r.random() < 0.3 else ""
        eq = f"{ell}{la},{ell}{lb}"
        if r.random() < 0.5:
            labels = sorted(set(la + lb))
            r.shuffle(labels)
            eq += "->" + ell + "".join(labels[:r.randint(0, len(labels))])
        extra = (lambda: r.randint(0, 2)) if ell else (lambda: 0)
        return (f"T.einsum({eq!r}, P({_shape(r, len(la) + extra(), 0.1)!r}), "
                f"P({_shape(r, len(lb) + extra(), 0.1)!r}))")
    if kind == 3:
        params = ", ".join(f"P({_shape(r, 2)!r})" for _ in range(r.randint(1, 3)))
        ids = _maybe(r, _shape(r, r.randint(0, 2), 0.3))
        return (f"T.nn.embedding_lookup([{params}], P({ids!r}, T.int32), "
                f"{r.choice(['mod', 'div'])!r}, max_norm={r.choice([None, 1.0])!r})")
    if kind == 4:
        s = _shape(r, r.choice([4, 5]))[:-1] + (3,)
        return (f"T.nn.conv2d(P({s!r}), P((2, 2, 3, 4)), {r.choice([1, 2, [1, 2, 2, 1]])!r}, "
                f"{r.choice(['SAME', 'VALID'])!r}, dilations={r.choice([1, 2])!r})")
    if kind == 5:
        fn = r.choice(["max_pool", "avg_pool"])
        return (f"T.nn.{fn}(P({_shape(r, r.choice([3, 4, 5]), 0.25)!r}), "
                f"{r.choice([1, 2, [1, 2, 2, 1]])!r}, {r.choice([1, 2])!r}, "
                f"{r.choice(['SAME', 'VALID'])!r}, data_format={r.choice(['NHWC', 'NCHW'])!r})")
    if kind == 6:
        s = _shape(r, 2, 0.3)
        w = r.choice(["1.0", f"P({_shape(r, 2, 0.4)!r})", f"P({_shape(r, 1, 0.4)!r})", "P(None)"])
        red = r.choice(["NONE", "SUM", "MEAN", "SUM_OVER_BATCH_SIZE", "SUM_BY_NONZERO_WEIGHTS"])
        return (f"T.losses.mean_squared_error(P({s!r}), P({s!r}), {w}, "
                f"reduction=T.losses.Reduction.{red})")
    if kind == 7:
        labels = _maybe(r, _shape(r, r.randint(0, 2), 0.3))
        logits = _maybe(r, _shape(r, r.randint(1, 3), 0.3))
        return f"T.losses.sparse_softmax_cross_entropy(P({labels!r}, T.int32), P({logits!r}))"
    if kind == 8:
        s = _maybe(r, _shape(r, r.randint(1, 3), 0.3))
        return (f"T.nn.softmax_cross_entropy_with_logits_v2(labels=P({s!r}), logits=P({s!r}), "
                f"axis={r.randint(-3, 2)})")
    if kind == 9:
        s = _maybe(r, _shape(r, r.randint(1, 3), 0.3), 0.1)
        noise = r.choice(["None", "[2, 1]", "[1]", "P((2,), T.int32)"])
        return (f"T.nn.dropout(P({s!r}), rate={r.choice(['0.1', '0.5', 'P(())'])}, "
                f"noise_shape={noise})")
    if kind == 10:
        s = _shape(r, r.randint(1, 3), 0.3)
        mean = r.choice(["0.0", f"P({_shape(r, 1, 0.3)!r})"])
        offset = r.choice(["None", "1.0", f"P({_shape(r, 1, 0.3)!r})"])
        return f"T.nn.batch_normalization(P({s!r}), {mean}, {mean}, {offset}, None, 1e-3)"
    s = _maybe(r, _shape(r, r.randint(1, 3), 0.3), 0.1)
    return f"T.nn.moments(P({s!r}), {r.choice([[0], [1], [0, 1], [-1]])!r})[1]"


def calls(seed: int, count: int) -> list:
    r = random.Random(seed)
    return [_call(r) for _ in range(count)]


def run(T, exprs: list) -> None:
    """Each call in a fresh graph: `== i call`, then `ok name shape` or
    `raised Type message`, then its ops."""
    import re
    address = re.compile(r"0x[0-9a-f]+")
    for i, expr in enumerate(exprs):
        T.reset_default_graph()
        env = {"T": T, "P": lambda s, d=None: T.placeholder(d or T.float32, s)}
        print(f"== {i} {expr}")
        try:
            t = eval(expr, env)  # noqa: S307 - the tool's own generated calls
            print("ok", t.name, t.shape)
        except Exception as e:
            print("raised", type(e).__name__, address.sub("ADDR", str(e)))
        for op in T.get_default_graph().get_operations():
            outs = " ".join(f"{o.shape}:{o.dtype.name}" for o in op.outputs)
            print(" ", op.name, op.type, [x.name for x in op.inputs], outs)


def _scopesim_output(exprs: list) -> str:
    import contextlib
    import io
    from scopesim.tf import compat_v1 as T
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            run(T, exprs)
        except BaseException as e:  # noqa: BLE001 - NotSimulated is a finding too
            print("ESCAPED", type(e).__name__, e)
    return out.getvalue()


_TF_MAIN = """
import os, sys
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
os.environ["TF_USE_LEGACY_KERAS"] = "1"
sys.path.insert(0, {tools!r})
import tensorflow as tf
tf.compat.v1.disable_v2_behavior()
import op_diff
op_diff.run(tf.compat.v1, op_diff.calls({seed}, {count}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--show", type=int, help="print this call only")
    args = parser.parse_args(argv)
    exprs = calls(args.seed, args.count if args.show is None else args.show + 1)
    if args.show is not None:
        print(exprs[args.show])
        return OK
    tf_python = os.environ.get("SCOPESIM_TF_PYTHON")
    if not tf_python:
        print("op_diff: set SCOPESIM_TF_PYTHON to TensorFlow's Python", file=sys.stderr)
        return USAGE
    code = _TF_MAIN.format(tools=os.path.dirname(os.path.abspath(__file__)), seed=args.seed,
                           count=args.count)
    done = subprocess.run([tf_python, "-c", code], capture_output=True, text=True)
    if done.returncode:
        print(f"op_diff: TensorFlow failed:\n{done.stderr[-2000:]}", file=sys.stderr)
        return USAGE
    ours = _scopesim_output(exprs)
    diff = list(difflib.unified_diff(done.stdout.splitlines(), ours.splitlines(),
                                     "tensorflow", "scopesim", lineterm=""))
    if diff:
        print("\n".join(diff))
        return DIFFERENCE
    print(f"{args.count} calls agree (seed {args.seed})")
    return OK


if __name__ == "__main__":
    sys.exit(main())
