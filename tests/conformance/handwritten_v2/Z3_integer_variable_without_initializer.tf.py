# Z3: an integer or string get_variable without an initializer: zeros, no error.
a = tf.get_variable("a", [2], dtype=tf.int64, initializer=tf.ones_initializer())
show(a.initial_value)
tf.get_variable("b", [2], dtype=tf.int32)
show(tf.global_variables())
tf.get_variable("c", [2], dtype=tf.string)
