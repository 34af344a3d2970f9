"""Saver(sharded=True): the temporary prefix, one ShardedFilename and SaveV2 per device on its CPU:0, MergeV2Checkpoints, restore_shard per device under restore_all; saver_def."""
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
before = ops()
s1 = T.train.Saver(sharded=True)
show(before)
print(s1.saver_def)
with T.device("/job:ps/task:0"):
    a = T.get_variable("a", [2])
    p = T.get_variable("p", [4, 2], partitioner=T.fixed_size_partitioner(2))
with T.device("/job:ps/task:1"):
    r = T.get_variable("r", [3], use_resource=True)
before = ops()
s2 = T.train.Saver(sharded=True, name="multi")
show(before)
print(s2.saver_def)
