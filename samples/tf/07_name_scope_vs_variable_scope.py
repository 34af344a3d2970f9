# The TensorFlow equivalent of samples/07_name_scope_vs_variable_scope.scope.
# Run: cd samples/tf && /path/to/tf-venv/bin/python 07_name_scope_vs_variable_scope.py
import os
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
import tensorflow as tf
tf.compat.v1.disable_v2_behavior()
T = tf.compat.v1

with T.variable_scope("variable_scope1"):
    with T.name_scope("name_scope1"):
        var1 = T.get_variable("variable1", [1])
        var2 = 1.0 + var1
        var3 = T.Variable(T.random_normal([1]), name="variable2")

print(var1.name)
print(var2.name)
print(var3.name)
