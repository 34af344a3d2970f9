# W2: `with A as a, B as b` enters left to right, leaves right to left.
with tf.variable_scope("outer") as o, tf.variable_scope("inner") as i:
    show(o.name, i.name, tf.get_variable("w", [1]))

with tf.name_scope("n"), tf.variable_scope("v"):
    show(tf.get_variable("w", [1]), tf.constant(0.0))

show(tf.get_variable_scope().name == "")
