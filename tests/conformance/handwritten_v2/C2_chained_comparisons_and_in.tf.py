# C2: chained comparisons, in / not in, is / is not.
a = 3
show((1 < a <= 3), (1 < a < 3), (a == 3 != 4))
show(2 in [1, 2], "x" not in "abc", "b" in {"a": 1, "b": 2})
v = tf.get_variable("v", [1])
show(v in [v], v in tf.global_variables(), v is v)
show(v in tf.trainable_variables(), v in tf.local_variables())
