"""Record, with TensorFlow 2.21, what `scopesim diff` is tested against.

    TF_CPP_MIN_LOG_LEVEL=3 TF_USE_LEGACY_KERAS=1 ~/tfvenv/bin/python \
        tools/record_checkpoint_diff.py [printed] [slots] [cases] [fixture_maps]

Everything is written under `tests/checkpoints/diff/`:

* `printed/FIXTURE.list_variables.txt`: what `print(tf.train.list_variables(P))`
  prints for the fixture checkpoints of tests/checkpoints/; `FIXTURE.inspect.txt`,
  `.inspect_names.txt`, `.inspect_all.txt`: what
  `python -m tensorflow.python.tools.inspect_checkpoint --file_name=P` prints
  without flags, with `--all_tensor_names`, with `--all_tensors` (its
  print_tensors_in_checkpoint_file, called in this process); `dtype_enum.json`:
  the DataType enum names the debug listing prints, with their tf.DType names.
* `slots.json`: the checkpoint keys of small models trained by every
  tf.compat.v1.train optimizer (at the root, twice, inside a variable scope),
  ExponentialMovingAverage and the global step, with the keys of the model's
  own variables: what `--model-only` must keep.
* `CASE/`: for each diff case, the checkpoint that `CASE/old.py` saves (only
  the .index and the state file are committed), `CASE/new_keys.json` (the
  keys Saver() saves for `CASE/new.py`, as `scopesim keys --format json`
  writes them), and `CASE/recorded.json`: the keys of the checkpoint, of
  `new.py`'s graph and of its variable store (`_VariableStore._vars`), what
  `tf.train.init_from_checkpoint(CKPT, MAP)` did in `new.py`'s graph for the
  case's assignment map (written below, by hand): its error, or which
  variable now holds which checkpoint tensor's value (found by comparing the
  values after `global_variables_initializer()`); for some cases also the
  error of a shorter map TensorFlow refuses (`rejected`).
* `fixture_maps.json`: the same for fixtures of tests/checkpoints/ loaded
  into the graph make_checkpoints.py builds for them (FIXTURE_MAPS).
"""

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ["TF_USE_LEGACY_KERAS"] = "1"

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHECKPOINTS = os.path.join(REPO, "tests", "checkpoints")
ROOT = os.path.join(CHECKPOINTS, "diff")

#: fixture -> its prefix, relative to tests/checkpoints/
PRINTED = {"adam": "adam/model.ckpt-1", "partitioned": "partitioned/part",
           "names": "names/names", "plain": "plain/model.ckpt-1000", "sharded": "sharded/sh",
           "tiny": "tiny/tiny"}

#: case -> the assignment map that should load old.py's checkpoint into new.py's graph
CASES = {
    "renamed_scope": {"dec/": "dec/", "enc/": "model/encoder/"},
    "renamed_variable": {"dec/": "dec/", "enc/b1": "enc/bias", "enc/w1": "enc/kernel"},
    "optimizer_in_checkpoint": {"/": "/"},
    "optimizer_in_model": {"dec/w": "dec/w", "enc/b": "enc/b", "enc/w": "enc/w"},
    "partitioned": {"emb/": "embedding/", "enc/": "enc/"},
}

#: case -> a map that TensorFlow refuses (why the suggestion cannot be shorter)
REJECTED = {
    "renamed_scope": {"/": "/"},
    "renamed_variable": {"dec/": "dec/", "enc/": "enc/"},
    "optimizer_in_model": {"/": "/"},
}


def _tf1():
    import tensorflow as tf
    tf.compat.v1.disable_v2_behavior()
    return tf, tf.compat.v1


# ----------------------------------------------------------- printed lists


def record_printed():
    import tensorflow as tf
    from tensorflow.python.tools import inspect_checkpoint
    folder = os.path.join(ROOT, "printed")
    os.makedirs(folder, exist_ok=True)
    for name, relative in PRINTED.items():
        prefix = os.path.join(CHECKPOINTS, relative)
        outputs = {}
        with contextlib.redirect_stdout(io.StringIO()) as out:
            print(tf.train.list_variables(prefix))
        outputs["list_variables"] = out.getvalue()
        for label, flags in (("inspect", {}), ("inspect_names", {"all_tensor_names": True}),
                             ("inspect_all", {"all_tensors": True})):
            with contextlib.redirect_stdout(io.StringIO()) as out:
                inspect_checkpoint.print_tensors_in_checkpoint_file(
                    prefix, tensor_name="", all_tensors=flags.get("all_tensors", False),
                    all_tensor_names=flags.get("all_tensor_names", False))
            outputs[label] = out.getvalue()
        for label, text in outputs.items():
            with open(os.path.join(folder, f"{name}.{label}.txt"), "w", encoding="utf-8",
                      newline="") as f:
                f.write(text)
        print("printed:", name)
    from tensorflow.core.framework import types_pb2
    enum = {types_pb2.DataType.Name(v): tf.as_dtype(v).name
            for v in sorted(types_pb2.DataType.values())
            if 0 < v < 100 and types_pb2.DataType.Name(v) != "DT_INVALID"}
    with open(os.path.join(folder, "dtype_enum.json"), "w", encoding="utf-8") as f:
        json.dump(enum, f, indent=1)
        f.write("\n")


