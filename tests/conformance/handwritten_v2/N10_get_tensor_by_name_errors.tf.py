# N10: get_tensor_by_name's errors.
tf.constant(1.0, name="c")
g = tf.get_default_graph()
for name in ["c", "c:1", "nope:0"]:
    try:
        g.get_tensor_by_name(name)
    except (ValueError, KeyError) as e:
        show(type(e).__name__, e)


