"""Tests of `scopesim.parser`: one small test per rule of the grammar, then
the syntax errors, then fuzzing (nothing but ScopeSyntaxError ever escapes)."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scopesim import parser
from scopesim.ast import (Assert, Assign, Attribute, BinOp, Call, Compare, ConstOp, ExprStmt,
                          GetVariable, Handler, Initializer, Literal, Name, NameScope, Neg,
                          NewVariable, NoOp, Not, Number, Option, Print, Program, Reuse, Shape,
                          Span, Str, Try, VariableScope)
from scopesim.errors import CATCHABLE, ScopeSyntaxError
from scopesim.parser import parse

# Spans of nodes built by hand below do not matter unless a test says so:
# `S` is a placeholder, and `strip` replaces every span in a parsed tree by it.
S = Span(0, 0, 0, 0)


def strip(node):
    """`node` with every Span replaced by S (Initializer spans already compare equal)."""
    if isinstance(node, tuple):
        return tuple(strip(n) for n in node)
    if not hasattr(node, "__dataclass_fields__"):
        return node
    fields = {}
    for name in node.__dataclass_fields__:
        value = getattr(node, name)
        fields[name] = S if isinstance(value, Span) else strip(value)
    return type(node)(**fields)


def stmts(text):
    return strip(parse(text).statements)


def stmt(text):
    (only,) = stmts(text)
    return only


def expr(text):
    """The expression of the statement `x = <text>`."""
    return stmt(f"x = {text}").value


def n(name):
    return Name(name, S)


def num(value, text=None):
    return Number(value, text if text is not None else str(value), S)


# ------------------------------------------------------------------ program


def test_program_keeps_filename_and_source():
    program = parse("reuse\n", "a.scope")
    assert program == Program((Reuse(Span(1, 1, 1, 6)),), "a.scope", "reuse\n")
    assert program.source == "reuse\n"


def test_empty_program():
    assert parse("").statements == ()
    assert parse("  \n\n# only a comment\n;;\n").statements == ()


def test_separators_newline_semicolon_blank_lines():
    assert stmts("reuse;reuse\n\n\nreuse ; ; reuse;\n") == (Reuse(S),) * 4


def test_comments():
    assert stmts("# head\nreuse  # trailing\n# between\n\nreuse # end") == (Reuse(S),) * 2


def test_crlf_line_endings():
    program = parse("reuse\r\nx = 1\r\n")
    assert program.statements[1].span == Span(2, 1, 2, 6)


# --------------------------------------------------------------- statements


def test_assign_spans():
    (assign,) = parse("  v = var w [2, 3]").statements
    assert assign == Assign(
        "v", GetVariable("w", Shape((2, 3), Span(1, 13, 1, 19)), (), Span(1, 7, 1, 19)),
        Span(1, 3, 1, 19), Span(1, 3, 1, 4))


def test_expr_stmt_span():
    (statement,) = parse("\nadd(a, b)").statements
    assert statement == ExprStmt(
        Call("add", (Name("a", Span(2, 5, 2, 6)), Name("b", Span(2, 8, 2, 9))), None,
             Span(2, 1, 2, 10)), Span(2, 1, 2, 10))


def test_reuse():
    assert parse("reuse").statements == (Reuse(Span(1, 1, 1, 6)),)


def test_print_several_values():
    assert stmt('print x, "s", 1') == Print((n("x"), Str("s", S), num(1)), S)


def test_assert_with_and_without_message():
    assert stmt("assert a == b") == Assert(Compare("==", n("a"), n("b"), S), None, S)
    assert stmt('assert a, "m"') == Assert(n("a"), Str("m", S), S)


# ------------------------------------------------------------------- scopes


def test_scope_with_string_name_and_head_span():
    (scope,) = parse('scope "a" as s <\n  reuse\n>').statements
    assert scope == VariableScope(Str("a", Span(1, 7, 1, 10)), (), "s", (Reuse(Span(2, 3, 2, 8)),),
                                  Span(1, 1, 3, 2), Span(1, 1, 1, 15))


def test_scope_with_handle_target():
    assert stmt("scope s < >") == VariableScope(n("s"), (), None, (), S, S)


def test_scope_and_name_scope_take_an_attribute_of_a_handle():
    """`name_scope s.original_name_scope < >` re-enters a captured scope's name scope."""
    assert stmt("name_scope s.original_name_scope < >").target == Attribute(
        n("s"), "original_name_scope", S)
    assert stmt("scope a.b.c < >").target == Attribute(Attribute(n("a"), "b", S), "c", S)


