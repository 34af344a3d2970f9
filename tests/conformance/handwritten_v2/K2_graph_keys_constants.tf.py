# K2: the GraphKeys constants are strings.
show(tf.GraphKeys.GLOBAL_VARIABLES, tf.GraphKeys.TRAINABLE_VARIABLES, tf.GraphKeys.LOCAL_VARIABLES)
show(tf.GraphKeys.MODEL_VARIABLES, tf.GraphKeys.MOVING_AVERAGE_VARIABLES, tf.GraphKeys.REGULARIZATION_LOSSES)
show(tf.GraphKeys.UPDATE_OPS, tf.GraphKeys.LOSSES, tf.GraphKeys.SUMMARIES, tf.GraphKeys.GLOBAL_STEP)
show(tf.GraphKeys.TRAIN_OP, tf.GraphKeys.INIT_OP, tf.GraphKeys.WEIGHTS, tf.GraphKeys.BIASES, tf.GraphKeys.ACTIVATIONS)
show(tf.GraphKeys.VARIABLES, tf.GraphKeys.CONCATENATED_VARIABLES, tf.GraphKeys.SAVERS, tf.GraphKeys.QUEUE_RUNNERS)
