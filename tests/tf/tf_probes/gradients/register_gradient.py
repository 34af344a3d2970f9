"""tf.RegisterGradient and tf.NotDifferentiable: the decorator returns the
function, op types must be strings."""
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()


@tf.RegisterGradient("MyOwnOp")
def _g(op, grad):
    return grad


print(_g.__name__, type(tf.RegisterGradient("X")).__name__)
for bad in (lambda: tf.RegisterGradient(3), lambda: tf.no_gradient(4),
            lambda: tf.NotDifferentiable(None)):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
print(tf.NotDifferentiable("MyOther"), tf.NotDifferentiable is tf.no_gradient)
