"""Write small real checkpoints with TensorFlow 2.21, and what TF reported about them.

    TF_CPP_MIN_LOG_LEVEL=3 TF_USE_LEGACY_KERAS=1 ~/tfvenv/bin/python tools/make_checkpoints.py [NAME...]

Each fixture is written into `tests/checkpoints/NAME/` (the folder is emptied
first) by its own subprocess, so TF1 fixtures run in graph mode after
`disable_v2_behavior()` and TF2 fixtures eagerly.  Beside the checkpoint,
`expected_keys.json` (gzipped for more than 1000 keys) holds what TensorFlow
reported:

    {"prefix": the checkpoint prefix, relative to the fixture folder,
     "keys": tf.train.list_variables(path) as [name, shape] pairs,
     "dtypes": {name: dtype.name} from load_checkpoint(path).get_variable_to_dtype_map()}

A program fixture (`program_NAME`) is made by running
`tests/checkpoints/programs/NAME.py` in graph mode and saving with
`Saver()`; its JSON also has `graph_variables`, the global variables of
the graph (name, shape): what `scopesim keys NAME.py` must predict from.

`tests/checkpoints/errors.json` records TensorFlow's errors of
`tf.train.list_variables` for a missing prefix, a directory without a
`checkpoint` file (or whose file names a missing checkpoint), and foreign,
truncated and checksum-failing indexes (and that the `.index` file itself
is accepted).  Only the `.index` files, the
`checkpoint` state files and the JSON are committed (`.data-*` and `.meta`
are ignored by tests/checkpoints/.gitignore).
"""

import json
import os
import shutil
import subprocess
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ["TF_USE_LEGACY_KERAS"] = "1"

ROOT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                    "tests", "checkpoints")


# ------------------------------------------------------------ TF1 fixtures


def _tf1():
    import tensorflow as tf
    T = tf.compat.v1
    T.disable_v2_behavior()
    return tf, T


def _save(T, folder, variables=None, *, sharded=False, global_step=None, config=None,
          prefix="model.ckpt"):
    saver = T.train.Saver(variables, sharded=sharded, save_relative_paths=True)
    with T.Session(config=config) as s:
        s.run(T.global_variables_initializer())
        return saver.save(s, os.path.join(folder, prefix), global_step=global_step)


def make_plain(folder):
    """Variables of several dtypes and ranks, a Saver, global_step in the prefix."""
    tf, T = _tf1()
    with T.variable_scope("enc"):
        T.get_variable("w1", [4, 8])
        T.get_variable("b1", [8], initializer=T.zeros_initializer())
    with T.variable_scope("dec", use_resource=True):
        T.get_variable("w2", [8, 2])
    T.get_variable("counter", [], dtype=tf.int32, initializer=T.zeros_initializer(),
                   trainable=False)
    T.get_variable("flag", [3], dtype=tf.bool, initializer=T.zeros_initializer(),
                   trainable=False)
    T.get_variable("dbl", [2, 2, 2], dtype=tf.float64, trainable=False)
    T.Variable(b"hello", name="name_str", trainable=False)
    T.get_variable("half", [5], dtype=tf.float16, trainable=False)
    T.get_variable("big", [300, 70], trainable=False)
    gs = T.train.get_or_create_global_step()
    saver = T.train.Saver(save_relative_paths=True)
    with T.Session() as s:
        s.run(T.global_variables_initializer())
        saver.save(s, os.path.join(folder, "model.ckpt"), global_step=gs)
        s.run(T.assign(gs, 1000))   # a second save: the state file's latest is model.ckpt-1000
        return saver.save(s, os.path.join(folder, "model.ckpt"), global_step=gs)


