# W1: `with tf.variable_scope(...) as s`: the handle is the VariableScope;
# re-entering it reuses its name but opens a new name scope.
with tf.variable_scope("enc") as s:
    a = tf.get_variable("w", [1])
    show(s.name, s.original_name_scope, s.reuse)

with tf.variable_scope(s, reuse=True):
    b = tf.get_variable("w", [1])
    show(tf.get_default_graph().get_name_scope(), tf.constant(1.0))

with tf.variable_scope(s, auxiliary_name_scope=False):
    show(tf.constant(2.0))

show(a is b, s, type(s).__name__)
