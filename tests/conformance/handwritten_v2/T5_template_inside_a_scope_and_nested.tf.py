# T5: a template called in a scope, and a template calling a template.
def inner_fn():
    return tf.get_variable("w", [1])

inner = tf.make_template("inner", inner_fn)
def outer_fn():
    return inner(), tf.get_variable("u", [1])

outer = tf.make_template("outer", outer_fn)
with tf.variable_scope("model"):
    show(outer())
    show(outer())

show([v.name for v in tf.global_variables()])
