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


#: Statements, block openers and lines that read differently by what
#: surrounds them (a gap before `else`, brackets open across lines, soft
#: keywords, block closers, refusals).
_STATEMENTS = ["x = 1", "x = var w [2, 3] initializer=zeros", "w = var kernel [8, 8]",
               "x = tf.nn.relu(tf.matmul(x, w) + b)", "return a", "reuse", "op", "op foo",
               "print x, 1", "x = var w", "const 1.0", "variable v [2]", "pass",
               "s = var s [1] dtype=float64 trainable=false", "x = not a", "f(x)",
               "x = 'é' + \"ü\"", "x = 1  ", "x = 1 # c", "x; y"]
_OPENERS = ["scope \"a\" <", "scope 'a' reuse=auto <", "if x <", "def f(a, b=1) <",
            "for i in range(2) <", "with tf.name_scope('s') <", "name_scope 'n' <", "try <"]
_ODD = ["a < b", "x = a >> 1", ">>", "> >", "> else <", "else <", "y = (1,", "2)", "z = [x,", "]", "x = a \\", "+ b",
        "> except ValueError <", "__x = 1", "x = {1: 2,", "3: 4}", "elif y <"]


def _line_programs(rng, count):
    """Programs made of lines drawn again and again from the lists above,
    in blocks, with indentation and separators that vary: the lines the
    fast path replays.  Every other program also has odd lines."""
    for n in range(count):
        lines, blocks = [], []
        odd = 0.08 if n % 2 else 0.0
        for _ in range(rng.randrange(2, 30)):
            kind = rng.random()
            if kind < odd:
                line = rng.choice(_ODD)
            elif kind < 0.7:
                line = rng.choice(_STATEMENTS)
            elif kind < 0.85:
                line = rng.choice(_OPENERS)
                blocks.append(line.split()[0])
            elif blocks:
                line = _closer(blocks, rng)
            else:
                continue
            lines.append(" " * rng.choice((0, 0, 2, 4)) + line)
        while blocks:
            lines.append(_closer(blocks, rng))
        text = rng.choice(("\n", "\n", "\n\n", "\n  \n")).join(lines)
        yield text + rng.choice(("", "\n", "\n", "\n\n"))


def _closer(blocks, rng) -> str:
    """The line that closes (or continues) the innermost block."""
    kind = blocks.pop()
    if kind == "try":
        blocks.append("except")
        return "> except ValueError <"
    if kind == "if" and rng.random() < 0.4:
        blocks.append("else")
        return "> else <"
    return ">"


def test_lines_read_again():
    """A line read again in the same parser state is replayed from its first
    reading (fastparse's records): the same module as the tree path, or a
    refusal where it refuses."""
    rng = random.Random(5)
    texts = list(_line_programs(rng, 600))
    texts += ["x = 1\n" * 50, "scope 'a' <\n  x = 1\n  x = 1\n>\nx = 1\nx = 1",
              "if a <\n x = 1\n>\nelse <\n x = 1\n>\nif a <\n x = 1\n>\n x = 1\n",
              "x = 1 \nelse\nx = 1 \nx = 1 \n", "y = (1,\n2)\n" * 4,
              "if a <\n  x = 1\n  >\n  x = 1\n>\n" * 4, "z = [x,\n]\n" * 4,
              ("if a <\n  x = 1\n>\nelse <\n  x = 1\n>\n" + "if a <\n  x = 1\n>\nx = 1\n") * 3,
              ("if a <\n  x = 1\n>\nx = 1\n" + "if a <\n  x = 1\n>\nelse <\n  x = 1\n>\n") * 3,
              ("try <\n  x = 1\n>\n  # c\n\nexcept ValueError <\n>\n" + "x = 1\n\n;y = 2\n") * 3]
    gave_up, different = _on_big_stack(lambda: _compare(texts))
    assert different == []
    assert gave_up == []
    accepted = sum(_slow(t) is not None for t in texts)
    assert accepted > 200       # the draw makes programs, not only mistakes


