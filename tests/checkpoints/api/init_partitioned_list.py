"""init_from_checkpoint of a partitioned variable given as the list of its parts (three uneven slices)."""
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

emb = T.get_variable("emb", [10, 8], partitioner=T.fixed_size_partitioner(3))
before = ops()
T.train.init_from_checkpoint("../partitioned/part", {"emb/table": list(emb)})
show(before)
for part in emb:
    print(part.name, part.initializer.name, part.initial_value.name, part.initial_value.shape)
