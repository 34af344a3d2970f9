# V1: collections= replaces the default collections.
a = tf.get_variable("a", [1], collections=["mine"])
b = tf.get_variable("b", [1], collections=[tf.GraphKeys.GLOBAL_VARIABLES, "mine"])
c = tf.get_variable("c", [1], collections=[])
show(tf.global_variables(), tf.trainable_variables())
show(tf.get_collection("mine"))
d = tf.get_variable("d", [1], trainable=False, collections=[tf.GraphKeys.TRAINABLE_VARIABLES])
show([v.name for v in tf.trainable_variables()])
