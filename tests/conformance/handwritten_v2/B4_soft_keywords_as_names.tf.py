# B4: scope, var, op, reuse, default... are names outside version-1 forms.
def make(scope, default=3, reuse=False):
    with tf.variable_scope(scope, reuse=reuse):
        return tf.get_variable("w", [default])


var = make("a")
op = var.op
const = make("a", reuse=True)
variable = [var, const]
show(var, op.name, const is var, len(variable))
for op in tf.get_default_graph().get_operations()[-2:]:
    show(op.name)

