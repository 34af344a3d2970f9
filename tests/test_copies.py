"""Later copies of repeated top-level statements left unread (scopesim.copies).

The reference is the same text read whole (`parser.COPIES = False`): a
program read with copies left unread must have the same block heads,
statement index, block depth and code, and its `module` (read again on
first use) the same ast, positions included."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from scopesim import parser, shared_code
from scopesim.lowering import Copy
from scopesim.runner import run

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(not shared_code.ENABLED, reason="3.11's location table only")


def read(text: str, copies: bool = True):
    old = parser.COPIES
    parser.COPIES = copies
    try:
        return parser.parse(text, "t.scope")
    finally:
        parser.COPIES = old


def unread(program) -> int:
    """How many copies the parse left unread."""
    return sum(s.__class__ is Copy for s in program.tree.body)


def assert_same(text: str) -> None:
    fast, whole = read(text), read(text, copies=False)
    assert fast.heads == whole.heads
    assert fast.statements == whole.statements
    assert fast.block_depth == whole.block_depth
    assert fast.code == whole.code
    assert ast.dump(fast.module, include_attributes=True) == \
        ast.dump(whole.module, include_attributes=True)


BLOCK = ('scope "{0}" <\n    scope "dense" <\n        w = var kernel [8, 8]\n'
         '        b = var bias [8] initializer=zeros\n'
         '        x = tf.nn.relu(tf.matmul(x, w) + b)\n    >\n>\n')


def layers(n: int) -> str:
    return 'x = tf.placeholder(tf.float32, [None, 8], name="x")\n' + \
        "".join(BLOCK.format(f"layer_{i}") for i in range(n))


def test_copies_after_the_second_are_left_unread():
    program = read(layers(6))
    assert unread(program) == 4
    assert_same(layers(6))


def test_a_copy_left_unread_runs_as_its_own_text():
    result = run(read(layers(5)))
    assert result.error is None
    names = [v.name for v in result.variables]
    assert names[-2:] == ["layer_4/dense/kernel:0", "layer_4/dense/bias:0"]


def test_an_error_in_a_copy_left_unread_points_at_its_line():
    text = "".join(f'scope "{c}" < var v [1] >\n' for c in "abcd") + 'scope "a" < var v [1] >\n'
    program = read(text)
    assert unread(program) == 3
    result = run(program)
    assert result.error.span.line == 5
    assert result.error.span.column == 13
    assert result.error.message.startswith("Variable a/v already exists, disallowed.")


def test_an_error_inside_a_nested_block_of_a_copy_names_its_heads():
    text = layers(4) + BLOCK.format("layer_2")      # its kernel on line 32
    program = read(text)
    assert unread(program) == 3
    result = run(program)
    assert result.error.message.startswith(
        "Variable layer_2/dense/kernel already exists, disallowed.")
    assert result.error.span.line == 32
    assert_same(text)


def test_the_module_is_read_again_on_first_use():
    program = read(layers(5))
    assert unread(program) == 3
    assert not any(s.__class__ is Copy for s in program.module.body)
    assert len(program.module.body) == 6


def test_strings_of_other_lengths_are_other_shapes():
    program = read(layers(12))      # layer_0..9, then layer_10 and layer_11
    assert unread(program) == 8
    assert_same(layers(12))


@pytest.mark.parametrize("text", [
    'x = "a\\tb"\n' * 4,                              # an escape: read
    'x = "a\tb"\n' * 4,                               # a tab in the string: read
    'x = 1 + \\\n2\n' * 4,                            # a line joined to the next
    'def f() <\n    global g\n    g = 1\n>\n' * 4,   # compiled whole
])
def test_what_cannot_be_a_copy_is_read(text):
    program = read("x = 1\n" + text)
    assert unread(program) == 0
    assert_same("x = 1\n" + text)


def test_a_clause_on_its_own_line_goes_with_its_statement():
    text = "x = 1\n" + 'if x < y = "a" >\nelse < y = "b" >\n' * 4
    assert unread(read(text)) == 2
    assert_same(text)


def test_a_copy_no_template_makes_is_read_for_its_code():
    """A def, a lambda or a comprehension is code of its own, which no
    template makes: such a copy is read when it is compiled."""
    text = "".join(f'scope "{c}" <\n    f = lambda: 1\n    v = var v [1]\n>\n'
                   for c in "abcde")
    program = read(text)
    assert unread(program) == 3
    assert_same(text)
    result = run(program)
    assert [v.name for v in result.variables] == [f"{c}/v:0" for c in "abcde"]


def test_a_part_cut_inside_brackets_reads_the_whole_text():
    text = "x = [\n1]\n" * 4
    assert unread(read(text)) == 0
    assert_same(text)


def _renamed(text: str, k: int) -> str:
    """Each string literal's letters moved `k` places: same lengths, other names."""
    def rename(match):
        body = match.group(2)
        if "\\" in body:
            return match.group(0)
        return match.group(1) + "".join(
            chr((ord(c) - 97 + k) % 26 + 97) if "a" <= c <= "z" else c for c in body) + \
            match.group(1)
    return re.sub(r"""(["'])((?:(?!\1)[^\\\n])*)\1""", rename, text)


