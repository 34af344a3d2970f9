"""Saver(defer_build=True) builds nothing until build(), then the variables that exist by then; build() twice builds once; an empty deferred saver's build is an error."""
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

s = T.train.Saver(defer_build=True)
print(ops(), s.saver_def)
w = T.get_variable("w", [2])
s.build()
s.build()
print(ops(), s.saver_def.restore_op_name)
T.reset_default_graph()
empty = T.train.Saver(defer_build=True)
attempt(empty.build)
attempt(empty.build)
print(ops())