def test_scope_none_with_default():
    assert stmt('scope none default="d" < >') == VariableScope(
        Literal(None, S), (Option("default", "d", S),), None, (), S, S)


def test_scope_default_only():
    assert stmt('scope default="dense" < >').target is None


def test_scope_all_options_any_order():
    scope = stmt('scope "a" initializer=constant(0.5) dtype=float64 aux=false '
                 'reuse=auto default=none < >')
    assert scope.options == (Option("initializer", Initializer("constant", 0.5), S),
                             Option("dtype", "float64", S), Option("aux", False, S),
                             Option("reuse", "auto", S), Option("default", None, S))


@pytest.mark.parametrize("word, value", [("true", True), ("True", True), ("false", False),
                                         ("False", False), ("none", None), ("None", None),
                                         ("auto", "auto"), ("AUTO_REUSE", "auto")])
def test_scope_reuse_spellings(word, value):
    assert stmt(f'scope "a" reuse={word} < >').options == (Option("reuse", value, S),)


def test_option_span_covers_key_and_value():
    (scope,) = parse('scope "a" reuse = true < >').statements
    assert scope.options == (Option("reuse", True, Span(1, 11, 1, 23)),)


def test_scope_one_line_block():
    assert stmt('scope "scope1" < var variable1 [1]; reuse; var variable1 [1] >') == VariableScope(
        Str("scope1", S), (), None,
        (ExprStmt(GetVariable("variable1", Shape((1,), S), (), S), S), Reuse(S),
         ExprStmt(GetVariable("variable1", Shape((1,), S), (), S), S)), S, S)


def test_nested_multi_line_blocks():
    scope = stmt('scope "a" <\n\n  name_scope "b" <\n    reuse\n  >\n\n>\n')
    assert scope.body == (NameScope(Str("b", S), (), None, (Reuse(S),), S, S),)


def test_name_scope_forms():
    assert stmt('name_scope "n" as ns < >') == NameScope(Str("n", S), (), "ns", (), S, S)
    assert stmt("name_scope ns < >").target == n("ns")
    assert stmt("name_scope none < >").target == Literal(None, S)
    assert stmt('name_scope "" < >').target == Str("", S)
    assert stmt('name_scope default="d" < >').options == (Option("default", "d", S),)


def test_ten_thousand_nested_blocks():
    depth = 10_000
    program = parse('scope "a" <' * depth + ">" * depth)
    node, levels = program.statements[0], 1
    while node.body:
        (node,), levels = node.body, levels + 1
    assert levels == depth


def test_ten_thousand_nested_parentheses():
    value = expr("(" * 10_000 + "x" + ")" * 10_000)
    assert value == n("x")


# ---------------------------------------------------------------------- try


def test_try_except_on_next_line():
    source = "try <\n  var x [1]\n>\nexcept ValueError as e <\n  print e\n>"
    (statement,) = parse(source).statements
    assert strip(statement) == Try(
        (ExprStmt(GetVariable("x", Shape((1,), S), (), S), S),),
        (Handler("ValueError", "e", (Print((n("e"),), S),), S),), S)
    assert statement.handlers[0].span == Span(4, 1, 6, 2)


def test_try_handler_without_block_and_several_handlers():
    statement = stmt("try < reuse > except ValueError\n\n# note\nexcept Exception as e < >")
    assert statement.handlers == (Handler("ValueError", None, (), S),
                                  Handler("Exception", "e", (), S))


@pytest.mark.parametrize("exc", CATCHABLE)
def test_try_every_catchable_class(exc):
    assert stmt(f"try < > except {exc}").handlers[0].exc_type == exc


