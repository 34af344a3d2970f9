# N15: a final newline passes the `$` of TensorFlow's name regexes, until a longer name holds it.
def attempt(make):
    try:
        show(repr(make()))
    except (TypeError, ValueError, KeyError) as e:
        show(type(e).__name__, repr(str(e)))


g = tf.get_default_graph()
attempt(lambda: g.unique_name("a\n"))
attempt(lambda: tf.constant(1.0, name="c\n").name)
attempt(lambda: tf.constant(1.0, name="c\n").name)
attempt(lambda: g.get_tensor_by_name("c\n:0").name)
attempt(lambda: tf.get_variable("w\n", [1]))
attempt(lambda: tf.Variable(1.0, name="v\n"))
attempt(lambda: tf.Variable(tf.constant(2.0), name="t\n"))
with tf.variable_scope("s\n") as s:
    show(repr(s.name), repr(s.original_name_scope))
    attempt(lambda: tf.get_variable("w", [1]))

with tf.name_scope("n\n") as n:
    show(repr(n))

attempt(lambda: tf.identity(tf.constant(3.0, name="x"), name="i\n").name)
attempt(lambda: tf.constant(1.0, name="c\n\n"))
show([repr(op.name) for op in g.get_operations()])
