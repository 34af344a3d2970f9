"""The table under 'embedding', in two partitions."""
import tensorflow as tf

tf = tf.compat.v1
tf.disable_v2_behavior()

with tf.variable_scope("embedding", partitioner=tf.fixed_size_partitioner(2)):
    table = tf.get_variable("table", [10, 8])
with tf.variable_scope("enc"):
    w = tf.get_variable("w", [8, 4])
