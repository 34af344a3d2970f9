# The TensorFlow equivalent of samples/03_nested_scopes.scope.
# Run: cd samples/tf && /path/to/tf-venv/bin/python 03_nested_scopes.py
import os
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
import tensorflow as tf
tf.compat.v1.disable_v2_behavior()
T = tf.compat.v1

with T.variable_scope("scope1"):
    with T.variable_scope("scope2"):
        print(T.get_variable_scope().name)
        inner = T.get_variable("variable1", [1])
    outer = T.get_variable("variable1", [1])

print(inner.name)
print(outer.name)
print([v.name for v in T.global_variables()])
