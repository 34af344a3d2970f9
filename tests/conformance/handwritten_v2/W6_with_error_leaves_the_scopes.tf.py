# W6: an error inside nested withs leaves every scope it opened.
try:
    with tf.variable_scope("a"):
        with tf.name_scope("n"):
            raise RuntimeError("boom")


except RuntimeError as e:
    show(e, repr(tf.get_variable_scope().name), repr(tf.get_default_graph().get_name_scope()))

with tf.variable_scope("a"):
    show(tf.get_default_graph().get_name_scope())

