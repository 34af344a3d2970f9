# O5: a list operand is converted to a constant named after the op.
v = tf.get_variable("v", [2])
show(v + [1.0, 2.0], [3.0, 4.0] * v, v - (1.0, 1.0))
show(v + [1.0, 2.0, 3.0])
