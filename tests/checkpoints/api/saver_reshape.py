"""Saver(reshape=True): each restored tensor reshaped to its variable's shape (a Shape op when not fully defined), then assigned without the shape check; sharded too."""
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

w = T.get_variable("w", [2, 3])
r = T.get_variable("r", [3], use_resource=True)
p = T.get_variable("p", [4, 2], partitioner=T.fixed_size_partitioner(2))
u = T.Variable(T.placeholder_with_default([1.0], [None]), name="u", validate_shape=False,
               collections=["mine"])
before = ops()
s = T.train.Saver([w, r, p, u], reshape=True)
show(before)
before = ops()
s2 = T.train.Saver([w, u], reshape=True, sharded=True)
show(before)