def test_try_then_next_statement():
    assert len(stmts("try < > except ValueError < >\nreuse")) == 2


# ---------------------------------------------------------------- variables


def test_var_without_shape():
    assert expr("var w") == GetVariable("w", None, (), S)


def test_var_options():
    assert expr("var w [1] dtype=int32 trainable=false initializer=ones") == GetVariable(
        "w", Shape((1,), S), (Option("dtype", "int32", S), Option("trainable", False, S),
                              Option("initializer", Initializer("ones"), S)), S)


@pytest.mark.parametrize("name", ["true", "0x", "scope", "as", "a.b-c", "_x", "1"])
def test_var_bare_word_names(name):
    assert expr(f"var {name} [1]").name == name


def test_var_string_name_with_escapes():
    assert expr(r'var "a b\"c\\d\n\t" []').name == 'a b"c\\d\n\t'


def test_variable_forms():
    assert expr("variable v1 [2, 3]") == NewVariable("v1", Shape((2, 3), S), (), S)
    assert expr("variable [2]") == NewVariable(None, Shape((2,), S), (), S)
    assert expr('variable "v" [] init=zeros dtype=float16 trainable=true').options == (
        Option("init", Initializer("zeros"), S), Option("dtype", "float16", S),
        Option("trainable", True, S))


@pytest.mark.parametrize("source, dims", [("[]", ()), ("[None, 3]", (None, 3)), ("[2,]", (2,)),
                                          ("[none,none]", (None, None)), ("[0, 10]", (0, 10))])
def test_shape(source, dims):
    assert expr(f"var w {source}").shape == Shape(dims, S)


@pytest.mark.parametrize("dtype", ["float16", "float32", "float64", "int32", "int64", "bool"])
def test_dtypes(dtype):
    assert expr(f"var w dtype={dtype}").options == (Option("dtype", dtype, S),)


@pytest.mark.parametrize("source, initializer", [
    ("zeros", Initializer("zeros")), ("ones", Initializer("ones")),
    *[(name, Initializer(name)) for name in ("glorot_uniform", "glorot_normal", "random_normal",
                                             "random_uniform", "truncated_normal")],
    ("constant(0.5)", Initializer("constant", 0.5)), ("constant(-2)", Initializer("constant", -2))])
def test_initializers(source, initializer):
    assert expr(f"var w initializer={source}").options == (Option("initializer", initializer, S),)


def test_initializer_span():
    (option,) = parse("var w initializer=constant(1)").statements[0].expr.options
    assert option.value.span == Span(1, 19, 1, 30)


def test_op_forms():
    assert expr("op") == NoOp(None, S)
    assert expr("op foo") == NoOp("foo", S)
    assert expr("op a.b-c") == NoOp("a.b-c", S)
    assert expr('op "x y"') == NoOp("x y", S)
    assert expr('op name="n"') == NoOp("n", S)


def test_const_forms():
    assert expr("const 1.0") == ConstOp(num(1.0, "1.0"), None, S)
    assert expr('const -2 name="c"') == ConstOp(num(-2, "-2"), "c", S)
    assert expr("const true") == ConstOp(Literal(True, S), None, S)
    assert expr('const "s"') == ConstOp(Str("s", S), None, S)


# -------------------------------------------------------------- expressions


@pytest.mark.parametrize("word, value", [("true", True), ("True", True), ("false", False),
                                         ("False", False), ("none", None), ("None", None),
                                         ("auto", "auto"), ("AUTO_REUSE", "auto")])
def test_literal_spellings(word, value):
    assert expr(word) == Literal(value, S)


@pytest.mark.parametrize("text, value", [("3", 3), ("1.0", 1.0), (".5", 0.5), ("1e-3", 1e-3),
                                         ("2.", 2.0), ("1.5E+2", 150.0), ("0", 0), ("00", 0),
                                         ("007.5", 7.5)])
def test_numbers_keep_their_text(text, value):
    number = expr(text)
    assert number == Number(value, text, S) and type(number.value) is type(value)


