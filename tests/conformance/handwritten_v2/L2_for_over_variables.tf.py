# L2: for over tf.global_variables(): `op` is an ordinary name here.
tf.get_variable("a", [1])
with tf.variable_scope("s"):
    tf.get_variable("b", [2, 2])

for v in tf.global_variables():
    show(v.name, v.op.name, v.shape.as_list())

for op in tf.get_default_graph().get_operations()[:3]:
    show(op.name, op.type)

