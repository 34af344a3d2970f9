# O4: a tensor index and a placeholder slice bound.
x = tf.placeholder(tf.float32, [None, 4], name="x")
i = tf.placeholder(tf.int32, [], name="i")
show(x[i], x[i].shape, x[:, i], x[0:i], x[0:i].shape)
for t in range(2):
    show(x[:, t])

