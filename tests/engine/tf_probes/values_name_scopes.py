"""`T.name_scope(value)` with each kind of value as the name: a falsy one
resets to the root, a truthy non-string is a TypeError, a tensor refuses
`bool()`.  Prints the scope entered or the error (see math_env.py for the
operands; `e` is the ValueError caught from T.constant(None))."""
from math_env import *

env = operands()
env["global_variables"] = lambda scope=None: [v.name for v in T.global_variables(scope)]
try:
    T.constant(None)
except ValueError as caught:
    env["e"] = caught
for text in ['"a"', '""', "None", "0", "1", "False", "True", "2.0", "global_variables()",
             "global_variables('zzz')", "f.shape", "f.dtype", "o", "vs", "e", "auto", "f", "ft"]:
    try:
        with T.name_scope(eval(text, env)) as entered:
            result = "ok %r" % entered
    except Exception as err:
        result = "%s: %s" % (type(err).__name__, ADDRESS.sub(" at ADDR>", str(err)))
    print("==", text, "->", result)
