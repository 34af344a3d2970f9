# E4: the target of scope and name_scope is any expression.
names = ["enc", "dec"]
with tf.variable_scope(names[0]):
    show(tf.get_variable("w", [1]))

with tf.variable_scope("outer") as s:
    pass

with tf.variable_scope(s):
    show(tf.get_variable("u", [1]))

with tf.variable_scope(s.name + "_2"):
    show(tf.get_variable("v", [1]))

with tf.name_scope(f"{names[1]}_ops"):
    show(tf.constant(1.0))

