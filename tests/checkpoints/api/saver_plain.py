"""Saver() of RefVariables: the save/ ops, their inputs, devices and shapes; saver_def."""
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
with T.variable_scope("enc"):
    b = T.get_variable("b", [3], dtype=T.float64)
    step = T.Variable(0, name="step", trainable=False)
before = ops()
saver = T.train.Saver()
show(before)
d = saver.saver_def
print(d.filename_tensor_name, d.save_tensor_name, d.restore_op_name)
print(d.max_to_keep, d.keep_checkpoint_every_n_hours, d.sharded, d.version)
print(d)
print(type(saver).__name__, saver.last_checkpoints)
