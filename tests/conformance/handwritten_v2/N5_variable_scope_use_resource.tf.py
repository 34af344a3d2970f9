# N5: use_resource=True makes resource variables (VarHandleOp ops).
with tf.variable_scope("r", use_resource=True):
    v = tf.get_variable("v", [2])

w = tf.get_variable("w", [2])
show(type(v).__name__, type(w).__name__, v, v.dtype, w.dtype)
show(v)
show([v])
show(v.op.type, v.value())
