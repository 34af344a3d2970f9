# F6: a lambda applied to tensors creates the ops where it is called.
scale = lambda t: t * 2.0
v = tf.get_variable("v", [2])
with tf.name_scope("a"):
    show(scale(v))

show(scale(v))
show(list(map(lambda t: t + 1.0, [v, v])))
