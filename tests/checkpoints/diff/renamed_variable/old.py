"""A layer whose variables are called w1 and b1."""
import tensorflow as tf

tf = tf.compat.v1
tf.disable_v2_behavior()

x = tf.placeholder(tf.float32, [None, 4], name="x")
with tf.variable_scope("enc"):
    h = tf.matmul(x, tf.get_variable("w1", [4, 8])) + tf.get_variable("b1", [8])
with tf.variable_scope("dec"):
    y = tf.matmul(h, tf.get_variable("w", [8, 2]))
