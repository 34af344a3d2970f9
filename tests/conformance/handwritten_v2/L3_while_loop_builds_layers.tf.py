# L3: while with a parenthesized comparison.
i = 0
x = tf.placeholder(tf.float32, [None, 2])
while (i < 3):
    with tf.variable_scope(f"layer{i}"):
        w = tf.get_variable("w", [2, 2])
        x = tf.nn.relu(x @ w)

    i += 1

show(i, x)
