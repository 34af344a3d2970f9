# E1: any other key=value in a scope head goes to variable_scope.
with tf.variable_scope("emb", partitioner=tf.fixed_size_partitioner(2)):
    w = tf.get_variable("w", [4, 2])

reg = lambda t: tf.multiply(t, 0.5)
with tf.variable_scope("r", regularizer=reg, use_resource=True):
    u = tf.get_variable("u", [2])

show([p.name for p in w], type(u).__name__, [t.name for t in tf.get_collection("regularization_losses")])
