# O8: after a ValueError an input is converted again, unnamed, to say what type it has.
def attempt(make):
    try:
        show(make())
    except (TypeError, ValueError, KeyError) as e:
        show(type(e).__name__, e)


tf.constant(1.0, name="Identity/input/")
attempt(lambda: tf.identity(2.0))
attempt(lambda: tf.identity(3.0))
x = tf.constant(1.0, name="x")
tf.constant(1.0, name="Maximum/y/")
attempt(lambda: tf.maximum(x, 2.0))
tf.constant(1.0, name="Fill/dims/")
attempt(lambda: tf.fill([2], 1.0))
tf.constant(1.0, name="LogicalNot/x/")
attempt(lambda: tf.logical_not(True))
attempt(lambda: tf.concat([tf.constant([1.0]), 1.0, tf.constant([1])], 0))
attempt(lambda: tf.concat([tf.constant([1.0]), None], 0))
attempt(lambda: tf.concat([[1.0], [2]], 0))
attempt(lambda: tf.add_n([x, "a"]))
show([op.name for op in tf.get_default_graph().get_operations()])
tf.constant(1.0, name="Relu/features/")
tf.nn.relu(2.0)
