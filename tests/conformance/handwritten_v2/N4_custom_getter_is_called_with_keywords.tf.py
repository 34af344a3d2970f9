# N4: a custom getter wraps every get_variable of the scope.
def getter(next_getter, name, *args, **kwargs):
    show("getting", name, kwargs["shape"])
    v = next_getter(name, *args, **kwargs)
    return tf.identity(v, name="wrapped")

with tf.variable_scope("g", custom_getter=getter):
    w = tf.get_variable("w", [2])
    with tf.variable_scope("inner"):
        u = tf.get_variable("u", [3])


show(w, u, tf.global_variables())
