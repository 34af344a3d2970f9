"""The same model, its encoder moved to 'model/encoder'."""
import tensorflow as tf

tf = tf.compat.v1
tf.disable_v2_behavior()

x = tf.placeholder(tf.float32, [None, 8], name="x")
with tf.variable_scope("model"):
    with tf.variable_scope("encoder"):
        h = x
        for i in range(2):
            with tf.variable_scope("layer_%d" % i):
                w = tf.get_variable("kernel", [8, 8])
                b = tf.get_variable("bias", [8])
                h = tf.nn.relu(tf.matmul(h, w) + b)
with tf.variable_scope("dec"):
    y = tf.matmul(h, tf.get_variable("w", [8, 2]))
