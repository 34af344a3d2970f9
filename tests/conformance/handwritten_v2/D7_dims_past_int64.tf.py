# D7: dims past int64: numpy's dtypes for the shape, int64 wrapping, the shape attr's range.
def attempt(make):
    try:
        show(make())
    except (TypeError, ValueError, OverflowError) as e:
        show(type(e).__name__, e)


show(tf.constant([2**63]).dtype, tf.constant([2, 2**63]).dtype)
attempt(lambda: tf.constant([[1], [2**64]]))
attempt(lambda: tf.get_variable("a", [2**63]))
attempt(lambda: tf.get_variable("b", [2, 2**63]))
attempt(lambda: tf.get_variable("c", [2**64]))
attempt(lambda: tf.get_variable("d", [2**63], initializer=tf.zeros_initializer()))
attempt(lambda: tf.get_variable("e", [2**63], initializer=tf.constant_initializer(1.0)))
attempt(lambda: tf.get_variable("f", [2**62, 4]))
attempt(lambda: tf.placeholder(tf.float32, [None, 2**63]))
attempt(lambda: tf.Variable(1.0, shape=[2**63], validate_shape=False))
show([op.name for op in tf.get_default_graph().get_operations()])
