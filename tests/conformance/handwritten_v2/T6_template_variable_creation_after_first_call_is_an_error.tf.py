# T6: a template whose second call would create a new variable.
calls = [0]
def grow():
    calls[0] += 1
    return tf.get_variable(f"v{calls[0]}", [1])

t = tf.make_template("grow", grow)
show(t())
t()
