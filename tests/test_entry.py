"""The console script's fast paths (`scopesim/entry.py`) against click's
commands (`scopesim/cli.py`): the same command line gives the same stdout,
stderr and exit status either way, and the fast paths import no click, no rich
and no Lark (text to a stream that is no terminal is written without rich)."""

from __future__ import annotations

import subprocess
import sys

import pytest

FAST = "import sys; from scopesim.entry import main; main(sys.argv[1:])"
CLICK = "import sys; from scopesim.cli import main; main(sys.argv[1:])"
LOADED = ("import sys, atexit; atexit.register(lambda: sys.stderr.write("
          "'\\nLOADED ' + ' '.join(m for m in ('click', 'rich', 'lark') if m in sys.modules)));"
          " from scopesim.entry import main; main(sys.argv[1:])")

PROGRAMS = {
    "tiny.scope": 'scope "scope1" < v = var variable1 [1] >\nprint v\n',
    "raises.scope": 'v = var w [1]\nv = var w [1]\n',
    "bad.scope": 'scope "a" <\n  x = = 1\n',
    "model.py": ('import tensorflow as tf\ntf.compat.v1.disable_v2_behavior()\n'
                 'with tf.compat.v1.variable_scope("s"):\n'
                 '    print(tf.compat.v1.get_variable("w", [2]).name)\n'),
    "bad.py": "def f(:\n",
}


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("programs")
    for name, text in PROGRAMS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _run(code: str, args: list[str], cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          cwd=cwd, env={"PATH": "/usr/bin:/bin", "NO_COLOR": "",
                                        "PYTHONPATH": _root()})


def _root() -> str:
    from pathlib import Path
    return str(Path(__file__).resolve().parent.parent)


COMMAND_LINES = [
    ["--version"],
    ["run", "tiny.scope"],
    ["run", "--format", "json", "tiny.scope"],
    ["run", "tiny.scope", "--format=JSON"],
    ["--no-color", "run", "--all-ops", "--collections", "tiny.scope"],
    ["run", "--no-color", "raises.scope"],
    ["run", "--format", "json", "raises.scope"],
    ["run", "bad.scope"],
    ["run", "--format", "json", "bad.scope"],
    ["run", "no_such_file.scope"],
    ["run", "--tf1", "tiny.scope"],
    ["run", "model.py"],
    ["run", "--format", "json", "model.py"],
    ["run", "bad.py"],
    ["run", "--format", "json", "bad.py"],
]


@pytest.mark.parametrize("args", COMMAND_LINES, ids=" ".join)
def test_fast_path_says_what_click_says(files, args):
    fast, slow = _run(FAST, args, files), _run(CLICK, args, files)
    assert (fast.returncode, fast.stdout, fast.stderr) == \
        (slow.returncode, slow.stdout, slow.stderr)


@pytest.mark.parametrize("args, absent", [
    (["--version"], {"click", "rich", "lark"}),
    (["run", "--format", "json", "tiny.scope"], {"click", "rich", "lark"}),
    (["run", "--format", "json", "model.py"], {"click", "rich", "lark"}),
    (["run", "tiny.scope"], {"click", "rich", "lark"}),
    (["run", "model.py"], {"click", "rich", "lark"}),
])
def test_fast_path_imports(files, args, absent):
    done = _run(LOADED, args, files)
    assert done.returncode == 0
    assert not absent & set(done.stderr.rsplit("\nLOADED ", 1)[1].split())


@pytest.mark.parametrize("args", [["run", "--format", "xml", "tiny.scope"],
                                  ["run", "tiny.scope", "extra"], ["run"], ["--help"]])
def test_other_command_lines_go_to_click(files, args):
    done = _run(LOADED, args, files)
    assert "click" in done.stderr.rsplit("\nLOADED ", 1)[1].split()
    slow = _run(CLICK, args, files)
    assert (done.returncode, done.stdout) == (slow.returncode, slow.stdout)


def _json_dumps_text(result) -> str:
    import json
    return json.dumps(result.to_json(), indent=2)


def test_the_json_of_a_run_is_json_dumps_text_for_every_sample():
    """`RunResult.json_text` (what `run --format json` writes) against
    `json.dumps(to_json(), indent=2)`, on the samples and the corpus."""
    from pathlib import Path

    from scopesim.parser import parse
    from scopesim.runner import run
    root = Path(__file__).resolve().parent.parent
    paths = sorted(root.glob("samples/*.scope")) + sorted(root.glob("tests/conformance/**/*.scope"))
    assert len(paths) > 20
    checked = 0
    for path in paths[::3]:
        try:
            program = parse(path.read_text(encoding="utf-8"), str(path))
        except Exception:  # noqa: BLE001 - a syntax error has no run
            continue
        result = run(program)
        assert result.json_text() == _json_dumps_text(result), path
        checked += 1
    assert checked > 10


