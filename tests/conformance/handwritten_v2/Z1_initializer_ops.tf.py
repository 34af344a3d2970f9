# Z1: each initializer's ops, under <variable>/Initializer/.
inits = [tf.zeros_initializer(), tf.ones_initializer(), tf.constant_initializer(3.0), tf.random_normal_initializer(), tf.truncated_normal_initializer(stddev=0.1), tf.random_uniform_initializer(-1.0, 1.0), tf.glorot_uniform_initializer(), tf.glorot_normal_initializer(), tf.variance_scaling_initializer(), tf.orthogonal_initializer()]
for i, init in enumerate(inits):
    v = tf.get_variable(f"v{i}", [3, 3], initializer=init)
    show(type(init).__name__, v.initial_value)

