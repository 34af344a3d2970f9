"""`scopesim run`'s text without rich (scopesim/runtrees.py) against rich's
(scopesim/render.py) on consoles as the CLI makes them for a stream that is
not a terminal: the same text for the results of the samples, of part of
the conformance corpus and of trees deeper and longer than the layout's
limits, in UTF-8 and in ASCII; and labels rich would change (control
characters, non-ASCII) are left to rich."""

from __future__ import annotations

import io
import sys
import threading
from pathlib import Path

import pytest

from scopesim import parse, run
from scopesim.render import CliConsole, print_run, unlimit_if_not_terminal
from scopesim.result import OpInfo, RunResult, VariableInfo
from scopesim.runtrees import collections_layout, plain_possible, plain_run_text

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = sorted((ROOT / "samples").rglob("*.scope")) + \
    sorted((ROOT / "tests" / "conformance").rglob("*.scope"))[::6]


class _Stream(io.StringIO):
    def __init__(self, encoding):
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self):
        return self._encoding


def _rich(result, encoding, **options) -> str:
    stream = _Stream(encoding)
    console = unlimit_if_not_terminal(CliConsole(file=stream, highlight=False, markup=False,
                                                 emoji=False, color_system=None))
    print_run(console, result, **options)
    return stream.getvalue()


def _plain(result, encoding, **options):
    return plain_run_text(result, width=1 << 20, encoding=encoding, **options)


def _results():
    out = []

    def work():
        for path in PROGRAMS:
            try:
                out.append((path.name, run(parse(path.read_text(encoding="utf-8"), path.name))))
            except Exception:       # a syntax error: no run to render
                pass
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 50_000))
    old = threading.stack_size(256 * 1024 * 1024)
    try:
        worker = threading.Thread(target=work)
        worker.start()
        worker.join()
    finally:
        threading.stack_size(old)
    return out


@pytest.fixture(scope="module")
def results():
    return _results()


def test_corpus_results(results):
    assert len(results) > 100
    compared = 0
    for name, result in results:
        for encoding in ("utf-8", "ascii"):
            for options in ({}, {"all_ops": True, "collections": True}):
                plain = _plain(result, encoding, **options)
                if plain is None:
                    continue
                compared += 1
                assert plain == _rich(result, encoding, **options), (name, encoding, options)
    assert compared > 400


def _variable(name):
    return VariableInfo(name=name, shape=(2,), dtype="float32", trainable=True,
                        kind="get_variable", store_key=name.rsplit(":", 1)[0],
                        handles=("v",))


def _op(name, type_="Add", owner=None):
    return OpInfo(name=name, type=type_, owner=owner)


@pytest.mark.parametrize("depth", [3, 23, 24, 25, 40])
def test_deep_and_long_paths(depth):
    deep = "/".join(f"s{i}" for i in range(depth))
    variables = [_variable(f"{deep}/w:0"), _variable(f"{deep}/x{depth % 3}/w:0"),
                 _variable("top:0")]
    ops = [_op(f"{deep}/add"), _op(f"{deep}/add/y"), _op(f"{deep[:5]}/mul"), _op("a/b")]
    result = RunResult(output=["printed", "line two"], variables=variables, ops=ops,
                       collections={"variables": ["top:0"], "losses": ["a/b:0", "a/b:0"]})
    for encoding in ("utf-8", "ascii"):
        for options in ({}, {"all_ops": True, "collections": True}):
            assert _plain(result, encoding, **options) == _rich(result, encoding, **options)


def test_labels_rich_would_change_go_to_rich():
    assert not plain_possible(collections_layout({"a\tb": ["x"]}))
    assert not plain_possible(collections_layout({"é": ["x"]}))
    assert not plain_possible(collections_layout({"k": ["line\nbreak"]}))
    odd = RunResult(output=[], variables=[], ops=[],
                    collections={"a\tb": ["x:0"], "é": ["y:0"]})
    assert _plain(odd, "utf-8", collections=True) is None


def test_odd_but_printable_keys():
    result = RunResult(output=["x  "], variables=[], ops=[_op("a")],
                       collections={"": ["x:0"], "trailing  ": ["y:0"], " lead": [" z"]})
    for encoding in ("utf-8", "ascii"):
        plain = _plain(result, encoding, collections=True)
        assert plain is not None
        assert plain == _rich(result, encoding, collections=True)


@pytest.mark.parametrize("all_ops", [False, True])
def test_a_runs_op_table_lays_out_as_its_op_infos(all_ops):
    """A run's ops still as names and types (`RunResult.op_columns`, no
    OpInfo made) give the text its OpInfo list gives."""
    for path in PROGRAMS[::4]:
        try:
            result = run(parse(path.read_text(encoding="utf-8"), path.name))
        except Exception:       # a syntax error: no run to render
            continue
        assert result._ops is None
        text = _plain(result, "utf-8", all_ops=all_ops)
        assert result._ops is None
        listed = RunResult(result.output, result.variables, list(result.ops), result.error,
                           result.collections)
        assert [list(c) for c in listed.op_columns()] == [list(c) for c in result.op_columns()]
        assert _plain(listed, "utf-8", all_ops=all_ops) == text, path.name
