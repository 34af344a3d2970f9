# F9: tf functions bind arguments as TensorFlow's Python does.
try:
    tf.get_variable()
except TypeError as e:
    show(e)

try:
    tf.get_variable("w", [1], colour="red")
except TypeError as e:
    show(e)

try:
    tf.variable_scope()
except TypeError as e:
    show(e)

