# O6: a matmul shape error raised two calls deep.
def dense(x, units):
    w = tf.get_variable("w", [3, units])
    return x @ w

def net(x):
    with tf.variable_scope("net"):
        return dense(x, 4)


x = tf.placeholder(tf.float32, [None, 5], name="x")
net(x)
