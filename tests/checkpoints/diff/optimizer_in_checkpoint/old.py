"""A model trained with Adam: its checkpoint has slots, beta powers, global_step."""
import tensorflow as tf

tf = tf.compat.v1
tf.disable_v2_behavior()

x = tf.placeholder(tf.float32, [None, 4], name="x")
with tf.variable_scope("enc"):
    h = tf.nn.relu(tf.matmul(x, tf.get_variable("w", [4, 8])) + tf.get_variable("b", [8]))
with tf.variable_scope("dec"):
    y = tf.matmul(h, tf.get_variable("w", [8, 2]))
loss = tf.reduce_mean(tf.square(y))
train = tf.train.AdamOptimizer(0.01).minimize(loss, global_step=tf.train.get_or_create_global_step())
