# U1: too many or too few values to unpack: Python's ValueError.
try:
    a, b = [1, 2, 3]
except ValueError as e:
    show(e)

try:
    a, b, c = "ab"
except ValueError as e:
    show(e)

a, b = tf.get_variable("w", [2])  #@ 8
