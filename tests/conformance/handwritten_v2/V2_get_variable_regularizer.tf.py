# V2: get_variable(regularizer=...) adds the loss to regularization_losses.
def reg(w):
    return tf.identity(w * 0.1, name="reg")

w = tf.get_variable("w", [3], regularizer=reg)
with tf.variable_scope("s"):
    u = tf.get_variable("u", [2], regularizer=lambda t: t * t)
    n = tf.get_variable("n", [2], regularizer=lambda t: None)

show([t.name for t in tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)])
show([v.name for v in tf.trainable_variables()])
