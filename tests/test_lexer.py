"""The Pygments lexer of the `.scope` language (REPL highlighting, traces)."""

from pygments.token import (Comment, Error, Keyword, Name, Number, Operator, Punctuation,
                            String, Whitespace)

from scopesim.lexer import ScopeLexer


def tokens(source: str) -> list[tuple[object, str]]:
    """The tokens of `source` without whitespace."""
    return [(token, value) for token, value in ScopeLexer().get_tokens(source)
            if token is not Whitespace and value.strip()]


def test_small_program_tokens():
    source = ('scope "scope1" reuse=auto <  # share\n'
              '    v = var variable1 [1, None] initializer=zeros\n'
              '    print v.name\n'
              '>\n')
    assert tokens(source) == [
        (Keyword, "scope"), (String.Double, '"'), (String.Double, "scope1"),
        (String.Double, '"'), (Name.Attribute, "reuse"), (Operator, "="),
        (Keyword.Constant, "auto"), (Punctuation, "<"), (Comment.Single, "# share"),
        (Name, "v"), (Operator, "="), (Keyword, "var"), (Name.Variable, "variable1"),
        (Punctuation, "["), (Number.Integer, "1"), (Punctuation, ","),
        (Keyword.Constant, "None"), (Punctuation, "]"), (Name.Attribute, "initializer"),
        (Operator, "="), (Name.Builtin, "zeros"),
        (Keyword, "print"), (Name, "v"), (Punctuation, "."), (Name.Attribute, "name"),
        (Punctuation, ">"),
    ]


def test_reuse_statement_is_a_keyword_but_reuse_option_is_an_attribute():
    assert tokens("reuse")[0] == (Keyword, "reuse")
    assert tokens('scope "a" reuse = true < >')[4] == (Name.Attribute, "reuse")


def test_name_after_var_variable_and_op_is_a_variable_name_even_with_dashes_and_dots():
    assert tokens("var w-1.b [2]")[1] == (Name.Variable, "w-1.b")
    assert tokens("variable v1 [2] init=ones")[1] == (Name.Variable, "v1")
    assert tokens("op foo")[1] == (Name.Variable, "foo")


def test_option_key_after_op_is_not_taken_for_the_op_name():
    assert tokens('op name="x"')[1] == (Name.Attribute, "name")


def test_numbers_dtypes_exceptions_and_functions():
    found = tokens("x = add(1.5, 2) @ const 1e-3 dtype=float64\n"
                   "try < > except ValueError as e")
    assert (Number.Float, "1.5") in found
    assert (Number.Integer, "2") in found
    assert (Number.Float, "1e-3") in found
    assert (Name.Builtin, "add") in found
    assert (Operator, "@") in found
    assert (Keyword.Type, "float64") in found
    assert (Name.Exception, "ValueError") in found
    assert (Keyword, "except") in found


def test_string_escapes():
    assert tokens(r'print "a\"b\n"') == [
        (Keyword, "print"), (String.Double, '"'), (String.Double, "a"),
        (String.Escape, '\\"'), (String.Double, "b"), (String.Escape, "\\n"),
        (String.Double, '"')]


def test_unterminated_string_stops_at_the_end_of_the_line():
    found = tokens('print "open\nop foo')
    assert found[-2:] == [(Keyword, "op"), (Name.Variable, "foo")]


def test_bare_name_starting_with_a_digit():
    assert tokens("print 1st")[1] == (Name, "1st")
    assert tokens("x = 1-y")[2:5] == [(Number.Integer, "1"), (Operator, "-"), (Name, "y")]


def test_keyword_prefix_of_a_handle_is_a_plain_name():
    assert tokens("scopes = printer")[:3] == [(Name, "scopes"), (Operator, "="),
                                              (Name, "printer")]


def test_comparison_operators_are_not_assignment():
    assert (Operator, "==") in tokens("assert a == b")
    assert (Operator, "!=") in tokens("assert a != b")


def test_unknown_characters_are_errors_and_do_not_stop_the_lexer():
    found = tokens("print $ x")
    assert (Error, "$") in found and found[-1] == (Name, "x")


def test_lexer_round_trips_the_text():
    source = 'scope "a" <\n\tvar w [1]  # c\n>\nprint "x\\ty"\n'
    assert "".join(value for _, value in ScopeLexer().get_tokens(source)) == source


# ------------------------------------------------------------------ version 2


def test_version_2_keywords():
    found = tokens("def f(x, reuse=False) <\n  for i in range(3) < if (i > 0) < pass > >\n"
                   "  return x\n>")
    for word in ("def", "for", "in", "if", "pass", "return"):
        assert (Keyword, word) in found
    assert (Name.Function, "f") in found
    assert (Name.Builtin, "range") in found
    assert (Name.Attribute, "reuse") in found


def test_comparisons_inside_brackets_are_operators_and_bare_ones_delimit_blocks():
    found = tokens("if (t > 0) < x = [a < b, c >= d] >")
    assert [(t, v) for t, v in found if v in ("<", ">", ">=")] == [
        (Operator, ">"), (Punctuation, "<"), (Operator, "<"), (Operator, ">="),
        (Punctuation, ">")]


def test_soft_keywords_are_names_where_no_version_1_form_starts():
    assert (Name, "reuse") in tokens('with tf.variable_scope("d", reuse=reuse) < >')
    assert tokens("for op in ops < >")[1] == (Name, "op")
    assert tokens("var = 1")[0] == (Name, "var")
    assert tokens("f(scope)")[2] == (Name, "scope")
    assert tokens("var w [1]")[:2] == [(Keyword, "var"), (Name.Variable, "w")]
    assert tokens('scope "a" < >')[0] == (Keyword, "scope")
    assert tokens("reuse")[0] == (Keyword, "reuse")


def test_single_quotes_and_f_strings():
    found = tokens("x = f'layer_{i}' + 'a\\'b'")
    assert (String.Affix, "f") in found
    assert (String.Single, "layer_{i}") in found
    assert (String.Escape, "\\'") in found


def test_python_operators_and_numbers():
    found = tokens("y = (a // 2) ** 3 % 1_000 + .5e-3; y += 1")
    for op in ("//", "**", "%", "+="):
        assert (Operator, op) in found
    assert (Number.Integer, "1_000") in found
    assert (Number.Float, ".5e-3") in found
