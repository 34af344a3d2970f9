# D5: a partly known shape needs reuse; a bad dtype on reuse.
try:
    tf.get_variable("w", [None, 3])
except ValueError as e:
    show(e)

v = tf.get_variable("v", [2], dtype=tf.float32)
with tf.variable_scope("", reuse=True):
    show(tf.get_variable("v", [None]).shape)
    tf.get_variable("v", [2], dtype=tf.int32)

