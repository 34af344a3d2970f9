# K1: get_collection(key, scope) keeps items whose name matches the
# scope as a regular expression, at the start of the name.
for s in ["enc", "encoder", "dec"]:
    with tf.variable_scope(s):
        tf.get_variable("w", [1])


show([v.name for v in tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES, "enc")])
show([v.name for v in tf.get_collection("variables", "enc/")])
show([v.name for v in tf.get_collection("variables", "e.c|dec")])
show([v.name for v in tf.get_collection("variables", ".*w")], tf.get_collection("nothing"))
show([v.name for v in tf.trainable_variables("dec")], [v.name for v in tf.global_variables(scope="encoder")])
