"""tf.train.load_variable: the errors TensorFlow raises before it reads a value."""
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

attempt(T.train.load_variable, "../tiny/tiny", "nope")
attempt(T.train.load_variable, "../tiny/tiny", "nope:0")
attempt(T.train.load_variable, "../tiny/nope", "w")
attempt(T.train.load_variable, "../many", "w")
attempt(T.train.load_checkpoint("../tiny").get_tensor, "zz")
print(T.train.load_checkpoint("../plain").get_variable_to_shape_map())
print(list(T.train.load_checkpoint("../partitioned").get_variable_to_dtype_map()))
