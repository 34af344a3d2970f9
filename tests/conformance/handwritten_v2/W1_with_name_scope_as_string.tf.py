# W1: `with tf.name_scope(...) as ns`: ns is a string ending in "/".
with tf.name_scope("block") as ns:
    c = tf.constant(1.0, name="c")
    v = tf.get_variable("v", [1])
    show(repr(ns), c, v)

with tf.name_scope(ns):
    show(tf.constant(2.0))

with tf.name_scope("block") as ns2:
    show(ns2)

with tf.name_scope(None, default_name="d") as d:
    show(d)

with tf.name_scope(""):
    show(tf.constant(3.0))

