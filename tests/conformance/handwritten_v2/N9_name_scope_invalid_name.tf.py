# N9: a name scope name TensorFlow rejects.
try:
    with tf.name_scope("bad name!"):
        pass

except ValueError as e:
    show(e)

with tf.name_scope(None, default_name=None):
    pass

