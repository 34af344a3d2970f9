# A3: assign on a resource variable: AssignVariableOp, no output tensor name.
with tf.variable_scope("r", use_resource=True):
    v = tf.get_variable("v", [2])

a = v.assign([1.0, 2.0])
b = v.assign_add([1.0, 1.0])
c = tf.assign_sub(v, [1.0, 1.0])
show(a, b, c)
show([op.type for op in tf.get_default_graph().get_operations()[-6:]])
