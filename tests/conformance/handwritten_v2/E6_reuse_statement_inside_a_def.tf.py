# E6: the bare word reuse inside a def: the current scope starts reusing.
def shared_pair():
    with tf.variable_scope("pair"):
        a = tf.get_variable("w", [2])
        tf.get_variable_scope().reuse_variables()
        b = tf.get_variable("w", [2])
        return a, b


a, b = shared_pair()
show(a is b, tf.get_variable_scope().reuse)
with tf.variable_scope("pair"):
    show(tf.get_variable_scope().reuse)

