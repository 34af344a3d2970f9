# L1: forgetting reuse in a loop: the second step raises.
for t in range(3):
    with tf.variable_scope("rnn"):
        show(tf.get_variable("w", [1]))


