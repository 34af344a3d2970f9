"""Tests of `scopesim.parser`: one small test per rule of the grammar (the
Python each form compiles to, through `ast.unparse`), then the syntax errors,
then fuzzing (nothing but ScopeSyntaxError ever escapes)."""

from __future__ import annotations

import ast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scopesim.errors import ScopeSyntaxError
from scopesim.parser import parse


def py(text: str) -> str:
    return ast.unparse(parse(text, "t.scope").module)


def error(text: str) -> ScopeSyntaxError:
    with pytest.raises(ScopeSyntaxError) as info:
        parse(text, "t.scope")
    return info.value


# ----------------------------------------------------------- version 1 forms

def test_get_variable():
    assert py("var w [2, 3]") == "tf.get_variable('w', [2, 3])"


def test_get_variable_options_keep_version_1_words():
    assert py("var w [1] dtype=int32 trainable=false initializer=ones") == (
        "tf.get_variable('w', [1], dtype=tf.int32, trainable=False, "
        "initializer=tf.ones_initializer())")


def test_get_variable_constant_initializer():
    assert py("var w [] initializer=constant(0.5)") == (
        "tf.get_variable('w', [], initializer=tf.constant_initializer(0.5))")


def test_get_variable_name_is_literal_and_shape_takes_expressions():
    assert py('var f"w{i}" [n, 2 * n]') == "tf.get_variable(f'w{i}', [n, 2 * n])"
    assert py("var a.b-c") == "tf.get_variable('a.b-c')"


def test_new_variable():
    assert py("variable v1 [2, 3]") == "tf.Variable(tf.random_normal([2, 3]), name='v1')"
    assert py("variable [2] init=zeros") == "tf.Variable(tf.zeros([2]))"
    assert py("variable v [2] init=constant(0.5) dtype=int32") == (
        "tf.Variable(tf.constant(0.5, shape=[2], dtype=tf.int32), name='v')")


def test_no_op_and_const():
    assert py("op foo") == "tf.no_op(name='foo')"
    assert py("a = op") == "a = tf.no_op()"
    assert py('op name="n"') == "tf.no_op(name='n')"
    assert py('x = const 1.0 name="c"') == "x = tf.constant(1.0, name='c')"


def test_scope_statement():
    assert py('scope "a" reuse=true as s < >') == (
        "with tf.variable_scope('a', reuse=True) as s:\n    pass")
    assert py('scope default="d" aux=false < >') == (
        "with tf.variable_scope(None, default_name='d', auxiliary_name_scope=False):\n    pass")
    assert py('scope "emb" partitioner=p < >') == (
        "with tf.variable_scope('emb', partitioner=p):\n    pass")


def test_name_scope_statement():
    assert py('name_scope "n" as ns < >') == "with tf.name_scope('n') as ns:\n    pass"


def test_reuse_statement():
    assert py("reuse") == "tf.get_variable_scope().reuse_variables()"


def test_auto_literal():
    assert py("x = auto") == "x = tf.AUTO_REUSE"


def test_version_1_bare_functions():
    assert py("x = relu(add(a, b))") == "x = tf.nn.relu(tf.add(a, b))"
    assert py("print global_variables()") == (
        "print(__scopesim_show(__scopesim_names(tf.global_variables())))")
    assert py("print get_name_scope()") == (
        "print(__scopesim_show(tf.get_default_graph().get_name_scope()))")


def test_a_bound_name_is_the_programs_function():
    assert py("def relu(x) < return x >\ny = relu(1)").endswith("y = relu(1)")


def test_rebound_tf_leaves_the_lowered_forms_alone():
    assert py("tf = 1\nvar w [1]") == "tf = 1\n__tf.get_variable('w', [1])"


# ------------------------------------------------------------- soft keywords

def test_soft_keywords_are_names_elsewhere():
    assert py("def discriminator(x, reuse=False) < >") == (
        "def discriminator(x, reuse=False):\n    pass")
    assert py('with tf.variable_scope("d", reuse=reuse) < >') == (
        "with tf.variable_scope('d', reuse=reuse):\n    pass")
    assert py("for op in ops < print op >") == (
        "for op in ops:\n    print(__scopesim_show(op))")
    assert py("scope = 1; var = scope + 1") == "scope = 1\nvar = scope + 1"


# ------------------------------------------------------- version 2 statements

def test_print_forms():
    assert py("print a, b") == "print(__scopesim_show(a), __scopesim_show(b))"
    assert py('print(a, sep="")') == "print(__scopesim_show(a), sep='')"
    assert py("print (a) + 1") == "print(__scopesim_show(a + 1))"
    assert py("print") == "print()"


def test_print_statement_after_a_print_call_prints_its_own_values():
    """The call form's argument group is never taken for a later statement's
    value (Python, running the emitted program, printed `1-2x`)."""
    from scopesim.runner import run
    program = parse('print(1, 2, sep="-", end="")\nprint "x"\nprint "y", 2\n', "t.scope")
    assert run(program).output == ["1-2x", "y 2"]


def test_is_with_a_literal_compiles_without_a_warning(recwarn):
    parse('a = "ab"\nprint a is "ab"\n', "t.scope")
    assert not [w for w in recwarn if issubclass(w.category, SyntaxWarning)]


def test_def_with_every_kind_of_parameter():
    assert py("def f(a, b=1, *args, c, d=2, **kw) < return a, b >") == (
        "def f(a, b=1, *args, c, d=2, **kw):\n    return (a, b)")


