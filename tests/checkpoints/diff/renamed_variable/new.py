"""The same layer, its variables renamed kernel and bias."""
import tensorflow as tf

tf = tf.compat.v1
tf.disable_v2_behavior()

x = tf.placeholder(tf.float32, [None, 4], name="x")
with tf.variable_scope("enc"):
    h = tf.matmul(x, tf.get_variable("kernel", [4, 8])) + tf.get_variable("bias", [8])
with tf.variable_scope("dec"):
    y = tf.matmul(h, tf.get_variable("w", [8, 2]))
