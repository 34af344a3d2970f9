# K6: any object goes in a collection; the JSON lists those with a name.
x = tf.placeholder(tf.float32, [2], name="x")
y = x * 2.0
tf.add_to_collection(tf.GraphKeys.ACTIVATIONS, y)
tf.add_to_collection(tf.GraphKeys.UPDATE_OPS, y.op)
tf.add_to_collection("config", {"lr": 0.1})
tf.add_to_collection("config", "text")
show(tf.get_collection(tf.GraphKeys.ACTIVATIONS), tf.get_collection("update_ops")[0].name)
show(tf.get_collection("config"))
