"""Tests of `scopesim.emit`: the module unparsed after TensorFlow's header and
the prelude, and the map of its positions back to the `.scope` source."""

from __future__ import annotations

from scopesim.emit import HEADER, emit, emit_program
from scopesim.parser import parse


def test_emit_starts_with_the_header_and_the_prelude():
    text = emit(parse("var w [1]", "a.scope"))
    assert "\n".join(HEADER) in text
    assert "def __scopesim_show(value):" in text
    assert text.rstrip().endswith("tf.get_variable('w', [1])")


def test_emitted_program_compiles():
    text = emit(parse('scope "a" < x = var w [1]\nprint x >', "a.scope"))
    compile(text, "emitted", "exec")


def test_positions_map_back_to_the_scope_source():
    emitted = emit_program(parse("x = 1\nprint  y", "a.scope"))
    assert (2, 8) in emitted.positions.values()
    assert sorted(emitted.line_map.values()) == [(1, 1), (2, 1)]


def test_ten_thousand_nested_scopes_emit_flat():
    depth = 10_000
    program = parse('scope "a" < ' * depth + "var w [1]" + " >" * depth, "deep.scope")
    text = emit(program)
    compile(text, "emitted", "exec")
    assert max(len(line) - len(line.lstrip()) for line in text.splitlines()) < 100
