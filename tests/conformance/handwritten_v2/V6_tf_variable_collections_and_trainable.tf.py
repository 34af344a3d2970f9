# V6: tf.Variable with trainable=False and collections=.
a = tf.Variable(1.0, name="a")
b = tf.Variable(tf.zeros([2]), trainable=False, name="b")
c = tf.Variable(2, collections=["ints"], name="c")
d = tf.Variable([1.0, 2.0], collections=[tf.GraphKeys.LOCAL_VARIABLES])
show(a, b, c, d, c.dtype, d.shape)
show(tf.global_variables(), tf.trainable_variables())
show(tf.get_collection("ints"), tf.local_variables())
