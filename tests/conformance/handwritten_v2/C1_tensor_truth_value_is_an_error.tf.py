# C1: a tensor in `if` is TensorFlow's TypeError in graph mode.
x = tf.placeholder(tf.float32, [], name="x")
show(x is not None)
if x:  #@ 4
    show("never")

