# L1: an RNN-style loop: reuse=(t > 0) shares one cell's weights; each
# step re-enters "cell" and gets a fresh name scope (cell, cell_1, ...).
x = tf.placeholder(tf.float32, [1, 3], name="x")
h = tf.zeros([1, 3])
for t in range(3):
    with tf.variable_scope("cell", reuse=(t > 0)):
        w = tf.get_variable("w", [3, 3])
        h = tf.tanh(h @ w + x)

    show(t, h)

show(tf.global_variables())
