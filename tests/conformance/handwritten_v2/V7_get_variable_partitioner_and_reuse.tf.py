# V7: a partitioned variable reused, and its shape mismatch error.
p = tf.min_max_variable_partitioner(max_partitions=2)
w = tf.get_variable("w", [8, 3], partitioner=tf.fixed_size_partitioner(2))
with tf.variable_scope("", reuse=True):
    w2 = tf.get_variable("w", [8, 3], partitioner=tf.fixed_size_partitioner(2))

show(w is w2, [v.name for v in w], tf.get_collection("variables"))
with tf.variable_scope("", reuse=True):
    tf.get_variable("w", [4, 3], partitioner=tf.fixed_size_partitioner(2))

