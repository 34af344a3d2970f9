"""reuse_variables() on the outer scope, inherited by the inner one, meets a
variable the first tower did not make: "does not exist"."""
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()


def tower(with_bias):
    with tf.variable_scope("layer"):
        w = tf.get_variable("w", [3, 3])
        if with_bias:
            tf.get_variable("bias", [3])
        return w


with tf.variable_scope("model"):
    tower(False)
with tf.variable_scope("model") as scope:
    scope.reuse_variables()
    tower(True)