def test_negative_number_folds():
    (assign,) = parse("x = -1").statements
    assert assign.value == Number(-1, "-1", Span(1, 5, 1, 7))
    assert expr("-(2.5)") == num(-2.5, "-2.5")
    assert expr("- -1") == num(1, "--1")


def test_neg_of_non_number():
    assert expr("-x") == Neg(n("x"), S)


def test_strings():
    assert expr('""') == Str("", S)
    assert expr(r'"tab\there"') == Str("tab\there", S)


def test_handle_and_attribute():
    assert expr("get_variable_scope().original_name_scope") == Attribute(
        Call("get_variable_scope", (), None, S), "original_name_scope", S)
    assert expr("v.shape.x") == Attribute(Attribute(n("v"), "shape", S), "x", S)


def test_attribute_may_be_a_keyword():
    assert expr("get_variable_scope().reuse") == Attribute(
        Call("get_variable_scope", (), None, S), "reuse", S)


def test_identifier_that_starts_with_a_keyword_is_a_handle():
    assert stmt("scopes = isx") == Assign("scopes", n("isx"), S, S)


def test_call_arguments():
    assert expr("f()") == Call("f", (), None, S)
    assert expr("f(a,)") == Call("f", (n("a"),), None, S)
    assert expr('f(name="n")') == Call("f", (), "n", S)
    assert expr('add(a, b, name="n")') == Call("add", (n("a"), n("b")), "n", S)
    assert expr('trainable_variables("a")') == Call("trainable_variables", (Str("a", S),), None,
                                                    S)


def test_precedence_mul_over_add():
    assert expr("a + b * c") == BinOp("+", n("a"), BinOp("*", n("b"), n("c"), S), S)


def test_precedence_parentheses():
    assert expr("(a + b) @ c") == BinOp("@", BinOp("+", n("a"), n("b"), S), n("c"), S)


def test_precedence_left_associative():
    assert expr("a - b - c") == BinOp("-", BinOp("-", n("a"), n("b"), S), n("c"), S)
    assert expr("a / b * c") == BinOp("*", BinOp("/", n("a"), n("b"), S), n("c"), S)


def test_precedence_unary_minus_binds_tighter_than_mul_looser_than_attribute():
    assert expr("-a * b") == BinOp("*", Neg(n("a"), S), n("b"), S)
    assert expr("-a.b") == Neg(Attribute(n("a"), "b", S), S)


def test_precedence_comparison_and_not():
    assert expr("not a == b + 1") == Not(Compare("==", n("a"), BinOp("+", n("b"), num(1), S), S), S)
    assert expr("a is not b") == Compare("is not", n("a"), n("b"), S)
    assert expr("a != b") == Compare("!=", n("a"), n("b"), S)
    assert expr("not not a") == Not(Not(n("a"), S), S)


def test_binop_span():
    (assign,) = parse("x = a+b").statements
    assert assign.value == BinOp("+", Name("a", Span(1, 5, 1, 6)), Name("b", Span(1, 7, 1, 8)),
                                 Span(1, 5, 1, 8))


def test_variables_as_operands():
    assert expr("var a [1] + variable [1]") == BinOp(
        "+", GetVariable("a", Shape((1,), S), (), S), NewVariable(None, Shape((1,), S), (), S), S)


# ----------------------------------------------------------- syntax errors

