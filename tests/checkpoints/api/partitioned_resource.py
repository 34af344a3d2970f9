"""A partitioned resource variable: init_from_checkpoint (each part's Identity and AssignVariableOp), Saver() saving each part through a read made on the spot (Read/DisableCopyOnRead, ReadVariableOp, Identity, an Identity on the CPU), and Saver(reshape=True, sharded=True), which reads again for the shapes."""
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

with T.device("/job:ps"):
    emb = T.get_variable("emb", [10, 8], partitioner=T.fixed_size_partitioner(3),
                         use_resource=True)
before = ops()
T.train.init_from_checkpoint("../partitioned/part", {"emb/table": "emb"})
show(before)
print([p.initializer.name for p in emb])
before = ops()
s = T.train.Saver()
show(before)
before = ops()
s2 = T.train.Saver({"e": emb}, reshape=True, sharded=True)
show(before)
