# S1: an f-string formats TF objects with str(): a variable's str is its repr.
v = tf.get_variable("v", [2])
t = v + 1.0
show(f"{v}")
show(f"{t}")
show(f"{v!r}" == repr(v), f"{v.dtype}", f"{v.shape}")
show(str(v) == repr(v), str(t))
