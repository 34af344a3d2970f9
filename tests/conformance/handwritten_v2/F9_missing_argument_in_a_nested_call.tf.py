# F9: Python's TypeError for a missing argument, raised two calls deep.
def dense(x, units):
    return tf.get_variable("w", [units])

def model(x):
    with tf.variable_scope("model"):
        return dense(x)


show("building")
model(1)
