# T7: make_template's own errors.
try:
    tf.make_template("", lambda: 1)
except ValueError as e:
    show(e)

t = tf.make_template("t", 5)
t()
