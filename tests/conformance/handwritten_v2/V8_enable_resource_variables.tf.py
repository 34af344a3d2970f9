# V8: enable_resource_variables switches get_variable to resource variables.
a = tf.get_variable("a", [1])
tf.enable_resource_variables()
b = tf.get_variable("b", [1])
c = tf.Variable(1.0, name="c")
tf.disable_resource_variables()
d = tf.get_variable("d", [1])
show([type(v).__name__ for v in [a, b, c, d]])
show(b.op.type, b.initializer, b.read_value())
