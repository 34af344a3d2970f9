# F3: parameters after * are keyword-only.
def layer(x, *, units, name="layer"):
    with tf.variable_scope(name):
        return tf.get_variable("w", [units])


show(layer(None, units=3))
show(layer(None, units=2, name="other"))
layer(None, 3)
