"""Record the public names of `tf.compat.v1` and of every submodule it
exposes, from real TensorFlow 2.21, into `scopesim/tf/tf_names.json`.

Run with the TensorFlow python (TF_USE_LEGACY_KERAS=1 is set here, as the
contract's programs see TensorFlow):

    ~/tfvenv/bin/python tools/record_tf_names.py

The file maps a dotted path below `tf.compat.v1` ("" for the module itself,
"nn", "nn.rnn_cell", ...) to the module's `__name__` (what Python's
AttributeError quotes) and its sorted `dir()` without private names.

    ~/tfvenv/bin/python tools/record_tf_names.py --tensorflow

records instead the top-level `tensorflow` namespace of TF 2.21 (what
`import tensorflow as tf` gives a Python program) and `tf_keras`, into
`scopesim/pyfront/tf_top_names.json`, for the Python front end: each module
path ("" for `tensorflow`, "nn", ...; "tf_keras", "tf_keras.layers", ...)
maps to its `__name__`, its names, and `v1`: the names whose object is the
very object `tf.compat.v1` has, with its path there ("nn.relu").
"""

import json
import os
import sys
import types

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ["TF_USE_LEGACY_KERAS"] = "1"

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scopesim", "tf",
                   "tf_names.json")
MAX_DEPTH = 3


def module_name(module) -> str:
    """The name Python's `module 'X' has no attribute` quotes, read off a real failure."""
    try:
        getattr(module, "__scopesim_no_such_name__")
    except AttributeError as e:
        text = str(e)
        prefix = "module '"
        if text.startswith(prefix) and "' has no attribute" in text:
            return text[len(prefix):text.index("' has no attribute")]
    return getattr(module, "__name__", "")


def main() -> None:
    import tensorflow.compat.v1 as v1
    v1.disable_v2_behavior()
    found = {}
    seen = {id(v1)}
    queue = [("", v1)]
    while queue:                       # breadth first: each module under its shortest path
        path, module = queue.pop(0)
        names = sorted(n for n in dir(module) if not n.startswith("_"))
        found[path] = {"module": module_name(module), "names": names}
        if path.count(".") + 1 >= MAX_DEPTH:
            continue
        for name in names:
            try:
                value = getattr(module, name)
            except Exception:          # a lazy loader that fails: not a submodule we can use
                continue
            if (isinstance(value, types.ModuleType) and id(value) not in seen
                    and value.__name__.split(".")[0] in ("tensorflow", "tf_keras", "keras")):
                seen.add(id(value))
                queue.append((f"{path}.{name}" if path else name, value))

    with open(OUT, "w") as f:
        json.dump({"tensorflow": v1.__version__ if hasattr(v1, "__version__") else "",
                   "modules": found}, f, indent=0, sort_keys=True)
        f.write("\n")
    print(f"{len(found)} modules, {sum(len(m['names']) for m in found.values())} names",
          file=sys.stderr)


TOP_OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scopesim", "pyfront",
                       "tf_top_names.json")
TOP_DEPTH = 2


def _walk(root, prefix: str, depth: int, skip=()) -> dict:
    """path -> (module, names) breadth first, each module under its shortest path."""
    found = {}
    seen = {id(root)}
    queue = [(prefix, root)]
    while queue:
        path, module = queue.pop(0)
        names = sorted(n for n in dir(module) if not n.startswith("_"))
        found[path] = (module, names)
        rel = path[len(prefix):].lstrip(".")
        if (rel.count(".") + 1 if rel else 0) >= depth:
            continue
        for name in names:
            child = f"{path}.{name}" if path else name
            if child in skip:
                continue
            try:
                value = getattr(module, name)
            except Exception:
                continue
            if (isinstance(value, types.ModuleType) and id(value) not in seen
                    and value.__name__.split(".")[0] in ("tensorflow", "tf_keras", "keras")):
                seen.add(id(value))
                queue.append((child, value))
    return found


def main_tensorflow() -> None:
    import tensorflow as tf
    import tf_keras
    v1 = tf.compat.v1
    by_id = {}                           # id of an object of tf.compat.v1 -> its path there
    for path, (module, names) in _walk(v1, "", 2, skip=("compat",)).items():
        for name in names:
            try:
                value = getattr(module, name)
            except Exception:
                continue
            by_id.setdefault(id(value), f"{path}.{name}" if path else name)
    found = {}
    trees = list(_walk(tf, "", TOP_DEPTH, skip=("compat",)).items())
    trees += list(_walk(tf_keras, "tf_keras", TOP_DEPTH).items())
    for path, (module, names) in trees:
        same = {}
        for name in names:
            try:
                value = getattr(module, name)
            except Exception:
                continue
            if not path.startswith("tf_keras") and id(value) in by_id \
                    and not isinstance(value, (int, float, str, bool)) and value is not None:
                same[name] = by_id[id(value)]
        found[path] = {"module": module_name(module), "names": names, "v1": same}
    try:
        tf.variable_scope
    except AttributeError as e:
        missing = str(e)
    with open(TOP_OUT, "w") as f:
        json.dump({"tensorflow": tf.__version__, "tf_keras": tf_keras.__version__,
                   "missing_attribute_example": missing, "modules": found},
                  f, indent=0, sort_keys=True)
        f.write("\n")
    print(f"{len(found)} modules", file=sys.stderr)


if __name__ == "__main__":
    main_tensorflow() if "--tensorflow" in sys.argv[1:] else main()
