"""Calls that are not op functions: a handle called like a function (every
kind of value), and the query functions (get_variable_scope,
get_name_scope, global_variables, trainable_variables) with wrong
arguments, on a graph without variables, with only a non-trainable one,
and with the operands of math_env.py.  Each `==` line is written in the
language (strings in single quotes); the TensorFlow call it stands for is
the emitter's (`get_name_scope` is `T.get_default_graph().get_name_scope`)."""
from math_env import *

QUERIES = {"get_variable_scope": "T.get_variable_scope",
           "get_name_scope": "T.get_default_graph().get_name_scope",
           "global_variables": "T.global_variables",
           "trainable_variables": "T.trainable_variables"}
ARGUMENTS = ["", "1", "1, 2", "name='n'", "1, name='n'", "'a'", "''", "None", "'['", "2.0", "True"]
CALLEES = ['"s"', "2", "2.0", "True", "None", "f", "ft", "st", "f.shape", "f.dtype", "o", "vs",
           "e", "auto"]


def show(value):
    if isinstance(value, list):
        return "ok list | %r" % [getattr(v, "name", v) for v in value]
    return "ok %s | %s" % (type(value).__name__, value)


def case(label, expr, env):
    try:
        result = show(eval(expr, env))
    except Exception as err:
        result = "%s: %s" % (type(err).__name__, str(err))
    print("==", label, "->", ADDRESS.sub(" at ADDR>", result))


def environment(kind):
    T.reset_default_graph()
    if kind == "operands":
        env = operands()
    else:
        env = dict(FUNCTIONS, T=T, tf=tf)
        if kind == "untrainable":
            T.get_variable("w", [1], trainable=False)
    try:
        T.constant(None)
    except ValueError as caught:
        env["e"] = caught
    return env


for kind in ["empty", "untrainable", "operands"]:
    print("## graph:", kind)
    env = environment(kind)
    for func, python in QUERIES.items():
        for args in ARGUMENTS + (["f", "o"] if kind == "operands" else []):
            case("%s(%s)" % (func, args), "%s(%s)" % (python, args), env)
    if kind == "operands":
        for callee in CALLEES:
            for args in ["", "1", "name='n'", "undefined_name"]:
                case("%s(%s)" % (callee, args), "%s(%s)" % (callee, args), env)
        for text in ["undefined_name(undefined_other)", "undefined_name(f, name='n')"]:
            case(text, text, env)
