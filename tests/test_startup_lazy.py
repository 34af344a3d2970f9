"""Start-up (issue 12): a tiny run does not load what it does not use, and
the namespaces read the same whichever way they are first touched.

The names and values compared here are scopesim's own namespace against
itself (loaded lazily versus loaded through `vars()`); what TensorFlow has
in each module is tests/test_docs.py's and tests/tf/test_compat_v1.py's."""

from __future__ import annotations

import subprocess
import sys

import pytest

#: Modules a tiny `.scope` or `.py` run has no use for.
UNUSED = ("scopesim.checkpoint", "scopesim.checkpoint.reader", "scopesim.tf.training.saver",
          "scopesim.tf.training.checkpoint_utils", "scopesim.tf.ops.nn_ops",
          "scopesim.tf.ops.losses", "scopesim.engine.nn", "scopesim.tf.ops.random_ops",
          "scopesim.tf.ops.template", "scopesim.tf.ops.state_ops",
          "scopesim.tf.ops.partitioned_variables", "scopesim.engine.contraction")

REPORT = ("import sys, atexit, gc; atexit.register(lambda: sys.stderr.write("
          "'\\nLOADED ' + ' '.join(m for m in %r if m in sys.modules)"
          " + '\\nFROZEN ' + str(gc.get_freeze_count() > 0) + '\\n'));"
          " from scopesim.entry import main; main(sys.argv[1:])" % (UNUSED,))

CLICK = "import sys; from scopesim.cli import main; main(sys.argv[1:])"

PROGRAMS = {
    "tiny.scope": 'scope "a" < var w [1] >\n',
    "model.py": ('import tensorflow as tf\ntf.compat.v1.disable_v2_behavior()\n'
                 'with tf.compat.v1.variable_scope("s"):\n'
                 '    print(tf.compat.v1.get_variable("w", [2]).name)\n'),
    "nn.py": ('import tensorflow as tf\ntf.compat.v1.disable_v2_behavior()\n'
              'print(tf.compat.v1.nn.relu(tf.compat.v1.zeros([2])).name)\n'),
}


