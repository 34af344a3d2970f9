# F4: a closure sees the enclosing function's names, at call time.
def make_layer(units):
    def apply(x):
        return tf.get_variable("w", [x, units])

    return apply

f = make_layer(4)
g = make_layer(5)
with tf.variable_scope("f"):
    a = f(2)
    show(a, a.shape)

with tf.variable_scope("g"):
    show(g(3).shape)

