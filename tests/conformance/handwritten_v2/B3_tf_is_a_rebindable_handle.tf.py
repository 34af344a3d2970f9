# B3: `tf` is a builtin handle; a function parameter may shadow it.
def build(tf):
    return tf

show(build(5))
show(tf.get_variable("w", [1]))
real = tf
tf = None
try:
    tf.get_variable("x", [1])
except AttributeError as e:
    show(e)

tf = real
show(tf.get_variable("y", [1]))