def corpus() -> list[Path]:
    return sorted(list((ROOT / "tests" / "conformance").rglob("*.scope")) +
                  list((ROOT / "samples").rglob("*.scope")))


def test_every_corpus_program_repeated_reads_as_the_whole_text():
    """Each corpus program four times over, its strings renamed in each
    copy: the copies left unread must index and compile as the whole text
    does (`module` is the whole text read again: nothing to compare)."""
    checked = 0
    for path in corpus():
        text = path.read_text(encoding="utf-8")
        if not text.endswith("\n"):
            text += "\n"
        repeated = "".join(_renamed(text, k) for k in range(4))
        try:
            whole = read(repeated, copies=False)
        except Exception:       # noqa: BLE001 - syntax errors are other tests' business
            continue
        fast = read(repeated)
        checked += unread(fast) > 0
        assert fast.heads == whole.heads, path
        assert fast.statements == whole.statements, path
        assert fast.block_depth == whole.block_depth, path
        assert fast.code == whole.code, path
    assert checked > 300


@pytest.mark.parametrize("text", [
    layers(5).replace("\n", "\r\n"),                                   # CRLF lines
    layers(5).replace('scope "layer_3"', '# a comment\n\nscope "layer_3"'),
    layers(5).rstrip("\n"),                                            # no newline at the end
    layers(5).replace('"', "'"),                                       # single quotes
    "".join(f'x{i % 2} = 1; y = "{c}"\n' for i, c in enumerate("abcdef")),
    "".join(f'scope "{c}" < var v [1] >\n;\n' for c in "abcdef"),
])
def test_odd_texts_read_as_the_whole_text(text):
    assert_same(text)


def test_copies_of_several_shapes_interleaved():
    text = "".join(f'scope "{c}" < var v [1] >\nscope "{c}{c}" < w = var v [2] >\n'
                   for c in "abcdef")
    program = read(text)
    assert unread(program) == 8
    assert_same(text)


def test_emit_reads_the_copies_left_unread():
    from scopesim.emit import emit_program
    fast, whole = read(layers(5)), read(layers(5), copies=False)
    assert unread(fast) == 3
    assert emit_program(fast).source == emit_program(whole).source
    assert "with tf.variable_scope('layer_4'):" in emit_program(fast).source


def test_a_part_starting_with_a_constant_is_read():
    """A constant alone starts no piece of shared_code's (a docstring would
    not): a copy of a part starting with one is read, as the whole text's."""
    text = "".join(f'print 1, 2\n"{c}"\n' for c in "bcde") + "print 3\n"
    assert_same(text)


_SNIPPETS = ['# c', ';', 'x = 1', 'scope "q" < x = 2 >', '"a"', 'y = "ab" + "c"', 'z = [1,\n2]',
             'print x', 'if x < y = 1 >', 'else < y = 3 >', 'x = [', '1]', 'x = 1 \\', '>',
             'def f() <', 'return 1', '\t', 'x = "\u00e9"', 'global g', '"\\t"']


def _outcome(text: str, copies: bool):
    try:
        program = read(text, copies)
    except Exception as e:      # noqa: BLE001 - the error is the outcome compared
        return type(e).__name__, str(e)
    return program.heads, program.statements, program.block_depth, program.code


def test_mutated_corpus_programs_repeated_read_as_the_whole_text():
    """Corpus programs with lines dropped, doubled or put in (clauses,
    brackets, backslashes, constants alone, a global), four times over,
    their strings renamed: the same outcome, error or program, both ways."""
    import random
    chance = random.Random(12)
    for path in chance.sample(corpus(), 60):
        lines = path.read_text(encoding="utf-8").split("\n")
        for _ in range(chance.randint(1, 3)):
            at = chance.randrange(len(lines) + 1)
            roll = chance.random()
            if roll < 0.3 and lines:
                del lines[min(at, len(lines) - 1)]
            elif roll < 0.7:
                lines.insert(at, chance.choice(_SNIPPETS))
            elif lines:
                lines.insert(at, lines[min(at, len(lines) - 1)])
        text = "\n".join(lines) + "\n"
        repeated = "".join(_renamed(text, k) for k in range(4))
        assert _outcome(repeated, True) == _outcome(repeated, False), path
