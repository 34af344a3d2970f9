# W6: `with` over something that is not a context manager: Python's TypeError.
with tf.get_variable_scope():  #@ 6
    show("never")

