"""The errors of Saver(): nothing to save, duplicate names, things that are not variables; allow_empty."""
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

attempt(T.train.Saver)
attempt(T.train.Saver, [])
s = T.train.Saver(allow_empty=True)
print(s.saver_def, len(T.get_default_graph().get_operations()))
w = T.get_variable("w", [2])
attempt(T.train.Saver, [w, w])
attempt(T.train.Saver, w)
attempt(T.train.Saver, [w + 1])
attempt(lambda: T.train.Saver([w], defer_build=True))
with T.variable_scope("a"):
    x = T.Variable(T.zeros([2]), name="w")
attempt(T.train.Saver, {"k": w, "j": w})
attempt(T.train.Saver, {1: w})
print(len(T.get_default_graph().get_operations()))