def make_adam(folder):
    """AdamOptimizer slots (a partitioned primary's slots are one key each), beta powers."""
    import numpy as np
    tf, T = _tf1()
    x = T.placeholder(tf.float32, [None, 4], name="x")
    with T.variable_scope("enc"):
        w1 = T.get_variable("w1", [4, 8])
        b1 = T.get_variable("b1", [8], initializer=T.zeros_initializer())
    with T.variable_scope("emb", partitioner=T.fixed_size_partitioner(3)):
        table = T.get_variable("table", [10, 8])
    with T.variable_scope("dec", use_resource=True):
        w2 = T.get_variable("w2", [8, 2])
    lookup = tf.nn.embedding_lookup(table, [1, 5, 9])
    h = tf.nn.relu(tf.matmul(x, w1) + b1) + tf.reduce_sum(lookup)
    loss = tf.reduce_mean(tf.square(tf.matmul(h, w2)))
    gs = T.train.get_or_create_global_step()
    train = T.train.AdamOptimizer(0.01).minimize(loss, global_step=gs)
    saver = T.train.Saver(save_relative_paths=True)
    with T.Session() as s:
        s.run(T.global_variables_initializer())
        s.run(train, {x: np.ones((2, 4), np.float32)})
        return saver.save(s, os.path.join(folder, "model.ckpt"), global_step=gs)


def make_sharded(folder):
    """Saver(sharded=True) over two CPU devices: one .index, two data files."""
    tf, T = _tf1()
    with tf.device("/cpu:0"):
        T.get_variable("a", [3])
        T.get_variable("p", [6, 2], partitioner=T.fixed_size_partitioner(2))
    with tf.device("/cpu:1"):
        T.get_variable("b", [4, 4])
        T.get_variable("c/d", [2], dtype=tf.int64, initializer=T.zeros_initializer())
    config = T.ConfigProto(device_count={"CPU": 2})
    return _save(T, folder, sharded=True, config=config, prefix="sh")


def make_partitioned(folder):
    """Partitioned variables: several partitioners and axes; only the full keys list."""
    tf, T = _tf1()
    with T.variable_scope("emb", partitioner=T.fixed_size_partitioner(3)):
        T.get_variable("table", [10, 8])
        T.get_variable("vec", [5])
        T.get_variable("scalar_ok", [])
    T.get_variable("w", [10, 4], partitioner=T.fixed_size_partitioner(3))
    T.get_variable("wa", [4, 9], partitioner=T.fixed_size_partitioner(2, axis=1))
    T.get_variable("vs", [64, 32], partitioner=T.variable_axis_size_partitioner(2048))
    T.get_variable("mn", [40, 6], partitioner=T.min_max_variable_partitioner(4, min_slice_size=256))
    with T.variable_scope("res", use_resource=True):
        T.get_variable("r", [4, 2], partitioner=T.fixed_size_partitioner(2))
    return _save(T, folder, prefix="part")


def make_names(folder):
    """Unicode, very long and odd names (Saver's dict keys are used verbatim)."""
    tf, T = _tf1()
    v = [T.get_variable("v%d" % i, [i + 1]) for i in range(7)]
    names = {
        "ünïcødé/权重": v[0],
        "x" * 300 + "/long_name": v[1],
        "/".join("scope_%02d" % i for i in range(120)) + "/kernel": v[2],
        "emoji/🙂/w": v[3],
        "space in name": v[4],
        "a": v[5],
        "a/b": v[6],
    }
    return _save(T, folder, names, prefix="names")


def make_many(folder):
    """Thousands of tensors through raw SaveV2 (eager): several data blocks, all dtypes,
    slices with large starts."""
    import numpy as np
    import tensorflow as tf
    prefix = os.path.join(folder, "many")
    names, specs, tensors = [], [], []
    for i in range(10000):
        names.append("layer_%05d/%s/kernel" % (i, "%08x" % (i * 2654435761 % 2**32) * 3))
        specs.append("")
        tensors.append(tf.constant(np.float32(i)) if i % 3 else tf.zeros([i % 7, 2]))
    for dt in [tf.float16, tf.bfloat16, tf.float64, tf.int8, tf.uint8, tf.int16, tf.uint16,
               tf.int32, tf.uint32, tf.int64, tf.uint64, tf.complex64, tf.complex128,
               tf.bool, tf.string]:
        names.append("dtypes/" + dt.name)
        specs.append("")
        tensors.append(tf.zeros([2], dt) if dt != tf.string else tf.constant(["a", "bc"]))
    for name, spec, shape in [("big/part", "100000 2 70000,5:-", [5, 2]),
                              ("big/part", "100000 2 0,3:-", [3, 2]),
                              ("huge/part", "10000000000 2 9999999990,10:0,2", [10, 2])]:
        names.append(name)
        specs.append(spec)
        tensors.append(tf.ones(shape))
    tf.raw_ops.SaveV2(prefix=prefix, tensor_names=names, shape_and_slices=specs,
                      tensors=tensors)
    return prefix


