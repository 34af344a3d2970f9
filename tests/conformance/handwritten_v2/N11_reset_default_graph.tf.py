# N11: reset_default_graph starts a new graph: names and variables restart.
tf.get_variable("w", [1])
old = tf.get_default_graph()
tf.reset_default_graph()
show(tf.get_default_graph() is old, tf.global_variables())
show(tf.get_variable("w", [2]), tf.constant(0.0))
with tf.Graph().as_default():
    tf.reset_default_graph()

