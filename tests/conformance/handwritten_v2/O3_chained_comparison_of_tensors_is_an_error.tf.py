# O3: a chained comparison of tensors needs the truth value of a tensor.
a = tf.get_variable("a", [2])
show((a < 1.0))
show((0.0 < a < 1.0))  #@ 8
