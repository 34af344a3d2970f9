# V4: constraint is kept on the variable; it must be callable.
v = tf.get_variable("v", [2], constraint=lambda t: abs(t))
show(v.constraint is not None, v)
tf.get_variable("w", [2], constraint=3)
