# F3: *args and **kwargs, forwarded to tf.get_variable.
def var_in(scope, *args, **kwargs):
    with tf.variable_scope(scope):
        return tf.get_variable(*args, **kwargs)


a = var_in("s", "a", [2])
b = var_in("t", "b", shape=[3], initializer=tf.zeros_initializer())
show(a, b)
def count(*args, **kwargs):
    return len(args), sorted(kwargs)

show(count())
show(count(1, 2, x=3, y=4))
show(count(*[1, 2, 3], **{"k": 1}))
