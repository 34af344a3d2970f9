# N7: default_name is uniquified; values picks the graph; name wins.
for i in range(3):
    with tf.variable_scope(None, default_name="dense") as s:
        show(s.name, tf.get_variable("w", [1]))


x = tf.constant(1.0, name="x")
with tf.variable_scope("named", "dense", [x]) as s:
    show(s.name, s.original_name_scope)

with tf.variable_scope(None, "dense", values=[x]) as s:
    show(s.name)

