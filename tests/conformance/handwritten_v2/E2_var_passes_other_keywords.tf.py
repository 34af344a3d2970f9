# E2: any other key=value after var goes to get_variable.
a = tf.get_variable("a", [2], collections=["mine"], trainable=False)
b = tf.get_variable("b", [2], initializer=tf.constant_initializer(0.1), constraint=(lambda t: t))
c = tf.get_variable("c", [1], dtype=tf.float64, initializer=tf.zeros_initializer())
show(tf.get_collection("mine"), tf.global_variables(), b.initial_value, c.dtype)
