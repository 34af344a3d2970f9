# F1: a def called inside two scopes creates its variables under each:
# scopes are dynamic, as in TensorFlow.
def tower(x):
    w = tf.get_variable("w", [3, 3])
    return tf.matmul(x, w)

x = tf.placeholder(tf.float32, [None, 3], name="x")
with tf.variable_scope("left"):
    a = tower(x)

with tf.variable_scope("right"):
    b = tower(x)

show(a, b)
show([v.name for v in tf.global_variables()])
