# L1: version-1 forms take expressions: an f-string scope name, reuse
# from a comparison, a computed shape.
n = 2
for t in range(3):
    with tf.variable_scope(f"step", reuse=(t >= 1)):
        w = tf.get_variable("w", [n, 2 * n])
        show(t, w, w.shape)


for i in range(2):
    with tf.variable_scope(f"layer_{i}"):
        b = tf.get_variable("bias", [n + i], initializer=tf.zeros_initializer())
        show(b, b.shape)


