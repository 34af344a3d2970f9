"""Shape inference with unknown dimensions and unknown rank (placeholders:
the language cannot make such tensors, the engine's tests build them
directly).  Prints the result shape or the error."""
from h import *

SHAPES = {"p": [None], "p3": [None, 3], "p1": [None, 1], "pp": [None, None], "u": None,
          "a0": [0], "a1": [1], "a2": [2], "a21": [2, 1], "a23": [2, 3], "a32": [3, 2],
          "a34": [3, 4], "a234": [2, 3, 4], "p34": [None, 3, 4], "a3p": [3, None]}
CASES = ["p + a0", "a0 + p", "p + a1", "p + a2", "a2 + p", "p + p", "p3 + a21", "p1 + a23", "pp + a23",
         "p3 + a2", "u + a2", "a2 + u", "u + u", "p3 * p1", "pp - p3", "a3p / a23",
         "p3 @ a34", "a23 @ a3p", "pp @ a23", "a23 @ pp", "p3 @ a23", "u @ a23", "a23 @ u", "u @ u",
         "p34 @ a234", "a234 @ p34", "p @ a23", "p34 @ a2", "a3p @ a34"]
for case in CASES:
    T.reset_default_graph()
    env = {n: T.placeholder(tf.float32, s, name=n) for n, s in SHAPES.items()}
    try:
        t = eval(case, env)
        print("==", case, "->", t.shape, t.op.type)
    except Exception as e:
        print("==", case, "->", type(e).__name__ + ":", e)
