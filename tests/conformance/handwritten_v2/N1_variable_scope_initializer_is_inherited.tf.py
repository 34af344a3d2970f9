# N1: a scope's initializer is the default of get_variable inside it,
# nested scopes inherit it, an explicit initializer wins.
with tf.variable_scope("s", initializer=tf.constant_initializer(0.5)):
    a = tf.get_variable("a", [2])
    with tf.variable_scope("inner"):
        b = tf.get_variable("b", [1])

    c = tf.get_variable("c", [1], initializer=tf.ones_initializer())
    show(tf.get_variable_scope().initializer is not None)

show(a.initializer.inputs[1], b.initial_value, c.initial_value)