#: Lines whose values hold what a template must make again: groups for
#: print, non-ASCII text before and in the line, f-strings, block heads,
#: comprehensions, lambdas, options, starred arguments.
_TEMPLATED = ["print (a, b)", "print (a)", "print((a))", "x = (a)", "x = f'{a}é{b}'",
              "y = ('é', 1)", "s = 'ü'; x = (1, 2)", "x = [i for i in y if i]",
              "if a < x = 1 >", "for i in y < print i >", "scope 'a' < x = var w [1] >",
              "scope 'é' reuse=true as s < x = var w [1] dtype=float64 >",
              "x = lambda a, b=1: a", "def f(a, *b, c=2, **d) < return a >", "x = {1: 2}",
              "x = {**a}", "f(*a, **k)", "x = a if b else c", "x = var w [2] initializer=zeros",
              "v = variable v [2] init=constant(1.0)", "op o", "c = const 2.0 name='c'",
              "x = (1,)", "x = -a ** 2", "x = a[1:2, ::3]", "x = {a, b}", "x = {k: v for k in a}",
              "x = (a for a in b)", "with a as (b, c) < pass >", "global g", "x = 'a' 'b'",
              "try < pass > except ValueError as e < pass >", "print 'é', x", "add(a, b)",
              "tf = tf"]


def _templated_programs(rng, count):
    """Programs that read the lines above (and fastparse's) again and again,
    at other indentations, places and line numbers."""
    statements = [s for s in _TEMPLATED + _STATEMENTS if not s.startswith("return")]
    for _ in range(count):
        lines = [" " * rng.choice((0, 0, 2, 4)) + rng.choice(statements)
                 for _ in range(rng.randrange(10, 60))]
        yield rng.choice(("\n", "\n", "\n\n", "\n  \n")).join(lines) + "\n"


def test_lines_made_by_templates(monkeypatch):
    """After a few replays a line's own values are made by a template
    (fastparse._template) rather than by the builder's methods: from the
    first replay on here, the same module as the tree path still."""
    from scopesim import fastparse
    made = []
    compiled = fastparse._compiled

    def counted(*args):
        made.append(compiled(*args))
        return made[-1]

    monkeypatch.setattr(fastparse, "_compiled", counted)
    monkeypatch.setattr(parser._fast(), "template_after", 1)
    monkeypatch.setattr(parser._fast(), "compile_after", 2)
    rng = random.Random(8)
    texts = list(_templated_programs(rng, 80)) + list(_line_programs(rng, 200))
    texts += ["x = 1\n" * 50, "print (a, b)\n" * 9, "  x = f'é{a}'\n" * 5 + "x = f'{a}'\n" * 5,
              # separators of every kind after the same line (its record's key is the line)
              "x = 1\n# c\n  x = 1\n\n\nx = 1\n  # d\nx = 1\n;x = 1\n\t x = 1\n" * 4,
              "if a <\n  x = 1\n>\n# c\nelse <\n  x = 1\n>\n  # e\n\n" * 4]
    gave_up, different = _on_big_stack(lambda: _compare(texts))
    assert different == []
    assert gave_up == []
    assert sum(_slow(t) is not None for t in texts) > 100
    assert len(made) > 100 and all(made)


def test_a_template_makes_new_objects_at_the_new_place():
    """Made twice, a line's values share nothing that can change (the parser
    and `finish` change nodes and lists afterwards)."""
    text = "x = f(a, [1])\n" * 3 + "  x = f(a, [1])\n"
    fast = parser._fast()
    before = fast.template_after, fast.compile_after
    fast.template_after, fast.compile_after = 1, 2
    try:
        builder = parser._ToPython("t.scope", text)
        module = fast.parse(text, builder)
    finally:
        fast.template_after, fast.compile_after = before
    calls = [statement.value for statement in module.body]
    assert [(c.lineno, c.col_offset, c.end_col_offset) for c in calls] == \
        [(1, 4, 13), (2, 4, 13), (3, 4, 13), (4, 6, 15)]
    assert len({id(c.args) for c in calls}) == 4
    assert len({id(c.args[1].elts) for c in calls}) == 4
    assert len({id(c.func) for c in calls}) == 4


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
