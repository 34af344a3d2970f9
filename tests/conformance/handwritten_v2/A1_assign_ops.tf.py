# A1: assign, assign_add, assign_sub: functions and methods.
v = tf.get_variable("v", [2])
a = tf.assign(v, [1.0, 2.0])
b = tf.assign_add(v, [1.0, 1.0], name="inc")
c = tf.assign_sub(v, tf.ones([2]))
d = v.assign(tf.zeros([2]))
e = v.assign_add([3.0, 3.0])
f = v.assign_sub([1.0, 1.0], name="dec")
show(a, b, c, d, e, f)
show(a.op.type, b.op.type, c.op.type, d.op.type)
with tf.name_scope("upd"):
    show(tf.assign(v, d))

