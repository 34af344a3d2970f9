# Z1: tf.initializers.* are the same initializers.
a = tf.get_variable("a", [2], initializer=tf.initializers.zeros())
b = tf.get_variable("b", [2], initializer=tf.initializers.constant(1.5))
c = tf.get_variable("c", [2, 2], initializer=tf.initializers.glorot_uniform())
d = tf.get_variable("d", [2], initializer=tf.initializers.random_normal(mean=1.0))
e = tf.get_variable("e", [2], initializer=tf.initializers.truncated_normal())
show(a.initial_value, b.initial_value, c.initial_value, d.initial_value, e.initial_value)
show(type(tf.initializers.ones()).__name__, type(tf.initializers.variance_scaling()).__name__)
