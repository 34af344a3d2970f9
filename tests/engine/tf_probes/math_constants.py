"""tf.constant of the Python values the language can write (the dtype it
infers, or the error), and convert_to_tensor of every kind of value with
and without a dtype or a dtype hint (the conversion behind every operand)."""
from math_env import *
from tensorflow.python.framework import ops

for value in ["1", "-1", "2**31 - 1", "2**31", "-2**31", "-2**31 - 1", "2**63 - 1", "2**63", "2**64 - 1",
              "2**64", "-2**63", "-2**63 - 1", "1.5", "1e400", "-1e400", "True", "False", '"s"', '""',
              "None", "auto"]:
    run("T.constant(%s)" % value)
    run("T.constant(%s, name='c')" % value)
DTYPES = [None, "float32", "float16", "float64", "int32", "int64", "bool", "string"]
for value in TENSORS + OTHERS + ["2**31", "2**63", "2**64", "-2**63 - 1", "1e40", "[]", "[1, 2.0]",
                                 "ValueError('boom')"]:
    for dtype in DTYPES:
        for mode in ["dtype", "dtype_hint"]:
            if dtype is None and mode == "dtype_hint":
                continue
            arg = "" if dtype is None else ", %s=tf.%s" % (mode, dtype)
            run("ops.convert_to_tensor(%s%s, name='c')" % (value, arg))
