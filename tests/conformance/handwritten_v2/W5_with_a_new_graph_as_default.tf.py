# W5: tf.Graph().as_default() builds in another graph; names restart there.
tf.get_variable("w", [1])
g = tf.Graph()
with g.as_default():
    v = tf.get_variable("w", [2])
    show(v, v.graph is g, len(tf.global_variables()))
    show(tf.get_default_graph() is g)

show(tf.get_default_graph() is g, len(tf.global_variables()))
show([op.name for op in g.get_operations()][:2])
