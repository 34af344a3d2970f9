# N6: a scope's constraint and dtype reach its variables.
clip = lambda t: abs(t)
with tf.variable_scope("c", constraint=clip, dtype=tf.float64):
    v = tf.get_variable("v", [2])
    show(v.constraint is clip, v.dtype, tf.get_variable_scope().dtype)

u = tf.get_variable("u", [2], constraint=clip)
show(u.constraint is clip, tf.get_variable("z", [1]).constraint)
