"""Scope maps: 'ckpt_scope/': 'scope/', the root '/': '/', and a scope into the root; variables made by tf.Variable are not in the store and are left alone."""
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

with T.variable_scope("model"):
    with T.variable_scope("enc"):
        w1 = T.get_variable("w1", [4, 8])
        b1 = T.get_variable("b1", [8], use_resource=True)
    other = T.Variable(T.zeros([3]), name="other")
before = ops()
T.train.init_from_checkpoint("../plain/model.ckpt-1000", {"enc/": "model/enc/"})
show(before)
print(w1.initializer.name, b1.initializer.name, other.initializer.name)
T.reset_default_graph()
with T.variable_scope("enc"):
    w1 = T.get_variable("w1", [4, 8])
    b1 = T.get_variable("b1", [8])
w2 = T.get_variable("dec/w2", [8, 2])
before = ops()
T.train.init_from_checkpoint("../plain/model.ckpt-1000", {"/": "/"})
show(before)
T.reset_default_graph()
with T.variable_scope("outer"):
    p = T.get_variable("p", [4])
    w = T.get_variable("w", [2, 3])
before = ops()
T.train.init_from_checkpoint("../tiny", [("/", "outer/")])
show(before)
