# D3: placeholder_with_default: a shape that may be less specific than the default.
d = tf.placeholder_with_default([1.0, 2.0], shape=[None], name="d")
e = tf.placeholder_with_default(tf.constant(3), [])
show(d, d.shape, d.op.type, e, e.dtype)
tf.placeholder_with_default([1.0, 2.0], shape=[3])
