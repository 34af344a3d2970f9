# F11: recursion building a binary tree of scopes and ops.
def tree(x, depth):
    if (depth == 0):
        return x

    with tf.variable_scope("left"):
        l = tree(x * tf.get_variable("w", []), depth - 1)

    with tf.variable_scope("right"):
        r = tree(x * tf.get_variable("w", []), depth - 1)

    return l + r

show(tree(tf.constant(1.0), 2))
show([v.name for v in tf.global_variables()])
