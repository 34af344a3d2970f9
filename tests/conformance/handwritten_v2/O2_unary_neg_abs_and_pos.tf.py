# O2: -a is Neg and abs(a) is Abs, uniquified like any op.
a = tf.get_variable("a", [2])
show(-a, abs(a), abs(-a), tf.abs(a), tf.negative(a))
i = tf.constant([-1, 2])
show(abs(i), -i)
with tf.name_scope("n"):
    show(-a, abs(a))

