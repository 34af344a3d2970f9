"""Values that are Variable objects: a tf.Variable (not in the store) given by object is mapped; the map may be a list of pairs; ops follow the current name scope and device."""
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

v = T.Variable(T.zeros([4]), name="vp")
before = ops()
T.train.init_from_checkpoint("../tiny/tiny", [("p", v)])
show(before)
print(v.initializer.name)
with T.device("/job:ps/task:1"):
    w = T.get_variable("w", [2, 3])
    r = T.get_variable("r", [2, 3], use_resource=True)
before = ops()
with T.name_scope("loading"):
    T.train.init_from_checkpoint("../tiny/tiny", {"w": w})
T.train.init_from_checkpoint("../tiny/tiny", {"w": r})
show(before)
print(w.initializer.name, r.initializer.name)
before = ops()
T.train.init_from_checkpoint("../tiny/tiny", {"w": "w"})
show(before)
print(w.initializer.name, w.initial_value.name)
init = T.global_variables_initializer()
print(init.name, [c.name for c in init.control_inputs])
