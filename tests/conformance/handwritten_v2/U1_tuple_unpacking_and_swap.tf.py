# U1: unpacking, nested targets, swap, chained assignment.
a, b = 1, 2
a, b = b, a
(c, d), e = (3, 4), 5
x = y = tf.get_variable("shared", [1])
show(a, b, c, d, e, x is y)
w, u = [tf.get_variable(n, [1]) for n in ("w", "u")]
show(w, u)
