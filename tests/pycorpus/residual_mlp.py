"""Residual blocks from helper functions, nested name and variable scopes."""
import numpy as np
import tensorflow as tf

tf.compat.v1.disable_v2_behavior()
tf1 = tf.compat.v1

HPARAMS = {"width": np.int64(24), "blocks": 3, "depth_per_block": 2, "in_dim": 7}


def fc(x, units, scope, act=True):
    with tf1.variable_scope(scope):
        w = tf1.get_variable("w", shape=(x.shape[-1], units),
                             initializer=tf1.glorot_normal_initializer())
        b = tf1.get_variable("b", shape=(units,), initializer=tf1.constant_initializer(0.01))
        y = tf.add(tf.matmul(x, w), b, name="preact")
        return tf.nn.relu(y) if act else y


def residual_block(x, width, depth, index):
    with tf1.variable_scope("block%d" % index), tf1.name_scope("residual"):
        h = x
        for j in range(depth):
            h = fc(h, width, "fc%d" % j, act=(j < depth - 1))
        return tf.nn.relu(h + x, name="out")


inputs = tf1.placeholder(tf.float32, [None, HPARAMS["in_dim"]], name="inputs")
with tf1.variable_scope("resnet", initializer=tf1.random_normal_initializer(stddev=0.1)):
    h = fc(inputs, HPARAMS["width"], "stem")
    for i in range(HPARAMS["blocks"]):
        h = residual_block(h, HPARAMS["width"], HPARAMS["depth_per_block"], i)
    out = fc(h, 1, "head", act=False)

print(out.name, out.shape)
print(tf1.get_variable_scope().name == "")
print([(v.name, v.shape.as_list()) for v in tf1.global_variables()[:4]])
print(len(tf1.get_default_graph().get_operations()))
