# Z2: a constant value, a list value, an int dtype; the large-fill threshold.
a = tf.get_variable("a", [2], initializer=tf.constant_initializer([1.0, 2.0]))
b = tf.get_variable("b", [2], dtype=tf.int32, initializer=tf.zeros_initializer())
c = tf.get_variable("c", [1000, 2], initializer=tf.zeros_initializer())
d = tf.get_variable("d", initializer=tf.constant([1.0, 2.0, 3.0]))
show(a.initial_value, b.initial_value, c.initial_value, d.initial_value, d.shape)
tf.get_variable("e", [2], initializer=tf.constant([1.0, 2.0]))
