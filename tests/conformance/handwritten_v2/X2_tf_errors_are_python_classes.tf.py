# X2: TensorFlow's errors are instances of Python's classes.
try:
    tf.get_variable("w", [1])
    tf.get_variable("w", [1])
except Exception as e:
    show(type(e).__name__, isinstance(e, ValueError), isinstance(e, Exception))
    show(str(e).split(".")[0])

try:
    tf.constant(1.0) + "x"
except (TypeError, ValueError) as e:
    show(type(e).__name__)

