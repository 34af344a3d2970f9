# L5: a loop that tries to create a variable each step, catching the error.
for t in range(3):
    try:
        with tf.variable_scope("s"):
            tf.get_variable("w", [t + 1])

        show("created at step", t)
    except ValueError as e:
        show("step", t, str(e).split(",")[0])


show(tf.global_variables())
