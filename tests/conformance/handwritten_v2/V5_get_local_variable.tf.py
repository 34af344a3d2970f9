# V5: get_local_variable: in local_variables, not trainable, not global.
with tf.variable_scope("metrics"):
    count = tf.get_local_variable("count", [], initializer=tf.zeros_initializer())
    total = tf.get_local_variable("total", [2])

show(count, tf.local_variables(), tf.global_variables(), tf.trainable_variables())
show(tf.get_collection(tf.GraphKeys.LOCAL_VARIABLES) == tf.local_variables())
with tf.variable_scope("metrics", reuse=True):
    show(tf.get_local_variable("count", []) is count)

