# The TensorFlow equivalent of samples/01_tf_variable.scope.
# Run: cd samples/tf && /path/to/tf-venv/bin/python 01_tf_variable.py
import os
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
import tensorflow as tf
tf.compat.v1.disable_v2_behavior()
T = tf.compat.v1



variable1 = T.Variable(T.random_normal([1]), name="variable1")
print(variable1.name)

again = T.Variable(T.random_normal([1]), name="variable1")
print(again.name)
