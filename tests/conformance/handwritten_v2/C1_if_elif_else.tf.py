# C1: if / elif / else, with elif and else on the line after `>`.
def act(kind, x):
    if (kind == "relu"):
        return tf.nn.relu(x)
    elif (kind == "tanh"):
        return tf.tanh(x)

    elif kind is None:
        return x

    else:
        raise ValueError(f"unknown activation {kind!r}")


x = tf.placeholder(tf.float32, [2])
show(act("relu", x), act("tanh", x), act(None, x))
act("gelu", x)
