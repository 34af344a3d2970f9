# V3: a custom getter that is not callable.
with tf.variable_scope("s", custom_getter=5):
    show("entered")
    tf.get_variable("w", [1])

