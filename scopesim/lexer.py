"""A Pygments lexer for the `.scope` language (version 2).

One lexer colours source everywhere: the REPL's input line (through
prompt_toolkit's `PygmentsLexer`) and the source lines shown in error traces.
It is a highlighter, not the parser: it never fails, and text it does not
understand comes out as `Error` tokens rather than stopping it.

Token choices:

    statement words (scope, var, print, def, for, if ...)  Keyword
    true/false/none/auto (+ Python spellings)              Keyword.Constant
    dtypes (float32 ...)                                   Keyword.Type
    `key=` of an option or keyword argument                Name.Attribute
    v1 functions, initializers, Python builtins, `tf`      Name.Builtin
    exception classes (ValueError ...)                     Name.Exception
    the name after var/variable/op, after def              Name.Variable / Name.Function
    handles (any other identifier)                         Name
    `.attr` after a value                                  Name.Attribute
    `<` `>` (blocks), `[ ] ( ) { } , ; :`                  Punctuation
    `<` `>` `<=` ... inside brackets (comparisons)         Operator

The version-1 words `scope`, `name_scope`, `var`, ... are soft keywords
(LANGUAGE.md 4.1): they are coloured as keywords where a version-1 form can
start, and as names elsewhere (`reuse=reuse`, `for op in ops`, `f(var)`).
"""

from __future__ import annotations

from pygments.lexer import RegexLexer, bygroups, include, words
from pygments.token import (Comment, Error, Keyword, Name, Number, Operator, Punctuation,
                            String, Whitespace)

from .errors import CATCHABLE

__all__ = ["ScopeLexer", "KEYWORDS", "LITERALS", "FUNCTIONS", "INITIALIZERS", "DTYPES",
           "OPTION_KEYS", "EXCEPTIONS", "ATTRIBUTES"]

#: Words that cannot be handles (version 1 and version 2).
HARD_KEYWORDS = ("print", "assert", "try", "except", "as", "is", "not", "def", "return", "for",
                 "while", "in", "if", "elif", "else", "with", "and", "or", "break", "continue",
                 "pass", "raise", "finally", "lambda", "global", "nonlocal")
#: The version-1 words, keywords only where a version-1 form starts.
SOFT_KEYWORDS = ("scope", "name_scope", "var", "variable", "op", "const", "reuse", "default")
KEYWORDS = SOFT_KEYWORDS + HARD_KEYWORDS
LITERALS = ("true", "false", "none", "auto", "True", "False", "None", "AUTO_REUSE")
FUNCTIONS = ("add", "matmul", "multiply", "relu", "tanh", "sigmoid", "identity",
             "get_variable_scope", "get_name_scope", "global_variables",
             "trainable_variables")
#: Python's builtins of the language (LANGUAGE.md 4.3) and the builtin handle `tf`.
BUILTINS = ("tf", "range", "len", "str", "repr", "int", "float", "bool", "list", "tuple", "dict",
            "set", "enumerate", "zip", "map", "filter", "min", "max", "sum", "abs", "round",
            "any", "all", "sorted", "reversed", "isinstance", "hasattr", "type")
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
#: Words after `var w` that make it something else (`for var in xs`).
_NOT_A_NAME = r"(?:in|is|and|or|not|if|else|for|as)" + _END_OF_WORD
#: A soft keyword used as a plain name: followed by `=` (not `==`), `.`, `(`,
#: `[` directly, `,`, `)`, `]`, `}`, `:` or an operator word.
_USED_AS_NAME = (r"(?=[ \t]*(?:=(?!=)|[.,)\]}:]|\+=|-=|\*=|/=)|\(|\[|[ \t]+(?:in|is|and|or|if|else)"
                 + _END_OF_WORD + ")")


