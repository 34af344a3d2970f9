"""`scopesim emit`: the TensorFlow 1.x program equivalent to a `.scope` program.

These tests need no TensorFlow: they check the emitted text (the contract's
table, TF idioms), that it compiles as Python, and the line map the runner
uses.  That it *behaves* like the `.scope` program is what the conformance
corpus and `scopesim verify` check against real TensorFlow.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scopesim.emit import MAX_BLOCKS_PER_FUNCTION, emit, emit_program, python_string
from scopesim.parser import parse

CORPUS = Path(__file__).parent / "conformance"


def emitted(text: str) -> str:
    return emit(parse(text, "t.scope"))


def body(text: str) -> list[str]:
    """The emitted lines after the header (and any helper)."""
    lines = emitted(text).splitlines()
    start = lines.index("T = tf.compat.v1") + 1
    return [line for line in lines[start:] if line.strip()]


# ------------------------------------------------------------- the header


def test_header_imports_tensorflow_in_v1_graph_mode():
    lines = emitted("var w [1]").splitlines()
    assert "import tensorflow as tf" in lines
    assert "tf.compat.v1.disable_v2_behavior()" in lines
    assert "T = tf.compat.v1" in lines
    assert lines.index("tf.compat.v1.disable_v2_behavior()") < lines.index("T = tf.compat.v1")


# ------------------------------------------------------- the contract's table


@pytest.mark.parametrize("source, python", [
    ('scope "a" < var w [2, 3] >',
     ['with T.variable_scope("a"):', '    T.get_variable("w", [2, 3])']),
    ('scope "a" reuse=true as s < >',
     ['with T.variable_scope("a", reuse=True) as s:', "    pass"]),
    ('scope "a" reuse=auto < >', ['with T.variable_scope("a", reuse=T.AUTO_REUSE):', "    pass"]),
    ('scope "a" reuse=none < >', ['with T.variable_scope("a", reuse=None):', "    pass"]),
    ('scope default="dense" < >', ['with T.variable_scope(None, default_name="dense"):', "    pass"]),
    ('scope "a" default="d" < >', ['with T.variable_scope("a", default_name="d"):', "    pass"]),
    ('scope "a" aux=false < >',
     ['with T.variable_scope("a", auxiliary_name_scope=False):', "    pass"]),
    ('scope "a" dtype=float64 < >', ['with T.variable_scope("a", dtype=tf.float64):', "    pass"]),
    ('scope "a" initializer=zeros < >',
     ['with T.variable_scope("a", initializer=T.zeros_initializer()):', "    pass"]),
    ('name_scope "n" as ns < >', ['with T.name_scope("n") as ns:', "    pass"]),
    ('name_scope "" < >', ['with T.name_scope(""):', "    pass"]),
    ('name_scope none < >', ["with T.name_scope(None):", "    pass"]),
    ('name_scope default="d" < >', ['with T.name_scope(None, default_name="d"):', "    pass"]),
    ("var w", ['T.get_variable("w")']),
    ("var w [None, 3]", ['T.get_variable("w", [None, 3])']),
    ("var w [1] dtype=int32 trainable=false initializer=ones",
     ['T.get_variable("w", [1], dtype=tf.int32, trainable=False, '
      'initializer=T.ones_initializer())']),
    ("var w [] initializer=constant(0.5)",
     ['T.get_variable("w", [], initializer=T.constant_initializer(0.5))']),
    ("variable v1 [2, 3]", ['T.Variable(T.random_normal([2, 3]), name="v1")']),
    ("variable [2]", ["T.Variable(T.random_normal([2]))"]),
    ("variable v1 [2] init=zeros", ['T.Variable(T.zeros([2]), name="v1")']),
    ("variable v1 [2] init=ones trainable=false",
     ['T.Variable(T.ones([2]), name="v1", trainable=False)']),
    ("op foo", ['T.no_op(name="foo")']),
    ("op", ["T.no_op()"]),
    ("x = const 1.0", ["x = T.constant(1.0)"]),
    ('x = const 1.0 name="c"', ['x = T.constant(1.0, name="c")']),
    ("reuse", ["T.get_variable_scope().reuse_variables()"]),
    ("print get_name_scope()", ["print(T.get_default_graph().get_name_scope())"]),
    ("print get_variable_scope().name", ["print(T.get_variable_scope().name)"]),
    ("print global_variables()", ["print([v.name for v in T.global_variables()])"]),
    ('print trainable_variables("a")', ['print([v.name for v in T.trainable_variables("a")])']),
])
def test_statement_translates_to_its_tensorflow_equivalent(source, python):
    assert body(source) == python


@pytest.mark.parametrize("call, python", [
    ("add(a, b)", "T.add(a, b)"), ("matmul(a, b)", "T.matmul(a, b)"),
    ("multiply(a, b)", "T.multiply(a, b)"), ("relu(a)", "T.nn.relu(a)"),
    ("tanh(a)", "T.tanh(a)"), ("sigmoid(a)", "T.sigmoid(a)"), ("identity(a)", "T.identity(a)"),
    ('add(a, b, name="n")', 'T.add(a, b, name="n")'),
])
def test_op_functions_are_the_tf_functions(call, python):
    assert body(f"a = const 1.0; b = const 2.0; x = {call}")[-1] == f"x = {python}"


def test_try_except_becomes_python_try_except():
    assert body("try < var w [1] > except ValueError as e < print e > except TypeError") == [
        "try:", '    T.get_variable("w", [1])',
        "except ValueError as e:", "    print(e)",
        "except TypeError:", "    pass"]


def test_empty_try_body_is_pass():
    assert body("try < > except ValueError")[:2] == ["try:", "    pass"]


def test_assert_keeps_its_message():
    assert body('x = 1; assert x == 1, "one"')[-1] == 'assert x == 1, "one"'


# ----------------------------------------------------------------- print


def test_print_shows_the_name_of_graph_objects():
    lines = body("v = var w [1]; t = v + 1; o = op; scope \"a\" as s < print v, t, o, s >")
    assert lines[-1] == "    print(v.name, t.name, o.name, s.name)"


def test_print_shows_python_values_as_they_are():
    lines = body('name_scope "n" as ns < >; x = 1; s = "a"; b = x == 1; print ns, x, s, b, true')
    assert lines[-1] == "print(ns, x, s, b, True)"


def test_print_of_a_caught_error_prints_the_error():
    assert body("try < var w > except ValueError as e < print e >")[-1] == "    print(e)"


def test_print_of_attributes_prints_them_directly():
    assert body("v = var w [1]; print v.shape, v.dtype, v.name")[-1] == \
        "print(v.shape, v.dtype, v.name)"


def test_print_of_a_handle_of_mixed_kinds_uses_the_helper():
    text = emitted('x = "a"; x = var w [1]; print x')
    assert "def printable(value):" in text
    assert text.splitlines()[-1] == "print(printable(x))"


def test_helper_is_left_out_when_kinds_are_known():
    assert "printable" not in emitted("x = var w [1]; print x")


def test_kind_flows_through_assignments():
    assert body("x = var w [1]; y = x; z = y; print z")[-1] == "print(z.name)"


def test_print_of_an_expression_shows_its_name():
    assert body("v = var w [1]; print v + 1.0")[-1] == "print((v + 1.0).name)"


# --------------------------------------------------------------- handles


@pytest.mark.parametrize("handle", ["tf", "T", "os", "id", "list", "printable", "class",
                                    "ValueError"])
def test_handles_clashing_with_python_are_renamed(handle):
    result = emit_program(parse(f"{handle} = const 1.0\nprint {handle}", "t.scope"))
    assert result.renames == {handle: handle + "_"}
    assert result.source.splitlines()[-2:] == [f"{handle}_ = T.constant(1.0)",
                                              f"print({handle}_.name)"]
    compile(result.source, "emitted", "exec")


def test_renaming_avoids_an_existing_handle():
    result = emit_program(parse("tf = const 1.0\ntf_ = const 2.0\nprint tf, tf_", "t.scope"))
    assert result.renames == {"tf": "tf__"}


# ------------------------------------------------------- expressions, literals


@pytest.mark.parametrize("source, python", [
    ("x = (a + b) * c", "x = (a + b) * c"),
    ("x = a - (b - c)", "x = a - (b - c)"),
    ("x = a - b - c", "x = a - b - c"),
    ("x = -(a + b)", "x = -(a + b)"),
    ("x = a * -1.0", "x = a * -1.0"),
    ("x = a @ b", "x = a @ b"),
    ("x = not a == b", "x = not a == b"),
    ("x = a is not b", "x = a is not b"),
    ("x = (a + b).name", "x = (a + b).name"),
    ("x = none", "x = None"), ("x = auto", "x = T.AUTO_REUSE"), ("x = false", "x = False"),
    ("x = 1.5e3", "x = 1.5e3"),
])
def test_expressions_keep_python_precedence(source, python):
    assert body(f"a = 1; b = 2; c = 3; {source}")[-1] == python


@pytest.mark.parametrize("text", ['a"b', "a\\b", "line\nbreak", "tab\there", "é", "\x01"])
def test_strings_round_trip_through_python(text):
    assert eval(python_string(text)) == text


def test_option_strings_are_escaped():
    assert body('scope "a\\"b" < >')[0] == 'with T.variable_scope("a\\"b"):'


# ------------------------------------------------------------- line map


def test_line_map_points_at_the_scope_statements():
    source = 'v = var w [1]\nscope "a" <\n    print v\n>\n'
    result = emit_program(parse(source, "t.scope"))
    lines = result.source.splitlines()
    by_text = {lines[py - 1].strip(): where for py, where in result.line_map.items()}
    assert by_text['v = T.get_variable("w", [1])'] == (1, 1)
    assert by_text['with T.variable_scope("a"):'] == (2, 1)
    assert by_text["print(v.name)"] == (3, 5)


def test_expression_spans_point_at_the_scope_expressions():
    result = emit_program(parse("v = var w [1]", "t.scope"))
    py = next(n for n, line in enumerate(result.source.splitlines(), 1) if line.startswith("v ="))
    line = result.source.splitlines()[py - 1].encode()
    spans = {line[start:end].decode(): where for start, end, where in result.spans[py]}
    assert spans['T.get_variable("w", [1])'] == (1, 5)


# ------------------------------------------------------------ deep nesting


def nested(depth: int) -> str:
    return 'scope "s" <\n' * depth + "var v [1]\n" + ">\n" * depth


def test_blocks_deeper_than_python_allows_move_into_functions():
    result = emit_program(parse(nested(60), "t.scope"))
    assert result.block_depth == 60
    assert "def nested_block_1():" in result.source
    compile(result.source, "emitted", "exec")


def test_functions_declare_the_handles_global():
    result = emit_program(parse('scope "a" <\n' * 40 + "v = var v [1]\n" + ">\n" * 40 + "print v",
                                "t.scope"))
    assert "    global v" in result.source
    compile(result.source, "emitted", "exec")


def test_try_blocks_count_towards_the_limit():
    source = "try <\n" * 30 + "var v [1]\n" + "> except ValueError as e\n" * 30
    compile(emit(parse(source, "t.scope")), "emitted", "exec")


def test_shallow_programs_stay_flat():
    assert "def nested_block" not in emit(parse(nested(MAX_BLOCKS_PER_FUNCTION), "t.scope"))


def test_ten_thousand_levels_emit_and_compile():
    result = emit_program(parse(nested(10_000), "deep.scope"))
    assert result.block_depth == 10_000
    compile(result.source, "emitted", "exec")


def test_a_ten_thousand_term_expression_does_not_exhaust_the_stack():
    source = "a = 1\nx = " + " + ".join(["a"] * 10_000)
    assert emit(parse(source, "t.scope")).splitlines()[-1].startswith("x = a + a + a")


# ---------------------------------------------------------------- corpus


CASES = sorted(CORPUS.rglob("*.scope"))


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.relative_to(CORPUS).as_posix())
def test_every_corpus_program_emits_valid_python(case: Path):
    compile(emit(parse(case.read_text(encoding="utf-8"), case.name)), case.name, "exec")