# -------------------------------------------------------- optimizer slots


def _model(T):
    """The model variables of a slots case: plain, partitioned, and names that look
    like (but are not) optimizer or step variables."""
    with T.variable_scope("enc"):
        w = T.get_variable("w", [4, 3])
    with T.variable_scope("emb", partitioner=T.fixed_size_partitioner(2)):
        table = T.get_variable("table", [6, 3])
    with T.variable_scope("adam_encoder"):
        a = T.get_variable("global_step_scale", [3])
    momentum = T.get_variable("momentum", [3])
    return [w, table, a, momentum]


def _loss(tf, T, vs):
    w, table, a, momentum = vs
    x = tf.ones([2, 4])
    h = tf.matmul(x, w) + tf.reduce_sum(tf.nn.embedding_lookup(table, [0, 5]), 0)
    return tf.reduce_sum(h * a * momentum)


def _optimizers(T):
    return {
        "GradientDescent": lambda: T.train.GradientDescentOptimizer(0.1),
        "Momentum": lambda: T.train.MomentumOptimizer(0.1, 0.9),
        "Adam": lambda: T.train.AdamOptimizer(0.1),
        "Adagrad": lambda: T.train.AdagradOptimizer(0.1),
        "AdagradDA": lambda: T.train.AdagradDAOptimizer(
            0.1, T.train.get_or_create_global_step()),
        "Adadelta": lambda: T.train.AdadeltaOptimizer(0.1),
        "RMSProp": lambda: T.train.RMSPropOptimizer(0.1),
        "RMSProp_centered": lambda: T.train.RMSPropOptimizer(0.1, momentum=0.5, centered=True),
        "Ftrl": lambda: T.train.FtrlOptimizer(0.1),
        "Ftrl_l2_shrinkage": lambda: T.train.FtrlOptimizer(
            0.1, l2_shrinkage_regularization_strength=0.1),
        "ProximalAdagrad": lambda: T.train.ProximalAdagradOptimizer(0.1),
        "ProximalGradientDescent": lambda: T.train.ProximalGradientDescentOptimizer(0.1),
    }


def _saved_keys(tf, T, folder):
    saver = T.train.Saver()
    with T.Session() as s:
        s.run(T.global_variables_initializer())
        path = saver.save(s, os.path.join(folder, "ck"))
    return [k for k, _ in tf.train.list_variables(path)]


