# A4: a tensor is not a variable: it has no assign.
t = tf.constant([1.0, 2.0])
try:
    t.assign([0.0, 0.0])
except AttributeError as e:
    show(e)

tf.assign(t, [0.0, 0.0])
