"""An embedding table saved from three partitions, and a dense layer."""
import tensorflow as tf

tf = tf.compat.v1
tf.disable_v2_behavior()

with tf.variable_scope("emb", partitioner=tf.fixed_size_partitioner(3)):
    table = tf.get_variable("table", [10, 8])
with tf.variable_scope("enc"):
    w = tf.get_variable("w", [8, 4])
