# N16: default scope names search from _1 each time, over the counts as they are now.
def default(prefix="x"):
    with tf.variable_scope(None, default_name=prefix) as s:
        return s.name


with tf.variable_scope("p"):
    show([default() for _ in range(4)])

with tf.variable_scope("p"):
    with tf.variable_scope("x"):
        pass

    with tf.variable_scope("x_2"):
        pass

    show(default(), default(), default())

with tf.variable_scope("p") as p:
    pass

with tf.variable_scope(p):
    show(default(), default())

show([default() for _ in range(3)])
with tf.variable_scope("x_5"):
    pass

show(default(), default(), default())
