"""The model alone: a checkpoint without optimizer state."""
import tensorflow as tf

tf = tf.compat.v1
tf.disable_v2_behavior()

x = tf.placeholder(tf.float32, [None, 4], name="x")
with tf.variable_scope("enc"):
    h = tf.nn.relu(tf.matmul(x, tf.get_variable("w", [4, 8])) + tf.get_variable("b", [8]))
with tf.variable_scope("dec"):
    y = tf.matmul(h, tf.get_variable("w", [8, 2]))
