"""init_from_checkpoint of a RefVariable by name: RestoreV2 on the CPU, then Assign;
the variable's initializer becomes the Assign's output tensor."""
import tensorflow as tf

tf.compat.v1.disable_v2_behavior()
T = tf.compat.v1

w = T.get_variable("w", [2, 3])
before = len(T.get_default_graph().get_operations())
T.train.init_from_checkpoint("../tiny/tiny", {"w": "w"})
for op in T.get_default_graph().get_operations()[before:]:
    print(op.name, op.type, [t.name for t in op.inputs], [c.name for c in op.control_inputs],
          repr(op.device), [(str(t.shape), t.dtype.name) for t in op.outputs])
print(w.initializer.name, type(w.initializer).__name__)
print(w.initial_value.name, w.initial_value.shape)
