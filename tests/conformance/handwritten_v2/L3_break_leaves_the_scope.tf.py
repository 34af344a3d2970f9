# L3: break inside a with leaves the scope, as Python's with does.
for i in range(5):
    with tf.variable_scope("s"):
        if (i == 1):
            break

        show(tf.get_variable_scope().name)


show(repr(tf.get_variable_scope().name))
with tf.variable_scope("s"):
    show(tf.get_default_graph().get_name_scope())

