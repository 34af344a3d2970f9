"""A classifier with hand-written dense layers, built from a config dict."""
import numpy as np
import tensorflow as tf

tf.compat.v1.disable_v2_behavior()
v1 = tf.compat.v1

CONFIG = {
    "input_dim": 784,
    "hidden": [256, 128, 64],
    "num_classes": 10,
    "init_stddev": 0.02,
}


def dense(x, units, name, activation=None):
    in_dim = x.get_shape().as_list()[-1]
    with v1.variable_scope(name):
        w = v1.get_variable("kernel", [in_dim, units],
                            initializer=v1.truncated_normal_initializer(
                                stddev=CONFIG["init_stddev"]))
        b = v1.get_variable("bias", [units], initializer=v1.zeros_initializer())
        y = tf.matmul(x, w) + b
        if activation is not None:
            y = activation(y)
    return y


class Classifier:
    def __init__(self, config):
        self.config = config
        self.logits = None

    def build(self, inputs):
        h = inputs
        for i, units in enumerate(self.config["hidden"]):
            h = dense(h, units, "hidden_%d" % i, activation=tf.nn.relu)
        self.logits = dense(h, self.config["num_classes"], "logits")
        return self.logits


images = v1.placeholder(tf.float32, [None, CONFIG["input_dim"]], name="images")
with v1.variable_scope("classifier"):
    model = Classifier(CONFIG)
    logits = model.build(images)

print(logits)
total = 0
for var in v1.trainable_variables():
    shape = var.get_shape().as_list()
    total += int(np.prod(shape))
    print(var.name, shape)
print("parameters:", total)
