# The TensorFlow equivalent of samples/05_sharing_with_reuse.scope.
# Run: cd samples/tf && /path/to/tf-venv/bin/python 05_sharing_with_reuse.py
import os
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
import tensorflow as tf
tf.compat.v1.disable_v2_behavior()
T = tf.compat.v1

with T.variable_scope("scope1"):
    v1 = T.get_variable("variable1", [1])
with T.variable_scope("scope1", reuse=True):
    v2 = T.get_variable("variable1", [1])
    step = T.no_op(name="step")

assert v1 is v2
assert v1 == v2
print(v1.name)
print(v2.name)
print(step.name)
print([v.name for v in T.global_variables()])
