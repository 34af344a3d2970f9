# V9: a variable of unknown rank (validate_shape=False) is listed with a null shape.
x = tf.placeholder(tf.float32, shape=None, name="x")
v = tf.Variable(x, validate_shape=False, name="v")
s = tf.Variable(3.0, name="s")
w = tf.get_variable("w", initializer=tf.zeros([2]))
show(v.shape, s.shape, v.get_shape().ndims)
