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
