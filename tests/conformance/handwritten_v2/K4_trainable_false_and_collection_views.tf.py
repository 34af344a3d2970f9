# K4: trainable=False keeps a variable out of trainable_variables only.
w = tf.get_variable("w", [1])
step = tf.get_variable("step", [], dtype=tf.int64, trainable=False, initializer=tf.zeros_initializer())
m = tf.get_variable("m", [1], collections=[tf.GraphKeys.GLOBAL_VARIABLES, tf.GraphKeys.MODEL_VARIABLES])
avg = tf.get_variable("avg", [1], trainable=False, collections=["variables", tf.GraphKeys.MOVING_AVERAGE_VARIABLES])
show([v.name for v in tf.global_variables()], [v.name for v in tf.trainable_variables()])
show(tf.model_variables(), tf.moving_average_variables(), tf.local_variables())
show([v.name for v in tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope="s")])
