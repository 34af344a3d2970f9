"""The NodeDefs (str(op)) of every op init_from_checkpoint, Saver() and Saver(sharded=True) build, and get_attr of RestoreV2's and SaveV2's dtypes."""
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
    print(op)
before = ops()
with T.device("/job:ps"):
    x = T.get_variable("x", [2], dtype=T.int64)
sharded = T.train.Saver([x, r], sharded=True)
for op in g.get_operations()[before:]:
    print(op)
print(g.get_operation_by_name("save/RestoreV2").get_attr("dtypes"))
print(g.get_operation_by_name("save_1/SaveV2_1").get_attr("dtypes"))
