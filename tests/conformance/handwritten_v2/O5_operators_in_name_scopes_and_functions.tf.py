# O5: operator ops take the name scope where they run, also inside a def.
def residual(x):
    with tf.name_scope("res"):
        return x + x * 2.0 - x / 4.0


v = tf.get_variable("v", [1, 3])
show(residual(v), residual(v))
with tf.variable_scope("blk"):
    show(residual(v), v @ tf.ones([3, 1]))

