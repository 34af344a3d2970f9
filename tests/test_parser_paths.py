"""The parser's fast path (scopesim/fastparse.py over the generated tables,
no Lark) against its tree-building path (Lark's parse tree, then the
transformer), which is the reference: on every program of the repository
and on mutations of them, both give the same module (positions included),
the same block heads and statement index, or both refuse the text.  And the
generated tables are those of grammars/scopesim.lark."""

from __future__ import annotations

import ast
import random
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from scopesim import lowering as low
from scopesim import parser
from scopesim.errors import ScopeSyntaxError

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = sorted(p for folder in ("samples", "tests", "docs")
                  for p in (ROOT / folder).rglob("*.scope"))


def _on_big_stack(fn):
    box = []
    old = threading.stack_size(256 * 1024 * 1024)
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 100_000))
    try:
        worker = threading.Thread(target=lambda: box.append(fn()))
        worker.start()
        worker.join()
    finally:
        threading.stack_size(old)
        sys.setrecursionlimit(limit)
    return box[0]


def _summary(program):
    return (ast.dump(program.module, include_attributes=True),
            [(h.text, h.line, h.column, h.parent, h.function) for h in program.heads],
            program.statements, program.block_depth)


def _fast(text):
    """The fast path's Program, or None where it gives up (as `_parse` runs it)."""
    builder = parser._ToPython("t.scope", text)
    try:
        module = parser._fast().parse(text, builder)
        return parser._compiled(low.finish(module, builder.lowering, text, "t.scope", fast=True),
                                text, "t.scope")
    except Exception:
        return None


def _slow(text):
    """The reference: the tree path's Program, or None for a syntax error."""
    try:
        return parser._parse_slow(text, "t.scope")
    except ScopeSyntaxError:
        return None


def _compare(texts):
    """(texts where the fast path gave up on a program, differences)"""
    gave_up, different = [], []
    for text in texts:
        reference, fast = _slow(text), _fast(text)
        if reference is None:
            if fast is not None:
                different.append(("accepted", text))
        elif fast is None:
            gave_up.append(text)
        elif _summary(fast) != _summary(reference):
            different.append(("different", text))
    return gave_up, different


def test_the_fast_path_is_there():
    assert parser._fast() is not None
    assert len(PROGRAMS) > 500


def test_every_program_of_the_repository():
    texts = [p.read_text(encoding="utf-8").replace("\r\n", "\n") for p in PROGRAMS]
    gave_up, different = _on_big_stack(lambda: _compare(texts))
    assert different == []
    assert gave_up == []


def test_benchmark_programs():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import bench
        import bench_model
    finally:
        sys.path.pop(0)
    texts = [bench.generate(200), bench_model.flat(2, 10), bench_model.looped(2, 10)]
    assert _on_big_stack(lambda: _compare(texts)) == ([], [])


def _mutations(text, rng, count):
    """Texts a character or a word away from `text`: the places where the
    lexer's and the parser's choices are made."""
    pieces = ["<", ">", "(", ")", "[", "]", ",", "=", ":", "\n", " ", ";", "'", '"', "#",
              "var ", "scope ", "op", "reuse", "in", "is", "not", "if", "else", "f'", "1",
              "0x", ".", "*", "**", "lambda", "print", "const ", "variable ", "-", "\\\n"]
    for _ in range(count):
        at = rng.randrange(len(text) + 1)
        kind = rng.random()
        if kind < 0.4:
            yield text[:at] + rng.choice(pieces) + text[at:]
        elif kind < 0.7:
            yield text[:at] + text[at + rng.randrange(1, 4):]
        else:
            yield text[:at] + rng.choice(pieces) + text[at + 1:]


def test_mutated_programs():
    rng = random.Random(12)
    chosen = rng.sample(PROGRAMS, 120)
    texts = [m for p in chosen
             for m in _mutations(p.read_text(encoding="utf-8")[:3000], rng, 12)]
    gave_up, different = _on_big_stack(lambda: _compare(texts))
    assert different == []


@pytest.mark.parametrize("text", ["", "\n", "# only a comment\n", ";;\n", "x = 1", "x = (1 <\n 2)\n",
                                  "scope 'a' < >\n", "a = b >> 1\n", "print 'a' 'b'\n",
                                  "x = [\n1,\n2]\n", "if x < y > 2\n"])
def test_small_texts(text):
    assert _on_big_stack(lambda: _compare([text]))[1] == []


def test_tables_are_up_to_date():
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "gen_parser_tables.py"),
                           "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_fast_path_needs_no_lark():
    code = ("import sys; from scopesim.parser import parse; "
            "p = parse('scope \"a\" < v = var w [1] >\\nprint v\\n', 't.scope'); "
            "print('lark' in sys.modules, p.code is not None)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT)
    assert done.stdout.split() == ["False", "True"]