ERRORS = [
    # source, line, column, message, incomplete
    ('scope "a" <\n  var x [1]\n', 1, 11, "'<' was never closed", True),
    ("try <\n  reuse\n>\n", 3, 2,
     "try < ... > needs an except clause, e.g. except ValueError < ... >", True),
    ('print "abc', 1, 7, "unterminated string", True),
    ("x = 1 +", 1, 8, "unexpected end of input; expected an expression", True),
    ("print add(a,", 1, 10, "'(' was never closed", True),
    ("x = 1 $ 2", 1, 7, "unexpected character '$'", False),
    ("reuse\nscope = 1", 2, 1, "`scope` is a keyword and cannot be used as a handle", False),
    ("print none.x\nx = var", 2, 8,
     "unexpected end of input; expected one of: a name, a string", True),
    ("x = not", 1, 8, "unexpected end of input; expected an expression", True),
    ("scope reuse=true < >", 1, 1,
     'scope needs a name (scope "a"), a handle (scope s) or default="..."', False),
    ("name_scope < >", 1, 1,
     'name_scope needs a name (name_scope "a"), a handle (name_scope s) or default="..."', False),
    ('scope "a" reuse=true reuse=false < >', 1, 22, "option reuse= given twice", False),
    ('scope "a" reuse=maybe < >', 1, 17, "reuse= takes true, false, none or auto", False),
    ("var w dtype=float8", 1, 13,
     "unknown dtype float8; expected one of float16, float32, float64, int32, int64, bool", False),
    ("var w [1] reuse=true", 1, 11,
     "var does not take option reuse=; it takes dtype=, trainable=, initializer=", False),
    ("variable v", 1, 11, "variable needs a shape, e.g. variable v [2, 3]", True),
    ("x = variable v dtype=int32", 1, 16, "variable needs a shape, e.g. variable v [2, 3]", False),
    ('scope "a" <\n  var w [2, 1.5]\n>', 2, 13, "a shape dimension is a whole number or None", False),
    ("var w [-1]", 1, 8, "a shape dimension is a whole number or None", False),
    ("try < > except KeyError", 1, 16,
     "unknown exception class KeyError; except takes one of: " + ", ".join(CATCHABLE), False),
    ('print "a\\qb"', 1, 9, 'invalid escape \\q in a string (use \\", \\\\, \\n or \\t)', False),
    ("x = a isx", 1, 7, "unexpected 'isx'; expected one of: '!=', '(', '*', '+', '-', '.', '/', "
                        "'==', '@', 'is', end of input, end of line", False),
    ("x = 1 +\ny = 2", 1, 8, "unexpected end of line; expected an expression", False),
    ("x = 1 +\n", 1, 8, "unexpected end of line; expected an expression", True),
    ("scope \"a\" < > >", 1, 15, "unexpected '>'; expected end of input", False),
    ("x = 007", 1, 5, "leading zeros in decimal integer literals are not permitted", False),
    ("x = 1x", 1, 5, "unexpected '1x'; expected an expression", False),
    ("reuse\n  except ValueError", 2, 3, "`except` without a `try < ... >` before it", False),
    ("x.1", 1, 3, "an attribute name follows '.', e.g. x.name", False),
]


@pytest.mark.parametrize("source, line, column, message, incomplete", ERRORS)
def test_syntax_error(source, line, column, message, incomplete):
    with pytest.raises(ScopeSyntaxError) as caught:
        parse(source, "bad.scope")
    error = caught.value
    assert (error.line, error.column, error.message, error.incomplete) == (
        line, column, message, incomplete)
    assert error.source_line == source.split("\n")[line - 1]


def test_integer_python_cannot_convert_is_a_syntax_error():
    with pytest.raises(ScopeSyntaxError, match=r"integer literal too long \(5000 digits"):
        parse("x = " + "9" * 5000)


def test_syntax_error_renders_file_line_and_caret():
    with pytest.raises(ScopeSyntaxError) as caught:
        parse('reuse\nscope "a" reuse=maybe < >\n', "prog.scope")
    text = str(caught.value)
    assert "prog.scope:2:17: syntax error: reuse= takes true, false, none or auto" in text
    lines = text.splitlines()
    assert lines[1] == '    scope "a" reuse=maybe < >'
    assert lines[2] == "    " + " " * 16 + "^"


def test_syntax_error_lists_expected_words():
    with pytest.raises(ScopeSyntaxError) as caught:
        parse('scope "a" x < >')
    assert caught.value.expected == ("'<'", "'as'", "'aux='", "'default='", "'dtype='",
                                     "'initializer='", "'reuse='")


@pytest.mark.parametrize("keyword", sorted(parser.KEYWORDS))
def test_keywords_cannot_be_handles(keyword):
    with pytest.raises(ScopeSyntaxError) as caught:
        parse(f"reuse; {keyword} = 2")
    error = caught.value
    assert (error.line, error.column, error.message) == (
        1, 8, f"`{keyword}` is a keyword and cannot be used as a handle")