def test_the_json_of_odd_results_is_json_dumps_text():
    from scopesim.errors import ProgramError
    from scopesim.result import OpInfo, RunResult, VariableInfo
    from scopesim.span import Span

    class Text(str):
        pass

    cases = [
        RunResult(),
        RunResult(["a", "\u00fc\x00\u2028", ""],
                  [VariableInfo("v:0", (1, None), "float32", True, "get_variable"),
                   VariableInfo("w:0", None, "int32", False, "Variable"),
                   VariableInfo("x:0", (), "float32", True, "Variable", "x", ("h",))],
                  [OpInfo("a", "Const"), OpInfo("\u00e9/\"b\"", "X", "a")], None,
                  {"k": ["a", "b"], "e": []}),
        RunResult([Text("x"), "y"], [VariableInfo("v", [1], "f", 1, "k"),
                                     VariableInfo(Text("v"), (2,), "f", True, "k")],
                  [OpInfo(Text("a"), "b"), OpInfo("a", 3)],
                  ProgramError("ValueError", "m\n\"q\"\t\U0001f600", "f", Span(1, 2, 1, 2), "x"),
                  {"a": []}),
    ]
    for result in cases:
        assert result.json_text() == _json_dumps_text(result)


def test_json_text_is_json_dumps_with_indent_two():
    import json

    from scopesim.util import json_text

    class Text(str):
        pass
    values = [{}, [], (), {"a": [], "b": {}}, [[], [{}]], "\u00e9\u2028\x00\"\\\t\U0001f600",
              0, -5, 12345678901234567890, 1.5, -0.0, 1e300, float("nan"), float("inf"),
              float("-inf"), True, False, None, {"t": (1, (2, [3, {"": ""}]))},
              {1: "x"}, {"a": Text("x")}, [True, None, "s"]]
    for value in values:
        assert json_text(value) == json.dumps(value, indent=2)


def test_the_json_of_odd_variables_and_op_names_is_json_dumps_text():
    """The cached texts of shapes and dtypes, and op names written without
    quoting each (only when none has a character JSON escapes)."""
    from scopesim.result import OpInfo, RunResult, VariableInfo

    class Text(str):
        pass
    variables = [VariableInfo("a:0", (1,), "float32", True, "Variable"),
                 VariableInfo("b:0", (True,), "float32", True, "Variable"),
                 VariableInfo("c:0", (1.0,), "float32", True, "Variable"),
                 VariableInfo("d:0", (1,), Text("float32"), False, "Variable"),
                 VariableInfo("e:0", (1,), "float32", True, "Variable")]
    for names in (["a", "b/c_1", "x.y-z>"], ["a", "q\x7f"], ["a\"b"], ["a\\b"], ["t\x1f"],
                  ["\u00e9"], ["a", "b"]):
        types = ["Const", "T\"", "\u00e9"][:len(names)]
        ops = [OpInfo(n, t) for n, t in zip(names, types)]
        result = RunResult(["x"], variables, ops)
        assert result.json_text() == _json_dumps_text(result)


def test_a_runs_ops_are_made_when_first_read():
    """A run keeps its ops' names and types (`OpTable`) and makes the same
    OpInfo list, owners included, as the session's `op_infos` at the first
    read of `ops`; its JSON is the same before and after."""
    from scopesim.parser import parse
    from scopesim.result import OpInfo, RunResult
    from scopesim.runner import Session
    program = parse('w = var a [2]\nscope "a" <\n  v = var b [1]\n>\n'
                    'y = tf.identity(w, name="a/q")\nz = tf.identity(w, name="a/b/c")\n'
                    't = w + 1\n', "t.scope")
    session = Session()
    result = session.execute(program)
    eager = session.op_infos()
    text = result.json_text()
    assert result._ops is None
    assert result.ops == eager and result.ops is result.ops
    owners = {op.name: op.owner for op in eager}
    assert (owners["a"], owners["a/read"], owners["a/b"], owners["a/b/Assign"]) == \
        ("a", "a", "a/b", "a/b")
    assert eager[-4:] == [OpInfo("a/q", "Identity", "a"), OpInfo("a/b/c", "Identity", "a/b"),
                          OpInfo("add/y", "Const", None), OpInfo("add", "AddV2", None)]
    assert result.json_text() == text == _json_dumps_text(result)
    plain = RunResult(result.output, result.variables, list(eager), result.error,
                      result.collections)
    assert plain == result and repr(plain) == repr(result)
    result.ops = eager[:1]
    assert result.ops == eager[:1]


