"""A model that builds its layer twice without reuse: TensorFlow's ValueError."""
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()


class Projection:
    def __init__(self, units):
        self.units = units

    def build(self, x):
        with tf.variable_scope("projection"):
            w = tf.get_variable("kernel", [x.get_shape().as_list()[1], self.units])
            return tf.matmul(x, w)


layer = Projection(3)
x = tf.placeholder(tf.float32, [2, 4], name="x")
y1 = layer.build(x)
print(y1.name)
try:
    layer.build(x)
except ValueError as e:
    print("caught:", str(e).split(".")[0])
y2 = layer.build(x)
print("not reached")
