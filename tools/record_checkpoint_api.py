"""Record the checkpoint API probes against TensorFlow 2.21: NAME.py -> NAME.expected.json.

    TF_CPP_MIN_LOG_LEVEL=3 TF_USE_LEGACY_KERAS=1 ~/tfvenv/bin/python \\
        tools/record_checkpoint_api.py [tests/checkpoints/api/NAME.py ...]

Each probe in tests/checkpoints/api/ is a TF1 graph-mode program about
`tf.train.init_from_checkpoint`, `load_variable` or `Saver`: it prints the
ops it builds (name, type, inputs, control inputs, device, output shapes and
dtypes), the attributes a program reads (`initializer`, `saver_def`, ...)
and the errors TensorFlow raises, word for word.  The probes read the
checkpoints of tests/checkpoints/ (made by tools/make_checkpoints.py) by
relative paths, so they run from their own folder (the committed `.index`
files are enough: nothing here reads a value, in TensorFlow either).  The JSON is the one of
tools/record_py.py (printed lines, global variables, every op, collections,
the uncaught error); tests/test_checkpoint_init.py and tests/test_saver.py
run each probe under scopesim and compare, without TensorFlow.
"""

import contextlib
import glob
import json
import os
import sys

os.environ["TF_USE_LEGACY_KERAS"] = "1"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

HERE = os.path.dirname(os.path.abspath(__file__))
PROBES = os.path.join(HERE, os.pardir, "tests", "checkpoints", "api")
sys.path.insert(0, HERE)
from record_py import record  # noqa: E402


def main(paths):
    with contextlib.redirect_stdout(sys.stderr):
        import tensorflow as tf
        tf.compat.v1.disable_v2_behavior()
    for path in paths or sorted(glob.glob(os.path.join(PROBES, "*.py"))):
        result = record(path, tf.compat.v1)
        target = path[:-len(".py")] + ".expected.json"
        with open(target, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=1)
            f.write("\n")
        status = "error " + result["error"]["type"] if result["error"] else "ok"
        print(f"{os.path.relpath(target)}: {len(result['output'])} lines, "
              f"{len(result['ops'])} ops, {status}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
