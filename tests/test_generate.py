"""The random program generator: reproducible, valid, and aimed at the tricky rules."""

from __future__ import annotations

import re

import pytest

from scopesim.emit import MAX_BLOCKS_PER_FUNCTION, emit_program
from scopesim.generate import generate
from scopesim.interpreter import run
from scopesim.parser import parse

SEEDS = range(200)


@pytest.fixture(scope="module")
def programs() -> dict[int, str]:
    return {seed: generate(seed) for seed in SEEDS}


def test_same_seed_same_program(programs):
    assert all(generate(seed) == text for seed, text in list(programs.items())[:20])


def test_different_seeds_different_programs(programs):
    assert len(set(programs.values())) == len(programs)


def test_generated_programs_parse(programs):
    for seed, text in programs.items():
        parse(text, f"seed{seed}.scope")


def test_about_a_quarter_end_in_an_uncaught_error(programs):
    errors = sum(run(parse(text, "g.scope")).error is not None for text in programs.values())
    assert 0.15 <= errors / len(programs) <= 0.40


def test_programs_go_on_after_caught_errors(programs):
    """try/except lets most programs print something after a caught error."""
    caught = sum("except" in text for text in programs.values())
    assert caught / len(programs) > 0.8


def test_nesting_stays_within_one_python_function(programs):
    """Generated programs need no function splitting, so they read like TF code
    and can always be verified."""
    for text in list(programs.values())[:50]:
        assert "def nested_block" not in emit_program(parse(text, "g.scope")).source
        assert emit_program(parse(text, "g.scope")).block_depth < MAX_BLOCKS_PER_FUNCTION


@pytest.mark.parametrize("feature", [
    'var A ', 'var a ', "var add ", "var Add ", "var a_1 ",      # case twins, suffix look-alikes
    "reuse=true", "reuse=false", "reuse=none", "reuse=auto", "\nreuse\n", "    reuse\n",
    "scope default=", "aux=false", 'name_scope "a/"', 'name_scope ""', "name_scope none",
    "[None", "dtype=int32", "initializer=", "variable ", "op ",
    "try <", "except ValueError as e", "print e", "global_variables(", "original_name_scope",
])
def test_the_tricky_rules_are_visited(programs, feature):
    assert any(feature in text for text in programs.values())


def test_scope_handles_are_reentered(programs):
    assert any(re.search(r"^\s*scope s\d+", text, re.M) for text in programs.values())


def test_ops_get_number_operands(programs):
    assert any(re.search(r"[a-z]\d+ [-+*/] -?\d", text) for text in programs.values())
    assert any(re.search(r"= -?\d[.\d]* [-+*/] [a-z]\d+", text) for text in programs.values())
