# The TensorFlow equivalent of samples/06_reuse_flag.scope.
# Run: cd samples/tf && /path/to/tf-venv/bin/python 06_reuse_flag.py
import os
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
import tensorflow as tf
tf.compat.v1.disable_v2_behavior()
T = tf.compat.v1

with T.variable_scope("scope1"):
    print(T.get_variable_scope().reuse)
    v1 = T.get_variable("variable1", [1])
    T.get_variable_scope().reuse_variables()
    print(T.get_variable_scope().reuse)
    v2 = T.get_variable("variable1", [1])
    with T.variable_scope("inner"):
        print(T.get_variable_scope().reuse)
print(T.get_variable_scope().reuse)
assert v1 is v2

# reuse=True only finds variables, it never creates one:
try:
    with T.variable_scope("scope1", reuse=True):
        T.get_variable("variable2", [1])
except ValueError as e:
    print(e)

# AUTO_REUSE shares what exists and creates what does not.
with T.variable_scope("scope1", reuse=T.AUTO_REUSE):
    print(T.get_variable_scope().reuse)
    v3 = T.get_variable("variable1", [1])
    v4 = T.get_variable("variable2", [1])
assert v3 is v1
print(v3.name)
print(v4.name)
print([v.name for v in T.global_variables()])
