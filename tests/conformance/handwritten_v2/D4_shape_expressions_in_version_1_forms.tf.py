# D4: version-1 shapes take expressions, including a TensorShape's dims.
x = tf.placeholder(tf.float32, [None, 5])
n = x.shape[1]
w = tf.get_variable("w", [n, n * 2])
b = tf.get_variable("b", [w.shape[1]], initializer=tf.zeros_initializer())
show(w.shape, b.shape, type(n).__name__)
h = x @ w + b
show(h, h.shape)
