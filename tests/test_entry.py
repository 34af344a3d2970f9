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
