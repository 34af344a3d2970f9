"""Multi-task heads sharing an encoder through a captured variable scope."""
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()

TASKS = ["sentiment", "topic", "language"]


def encoder(x):
    w = tf.get_variable("w", [6, 6])
    return tf.tanh(tf.matmul(x, w))


with tf.variable_scope("shared") as shared_scope:
    features = encoder(tf.placeholder(tf.float32, [1, 6], name="x0"))

heads = {}
for task in TASKS:
    with tf.variable_scope(shared_scope, reuse=True):
        f = encoder(tf.placeholder(tf.float32, [1, 6], name="x_" + task))
    with tf.variable_scope("heads/" + task):
        heads[task] = tf.matmul(f, tf.get_variable("out", [6, 2]))
    print(task, heads[task].name, shared_scope.original_name_scope)

with tf.variable_scope("heads", reuse=tf.AUTO_REUSE):
    again = tf.get_variable("topic/out", [6, 2])
print(again is [v for v in tf.global_variables() if v.name == "heads/topic/out:0"][0])
print(sorted(heads), len(tf.global_variables()))
