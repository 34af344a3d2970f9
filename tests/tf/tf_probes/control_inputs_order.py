"""Is Operation.control_inputs in the order the control inputs were added?

For d data inputs (Consts into an AddN; a NoOp when d is 0) and c control
inputs (NoOps from control_dependencies), six graphs each, with 0, 3, ...
15 unrelated NoOps made first (other addresses).  Prints one JSON line:
{"D+C": true when the order was the added one in all six}.  Run with
TensorFlow 2.21:

    TF_CPP_MIN_LOG_LEVEL=3 ~/tfvenv/bin/python tests/tf/tf_probes/control_inputs_order.py \
        > tests/tf/tf_probes/control_inputs_order.out
"""

import json

import tensorflow as tf

T = tf.compat.v1
T.disable_v2_behavior()

in_order = {}
for d in range(0, 9):
    for c in range(2, 11):
        ok = True
        for rep in range(6):
            with T.Graph().as_default():
                for i in range(rep * 3):
                    T.no_op(name="j%d" % i)
                data = [T.constant(1.0, name="a%d" % i) for i in range(d)]
                controls = [T.no_op(name="n%d" % i) for i in range(c)]
                with T.control_dependencies(controls):
                    op = T.add_n(data, name="s").op if d else T.no_op(name="s")
                ok &= [o.name for o in op.control_inputs] == [o.name for o in controls]
        in_order["%d+%d" % (d, c)] = ok
print(json.dumps(in_order, sort_keys=True))
