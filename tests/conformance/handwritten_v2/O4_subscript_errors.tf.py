# O4: an index out of range of a known dimension; too many indices.
x = tf.get_variable("x", [2, 3])
try:
    x[0, 0, 0]
except ValueError as e:
    show(e)

show(x[5])
