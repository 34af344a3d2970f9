# M2: methods and attributes of TF objects.
v = tf.get_variable("v", [2, 3])
show(v.get_shape(), v.get_shape().as_list(), v.shape.ndims, v.dtype.name)
show(v.value(), v.read_value(), v.op, v.op.type, v.initializer)
show(v.initial_value, v.graph is tf.get_default_graph())
scope = tf.get_variable_scope()
show(repr(scope.name), scope.reuse, scope.dtype)
scope.reuse_variables()
show(scope.reuse, tf.get_variable("v") is v)
