# R1: tf.train.Saver() builds its save/ ops at once: SaveV2, RestoreV2, one Assign per variable.
w = tf.get_variable("w", [2, 3])
with tf.variable_scope("enc", use_resource=True):
    b = tf.get_variable("b", [3])

saver = tf.train.Saver()
show([op.name + " " + op.type for op in tf.get_default_graph().get_operations() if op.name.startswith("save/")])
show(saver.saver_def.filename_tensor_name, saver.saver_def.save_tensor_name, saver.saver_def.restore_op_name)
second = tf.train.Saver([w], max_to_keep=1)
show(second.saver_def.restore_op_name, second.saver_def.max_to_keep)
show(tf.get_default_graph().get_operation_by_name("save_1/restore_all").control_inputs)
