# W3: tf.device changes no name; the op's device is recorded.
with tf.device("/cpu:0"):
    w = tf.get_variable("w", [2])
    c = tf.constant(1.0)

show(w, c, c.device)
with tf.device(None):
    d = tf.constant(2.0)

show(repr(d.device), w.device)
