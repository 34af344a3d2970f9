# L1: AUTO_REUSE creates on the first step and reuses after.
vs = []
for t in range(3):
    with tf.variable_scope("shared", reuse=tf.AUTO_REUSE):
        vs.append(tf.get_variable("w", [2]))
        show(tf.get_variable_scope().reuse, tf.get_default_graph().get_name_scope())


show(vs[0] is vs[1], vs[1] is vs[2], len(tf.global_variables()))
show(tf.AUTO_REUSE)
