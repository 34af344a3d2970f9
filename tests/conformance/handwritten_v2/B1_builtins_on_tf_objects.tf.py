# B1: builtins applied to TF objects.
v = tf.get_variable("v", [2, 3])
show(type(v).__name__, type(v.op).__name__, type(v.shape).__name__, type(v.dtype).__name__)
show(isinstance(v, tf.Variable), isinstance(v + 1.0, tf.Tensor), isinstance(v.op, tf.Operation))
show(len(v.shape), list(v.shape), str(v.shape), repr(v.shape), str(v.dtype), repr(v.dtype))
show([str(v) for v in tf.global_variables()])
show(sorted([tf.get_variable("b", [1]), v], key=lambda x: x.name))
