# T1: a template creates its variables on the first call and reuses them.
def linear(x):
    w = tf.get_variable("w", [3, 3])
    return tf.matmul(x, w)

layer = tf.make_template("linear", linear)
x = tf.placeholder(tf.float32, [1, 3], name="x")
y1 = layer(x)
y2 = layer(y1)
y3 = layer(y2)
show(y1, y2, y3)
show(tf.global_variables(), layer.name, layer.variable_scope_name)
show([v.name for v in layer.variables], [v.name for v in layer.trainable_variables])