def _one_slots_case(label, build):
    tf, T = _tf1()
    folder = os.path.join(ROOT, "_tmp_" + label)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    try:
        model = build(tf, T)
        keys = _saved_keys(tf, T, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {"keys": keys, "model": sorted(model)}


def _model_keys(T, vs):
    """The checkpoint keys of the model's own variables (a PartitionedVariable's is its name)."""
    return {v.name if type(v).__name__ == "PartitionedVariable" else v.op.name for v in vs}


def _slots_builders():
    builders = {}

    def root(factory_name, times=1, scope=None):
        def build(tf, T):
            vs = _model(T)
            loss = _loss(tf, T, vs)
            for _ in range(times):
                opt = _optimizers(T)[factory_name]()
                if scope:
                    with T.variable_scope(scope), tf.name_scope(scope):
                        opt.minimize(loss, global_step=T.train.get_or_create_global_step())
                else:
                    opt.minimize(loss, global_step=T.train.get_or_create_global_step())
            return _model_keys(T, vs)
        return build

    for name in ("GradientDescent", "Momentum", "Adam", "Adagrad", "AdagradDA", "Adadelta",
                 "RMSProp", "RMSProp_centered", "Ftrl", "Ftrl_l2_shrinkage", "ProximalAdagrad",
                 "ProximalGradientDescent"):
        builders[name] = root(name)
    for name in ("Adam", "Momentum", "RMSProp", "Adagrad"):
        builders[name + "_twice"] = root(name, times=2)
        builders[name + "_in_scope"] = root(name, scope="train")

    def named_adam(tf, T):
        vs = _model(T)
        T.train.AdamOptimizer(0.1, name="MyAdam").minimize(_loss(tf, T, vs))
        return _model_keys(T, vs)
    builders["Adam_named"] = named_adam

    def ema(times=1, scope=None, tensor=False):
        def build(tf, T):
            vs = _model(T)
            loss = _loss(tf, T, vs)
            targets = [vs[0], vs[2]] + ([loss] if tensor else [])
            for _ in range(times):
                averager = T.train.ExponentialMovingAverage(0.9)
                if scope:
                    with T.variable_scope(scope), tf.name_scope(scope):
                        averager.apply(targets)
                else:
                    averager.apply(targets)
            return _model_keys(T, vs)
        return build

    builders["EMA"] = ema()
    builders["EMA_twice"] = ema(times=2)
    builders["EMA_in_scope"] = ema(scope="avg")
    builders["EMA_of_a_tensor"] = ema(tensor=True)

    def global_step(scope=None):
        def build(tf, T):
            vs = _model(T)
            if scope:
                with T.variable_scope(scope):
                    T.train.create_global_step()
            else:
                T.train.get_or_create_global_step()
            return _model_keys(T, vs)
        return build

    builders["global_step"] = global_step()
    builders["global_step_in_scope"] = global_step("model")
    return builders


def record_slots_one(label):
    print(json.dumps(_one_slots_case(label, _slots_builders()[label])))


def record_slots():
    cases = {}
    for label in _slots_builders():
        done = subprocess.run([sys.executable, os.path.abspath(__file__), "--slots-one", label],
                              capture_output=True, text=True)
        if done.returncode:
            cases[label] = {"error": done.stderr.strip().splitlines()[-1]}
        else:
            cases[label] = json.loads(done.stdout.strip().splitlines()[-1])
        print("slots:", label, len(cases[label].get("keys", [])))
    with open(os.path.join(ROOT, "slots.json"), "w", encoding="utf-8") as f:
        f.write("{\n" + ",\n".join(f" {json.dumps(k)}: {json.dumps(v)}"
                                   for k, v in cases.items()) + "\n}\n")


# ------------------------------------------------------------ diff cases


def _exec_program(path):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    namespace = {"__name__": "__main__", "__file__": path}
    exec(compile(source, path, "exec"), namespace)


def record_case_checkpoint(case):
    """Run CASE/old.py and save its variables (in this process: a fresh graph)."""
    tf, T = _tf1()
    folder = os.path.join(ROOT, case)
    for f in os.listdir(folder):
        if f.startswith("model.ckpt") or f == "checkpoint":
            os.remove(os.path.join(folder, f))
    _exec_program(os.path.join(folder, "old.py"))
    saver = T.train.Saver(save_relative_paths=True)
    with T.Session() as s:
        s.run(T.global_variables_initializer())
        saver.save(s, os.path.join(folder, "model.ckpt"))


def _new_keys(tf, T, folder):
    """The keys Saver() saves for new.py's graph (saved into a scratch folder)."""
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        saver = T.train.Saver()
        with T.Session() as s:
            s.run(T.global_variables_initializer())
            path = saver.save(s, os.path.join(tmp, "new.ckpt"))
        dtypes = tf.train.load_checkpoint(path).get_variable_to_dtype_map()
        return [{"name": k, "shape": s, "dtype": dtypes[k].name}
                for k, s in tf.train.list_variables(path)]


def _loaded_from(tf, T, reader, keys):
    """{variable op name: checkpoint key} after global_variables_initializer(): the
    key whose (non-zero) value the variable, or its slice of the full tensor, holds."""
    import numpy as np
    values = {k: reader.get_tensor(k) for k in keys}
    loaded = {}
    with T.Session() as s:
        s.run(T.global_variables_initializer())
        for v in T.global_variables():
            value = s.run(v)
            info = getattr(v, "_save_slice_info", None)
            for key, full in values.items():
                if info is not None:
                    if list(full.shape) != list(info.full_shape):
                        continue
                    part = full[tuple(slice(o, o + n) for o, n in
                                      zip(info.var_offset, info.var_shape))]
                else:
                    part = full
                if part.shape == value.shape and part.dtype == value.dtype and \
                        np.array_equal(part, value) and np.any(part != 0):
                    loaded[v.op.name] = key
                    break
    return loaded


def record_case_load(case, which="accepted"):
    """Run CASE/new.py, init_from_checkpoint with the case's map (or its rejected
    one), and see what loaded."""
    tf, T = _tf1()
    folder = os.path.join(ROOT, case)
    prefix = os.path.join(folder, "model.ckpt")
    assignment_map = (CASES if which == "accepted" else REJECTED)[case]
    _exec_program(os.path.join(folder, "new.py"))
    graph_variables = [[v.name, v.shape.as_list()] for v in T.global_variables()]
    from tensorflow.python.ops import variable_scope
    store = {name: [v.shape.as_list(), v.dtype.base_dtype.name] for name, v in
             sorted(variable_scope._get_default_variable_store()._vars.items())}
    recorded_new = _new_keys(tf, T, folder)
    reader = tf.train.load_checkpoint(prefix)
    ckpt_keys = [[k, s] for k, s in tf.train.list_variables(prefix)]
    dtypes = {k: v.name for k, v in sorted(reader.get_variable_to_dtype_map().items())}
    recorded = {"checkpoint_keys": ckpt_keys, "checkpoint_dtypes": dtypes,
                "graph_variables": graph_variables, "store": store, "new_keys": recorded_new,
                "assignment_map": assignment_map}
    try:
        T.train.init_from_checkpoint(folder, assignment_map)
    except Exception as exc:  # recording what TF raised
        message = str(exc).replace(folder, "<case>")   # the case folder, wherever it is
        recorded.update(error={"type": type(exc).__name__, "message": message},
                        initialised=None)
        return recorded
    loaded = _loaded_from(tf, T, reader, [k for k, _ in ckpt_keys])
    recorded.update(error=None, initialised=dict(sorted(loaded.items())))
    return recorded


def record_cases():
    for case in CASES:
        subprocess.run([sys.executable, os.path.abspath(__file__), "--case-ckpt", case],
                       check=True)
        done = subprocess.run([sys.executable, os.path.abspath(__file__), "--case-load", case],
                              check=True, capture_output=True, text=True)
        recorded = json.loads(done.stdout.strip().splitlines()[-1])
        if case in REJECTED:
            done = subprocess.run([sys.executable, os.path.abspath(__file__), "--case-load",
                                   case, "rejected"], check=True, capture_output=True, text=True)
            rejected = json.loads(done.stdout.strip().splitlines()[-1])
            recorded["rejected"] = {k: rejected[k] for k in ("assignment_map", "error")}
        folder = os.path.join(ROOT, case)
        with open(os.path.join(folder, "recorded.json"), "w", encoding="utf-8") as f:
            json.dump(recorded, f, indent=1, ensure_ascii=False)
            f.write("\n")
        with open(os.path.join(folder, "new_keys.json"), "w", encoding="utf-8") as f:
            rows = ",\n".join("  " + json.dumps(k, ensure_ascii=False)
                               for k in recorded["new_keys"])
            f.write('{"program": "new.py", "keys": [\n' + rows + "\n]}\n")
        print("case:", case, "error" if recorded["error"] else "loaded",
              len(recorded["initialised"] or {}))


#: fixture of tests/checkpoints -> a map to load it into the graph that made it
FIXTURE_MAPS = {"partitioned": {"/": "/"}, "adam": {"/": "/"}}


def record_fixture_map(name):
    """Rebuild fixture NAME's graph (make_checkpoints.py's maker, saving into a scratch
    folder), then init_from_checkpoint the committed fixture with FIXTURE_MAPS[NAME]."""
    import tempfile
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import make_checkpoints
    tf, T = _tf1()
    with open(os.path.join(CHECKPOINTS, name, "expected_keys.json"), encoding="utf-8") as f:
        prefix = os.path.join(CHECKPOINTS, name, json.load(f)["prefix"])
    with tempfile.TemporaryDirectory() as tmp:
        getattr(make_checkpoints, "make_" + name)(tmp)
    try:
        T.train.init_from_checkpoint(prefix, FIXTURE_MAPS[name])
    except Exception as exc:  # recording what TF raised
        return {"assignment_map": FIXTURE_MAPS[name],
                "error": {"type": type(exc).__name__, "message": str(exc)}}
    reader = tf.train.load_checkpoint(prefix)
    loaded = _loaded_from(tf, T, reader, sorted(reader.get_variable_to_shape_map()))
    return {"assignment_map": FIXTURE_MAPS[name], "error": None,
            "initialised": dict(sorted(loaded.items()))}


def record_fixture_maps():
    out = {}
    for name in FIXTURE_MAPS:
        done = subprocess.run([sys.executable, os.path.abspath(__file__), "--fixture-map", name],
                              check=True, capture_output=True, text=True)
        out[name] = json.loads(done.stdout.strip().splitlines()[-1])
        print("fixture map:", name, out[name]["error"] or len(out[name]["initialised"]))
    with open(os.path.join(ROOT, "fixture_maps.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


def main(argv):
    if argv[:1] == ["--slots-one"]:
        record_slots_one(argv[1])
        return 0
    if argv[:1] == ["--fixture-map"]:
        print(json.dumps(record_fixture_map(argv[1])))
        return 0
    if argv[:1] == ["--case-ckpt"]:
        record_case_checkpoint(argv[1])
        return 0
    if argv[:1] == ["--case-load"]:
        print(json.dumps(record_case_load(*argv[1:3])))
        return 0
    wanted = argv or ["printed", "slots", "cases", "fixture_maps"]
    os.makedirs(ROOT, exist_ok=True)
    if "printed" in wanted:
        record_printed()
    if "slots" in wanted:
        record_slots()
    if "cases" in wanted:
        record_cases()
    if "fixture_maps" in wanted:
        record_fixture_maps()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
