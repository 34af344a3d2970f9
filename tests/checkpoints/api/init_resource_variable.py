"""init_from_checkpoint of a resource variable: RestoreV2, then Identity and AssignVariableOp; the initializer is the AssignVariableOp."""
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

w = T.get_variable("w", [2, 3], use_resource=True)
before = ops()
T.train.init_from_checkpoint("../tiny/tiny", {"w": "w"})
show(before)
print(w.initializer.name, type(w.initializer).__name__)
print(w.initial_value.name, w.initial_value.shape)
