"""Record, under TensorFlow 2.21, the ops of each canonical call of
`tools/op_table.py` (`CALLS`): `tests/tf/op_table_tf.json`, {call:
[[op name, op type], ...]}, which `tests/test_ops_doc.py` compares with
scopesim's rows.  Run it with TensorFlow's Python:

    TF_CPP_MIN_LOG_LEVEL=3 TF_USE_LEGACY_KERAS=1 ~/tfvenv/bin/python tools/record_op_table.py
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "tests", "tf", "op_table_tf.json")


def main() -> int:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ["TF_USE_LEGACY_KERAS"] = "1"
    sys.path.insert(0, HERE)
    import tensorflow as tensorflow
    from op_table import CALLS, ops_of
    tensorflow.compat.v1.disable_v2_behavior()
    tf = tensorflow.compat.v1
    recorded = {"tensorflow": tensorflow.__version__,
                "ops": {call: ops_of(tf, call, inputs, setup)
                        for _, call, inputs, setup in CALLS}}
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(recorded, f, indent=1)
        f.write("\n")
    print(f"wrote {os.path.relpath(OUT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
