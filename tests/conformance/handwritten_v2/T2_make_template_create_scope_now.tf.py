# T2: create_scope_now_=True fixes the scope where make_template is called.
def f():
    return tf.get_variable("v", [1])

with tf.variable_scope("made_here"):
    early = tf.make_template("t", f, create_scope_now_=True)
    late = tf.make_template("t", f)

with tf.variable_scope("called_here"):
    show(early(), late())
    show(early(), late())

show(early.variable_scope_name, late.variable_scope_name)
