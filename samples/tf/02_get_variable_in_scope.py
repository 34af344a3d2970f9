# The TensorFlow equivalent of samples/02_get_variable_in_scope.scope.
# Run: cd samples/tf && /path/to/tf-venv/bin/python 02_get_variable_in_scope.py
import os
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
import tensorflow as tf
tf.compat.v1.disable_v2_behavior()
T = tf.compat.v1

with T.variable_scope("scope1"):
    print(T.get_variable_scope().name)
    variable1 = T.get_variable("variable1", [1])

print(variable1.name)
