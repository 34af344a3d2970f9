"""The NodeDefs (str(op)) of the ops init_from_checkpoint and Saver() build, where scopesim knows every attr: the string Consts, Assign, Identity, AssignVariableOp, PlaceholderWithDefault, NoOp."""
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

w = T.get_variable("w", [2, 3], partitioner=T.fixed_size_partitioner(2))
r = T.get_variable("r", [4], use_resource=True)
before = ops()
T.train.init_from_checkpoint("../tiny", {"w": "w"})
T.train.init_from_checkpoint("../tiny", {"p": "r"})
saver = T.train.Saver()
g = T.get_default_graph()
for op in g.get_operations()[before:]:
    if op.type not in ("RestoreV2", "SaveV2"):
        print(op)
