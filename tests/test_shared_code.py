"""Repeated top-level statements compiled once (scopesim.shared_code).

The reference is the same program with every piece compiled
(`shared_code.TEMPLATES = False`): code objects compare their bytecode,
constants, names, flags and location tables, so equal codes run alike and
report the same lines and columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from scopesim import parser, shared_code
from scopesim.runner import run

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(not shared_code.ENABLED, reason="3.11's location table only")


def codes(text: str, templates: bool = True) -> tuple:
    old = shared_code.TEMPLATES
    shared_code.TEMPLATES = templates
    try:
        return parser.parse(text, "t.scope").code
    finally:
        shared_code.TEMPLATES = old


def copies_made(text: str, monkeypatch) -> int:
    made = []
    original = shared_code._Template.copy

    def copy(self, piece):
        code = original(self, piece)
        made.append(code is not None)
        return code
    monkeypatch.setattr(shared_code._Template, "copy", copy)
    codes(text)
    return sum(made)


def layers(n: int, name=lambda i: f"layer_{i}") -> str:
    block = ('scope "{0}" <\n    scope "dense" <\n        w = var kernel [8, 8]\n'
             '        b = var bias [8] initializer=zeros\n'
             '        x = tf.nn.relu(tf.matmul(x, w) + b)\n    >\n>\n')
    return 'x = tf.placeholder(tf.float32, [None, 8], name="x")\n' + \
        "".join(block.format(name(i)) for i in range(n))


def test_repeated_blocks_are_made_from_a_template(monkeypatch):
    text = layers(6)
    assert copies_made(text, monkeypatch) == 6      # the first, the check of the second, 3..6
    assert codes(text) == codes(text, templates=False)


def test_a_copy_runs_as_its_own_text():
    result = run(parser.parse(layers(5), "t.scope"))
    assert result.error is None
    names = [v.name for v in result.variables]
    assert names[-2:] == ["layer_4/dense/kernel:0", "layer_4/dense/bias:0"]


def test_strings_of_other_lengths_are_other_shapes(monkeypatch):
    text = layers(12)       # layer_0..9, then layer_10 and layer_11: too few to share
    assert copies_made(text, monkeypatch) == 10     # layer_0, the check of layer_1, layer_2..9
    assert codes(text) == codes(text, templates=False)


def test_an_error_in_a_copy_points_at_its_line():
    text = "".join(f'scope "{c}" < var v [1] >\n' for c in "abcd") + 'scope "a" < var v [1] >\n'
    result = run(parser.parse(text, "t.scope"))
    assert result.error.span.line == 5
    assert result.error.span.column == 13
    assert result.error.message.startswith("Variable a/v already exists, disallowed.")


@pytest.mark.parametrize("line", [
    's = "ab" + "{0}"',                 # folded by compile()
    's = "{0}a"[0]',
    'if "{0}" < s = 1 >',
    's = ["{0}", "k"]',                 # a folded tuple of constants
    's = "{0}" == "a"',                 # equal to another constant in one copy
    's = lambda: "{0}"',                # nested code
    's = f"{0}"',
    's = "{0}" "b"',
])
def test_what_compile_reads_of_a_string_stays_exact(line):
    text = "".join(line.format(c) + "\n" for c in "abacad")
    assert codes(text) == codes(text, templates=False)


def test_a_global_declaration_compiles_the_whole_module():
    text = 'x = 1\n' * 4 + 'def f() <\n    global x\n    x = 2\n>\n'
    assert len(codes(text)) == 1


def test_a_syntax_error_is_the_whole_modules():
    text = 'scope "a" < x = 1 >\n' * 4 + "break\n"
    with pytest.raises(Exception) as info:
        parser.parse(text, "t.scope")
    assert "'break' outside loop" in str(info.value)


def corpus() -> list[Path]:
    return sorted(list((ROOT / "tests" / "conformance").rglob("*.scope")) +
                  list((ROOT / "samples").rglob("*.scope")))


def test_every_corpus_program_compiles_as_its_pieces():
    checked = 0
    for path in corpus():
        text = path.read_text(encoding="utf-8")
        try:
            shared = codes(text)
        except Exception:       # noqa: BLE001 - syntax errors are other tests' business
            continue
        assert shared == codes(text, templates=False), path
        checked += 1
    assert checked > 500
