# O1: //, % and ** on tensors: floordiv, mod, pow, with number operands.
a = tf.get_variable("a", [2])
b = tf.get_variable("b", [2])
show(a // b, a % b, a ** b)
show(a // 2.0, 3.0 % a, a ** 2, 2.0 ** a)
show(tf.floordiv(a, b), tf.mod(a, b), tf.pow(a, b))
show([op.type for op in tf.get_default_graph().get_operations() if not op.name.startswith(("a", "b"))])
