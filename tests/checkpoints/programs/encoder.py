"""A small TF1 model: dense layers by hand, a partitioned embedding, a reused
scope, tf.Variable counters and a global step; Saver() saves what global_variables() holds."""
import tensorflow as tf

tf = tf.compat.v1
tf.disable_v2_behavior()

x = tf.placeholder(tf.float32, [None, 16], name="x")
with tf.variable_scope("emb", partitioner=tf.fixed_size_partitioner(3)):
    table = tf.get_variable("table", [100, 16])
with tf.variable_scope("enc"):
    h = x
    for i in range(2):
        with tf.variable_scope("layer_%d" % i):
            w = tf.get_variable("kernel", [16, 16])
            b = tf.get_variable("bias", [16], initializer=tf.zeros_initializer())
            h = tf.nn.relu(tf.matmul(h, w) + b)
with tf.variable_scope("head", partitioner=tf.fixed_size_partitioner(2, axis=1)):
    out = tf.get_variable("proj", [16, 6])
with tf.variable_scope("enc", reuse=True):
    again = tf.get_variable("layer_0/kernel", [16, 16])
steps = tf.Variable(0, name="global_step", trainable=False, dtype=tf.int64)
count = tf.Variable(tf.zeros([3], tf.int32), name="counts", trainable=False)
flag = tf.get_variable("flags", [2], dtype=tf.bool, initializer=tf.zeros_initializer(),
                       trainable=False)
