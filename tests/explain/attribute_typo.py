"""A typo in an attribute: an AttributeError, not a sharing error."""
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()
x = tf.constant(1.0)
print(x.nmae)
