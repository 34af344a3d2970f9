"""Saver() of a model trained with Adam: the slots and the beta powers are saved too (keys in sorted order); init_from_checkpoint of the model's scope, which holds the slots too."""
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

x = T.placeholder(T.float32, [None, 4], name="x")
with T.variable_scope("model"):
    w = T.get_variable("w", [4, 8])
    b = T.get_variable("b", [8], initializer=T.zeros_initializer())
loss = T.reduce_mean(T.matmul(x, w) + b)
step = T.train.get_or_create_global_step()
train = T.train.AdamOptimizer(0.1).minimize(loss, global_step=step)
before = ops()
saver = T.train.Saver(max_to_keep=3)
g = T.get_default_graph()
print([t.name for t in g.get_operation_by_name("save/SaveV2").inputs])
# more than 8 control inputs come out in TF in the order of the edges' addresses (it varies)
print(sorted(c.name for c in g.get_operation_by_name("save/restore_all").control_inputs))
print(len(g.get_operations()) - before)
attempt(T.train.init_from_checkpoint, "../program_encoder", {"enc/layer_0/": "model/"})
T.train.init_from_checkpoint("../program_encoder", {"global_step": step})
print(step.initializer.name)
