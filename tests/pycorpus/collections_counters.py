"""Counters as tf.Variable, losses and summaries kept in collections."""
import numpy as np
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()

LOSSES = "my_losses"

global_step = tf.Variable(0, trainable=False, name="global_step",
                          collections=[tf.GraphKeys.GLOBAL_VARIABLES,
                                       tf.GraphKeys.GLOBAL_STEP])
epoch = tf.Variable(0, trainable=False, name="epoch", dtype=tf.int64)
increment_step = tf.assign_add(global_step, 1, name="increment_step")
increment_epoch = epoch.assign_add(1)


def regularized_layer(x, units, name, scale=1e-4):
    with tf.variable_scope(name):
        w = tf.get_variable("w", [int(x.shape[1]), np.int32(units)])
        tf.add_to_collection(LOSSES, tf.multiply(scale, w * w, name="l2"))
        tf.add_to_collection("activations", x)
        return tf.matmul(x, w)


x = tf.placeholder(tf.float32, [None, 3], name="x")
h = x
for i, units in enumerate([5, 4, 2]):
    h = regularized_layer(h, units, "layer%d" % i)

print(global_step, epoch)
print(increment_step.name, increment_epoch.name)
print([t.name for t in tf.get_collection(LOSSES)])
print([v.name for v in tf.get_collection(tf.GraphKeys.GLOBAL_STEP)])
print(sorted(k for k in tf.get_default_graph().get_all_collection_keys()))
print([v.name for v in tf.local_variables()], [v.name for v in tf.trainable_variables()])
