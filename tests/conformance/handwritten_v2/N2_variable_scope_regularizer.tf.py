# N2: a scope's regularizer runs on each new variable; its loss goes to
# the regularization_losses collection, named after the variable.
def l2(w):
    return tf.multiply(0.01, w * w, name="l2")

with tf.variable_scope("net", regularizer=l2):
    w = tf.get_variable("w", [3])
    b = tf.get_variable("b", [3], regularizer=None)

show([t.name for t in tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)])
with tf.variable_scope("net", reuse=True):
    tf.get_variable("w", [3])

show(len(tf.get_collection("regularization_losses")))
