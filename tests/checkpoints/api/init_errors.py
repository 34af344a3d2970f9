"""The errors of init_from_checkpoint, word for word (the checkpoint's key map printed in the reader's order)."""
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

with T.variable_scope("enc"):
    w1 = T.get_variable("w1", [4, 8])
    b1 = T.get_variable("b1", [5])
t = T.Variable(T.zeros([2]), name="t")
init = T.train.init_from_checkpoint
ckpt = "../plain/model.ckpt-1000"
attempt(init, ckpt, {"nope/w1": "enc/w1"})
attempt(init, ckpt, {"enc/b1": "enc/b1"})
attempt(init, ckpt, {"enc/w1": "enc/w9"})
attempt(init, ckpt, {"enc/w1": "w9"})
attempt(init, ckpt, {"enc/w1": "t"})
attempt(init, ckpt, {"dec/": "enc/"})
attempt(init, ckpt, {"enc/b1": t})
attempt(init, "../plain/nope", {"enc/w1": "enc/w1"})
attempt(init, "api_nonexistent_dir/", {"enc/w1": "enc/w1"})
attempt(init, "../many", {"enc/w1": "enc/w1"})
attempt(init, "../tiny/tiny", {"w": "enc/w1"})
print(len(T.get_default_graph().get_operations()))
