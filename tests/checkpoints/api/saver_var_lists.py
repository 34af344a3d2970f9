"""Saver(var_list=...) as a list, a dict of new names, a PartitionedVariable in a list; a second and a named Saver (save_1/, mine/); max_to_keep and keep_checkpoint_every_n_hours in the saver_def."""
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
v = T.get_variable("v", [3], use_resource=True)
p = T.get_variable("p", [4, 2], partitioner=T.fixed_size_partitioner(2))
before = ops()
s1 = T.train.Saver([v, w])
show(before)
before = ops()
s2 = T.train.Saver({"renamed/w": w, "zz": v, "pp": p}, max_to_keep=None, name="mine")
show(before)
before = ops()
s3 = T.train.Saver([p], max_to_keep=2, keep_checkpoint_every_n_hours=0.5,
                   save_relative_paths=True, pad_step_number=True, filename="x.ckpt")
show(before)
for s in (s1, s2, s3):
    print(s.saver_def)
