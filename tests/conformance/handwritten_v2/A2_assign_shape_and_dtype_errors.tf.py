# A2: assigning a value of another shape or dtype.
v = tf.get_variable("v", [2])
try:
    tf.assign(v, [1.0, 2.0, 3.0])
except ValueError as e:
    show(e)

show(tf.assign(v, [1.0, 2.0, 3.0], validate_shape=False))
v.assign(tf.constant([1, 2]))
