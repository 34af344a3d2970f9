"""Saver() of a resource variable and a partitioned variable: ReadVariableOp and part snapshots saved, Identity + AssignVariableOp and per-part Assign restored."""
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
    b = T.get_variable("b", [3], use_resource=True)
p = T.get_variable("p", [4, 2], partitioner=T.fixed_size_partitioner(2))
before = ops()
saver = T.train.Saver()
show(before)
print(saver.saver_def)
