"""A Pygments lexer for the `.scope` language.

One lexer colours source everywhere: the REPL's input line (through
prompt_toolkit's `PygmentsLexer`) and the source lines shown in error traces.
It is a highlighter, not the parser: it never fails, and text it does not
understand comes out as `Error` tokens rather than stopping it.

Token choices:

    statement words (scope, var, print ...)   Keyword
    true/false/none/auto (+ Python spellings) Keyword.Constant
    dtypes (float32 ...)                      Keyword.Type
    `key=` of an option (reuse=, dtype= ...)  Name.Attribute
    functions and initializers (add, zeros)   Name.Builtin
    exception classes (ValueError ...)        Name.Exception
    the name after var/variable/op            Name.Variable
    handles (any other identifier)            Name
    `.attr` after a value                     Name.Attribute
    `<` `>` (blocks), `[ ] ( ) , ;`           Punctuation
"""

from __future__ import annotations

from pygments.lexer import RegexLexer, bygroups, include, words
from pygments.token import (Comment, Error, Keyword, Name, Number, Operator, Punctuation,
                            String, Whitespace)

from .errors import CATCHABLE

__all__ = ["ScopeLexer", "KEYWORDS", "LITERALS", "FUNCTIONS", "INITIALIZERS", "DTYPES",
           "OPTION_KEYS", "EXCEPTIONS", "ATTRIBUTES"]

#: Words that start or structure a statement; they cannot be handles.
KEYWORDS = ("scope", "name_scope", "var", "variable", "op", "const", "reuse", "print",
            "assert", "try", "except", "as", "is", "not", "default")
LITERALS = ("true", "false", "none", "auto", "True", "False", "None", "AUTO_REUSE")
FUNCTIONS = ("add", "matmul", "multiply", "relu", "tanh", "sigmoid", "identity",
             "get_variable_scope", "get_name_scope", "global_variables",
             "trainable_variables")
INITIALIZERS = ("zeros", "ones", "glorot_uniform", "constant", "random_normal",
                "truncated_normal")
DTYPES = ("float16", "float32", "float64", "int32", "int64", "bool")
OPTION_KEYS = ("reuse", "default", "aux", "dtype", "initializer", "init", "trainable", "name")
EXCEPTIONS = CATCHABLE
ATTRIBUTES = ("name", "shape", "dtype", "reuse", "original_name_scope")

#: A bare name of a variable or op: `[A-Za-z0-9_.][A-Za-z0-9_.-]*`.
_BARE_NAME = r"[A-Za-z0-9_.][A-Za-z0-9_.\-]*"
_IDENT = r"[A-Za-z_][A-Za-z0-9_]*"
_END_OF_WORD = r"(?![A-Za-z0-9_])"


class ScopeLexer(RegexLexer):
    """Lexer for scopesim's `.scope` programs."""

    name = "Scope"
    aliases = ["scope", "scopesim"]
    filenames = ["*.scope"]
    mimetypes = ["text/x-scopesim"]

    tokens = {
        "root": [
            (r"\n", Whitespace),
            (r"[ \t\r\f]+", Whitespace),
            (r"#.*?$", Comment.Single),
            (r'"', String.Double, "string"),
            # `var w`, `variable v1`, `op foo`: the next bare word names the
            # variable/op, unless it is an option key (`op name="x"`) or a shape.
            (r"(var|variable|op)([ \t]+)(?!(?:%s)[ \t]*=(?!=))(%s)"
             % ("|".join(OPTION_KEYS), _BARE_NAME),
             bygroups(Keyword, Whitespace, Name.Variable)),
            # `reuse=true`, `default="d"`: an option key, not the `reuse` statement.
            (r"(%s)([ \t]*)(=)(?!=)" % "|".join(OPTION_KEYS),
             bygroups(Name.Attribute, Whitespace, Operator)),
            (words(LITERALS, suffix=_END_OF_WORD), Keyword.Constant),
            (words(KEYWORDS, suffix=_END_OF_WORD), Keyword),
            (words(DTYPES, suffix=_END_OF_WORD), Keyword.Type),
            (words(FUNCTIONS + INITIALIZERS, suffix=_END_OF_WORD), Name.Builtin),
            (words(EXCEPTIONS, suffix=_END_OF_WORD), Name.Exception),
            include("numbers"),
            (r"(\.)(%s)" % _IDENT, bygroups(Punctuation, Name.Attribute)),
            (_IDENT, Name),
            (r"==|!=|[=+\-*/@]", Operator),
            (r"[<>]", Punctuation),
            (r"[\[\](),;]", Punctuation),
            (r".", Error),
        ],
        "numbers": [
            (r"(\d+\.\d*|\.\d+)([eE][+-]?\d+)?" + _END_OF_WORD, Number.Float),
            (r"\d+[eE][+-]?\d+" + _END_OF_WORD, Number.Float),
            (r"\d+" + _END_OF_WORD, Number.Integer),
            # A bare name that starts with a digit (`var 1st [1]`); reached
            # only when no number matched.
            (r"\d[A-Za-z0-9_.\-]*", Name),
        ],
        "string": [
            (r'\\["\\nt]', String.Escape),
            (r"\\.", Error),
            (r'[^"\\\n]+', String.Double),
            (r'"', String.Double, "#pop"),
            # An unterminated string ends at the end of the line.
            (r"\n", Whitespace, "#pop"),
        ],
    }
