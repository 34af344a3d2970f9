# T3: two templates of one name get t and t_1; unique_name_ forces a name.
def f():
    return tf.get_variable("v", [1])

a = tf.make_template("t", f)
b = tf.make_template("t", f)
c = tf.make_template("t", f, unique_name_="custom")
show(a(), b(), c(), a(), c())
show([v.name for v in tf.global_variables()])