def test_if_elif_else_on_later_lines():
    assert py("if a < x = 1 >\nelif b < x = 2 >\nelse < x = 3 >") == (
        "if a:\n    x = 1\nelif b:\n    x = 2\nelse:\n    x = 3")


def test_for_while_break_continue():
    assert py("for i, x in enumerate(xs) < continue >") == (
        "for i, x in enumerate(xs):\n    continue")
    assert py("while (i < 3) < break >") == "while i < 3:\n    break"


def test_try_with_several_handlers_and_finally():
    assert py("try < x > except (ValueError, TypeError) as e < pass > except < pass > "
              "finally < pass >") == (
        "try:\n    x\nexcept (ValueError, TypeError) as e:\n    pass\nexcept:\n    pass\n"
        "finally:\n    pass")


def test_version_1_handler_without_block():
    assert py("try < x > except ValueError") == "try:\n    x\nexcept ValueError:\n    pass"


def test_assignments():
    assert py("a, *b = c = d") == "a, *b = c = d"
    assert py("x += 1; xs[0] = 2") == "x += 1\nxs[0] = 2"


def test_global_nonlocal_raise_lambda():
    assert py("global q") == "global q"
    assert py('raise ValueError("x")') == "raise ValueError('x')"
    assert py("f = lambda x: x + 1") == "f = lambda x: x + 1"


# ------------------------------------------------------------- expressions

def test_operators_inside_brackets():
    assert py("x = (a < b)") == "x = a < b"
    assert py("x = [i * 2 for i in range(3) if (i > 0)]") == (
        "x = [i * 2 for i in range(3) if i > 0]")


def test_containers_slices_and_calls():
    assert py('x = {"a": 1, **d}; s = {1, 2}; t = (1,)') == (
        "x = {'a': 1, **d}\ns = {1, 2}\nt = (1,)")
    assert py("xs[1:]; xs[::-1]; xs[:, 1:]; xs[..., 0]") == (
        "xs[1:]\nxs[::-1]\nxs[:, 1:]\nxs[..., 0]")
    assert py("f(*a, k=1, **kw)") == "f(*a, k=1, **kw)"


def test_numbers_and_strings():
    assert py("x = 0x1F + 1_000 + 1e-3 + .5") == "x = 31 + 1000 + 0.001 + 0.5"
    assert py("x = 'a' \"b\" f'{i:02d}'") == "x = f'ab{i:02d}'"


def test_newlines_inside_brackets():
    assert py("x = [1,\n 2]") == "x = [1, 2]"


def test_positions_are_the_scope_positions():
    node = parse("x = 1\n  y = var w [1]", "t.scope").module.body[1].value
    assert (node.lineno, node.col_offset) == (2, 6)


def test_ten_thousand_nested_blocks():
    depth = 10_000
    program = parse('scope "a" < ' * depth + "var w [1]" + " >" * depth, "t.scope")
    assert program.block_depth == depth


# ------------------------------------------------------------- syntax errors

@pytest.mark.parametrize("text, words", [
    ("class A < >", "classes are not in the scope language"),
    ("import os", "import is not in the scope language"),
    ("del x", "del is not in the scope language"),
    ("obj.x = 1", "attribute assignment"),
    ("x = y._z", "attributes starting with _"),
    ("__x = 1", "reserved"),
    ('x = "a\\q"', "invalid escape"),
    ("f(k=1, 2)", "positional argument follows keyword argument"),
    ("x = (a, k=1)", "keyword arguments"),
    ("def f(a=1, b) < >", "non-default argument follows default argument"),
])
def test_syntax_errors_say_what_is_wrong(text, words):
    assert words in error(text).message


def test_unclosed_block_is_incomplete():
    e = error('scope "a" <\n  var x [1]\n')
    assert e.incomplete and "'<' was never closed" in e.message and (e.line, e.column) == (1, 11)


def test_syntax_error_renders_with_a_caret():
    text = error("x = = 1").render()
    assert text.startswith("t.scope:1:5: syntax error:") and text.endswith("    ^")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet='abvrsocpe <>()[]{}="\'f,.:;+-*/\n#0123456789_', max_size=60))
def test_arbitrary_text_never_escapes_as_another_exception(text):
    try:
        parse(text, "t.scope")
    except ScopeSyntaxError:
        pass


def test_a_raw_nul_in_a_string_is_the_character():
    """Python's parser refuses source holding a NUL; the language keeps it."""
    from scopesim.runner import run
    result = run(parse('x = "a\x00b"\ny = f"c\x00{1}"\nprint len(x), len(y)\n', "t.scope"))
    assert result.error is None and result.output == ["3 3"]


@pytest.mark.parametrize("text, kind", [("x = 1\nx, /= 2.0\n", "tuple"),
                                        ("x = 1\n[x] += 2\n", "list"),
                                        ("x = 1\n*x, += 2\n", "tuple")])
def test_augmented_assignment_to_a_tuple_or_list_is_pythons_syntax_error(text, kind):
    # Python: "'tuple' is an illegal expression for augmented assignment", at the
    # target's start (it was an invalid AST, an internal SystemError; found by fuzzing)
    e = error(text)
    assert e.message == f"'{kind}' is an illegal expression for augmented assignment"
    assert (e.line, e.column) == (2, 1)
