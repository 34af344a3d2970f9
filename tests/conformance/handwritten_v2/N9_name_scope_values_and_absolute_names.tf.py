# N9: name_scope with values, a default name, absolute re-entry, root.
x = tf.constant(1.0, name="x")
with tf.name_scope("block", values=[x]) as ns:
    show(ns, tf.identity(x))
    with tf.name_scope("inner") as inner:
        show(inner)


with tf.name_scope(None, "def", [x]) as d1:
    show(d1)

with tf.name_scope("block/inner/"):
    show(tf.identity(x, name="again"))

with tf.name_scope(None):
    show(tf.identity(x))

