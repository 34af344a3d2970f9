# D6: a negative dimension is TensorShape's ValueError, or the op's that sees it first.
def attempt(make):
    try:
        show(make())
    except (TypeError, ValueError) as e:
        show(type(e).__name__, e)


attempt(lambda: tf.get_variable("w", [2, -3]))
attempt(lambda: tf.get_variable("z", [-1], initializer=tf.zeros_initializer()))
attempt(lambda: tf.Variable([1.0, 2.0], shape=[-2]))
attempt(lambda: tf.placeholder(tf.float32, [-1]))
attempt(lambda: tf.zeros([-1]))
attempt(lambda: tf.ones([-1, 2]))
attempt(lambda: tf.fill([-2], 1.0))
show([op.name for op in tf.get_default_graph().get_operations()])