def test_a_variables_span_is_read_off_its_origin_when_first_asked_for():
    import copy
    import pickle

    from scopesim.result import VariableInfo
    from scopesim.span import Span

    class Origin:
        reads = 0

        @property
        def span(self):
            Origin.reads += 1
            return Span(3, 4, 3, 4)
    fields = ("s/w:0", (2,), "float32", True, "get_variable", "s/w", ("w",))
    eager = VariableInfo(*fields, defined_at=Span(3, 4, 3, 4))
    deferred = VariableInfo.deferred(*fields, Origin())
    assert Origin.reads == 0
    assert deferred == eager and hash(deferred) == hash(eager)
    assert repr(deferred) == repr(eager) == (
        "VariableInfo(name='s/w:0', shape=(2,), dtype='float32', trainable=True, "
        "kind='get_variable', store_key='s/w', handles=('w',), "
        "defined_at=Span(line=3, column=4, end_line=3, end_column=4))")
    assert deferred.defined_at == Span(3, 4, 3, 4) and Origin.reads == 1
    assert copy.copy(deferred) == pickle.loads(pickle.dumps(deferred)) == eager
    assert VariableInfo.deferred(*fields, None).defined_at is None
    with pytest.raises(AttributeError):
        deferred.defined_at = None


def test_run_pauses_the_collector_and_can_leave_the_graph(monkeypatch):
    """`runner.run` makes its session (the API imported, the graph and
    prelude made), runs and releases with the collector paused (a caller's
    big ast is not walked by collections), resumes it after, and with
    `release=False` gives the same result without releasing."""
    import gc

    from scopesim import runner
    from scopesim.parser import parse
    program = parse('scope "s" <\n  w = var w [2]\n>\nprint w\n', "t.scope")
    enabled = []
    default_tf = runner.default_tf
    monkeypatch.setattr(runner, "default_tf",
                        lambda: enabled.append(("api", gc.isenabled())) or default_tf())
    monkeypatch.setattr(runner.Session, "release",
                        lambda self: enabled.append(("release", gc.isenabled())))
    was = gc.isenabled()
    gc.enable()
    try:
        released = runner.run(program)
        kept = runner.run(program, release=False)
        assert gc.isenabled()
    finally:
        if not was:
            gc.disable()
    assert enabled == [("api", False), ("release", False), ("api", False)]
    assert released == kept and kept.output == ["s/w:0"]
    assert runner.Session().globals["__name__"] == "__main__" and gc.isenabled() is was


def test_a_command_about_to_exit_leaves_its_result_unfreed():
    import gc
    import weakref

    from scopesim.clibase import _left_to_exit
    from scopesim.result import RunResult
    was = gc.isenabled()
    gc.disable()
    try:
        result = RunResult(["x"])
        alive = weakref.ref(result)
        _left_to_exit(result, None)
        del result
        assert alive() is not None
        gc.collect()
        assert alive() is None
    finally:
        if was:
            gc.enable()


def test_the_json_of_many_ops_and_variables_in_pieces_is_json_dumps_text():
    """`json_parts` makes the ops' and the variables' lists in pieces of a
    few thousand: their join is the text at every count around a piece's end."""
    from scopesim import result as results
    from scopesim.result import OpInfo, RunResult, VariableInfo
    chunk = results._CHUNK
    for n in (1, chunk - 1, chunk, chunk + 1, 2 * chunk, 2 * chunk + 1):
        ops = [OpInfo(f"op_{i}", "Const" if i % 3 else "Add") for i in range(n)]
        variables = [VariableInfo(f"v_{i}:0", (i % 4,), "float32", True, "Variable")
                     for i in range(n)]
        for names in ([op.name for op in ops], [op.name + "\u00e9" for op in ops]):
            result = RunResult(["x"], variables,
                               [OpInfo(name, op.type) for name, op in zip(names, ops)])
            assert result.json_text() == _json_dumps_text(result)
            assert len(list(result.json_parts())) > 2 * (n // chunk)


def test_a_runs_variables_are_their_properties():
    """The result reads a RefVariable's name, dims, base dtype and trainable
    flag at once (`RefVariable._summary`): what its properties give."""
    from scopesim.parser import parse
    from scopesim.runner import Session, _shape
    program = parse('a = var a [2, 3]\nb = var b [] dtype=tf.int32 trainable=false\n'
                    'c = tf.Variable(tf.zeros([4]), validate_shape=false, name="c")\n'
                    'scope "s" < d = var d [1] >\n', "t.scope")
    session = Session()
    result = session.execute(program)
    with session.graph.as_default():
        variables = session.tf.global_variables()
    assert [v._summary() for v in variables] == \
        [(v.name, _shape(v), v.dtype.base_dtype.name, bool(v.trainable)) for v in variables]
    assert [(i.name, i.shape, i.dtype, i.trainable) for i in result.variables] == \
        [v._summary() for v in variables]