def make_tiny(folder):
    """The smallest useful index (for flipping every byte): two variables."""
    tf, T = _tf1()
    T.get_variable("w", [2, 3])
    T.get_variable("p", [4], partitioner=T.fixed_size_partitioner(2))
    return _save(T, folder, prefix="tiny")


# ------------------------------------------------------------ TF2 fixture


def make_tf2(folder):
    """tf.train.Checkpoint: attribute paths + /.ATTRIBUTES/VARIABLE_VALUE, an optimizer's
    slots, _CHECKPOINTABLE_OBJECT_GRAPH, save_counter."""
    import tensorflow as tf

    class Net(tf.Module):
        def __init__(self):
            super().__init__()
            self.w = tf.Variable(tf.zeros([3, 2]), name="w")
            self.sub = tf.Module()
            self.sub.b = tf.Variable(tf.zeros([2]), name="b")
            self.layers = [tf.Variable(tf.ones([i + 1])) for i in range(2)]

    net = Net()
    step = tf.Variable(0, dtype=tf.int64)
    objects = {"net": net, "step": step}
    try:
        import tf_keras
        dense = tf_keras.layers.Dense(2)
        dense(tf.zeros([1, 3]))
        opt = tf_keras.optimizers.Adam(0.01)
        with tf.GradientTape() as tape:
            loss = tf.reduce_sum(dense(tf.ones([1, 3])))
        grads = tape.gradient(loss, dense.trainable_variables)
        opt.apply_gradients(zip(grads, dense.trainable_variables))
        objects.update(dense=dense, optimizer=opt)
    except ImportError:
        pass
    return tf.train.Checkpoint(**objects).save(os.path.join(folder, "ck"))


def make_tf2_slots(folder):
    """tf.train.Checkpoint with tf_keras' legacy Adam: slots saved as
    .OPTIMIZER_SLOT/optimizer/m|v of each variable's path."""
    import tensorflow as tf
    import tf_keras
    dense = tf_keras.layers.Dense(2, name="dense")
    opt = tf_keras.optimizers.legacy.Adam(0.01)
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(dense(tf.ones([1, 3])))
    grads = tape.gradient(loss, dense.trainable_variables)
    opt.apply_gradients(zip(grads, dense.trainable_variables))
    return tf.train.Checkpoint(model=dense, optimizer=opt).save(os.path.join(folder, "ck"))


# -------------------------------------------------------- program fixtures


def make_program(folder, source):
    """Run a TF1 program (graph mode), save with Saver(): what `scopesim keys` predicts."""
    tf, T = _tf1()
    namespace = {"__name__": "__main__", "__file__": "model.py"}
    exec(compile(source, "model.py", "exec"), namespace)
    graph = T.get_default_graph()
    graph_variables = [[v.name, v.shape.as_list()] for v in T.global_variables()]
    path = _save(T, folder, prefix="model.ckpt")
    return path, graph_variables


FIXTURES = {
    "plain": make_plain,
    "adam": make_adam,
    "sharded": make_sharded,
    "partitioned": make_partitioned,
    "names": make_names,
    "many": make_many,
    "tiny": make_tiny,
    "tf2": make_tf2,
    "tf2_slots": make_tf2_slots,
}

PROGRAMS = os.path.join(ROOT, "programs")


def program_names():
    if not os.path.isdir(PROGRAMS):
        return []
    return sorted("program_" + f[:-3] for f in os.listdir(PROGRAMS) if f.endswith(".py"))


