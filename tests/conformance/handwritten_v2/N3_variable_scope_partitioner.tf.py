# N3: a scope's partitioner splits variables into parts.
with tf.variable_scope("emb", partitioner=tf.fixed_size_partitioner(3)):
    e = tf.get_variable("table", [10, 4])

show(type(e).__name__, e.name, len(e), e.get_shape())
show([p.name for p in e])
show([v.shape.as_list() for v in tf.global_variables()])
