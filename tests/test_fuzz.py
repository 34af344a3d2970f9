"""The fuzzer's inputs never show a scopesim traceback: every input that
once did (tests/fuzz_corpus/, written by tools/fuzz.py) and a stream of
fresh generated and mutated programs, through `parse` and `run` in-process.
(`python tools/fuzz.py` runs 100,000 of them on all cores.)"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("scopesim_fuzz", ROOT / "tools" / "fuzz.py")
fuzz = importlib.util.module_from_spec(_spec)
sys.modules["scopesim_fuzz"] = fuzz
_spec.loader.exec_module(fuzz)

CORPUS = sorted(fuzz.CORPUS.glob("*.scope"))
#: Fresh inputs per ordinary test run (the stream changes with SCOPESIM_FUZZ_SEED).
FRESH = int(os.environ.get("SCOPESIM_FUZZ_COUNT", "1500"))
SEED = int(os.environ.get("SCOPESIM_FUZZ_SEED", "1"))


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_corpus_input_shows_no_traceback(path):
    text = path.read_bytes().decode("utf-8", "surrogatepass")
    assert fuzz.check(text) is None


def test_fresh_inputs_show_no_traceback():
    """Short inputs in two worker processes for at most 20 s; a hang is the
    program's own (`2**62**64` computes in TensorFlow's Python too)."""
    done, found = fuzz.fuzz(FRESH, 20.0, SEED, 2, 5.0, 4096, False, False, True, short=True)
    found = {sig: f for sig, f in found.items() if not sig.startswith("hang")}
    assert done > 0
    assert not found, "\n\n".join(f"--show {SEED}:{f[1]} (short)\n{f[2]}"
                                    for f in found.values())


def test_a_finding_is_classified_by_where_it_was_raised():
    assert fuzz.check('x = [1][5]\n') is None                      # the program's own error
    assert fuzz.check("with tf.variable_scope(\"a\") <\n  tf.get_variable(\"w\", [-1])\n>\n") \
        is None                                                   # TensorFlow's error
    assert fuzz.check('scope "a" as s() <\n>\n') is None           # a syntax error


def _stacks(call):
    """What faulthandler writes for this process while `call(dump)` runs."""
    import tempfile
    with tempfile.TemporaryFile("w+") as dump:
        call(dump)
        dump.seek(0)
        return dump.read()


def test_a_hang_in_the_programs_own_code_is_not_a_finding():
    import faulthandler

    def program_frame(dump):        # the innermost frame: not scopesim's
        faulthandler.dump_traceback(dump, all_threads=True)
    stacks = _stacks(program_frame)
    assert "program_frame" in stacks
    assert fuzz.classify_hang(stacks, 20.0) is None


def test_a_hang_inside_scopesim_is_a_finding_naming_its_frame():
    import faulthandler
    path = str(ROOT / "scopesim" / "engine" / "scopes.py")
    code = compile("def unique_scope_name(dump):\n    faulthandler.dump_traceback(dump)\n",
                   path, "exec")
    namespace = {"faulthandler": faulthandler}
    exec(code, namespace)
    stacks = _stacks(namespace["unique_scope_name"])
    finding = fuzz.classify_hang(stacks, 20.0)
    assert finding.startswith(
        "hang in scopesim at scopesim/engine/scopes.py:2 in unique_scope_name\n")
    assert fuzz.classify_hang("", 20.0) == "hang: longer than 20 s (no stacks)\n"


def _scopesim_functions(*names):
    """Functions compiled as scopesim/engine/scopes.py that write a dump."""
    import faulthandler
    path = str(ROOT / "scopesim" / "engine" / "scopes.py")
    source = "".join(f"def {n}(dump):\n    faulthandler.dump_traceback(dump)\n" for n in names)
    namespace = {"faulthandler": faulthandler}
    exec(compile(source, path, "exec"), namespace)
    return [namespace[n] for n in names]


def test_a_hang_is_scopesims_only_where_every_dump_finds_it_in_one_function():
    """A program looping over range(2**63) calls scopesim again and again:
    its dumps find scopesim in different places; a stuck scopesim stays."""
    first, second = _scopesim_functions("get_variable", "unique_scope_name")
    moving = _stacks(lambda dump: (first(dump), second(dump), first(dump)))
    assert moving.count("(most recent call first)") >= 3
    assert fuzz.classify_hang(moving, 20.0) is None
    stuck = _stacks(lambda dump: (second(dump), second(dump), second(dump)))
    assert fuzz.classify_hang(stuck, 20.0).startswith(
        "hang in scopesim at scopesim/engine/scopes.py:4 in unique_scope_name\n")


def test_an_operation_failing_inside_scopesim_is_a_finding(monkeypatch):
    """A KeyError of a dict lookup in scopesim's own code (not a `raise`, not
    marked as Python's error that TensorFlow raises too) is reported with
    where it happened."""
    from scopesim.engine import array_fns
    path = str(ROOT / "scopesim" / "engine" / "array_fns.py")
    namespace = {}
    exec(compile("def stack(g, values, axis=0, name='stack'):\n    return {}[name]\n",
                 path, "exec"), namespace)
    monkeypatch.setattr(array_fns, "stack", namespace["stack"])
    finding = fuzz.check("tf.stack([1])\n")
    assert finding.startswith("KeyError at scopesim/engine/array_fns.py:2 in stack: ")
    assert finding.rstrip().endswith("KeyError: 'stack'")


@pytest.mark.tf
def test_tensorflow_decides_whether_an_exception_inside_scopesim_is_the_programs(monkeypatch):
    """`--oracle`: TensorFlow raises the same TypeError for a fixed-size
    partitioner of 1.5 shards (range(1.5), in its own Python), so that is not
    a finding; an error TensorFlow does not raise is."""
    from scopesim.tf_runner import TensorFlowNotFound, find_tensorflow_python
    try:
        find_tensorflow_python()
    except TensorFlowNotFound as e:
        pytest.skip(str(e))
    from scopesim.engine import array_fns
    path = str(ROOT / "scopesim" / "engine" / "array_fns.py")
    namespace = {}
    exec(compile("def stack(g, values, axis=0, name='stack'):\n    return {}[name]\n",
                 path, "exec"), namespace)
    monkeypatch.setattr(array_fns, "stack", namespace["stack"])
    partitioned = ('w = tf.get_variable("w", [8, 3], '
                   'partitioner=tf.fixed_size_partitioner(1.5))\n')
    assert fuzz.tensorflow_agrees([partitioned, "tf.stack([1])\n"]) == [True, False]
