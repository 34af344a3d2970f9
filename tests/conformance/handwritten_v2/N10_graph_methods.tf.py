# N10: the default graph's methods.
g = tf.get_default_graph()
w = tf.get_variable("w", [2])
with tf.name_scope("n"):
    c = tf.constant(1.0, name="c")
    show(g.get_name_scope(), g.unique_name("c"), g.unique_name("fresh"), g.unique_name("c", mark_as_used=False))

show(g.unique_name("n"), g.unique_name("n"))
show(g.get_operation_by_name("n/c"), g.get_tensor_by_name("w:0") is w.value(), g.get_tensor_by_name("n/c:0"))
show(sorted(g.get_all_collection_keys()), g.get_collection("variables"))
show(len(g.get_operations()), g.get_operations()[0].name, len(g.get_operations()) == 11)
g.get_operation_by_name("nope")
