# E7: global_variables() is a list of names; tf.global_variables() of objects.
w = tf.get_variable("w", [1])
x = tf.nn.relu(w)
y = tf.nn.relu(w)
show([v.name for v in tf.global_variables()])
show(tf.global_variables())
show([v.name for v in tf.trainable_variables("w")], x, y)
