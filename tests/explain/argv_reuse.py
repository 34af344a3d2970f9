"""The variable's name comes from the command line (`--name NAME`, else
"kernel"); asked for twice without reuse: "already exists"."""
import sys

import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()
name = sys.argv[2] if sys.argv[1:2] == ["--name"] else "kernel"
a = tf.get_variable(name, [1])
b = tf.get_variable(name, [1])
