# W5: an op cannot take a tensor of another graph.
a = tf.constant(1.0, name="a")
with tf.Graph().as_default():
    b = tf.constant(2.0, name="b")
    try:
        c = a + b
    except ValueError as e:
        show(str(e).split(" (graphs")[0])

    show(b)

