# F1: the classic discriminator(x, reuse=False): the soft keyword `reuse`
# is an ordinary parameter name, passed on to variable_scope.
def discriminator(x, reuse=False):
    with tf.variable_scope("d", reuse=reuse):
        w = tf.get_variable("w", [2, 1])
        return x @ w


real = tf.placeholder(tf.float32, [4, 2])
fake = tf.placeholder(tf.float32, [4, 2])
d1 = discriminator(real)
d2 = discriminator(fake, reuse=True)
show(d1, d2)
show(tf.trainable_variables())
