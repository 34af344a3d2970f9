# O3: <, <=, >, >= on tensors (inside parentheses) make Less, LessEqual, ...
a = tf.get_variable("a", [2])
b = tf.get_variable("b", [2])
show((a < b), (a <= b), (a > b), (a >= b))
show((a < 1.0), (2.0 > a), (a < b).dtype, (a < b).shape)
show(tf.less(a, b), tf.greater(a, b))
show(a == b, a != b, a is b)
