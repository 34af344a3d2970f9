"""No input, however malformed, shows a Python traceback of scopesim; deep
nesting works.  (Property tests: hypothesis feeds arbitrary text and mutated
programs through the library and through the `run` command.)"""

from __future__ import annotations

import json

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scopesim import parse, run
from scopesim.cli import cli as main
from scopesim.errors import ScopeSyntaxError

VALID = [
    'scope "scope1" < var variable1 [1]; reuse; v = var variable1 [1] >\nprint v\n',
    'scope "variable_scope1" <\n  name_scope "name_scope1" <\n    var1 = var variable1 [1]\n'
    '    var2 = 1.0 + var1\n  >\n>\nprint var1\nprint var2\n',
    'scope default="dense" as d < w = var w [2, 3] initializer=zeros >\n'
    'scope d reuse=true < assert var w [2, 3] is w >\n',
    'try < var x; variable [2] > except ValueError as e < print e >\n'
    'x = add(1.0, const 2.0 name="c") * -3\nprint x.shape, x.dtype, get_name_scope()\n',
    'name_scope "a/" < op foo; print global_variables("a"), trainable_variables() >\n'
    'scope "" reuse=auto aux=false dtype=float64 < print get_variable_scope().reuse >\n',
]

TOKENS = ["scope", "name_scope", "var", "variable", "op", "const", "reuse", "print", "assert",
          "try", "except", "as", "is", "not", "default=", "reuse=", "aux=", "dtype=", "<", ">",
          "[", "]", "(", ")", ",", ";", "\n", '"', "=", "+", "@", "-", ".", "none", "auto",
          "ValueError", "x", "1", "1.5", '"a"', "#", "\\", "\t", "é", "\x00"]


def run_text(text: str):
    """Parse and run; a syntax error is an answer, anything else must not escape."""
    try:
        program = parse(text, "fuzz.scope")
    except ScopeSyntaxError as e:
        assert e.line >= 1 and e.column >= 1
        assert "^" in e.render()
        return None
    return run(program)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_arbitrary_text_never_crashes_the_library(text):
    result = run_text(text)
    if result is not None:
        json.dumps(result.to_json())


@st.composite
def mutated_programs(draw):
    text = draw(st.sampled_from(VALID))
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "duplicate"]))
        if kind == "insert":
            text = text[:i] + draw(st.sampled_from(TOKENS)) + " " + text[i:]
        elif kind == "delete":
            text = text[:i] + text[i + draw(st.integers(1, 8)):]
        else:
            lines = text.splitlines(keepends=True)
            j = draw(st.integers(0, max(len(lines) - 1, 0)))
            text = "".join(lines[:j + 1] + lines[j:])
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_programs())
def test_mutated_programs_never_crash_the_library(text):
    result = run_text(text)
    if result is not None:
        json.dumps(result.to_json())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(mutated_programs(), st.text(max_size=80)))
def test_run_command_never_shows_a_python_traceback(text):
    for args in (["run", "-"], ["run", "--format", "json", "-"]):
        outcome = CliRunner().invoke(main, args, input=text, env={"NO_COLOR": "1"})
        everything = outcome.output + (outcome.stderr if outcome.stderr_bytes is not None else "")
        assert outcome.exit_code in (0, 1, 2), (outcome.exit_code, everything)
        assert "Traceback (most recent call last)" not in everything
        assert outcome.exception is None or isinstance(outcome.exception, SystemExit)


def test_ten_thousand_nested_scopes_run():
    depth = 10_000
    text = 'scope "a" <\n' * depth + "v = var w [1]\n" + ">\n" * depth + "print v\n"
    result = run(parse(text, "deep.scope"))
    assert result.error is None
    assert result.output == ["a/" * depth + "w:0"]


def test_ten_thousand_nested_name_scopes_and_an_error_deep_inside():
    depth = 10_000
    text = 'name_scope "n" <\n' * depth + "x = nope\n" + ">\n" * depth
    result = run(parse(text, "deep.scope"))
    assert (result.error.type, result.error.message) == ("NameError", "name 'nope' is not defined")
    assert result.error.line == depth + 1
    assert len(result.error.scopes) == depth


def test_deep_program_through_the_cli():
    depth = 10_000
    text = 'scope "a" <\n' * depth + "var w [1] initializer=zeros\n" + ">\n" * depth
    outcome = CliRunner().invoke(main, ["run", "-"], input=text, env={"NO_COLOR": "1"})
    assert outcome.exit_code == 0, outcome.output
    outcome = CliRunner().invoke(main, ["run", "--format", "json", "-"], input=text)
    assert json.loads(outcome.output)["variables"][0]["name"] == "a/" * depth + "w:0"
