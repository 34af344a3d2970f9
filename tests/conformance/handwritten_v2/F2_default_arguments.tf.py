# F2: defaults, keyword arguments and keyword order.
def make(name, shape=[1], dtype=tf.float32, trainable=True):
    return tf.get_variable(name, shape, dtype=dtype, trainable=trainable)

a = make("a")
b = make("b", [2, 3])
c = make("c", dtype=tf.float64)
d = make(trainable=False, name="d", shape=[])
show(a, a.shape, a.dtype)
show(b.shape, c.dtype, d.shape)
show(tf.trainable_variables())
