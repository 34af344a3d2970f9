# N14: an empty name is not replaced by the default: it resets to the root or fails the regex.
def attempt(make):
    try:
        show(make())
    except (TypeError, ValueError) as e:
        show(type(e).__name__, e)


attempt(lambda: tf.constant(1.0, name=""))
with tf.name_scope("n"):
    show(tf.constant(1.0, name=""))
    show(tf.Variable(1.0, name=""))
    show(tf.add(1.0, 2.0, name=""))

with tf.variable_scope("s"):
    attempt(lambda: tf.get_variable("", [1]))

attempt(lambda: tf.get_variable("", [1]))
attempt(lambda: tf.zeros([2], name=""))
show([op.name for op in tf.get_default_graph().get_operations()])
