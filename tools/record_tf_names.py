"""Record the public names of `tf.compat.v1` and of every submodule it
exposes, from real TensorFlow 2.21, into `scopesim/tf/tf_names.json`.

Run with the TensorFlow python (TF_USE_LEGACY_KERAS=1 is set here, as the
contract's programs see TensorFlow):

    ~/tfvenv/bin/python tools/record_tf_names.py

The file maps a dotted path below `tf.compat.v1` ("" for the module itself,
"nn", "nn.rnn_cell", ...) to the module's `__name__` (what Python's
AttributeError quotes) and its sorted `dir()` without private names.
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


if __name__ == "__main__":
    main()