@pytest.mark.parametrize("source", ["print scope", "x = 1 + default", 'scope "a" as reuse < >',
                                    "x = try.name"])
def test_keyword_where_a_handle_is_expected(source):
    with pytest.raises(ScopeSyntaxError, match="is a keyword and cannot be used as a handle"):
        parse(source)


def test_keyword_list_matches_grammar():
    ident = re.compile(parser._lark().get_terminal("IDENT").pattern.value)
    for keyword in parser.KEYWORDS:
        assert not ident.fullmatch(keyword), keyword
        assert ident.fullmatch(keyword + "_"), keyword


@pytest.mark.parametrize("message, examples", parser._EXAMPLES)
def test_every_known_mistake_gets_its_message(message, examples):
    for example in examples:
        with pytest.raises(ScopeSyntaxError) as caught:
            parse(example)
        expected = message.format(token=re.split(r"[=\s]", example)[-1])
        assert caught.value.message == expected, example


def test_known_mistake_inside_a_block_gets_the_same_message():
    with pytest.raises(ScopeSyntaxError) as caught:
        parse('scope "a" <\n  x = variable v dtype=int32\n>')
    assert caught.value.message == "variable needs a shape, e.g. variable v [2, 3]"


def test_grammar_file_is_found():
    assert parser._grammar_path().is_file()


# ------------------------------------------------------------------ fuzzing

VALID = r'''# every construct once
scope "scope1" < var variable1 [1]; reuse; var variable1 [1] >
x = var w [2, 3] dtype=float64 trainable=false initializer=constant(-0.5)
v = variable v1 [None, 3,] init=zeros
scope s reuse=auto aux=false default="d" as t <
  name_scope "n" as ns <
    y = add(x, v, name="sum") * -2.5 @ x.shape
    print y.name, get_name_scope()
    assert not y is not x, "m\"\\\n\t"
  >
>
try <
  const 1 name="c"
  op foo.bar-1
>
except ValueError as e <
  print e
>
except TypeError
'''

PIECES = ["scope", "name_scope", "var", "variable", "op", "const", "reuse", "print", "assert",
          "try", "except", "as", "is", "not", "default=", "reuse=", "dtype=", "name=", '"', "\\",
          "<", ">", "(", ")", "[", "]", ",", ";", "\n", "\r", "\t", "#", "=", "==", ".", "-",
          "1", "1.5", "x", "none", "é", "\u2028", "\x00", "9" * 5000]


def parses_or_raises_syntax_error(text):
    try:
        parse(text, "fuzz.scope")
    except ScopeSyntaxError as error:
        assert error.line >= 1 and error.column >= 1
        assert error.source_line == text.split("\n")[error.line - 1].rstrip("\r")
        str(error)


def test_valid_fuzz_seed_parses():
    assert len(parse(VALID).statements) == 5


@settings(max_examples=500, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text())
def test_arbitrary_text_only_raises_syntax_errors(text):
    parses_or_raises_syntax_error(text)


@settings(max_examples=500, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.tuples(st.integers(0, len(VALID)),
                          st.sampled_from(["insert", "delete", "replace", "cut"]),
                          st.sampled_from(PIECES)), min_size=1, max_size=4))
def test_mutated_program_only_raises_syntax_errors(mutations):
    text = VALID
    for position, kind, piece in mutations:
        position = min(position, len(text))
        if kind == "insert":
            text = text[:position] + piece + text[position:]
        elif kind == "delete":
            text = text[:position] + text[position + len(piece):]
        elif kind == "replace":
            text = text[:position] + piece + text[position + len(piece):]
        else:
            text = text[:position]
    parses_or_raises_syntax_error(text)


def test_the_word_except_inside_a_comment_is_not_the_keyword():
    """A comment mentioning except, on its own line or after `>`, stays a comment."""
    assert len(parse("# a comment mentioning except here\nvar w [1]\n").statements) == 1
    program = parse("try < var w [1] > # note\n  # except in a comment\n\nexcept ValueError < >\n")
    assert [h.exc_type for h in program.statements[0].handlers] == ["ValueError"]
