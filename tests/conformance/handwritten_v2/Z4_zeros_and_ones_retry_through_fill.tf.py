# Z4: zeros/ones try one Const, then shape_as_tensor, then an int32 Const, before their Fill.
def attempt(make):
    try:
        show(make())
    except (TypeError, ValueError, OverflowError) as e:
        show(type(e).__name__, e)


attempt(lambda: tf.zeros([2, 3]))
attempt(lambda: tf.zeros([2**62, 4]))
attempt(lambda: tf.ones([2, "a"]))
attempt(lambda: tf.ones([2], dtype=tf.string))
attempt(lambda: tf.zeros([2], name=""))
attempt(lambda: tf.zeros([-1]))
attempt(lambda: tf.zeros([2**63 + 5]))
attempt(lambda: tf.zeros([2**64]))
show([op.name for op in tf.get_default_graph().get_operations()])
