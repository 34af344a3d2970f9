# O7: a tensor's attributes: name, op, dtype, shape, graph, value_index, consumers.
v = tf.get_variable("v", [2, 3])
t = v * 2.0
u = t + 1.0
show(t.name, t.op.name, t.op.type, t.dtype, t.shape, t.get_shape(), t.value_index)
show(t.graph is tf.get_default_graph(), [c.name for c in t.consumers()], t.device)
show([i.name for i in t.op.inputs], [o.name for o in t.op.outputs], t.op.outputs[0] is t)
show(t)
