# W4: control_dependencies adds control inputs, no names.
a = tf.get_variable("a", [1])
init = tf.no_op(name="init")
with tf.control_dependencies([init]):
    b = tf.identity(a, name="b")
    c = a + 1.0

show(b, [op.name for op in b.op.control_inputs])
show(c, [op.name for op in c.op.control_inputs])
with tf.control_dependencies(None):
    d = tf.identity(a)

show(d, d.op.control_inputs)
