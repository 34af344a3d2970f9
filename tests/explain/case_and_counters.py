"""Op names share one registry, compared lower-cased: 'add', 'Add_1', 'Add_2'."""
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()

a = tf.constant(1.0, name="add")
b = tf.add(a, a, name="Add")
c = tf.add(b, a)
print(a.name, b.name, c.name)
