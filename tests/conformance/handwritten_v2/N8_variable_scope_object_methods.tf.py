# N8: VariableScope's setters change the defaults of later get_variable calls.
with tf.variable_scope("m") as s:
    s.set_initializer(tf.zeros_initializer())
    a = tf.get_variable("a", [1])
    s.set_partitioner(tf.fixed_size_partitioner(2))
    b = tf.get_variable("b", [4])
    s.set_partitioner(None)
    s.set_dtype(tf.float16)
    c = tf.get_variable("c", [1])
    show(s.partitioner, s.dtype, s.use_resource, s.custom_getter, s.regularizer)

show(a.initial_value, [p.name for p in b], c.dtype)
show(s.name, s.original_name_scope, s.reuse)
