import os
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
os.environ["TF_USE_LEGACY_KERAS"] = "1"
import tensorflow as tf
tf.compat.v1.disable_v2_behavior()
T = tf.compat.v1
v = T.get_variable("w", [2, 3])
x = T.Variable(T.random_normal([2]), name="x")
t = v + 1.0
for o in (v, x, t, t.op, v.op, T.get_variable_scope(), v.shape, v.shape[0], v.dtype, t.dtype, T.AUTO_REUSE, T.get_default_graph()):
    print(repr(type(o)), type(o).__name__, type(o).__module__)
    print(" repr", repr(o).replace(hex(id(o)), "ADDR"))
    print(" str", str(o).replace(hex(id(o)), "ADDR"))
print(v.graph is T.get_default_graph(), t.graph is T.get_default_graph())
print(type(t).__mro__)
print(v.initializer, repr(v.initializer))
print(repr(v.initial_value), repr(v.value()), repr(x.initial_value))
print(t.op.inputs, list(t.op.inputs), t.op.outputs, t.value_index, t.device, repr(t.op.device))
print(repr(t.op.node_def))
print(str(t.op))
print(hash(t) == id(t))
try:
    bool(t)
except Exception as e:
    print(type(e), type(e).__mro__, e)
try:
    len(t)
except Exception as e:
    print(type(e), e)
try:
    iter(t)
except Exception as e:
    print(type(e), e)
try:
    T.foo
except Exception as e:
    print(type(e), e)
try:
    T.nn.foo
except Exception as e:
    print(type(e), e)
print(T.__name__, T.nn.__name__, T.train.__name__, T.layers.__name__)
import tensorflow.compat.v1 as T2
try:
    T2.foo
except Exception as e:
    print(type(e), e)
print(T2 is T)
print(type(tf.errors.OperatorNotAllowedInGraphError).__module__, tf.errors.OperatorNotAllowedInGraphError.__module__)
print(repr(T.float32), str(T.float32), T.float32 == "float32", hash(T.float32))
print(T.get_collection_ref, T.GraphKeys.GLOBAL_VARIABLES, T.get_default_graph().get_all_collection_keys())
print(T.get_default_graph().get_collection("variables"))
s = T.get_variable_scope()
print(s.name, repr(s.original_name_scope), s.reuse, s.dtype, s.initializer)
print(v.device, repr(v.device), v.trainable if hasattr(v, 'trainable') else None)
print(v.op.type, x.op.type, v.initializer.type, x.initial_value.op.name)
