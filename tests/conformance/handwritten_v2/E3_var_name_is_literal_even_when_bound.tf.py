# E3: the name after var is literal; a computed name needs a string or f-string.
foo = "computed"
a = tf.get_variable("foo", [1])
b = tf.get_variable(f"{foo}", [1])
c = tf.get_variable("foo_2", [1])
d = tf.get_variable(foo + "_call", [1])
show(a, b, c, d)
