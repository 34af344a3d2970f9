# V3: get_variable(custom_getter=...) sees every argument; it may rename.
def renamer(getter, name, shape=None, **kwargs):
    show("asked for", name, shape, kwargs["trainable"], sorted(kwargs)[:3])
    return getter(name + "_renamed", shape, **kwargs)

v = tf.get_variable("v", [2], custom_getter=renamer)
show(v)
with tf.variable_scope("s", custom_getter=renamer):
    show(tf.get_variable("w", [1], custom_getter=renamer))

