"""Saver() of variables on two devices and inside a name scope: each restore Assign on its variable's device, restore_all grouping per device; a Saver made in a name_scope and a variable_scope."""
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

with T.device("/job:ps/task:0"):
    a = T.get_variable("a", [2])
with T.device("/job:ps/task:1"):
    b = T.get_variable("b", [3])
    r = T.get_variable("r", [3], use_resource=True)
c = T.get_variable("c", [1])
before = ops()
with T.name_scope("outer"):
    s = T.train.Saver()
show(before)
print(s.saver_def.restore_op_name)
before = ops()
with T.variable_scope("vs"):
    s2 = T.train.Saver([c], name="named")
with T.device("/job:worker"):
    s3 = T.train.Saver([c])
show(before)
print(s2.saver_def.filename_tensor_name, s3.saver_def.save_tensor_name)
