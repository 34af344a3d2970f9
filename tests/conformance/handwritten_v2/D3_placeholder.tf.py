# D3: placeholders: names, shapes, dtypes, and get_shape of a partly known one.
x = tf.placeholder(tf.float32)
y = tf.placeholder(tf.int32, [None, 3], name="y")
with tf.name_scope("inputs"):
    z = tf.placeholder(dtype=tf.float64, shape=(2,), name="z")
    w = tf.placeholder(tf.float32, shape=[])

show(x, x.shape, y, y.shape, y.get_shape().as_list(), y.dtype)
show(z, z.shape, w, w.shape, x.op.type, y.op.name)
show(repr(x))
show(repr(y))
