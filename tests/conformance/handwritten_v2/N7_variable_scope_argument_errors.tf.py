# N7: variable_scope's argument errors, word for word.
try:
    with tf.variable_scope(None):
        pass

except (TypeError, ValueError) as e:
    show(type(e).__name__, e)

try:
    with tf.variable_scope(None, default_name="d", reuse=True):
        pass

except (TypeError, ValueError) as e:
    show(type(e).__name__, e)

with tf.variable_scope(3):  #@ 6
    pass

