"""Shared harness of the variable probes: run with TensorFlow 2.21's python."""
import os, sys, warnings, logging
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
warnings.filterwarnings("ignore")
import numpy as np
import tensorflow as tf
tf.get_logger().setLevel(logging.ERROR)
tf.compat.v1.disable_v2_behavior()
T = tf.compat.v1


def nm(x):
    n = getattr(x, "name", None)
    return n if isinstance(n, str) else repr(x)


def err(e):
    msg = str(e)
    if "Originally defined at" in msg or "originally defined at" in msg:
        msg = msg.split("\n")[0] + " <trace>"
    return "%s: %s" % (type(e).__name__, msg)


def dump(g=None):
    g = g or T.get_default_graph()
    print("   ops:", [(o.name, o.type) for o in g.get_operations()])
    print("   vars:", [(v.name, str(v.shape), v.dtype.name) for v in g.get_collection("variables")])
    print("   collections:", {k: [nm(x) for x in g.get_collection(k)] for k in g.get_all_collection_keys()})


def case(title, fn, show=True):
    """Run fn in a fresh graph; print its result (or error), ops, vars, collections."""
    T.reset_default_graph()
    try:
        r = fn()
        if isinstance(r, (list, tuple)):
            res = "ok " + repr([nm(x) for x in r])
        else:
            res = "ok " + nm(r)
    except Exception as e:
        res = err(e)
    print("==", title, "->", res)
    if show:
        dump()


def show(label, value):
    print("  ", label, "=", value)


def tryit(label, fn):
    try:
        r = fn()
        print("  ", label, "-> ok", nm(r) if not isinstance(r, (list, tuple)) else [nm(x) for x in r])
    except Exception as e:
        print("  ", label, "->", err(e))
