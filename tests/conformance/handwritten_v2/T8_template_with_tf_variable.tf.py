# T8: a template making a tf.Variable: the second call makes t_1/counter and raises.
def f():
    return tf.Variable(1.0, name="counter")

t = tf.make_template("t", f)
show(t())
show(t())
show([v.name for v in tf.global_variables()])
