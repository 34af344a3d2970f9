"""Shared by the case-per-rule probes of this folder (devices.py,
control_dependencies.py, dtypes.py, collections_keys.py, list_operands.py):
`show`, `err`, and `main` which runs every case under TensorFlow 2.21 and
prints `== case` before each case's lines (the .out files)."""

import re

ADDR = re.compile(r"0x[0-9a-f]+")


def show(*values):
    print(*(ADDR.sub("ADDR", str(v)) for v in values))


def err(fn):
    try:
        r = fn()
    except Exception as e:
        show("raised", type(e).__name__, e)
    else:
        show("ok", repr(r))


def cases(namespace) -> list:
    return [(name[5:], fn) for name, fn in sorted(namespace.items()) if name.startswith("case_")]


def main(namespace) -> None:
    import os
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ["TF_USE_LEGACY_KERAS"] = "1"
    import tensorflow as tf
    tf.compat.v1.disable_v2_behavior()
    T = tf.compat.v1
    for name, fn in cases(namespace):
        T.reset_default_graph()
        print(f"== {name}")
        try:
            fn(T)
        except Exception as e:
            show("case raised", type(e).__name__, e)
