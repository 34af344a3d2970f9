# F1: calling the same def twice in one scope without reuse: the second
# get_variable raises, "Originally defined at:" lists the call chain.
def dense(x, n):
    w = tf.get_variable("kernel", [x.get_shape()[1], n])
    return tf.matmul(x, w)

def block(x):
    return dense(x, 4)

x = tf.placeholder(tf.float32, [2, 4])
with tf.variable_scope("net"):
    h = block(x)
    h = block(h)

