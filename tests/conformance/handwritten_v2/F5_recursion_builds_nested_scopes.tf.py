# F5: a recursive def opens one scope per level.
def nest(depth):
    if (depth == 0):
        return tf.get_variable("leaf", [1])

    with tf.variable_scope(f"level{depth}"):
        return nest(depth - 1)


show(nest(3))
show(tf.get_variable_scope().name == "")
