"""init_from_checkpoint with odd maps: a PartitionedVariable object, a tuple of variables, an int, a list that is not all variables, an empty map, a pathlib.Path, a key mapped twice, a variable whose name holds /part_, and inside control_dependencies."""
import tensorflow as tf

tf.compat.v1.disable_v2_behavior()
T = tf.compat.v1


def show(since):
    for op in T.get_default_graph().get_operations()[since:]:
        print(op.name, op.type, [t.name for t in op.inputs], [c.name for c in op.control_inputs],
              repr(op.device), [(str(t.shape), t.dtype.name) for t in op.outputs])


def ops():
    return len(T.get_default_graph().get_operations())


def attempt(f, *args):
    try:
        f(*args)
        print("no error")
    except Exception as e:
        print(type(e).__name__ + ":", e)

import pathlib
w = T.get_variable("w", [2, 3])
p = T.get_variable("pp", [4], partitioner=T.fixed_size_partitioner(2))
odd = T.get_variable("odd/part_x", [4])
init = T.train.init_from_checkpoint
attempt(init, "../tiny/tiny", {"p": p})
attempt(init, "../tiny/tiny", {"w": (w,)})
attempt(init, "../tiny/tiny", {"w": 3})
attempt(init, "../tiny/tiny", {"w": [w, 3]})
attempt(init, "../tiny/tiny", {"p": [w]})
attempt(init, "../tiny/tiny", {})
attempt(init, "../tiny/tiny", 5)
attempt(init, pathlib.Path("../tiny/tiny"), {"nope": "w"})
attempt(init, "../tiny/tiny", [("w", "w"), ("w", "w")])
attempt(init, "../tiny/tiny", {"p": "odd/part_x"})
attempt(init, "../tiny/tiny", {"/": "odd/"})
before = ops()
c = T.constant(1.0, name="c")
with T.control_dependencies([c]):
    attempt(init, "../tiny/tiny", {"p": "pp"})
show(before)
print(w.initializer.name, [v.initializer.name for v in p], odd.initializer.name)