def _run(tmp_path, name: str, *options: str) -> subprocess.CompletedProcess:
    path = tmp_path / name
    path.write_text(PROGRAMS[name], encoding="utf-8")
    return subprocess.run([sys.executable, "-c", REPORT, "run", *options, str(path)],
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("name", ["tiny.scope", "model.py"])
@pytest.mark.parametrize("options", [(), ("--format", "json")])
def test_a_tiny_run_loads_no_checkpoint_or_nn_code(tmp_path, name, options):
    done = _run(tmp_path, name, *options)
    assert done.returncode == 0, done.stderr
    assert "\nLOADED \n" in done.stderr
    assert "\nFROZEN True\n" in done.stderr


def test_a_program_using_tf_nn_gets_it(tmp_path):
    done = _run(tmp_path, "nn.py")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()
    assert "scopesim.tf.ops.nn_ops" in done.stderr.split("\nLOADED ")[1].splitlines()[0]


def test_a_failing_run_keeps_its_output_and_exit_code_when_frozen(tmp_path):
    path = tmp_path / "raises.scope"
    path.write_text("v = var w [1]\nv = var w [1]\n", encoding="utf-8")
    fast = subprocess.run([sys.executable, "-c", REPORT, "run", str(path)],
                          capture_output=True, text=True, timeout=120)
    click = subprocess.run([sys.executable, "-c", CLICK, "run", str(path)],
                           capture_output=True, text=True, timeout=120)
    assert fast.returncode == click.returncode == 1
    assert fast.stdout == click.stdout
    assert fast.stderr.split("\nLOADED ")[0] == click.stderr
    assert "\nFROZEN True\n" in fast.stderr


SNAPSHOT = """
import sys
from scopesim.tf import compat_v1 as tf
first = sys.argv[1]
if first == "attribute":
    tf.nn.relu, tf.train.Saver, tf.losses.mean_squared_error, tf.math.softmax
    tf.summary.scalar, tf.errors.OpError
for path in ("nn", "math", "train", "losses", "summary", "errors"):
    module = tf
    for part in path.split("."):
        module = getattr(module, part)
    names = sorted(vars(module)) if first == "vars" else sorted(dir(module))
    print(path, repr(module), type(module).__name__,
          [(n, getattr(getattr(module, n), "__qualname__", None)) for n in names])
"""


def test_lazy_modules_read_the_same_whichever_way_first_touched():
    seen = {}
    for first in ("attribute", "dir", "vars"):
        done = subprocess.run([sys.executable, "-c", SNAPSHOT, first], capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        seen[first] = done.stdout
    assert seen["attribute"] == seen["dir"]
    assert "relu" in seen["dir"] and "Saver" in seen["dir"] and "mean_squared_error" in seen["dir"]
    # vars() lists the same names as dir() (modules have no class-level names in dir)
    assert [line.split(" [")[0] for line in seen["vars"].splitlines()] == \
        [line.split(" [")[0] for line in seen["dir"].splitlines()]


def test_a_name_tensorflow_has_but_scopesim_lacks_is_still_not_simulated():
    """The recorded names of TF 2.21 (tf_names.json) decide, as before."""
    from scopesim.errors import NotSimulated
    from scopesim.tf import compat_v1 as tf
    assert "AdamOptimizer" in tf._RECORDED["train"]["names"]
    assert "no_such_name" not in tf._RECORDED["nn"]["names"]
    done = subprocess.run([sys.executable, "-c",
                           "from scopesim.tf import compat_v1 as tf\n"
                           "try:\n    tf.train.AdamOptimizer\n"
                           "except BaseException as e:\n    print(type(e).__name__)\n"
                           "try:\n    tf.nn.no_such_name\n"
                           "except AttributeError as e:\n    print(e)\n"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        NotSimulated.__name__,
        f"module '{tf._RECORDED['nn']['module']}' has no attribute 'no_such_name'"]


def test_a_python_program_runs_with_the_collector_on(tmp_path):
    """The collector is off only for the start-up's imports (entry.start_up_loader)."""
    path = tmp_path / "gc_on.py"
    path.write_text("import gc\nimport tensorflow as tf\nprint(gc.isenabled())\n",
                    encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", REPORT, "run", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "True"


#: Standard modules a tiny `.scope` run does without (each costs a start-up
#: milliseconds: dataclasses and inspect, typing, threading).
STDLIB_UNUSED = ("dataclasses", "inspect", "typing", "threading")

STDLIB_REPORT = ("import sys, atexit; atexit.register(lambda: sys.stderr.write("
                 "'\\nLOADED ' + ' '.join(m for m in %r if m in sys.modules)"
                 " + '\\nRECORDED ' + str('_RECORDED' in"
                 " sys.modules['scopesim.tf.compat_v1']._GLOBALS) + '\\n'));"
                 " from scopesim.entry import main; main(sys.argv[1:])" % (STDLIB_UNUSED,))


@pytest.mark.parametrize("options", [(), ("--format", "json")])
def test_a_tiny_scope_run_imports_no_dataclasses_typing_or_threading(tmp_path, options):
    path = tmp_path / "tiny.scope"
    path.write_text(PROGRAMS["tiny.scope"], encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", STDLIB_REPORT, "run", *options, str(path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "\nLOADED \n" in done.stderr
    assert "\nRECORDED False\n" in done.stderr      # tf_names.json not read


def test_the_top_level_submodule_names_are_those_of_tf_names_json():
    import json
    from scopesim.tf import compat_v1 as tf
    with open(tf._NAMES_FILE, encoding="utf-8") as file:
        recorded = json.load(file)["modules"]
    assert tf._TOP_LEVEL == {path for path in recorded if path and "." not in path}
    assert tf._ROOT_NAME == recorded[""]["module"] == tf.__name__


def test_a_submodule_is_there_whichever_way_tf_is_first_touched():
    script = ("import sys\nfrom scopesim.tf import compat_v1 as tf\nfirst = sys.argv[1]\n"
              "if first == 'attribute':\n    tf.nn\n"
              "elif first == 'dir':\n    dir(tf)\n"
              "elif first == 'missing':\n    hasattr(tf, 'no_such_name')\n"
              "elif first == 'package':\n    import scopesim.tf as p; p.summary\n"
              "print(sorted(n for n in dir(tf) if not n.startswith('_')))\n"
              "print(repr(tf.summary), repr(tf.compat.v1), tf.train.Saver.__name__)\n")
    seen = set()
    for first in ("attribute", "dir", "missing", "package"):
        done = subprocess.run([sys.executable, "-c", script, first], capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert "'nn'" in done.stdout and "'get_variable'" in done.stdout
        seen.add(done.stdout)
    assert len(seen) == 1


def test_records_compare_hash_and_print_as_frozen_dataclasses():
    import copy
    import pickle

    from scopesim.errors import ProgramError
    from scopesim.record import FrozenInstanceError
    from scopesim.result import OpInfo, RunResult, VariableInfo
    from scopesim.span import Span

    span = Span(1, 2, 3, 4)
    assert span == Span(1, 2, 3, 4) and span != Span(1, 2, 3, 5)
    assert hash(span) == hash((1, 2, 3, 4))
    assert repr(span) == "Span(line=1, column=2, end_line=3, end_column=4)"
    assert span != (1, 2, 3, 4)
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'line'"):
        span.line = 5
    assert isinstance(FrozenInstanceError("x"), AttributeError)
    assert copy.deepcopy(span) == span and pickle.loads(pickle.dumps(span)) == span

    error = ProgramError("ValueError", "m", "f.scope", span, "x", fields={"frames": ()})
    same = ProgramError("ValueError", "m", "f.scope", span, "x")
    assert error == same and hash(error) == hash(same)     # `fields` is not compared
    assert same.fields == {} and same.fields is not ProgramError("T", "", "", span, "").fields
    assert repr(same) == ("ProgramError(type='ValueError', message='m', filename='f.scope', "
                          "span=Span(line=1, column=2, end_line=3, end_column=4), "
                          "source_line='x', scopes=(), defined_at=None, "
                          "defined_source_line='', fields={})")

    op = OpInfo(name="a", type="Const")
    assert op == OpInfo("a", "Const", None) and repr(op) == \
        "OpInfo(name='a', type='Const', owner=None)"
    var = VariableInfo("v:0", (1,), "float32", True, "get_variable")
    assert var.handles == () and var.defined_at is None and var.op_name == "v"

    result = RunResult()
    assert result == RunResult([], [], [], None, {}) and result.output is not RunResult().output
    assert repr(result) == ("RunResult(output=[], variables=[], ops=[], error=None, "
                            "collections={})")
    with pytest.raises(TypeError):
        hash(result)
    result.output.append("x")
    assert result != RunResult()


def test_the_tf_package_knows_its_own_modules():
    import os

    import scopesim.tf as package
    folder = os.path.dirname(package.__file__)
    found = {entry[:-3] if entry.endswith(".py") else entry for entry in os.listdir(folder)
             if not entry.startswith(("_", ".")) and (
                 entry.endswith(".py")
                 or os.path.isfile(os.path.join(folder, entry, "__init__.py")))}
    assert package._OWN == found


def test_the_python_front_end_knows_tensorflows_root_before_reading_its_names():
    import json

    from scopesim import TENSORFLOW_VERSION
    from scopesim.pyfront import namespace
    with open(namespace._NAMES_FILE, encoding="utf-8") as file:
        recorded = json.load(file)
    assert namespace._ROOT_MODULE == recorded["modules"][""]["module"]
    assert TENSORFLOW_VERSION == recorded["tensorflow"]
    assert namespace.TOP == recorded["modules"] and namespace._TOP == recorded


def test_a_tiny_python_run_reads_neither_names_file(tmp_path):
    path = tmp_path / "model.py"
    path.write_text(PROGRAMS["model.py"], encoding="utf-8")
    script = ("import sys, atexit; atexit.register(lambda: sys.stderr.write("
              "'\\nREAD ' + str('_RECORDED' in sys.modules['scopesim.tf.compat_v1']._GLOBALS)"
              " + ' ' + str('TOP' in vars(sys.modules['scopesim.pyfront.namespace']))"
              " + ' ' + str('traceback' in sys.modules) + '\\n'));"
              " from scopesim.entry import main; main(sys.argv[1:])")
    done = subprocess.run([sys.executable, "-c", script, "run", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("s/w:0\n")
    assert "\nREAD False False False\n" in done.stderr


def test_the_prelude_code_is_its_source_compiled_whether_cached_or_not(tmp_path, monkeypatch):
    import marshal

    from scopesim import prelude
    fresh = compile(prelude.SOURCE, prelude.FILENAME, "exec")      # (code objects compare)
    cache = tmp_path / "__pycache__" / "prelude.marshal"
    monkeypatch.setattr(prelude, "_cache_path", lambda: str(cache))
    monkeypatch.setattr(prelude, "_CODE", [])
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    assert prelude.code() == fresh           # compiled, then written
    assert cache.is_file()
    version, source, flags = prelude._cache_key()
    other = compile("x = 1", "f", "exec")
    for stale in (marshal.dumps((version, source + "x = 1\n", flags, other)),
                  marshal.dumps(("2.7", source, flags, other)),
                  marshal.dumps((version, source, 0, other)), b"not marshal data",
                  marshal.dumps((version, source, flags, None)), b""):
        cache.write_bytes(stale)
        monkeypatch.setattr(prelude, "_CODE", [])
        assert prelude.code() == fresh
    monkeypatch.setattr(prelude, "_CODE", [])
    assert prelude.code() == fresh           # read from the file this time
    assert prelude.code() is prelude.code()


def test_names_imported_on_first_use_are_those_of_their_modules():
    script = ("import sys\nfrom scopesim.tf import compat_v1 as tf\n"
              "from scopesim.tf.ops import variable_names\n"
              "names = ['random_normal', 'random_uniform', 'truncated_normal',"
              " *variable_names.ROOT_ON_USE]\n"
              "first = sys.argv[1]\n"
              "if first == 'dir':\n    dir(tf)\n"
              "elif first == 'random':\n    tf.random.uniform\n"
              "for name in names:\n"
              "    value = getattr(tf, name)\n"
              "    print(name, value.__module__, value.__qualname__, name in dir(tf))\n"
              "print(tf.random.normal is tf.random_normal, tf.random.uniform is tf.random_uniform)\n")
    seen = set()
    for first in ("attribute", "dir", "random"):
        done = subprocess.run([sys.executable, "-c", script, first], capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert "make_template scopesim.tf.ops.template make_template True" in done.stdout
        assert "random_normal scopesim.tf.ops.random_ops random_normal True" in done.stdout
        assert done.stdout.endswith("True True\n")
        seen.add(done.stdout)
    assert len(seen) == 1