class ScopeLexer(RegexLexer):
    """Lexer for scopesim's `.scope` programs."""

    name = "Scope"
    aliases = ["scope", "scopesim"]
    filenames = ["*.scope"]
    mimetypes = ["text/x-scopesim"]

    tokens = {
        "root": [
            (r"[<>]", Punctuation),             # a block opens or closes
            include("common"),
        ],
        "bracket": [
            (r"<<|>>|<=|>=|[<>]", Operator),     # inside brackets: comparisons
            # `f(x, units=3)`, `def f(reuse=False)`: a keyword argument.
            (r"(%s)([ \t]*)(=)(?!=)" % _IDENT, bygroups(Name.Attribute, Whitespace, Operator)),
            include("common"),
        ],
        "common": [
            (r"\n", Whitespace),
            (r"[ \t\r\f]+", Whitespace),
            (r"\\\n", Whitespace),
            (r"#.*?$", Comment.Single),
            (r"[fFrRbB]{1,2}(?=[\"'])", String.Affix),
            (r'"', String.Double, "dstring"),
            (r"'", String.Single, "sstring"),
            (r"[(\[{]", Punctuation, "bracket"),
            (r"[)\]}]", Punctuation, "#pop"),
            (r"(def)([ \t]+)(%s)" % _IDENT, bygroups(Keyword, Whitespace, Name.Function)),
            # `var w`, `variable v1`, `op foo`: the next bare word names the
            # variable/op, unless it is an option key (`op name="x"`), a shape
            # or a word that makes `var` a handle (`for op in ops`).
            (r"(var|variable|op)([ \t]+)(?!(?:%s)[ \t]*=(?!=))(?!%s)(%s)"
             % ("|".join(OPTION_KEYS), _NOT_A_NAME, _BARE_NAME),
             bygroups(Keyword, Whitespace, Name.Variable)),
            # `reuse=true`, `dtype=float64`: an option key of a version-1 form.
            (r"(%s)([ \t]*)(=)(?!=)" % "|".join(OPTION_KEYS),
             bygroups(Name.Attribute, Whitespace, Operator)),
            (words(LITERALS, suffix=_END_OF_WORD), Keyword.Constant),
            (words(HARD_KEYWORDS, suffix=_END_OF_WORD), Keyword),
            (words(SOFT_KEYWORDS, suffix=_END_OF_WORD + _USED_AS_NAME), Name),
            (words(SOFT_KEYWORDS, suffix=_END_OF_WORD), Keyword),
            (words(DTYPES, suffix=_END_OF_WORD), Keyword.Type),
            (words(FUNCTIONS + INITIALIZERS + BUILTINS, suffix=_END_OF_WORD), Name.Builtin),
            (words(EXCEPTIONS, suffix=_END_OF_WORD), Name.Exception),
            include("numbers"),
            (r"(\.)(%s)" % _IDENT, bygroups(Punctuation, Name.Attribute)),
            (r"\.\.\.", Punctuation),
            (_IDENT, Name),
            (r"\*\*=?|//=?|==|!=|[-+*/%@&|^]=|->|[=+\-*/%@&|^~]", Operator),
            (r"[,;:.]", Punctuation),
            (r".", Error),
        ],
        "numbers": [
            (r"0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+" + _END_OF_WORD, Number.Integer),
            (r"(\d[\d_]*\.[\d_]*|\.\d[\d_]*)([eE][+-]?\d+)?[jJ]?" + _END_OF_WORD, Number.Float),
            (r"\d[\d_]*[eE][+-]?\d+[jJ]?" + _END_OF_WORD, Number.Float),
            (r"\d[\d_]*" + _END_OF_WORD, Number.Integer),
            # A bare name that starts with a digit (`var 1st [1]`); reached
            # only when no number matched.
            (r"\d[A-Za-z0-9_.\-]*", Name),
        ],
        "dstring": [
            (r'\\["\'\\nt]', String.Escape),
            (r"\\.", Error),
            (r'[^"\\\n]+', String.Double),
            (r'"', String.Double, "#pop"),
            # An unterminated string ends at the end of the line.
            (r"\n", Whitespace, "#pop"),
        ],
        "sstring": [
            (r'\\["\'\\nt]', String.Escape),
            (r"\\.", Error),
            (r"[^'\\\n]+", String.Single),
            (r"'", String.Single, "#pop"),
            (r"\n", Whitespace, "#pop"),
        ],
    }
