# N13: caching_device changes no name: the variable's read op moves there.
with tf.variable_scope("c", caching_device="/cpu:0") as s:
    v = tf.get_variable("v", [2])
    show(s.caching_device, v, v.value(), v.value().device)

w = tf.get_variable("w", [2], caching_device="/cpu:0")
show(w.value(), [op.name for op in tf.get_default_graph().get_operations()][-2:])
