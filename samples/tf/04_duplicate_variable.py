# The TensorFlow equivalent of samples/04_duplicate_variable.scope.
# Run: cd samples/tf && /path/to/tf-venv/bin/python 04_duplicate_variable.py
# (It ends in the ValueError; "Originally defined at:" points at line 16,
# the same line as in the .scope file.)
import os
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
import tensorflow as tf
tf.compat.v1.disable_v2_behavior()
T = tf.compat.v1
#
#
#
#
#
with T.variable_scope("scope1"):
    variable1 = T.get_variable("variable1", [1])
    print(variable1.name)
    variable2 = T.get_variable("variable1", [1])
    print(variable2.name)
