# G2: nonlocal shares a binding between nested functions.
def builder():
    layers = 0
    def add_layer():
        nonlocal layers
        with tf.variable_scope(f"l{layers}"):
            tf.get_variable("w", [1])

        layers += 1

    add_layer()
    add_layer()
    return layers

show(builder(), tf.global_variables())
