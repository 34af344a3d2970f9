"""What a program reads of a variable after init_from_checkpoint: initializer (a Tensor for a RefVariable), initial_value, initialized_value(), variables_initializer, a second variable initialized from the first."""
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
r = T.get_variable("p", [4], use_resource=True)
T.train.init_from_checkpoint("../tiny/tiny", {"w": "w", "p": "p"})
print(w.initializer)
print(r.initializer.name, r.initializer.type)
attempt(lambda: w.initializer.type)
print(w.initializer.op.name, w.initializer.op.type)
print(w.initial_value, r.initial_value)
before = ops()
iv = w.initialized_value()
show(before)
before = ops()
v2 = T.Variable(w.initialized_value() * 2.0, name="twice")
show(before)
init = T.variables_initializer([w, r, v2])
print(init.name, [c.name for c in init.control_inputs])
with T.device("/job:ps"):
    d = T.get_variable("d", [2, 3])
T.train.init_from_checkpoint("../tiny/tiny", {"w": d})
before = ops()
with T.device("/job:worker"):
    dv = d.initialized_value()
show(before)
print(dv)
