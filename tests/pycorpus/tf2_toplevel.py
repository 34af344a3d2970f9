"""TF 1.x code run unported under TF 2: tf.variable_scope is gone."""
import tensorflow as tf

tf.compat.v1.disable_v2_behavior()
x = tf.compat.v1.placeholder(tf.float32, [None, 3], name="x")
print(tf.__version__, x.name)
with tf.variable_scope("model"):
    w = tf.compat.v1.get_variable("w", [3, 1])
