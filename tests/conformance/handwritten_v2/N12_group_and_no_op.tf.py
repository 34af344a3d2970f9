# N12: no_op and group: names, types, control inputs.
a = tf.get_variable("a", [1])
b = tf.get_variable("b", [1])
n = tf.no_op()
m = tf.no_op(name="m")
g = tf.group(a.initializer, b.initializer)
h = tf.group(a.initializer, name="init_a")
e = tf.group()
show(n, m, g, h, e, g.type, [op.name for op in g.control_inputs])
with tf.name_scope("s"):
    show(tf.group(n, m), tf.no_op())

