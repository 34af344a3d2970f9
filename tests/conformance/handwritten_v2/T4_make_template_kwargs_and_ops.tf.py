# T4: keyword arguments bound at make_template time; ops get name scopes.
def scale(x, factor, name_hint="s"):
    w = tf.get_variable("w", [], initializer=tf.constant_initializer(factor))
    return tf.multiply(x, w, name=name_hint)

double = tf.make_template("double", scale, factor=2.0)
x = tf.constant(1.0, name="x")
show(double(x), double(x, name_hint="again"), double(x))
show([op.name for op in tf.get_default_graph().get_operations() if op.type == "Mul"])