def dump_json(value) -> str:
    """JSON with one list item or dict entry per line at the top two levels."""
    def one(v):
        return json.dumps(v, ensure_ascii=False)
    lines = []
    for key, item in value.items():
        if isinstance(item, list) and item:
            body = ",\n  ".join(one(x) for x in item)
            lines.append(f" {one(key)}: [\n  {body}\n ]")
        elif isinstance(item, dict) and item:
            body = ",\n  ".join(f"{one(k)}: {one(v)}" for k, v in item.items())
            lines.append(f" {one(key)}: {{\n  {body}\n }}")
        else:
            lines.append(f" {one(key)}: {one(item)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def record(name):
    """Make fixture NAME in this process and write its expected_keys.json."""
    import tensorflow as tf
    folder = os.path.join(ROOT, name)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    extra = {}
    if name.startswith("program_"):
        source_file = os.path.join(PROGRAMS, name[len("program_"):] + ".py")
        with open(source_file, encoding="utf-8") as f:
            source = f.read()
        path, extra["graph_variables"] = make_program(folder, source)
    else:
        path = FIXTURES[name](folder)
    path = os.fspath(path)
    keys = [[k, list(s)] for k, s in tf.train.list_variables(path)]
    dtypes = {k: v.name for k, v in
              sorted(tf.train.load_checkpoint(path).get_variable_to_dtype_map().items())}
    expected = {"prefix": os.path.relpath(path, folder), "keys": keys, "dtypes": dtypes}
    expected.update(extra)
    text = dump_json(expected)
    if len(keys) > 1000:   # the big fixture's list, gzipped (deterministically: mtime 0)
        import gzip
        with open(os.path.join(folder, "expected_keys.json.gz"), "wb") as f:
            f.write(gzip.compress(text.encode("utf-8"), mtime=0))
    else:
        with open(os.path.join(folder, "expected_keys.json"), "w", encoding="utf-8") as f:
            f.write(text)
    print(f"{name}: {len(keys)} keys, {path}")


def record_errors():
    """TensorFlow's words for checkpoints that are not there or not readable."""
    import tensorflow as tf
    folder = os.path.join(ROOT, "_errors_tmp")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    cases = {}

    def attempt(label, path, shown):
        try:
            tf.train.list_variables(path)
            cases[label] = {"path": shown, "error": None}
        except Exception as exc:  # recording whatever TF raises
            text = str(exc).replace(folder, "<dir>")
            cases[label] = {"path": shown, "type": type(exc).__name__, "message": text}

    attempt("missing_prefix", os.path.join(folder, "nope", "model.ckpt"), "<dir>/nope/model.ckpt")
    attempt("empty_directory", folder, "<dir>")
    with open(os.path.join(folder, "bad.index"), "wb") as f:
        f.write(b"not a table")
    attempt("foreign_index", os.path.join(folder, "bad"), "<dir>/bad")
    with open(os.path.join(folder, "magic.index"), "wb") as f:
        f.write(b"x" * 100)
    attempt("bad_magic", os.path.join(folder, "magic"), "<dir>/magic")
    tiny = os.path.join(ROOT, "tiny")
    with open(os.path.join(tiny, "tiny.index"), "rb") as f:
        good = f.read()
    with open(os.path.join(folder, "cut.index"), "wb") as f:
        f.write(good[:-1])
    attempt("truncated", os.path.join(folder, "cut"), "<dir>/cut")
    flipped = bytearray(good)
    flipped[5] ^= 0x10   # inside the data block (which holds the header entry)
    with open(os.path.join(folder, "crc.index"), "wb") as f:
        f.write(bytes(flipped))
    attempt("bad_checksum", os.path.join(folder, "crc"), "<dir>/crc")
    os.makedirs(os.path.join(folder, "stale"))
    with open(os.path.join(folder, "stale", "checkpoint"), "w") as f:
        f.write('model_checkpoint_path: "gone-5"\n')
    attempt("state_file_names_missing_checkpoint", os.path.join(folder, "stale"), "<dir>/stale")
    attempt("index_file_given", os.path.join(tiny, "tiny.index"), "tiny/tiny.index")
    shutil.rmtree(folder)
    with open(os.path.join(ROOT, "errors.json"), "w", encoding="utf-8") as f:
        json.dump(cases, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print("errors:", ", ".join(cases))


def main(argv):
    if len(argv) == 2 and argv[0] == "--one":
        if argv[1] == "errors":
            record_errors()
        else:
            record(argv[1])
        return 0
    names = argv or [*FIXTURES, *program_names(), "errors"]
    status = 0
    for name in names:
        done = subprocess.run([sys.executable, os.path.abspath(__file__), "--one", name])
        status = status or done.returncode
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
