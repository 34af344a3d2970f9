# M3: an attribute TF objects do not have is Python's AttributeError.
v = tf.get_variable("v", [1])
try:
    v.colour
except AttributeError as e:
    show(e)

try:
    tf.no_such_function
except AttributeError as e:
    show(e)

show(hasattr(v, "name"), hasattr(v, "colour"), hasattr(tf, "get_variable"))
"abc".nope()
