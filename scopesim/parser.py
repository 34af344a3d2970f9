"""Parse `.scope` source text into a `scopesim.ast.Program`.

    program = parse(text, filename)

Three steps, each small:

1. Lark parses the text with the LALR grammar in `grammars/scopesim.lark`.
2. `_problems` looks for the few mistakes the grammar lets through (a scope
   with neither name nor default, an option given twice, an unknown
   exception class, a bad string escape, an integer Python cannot convert).
3. `_ToAst` turns the parse tree into `scopesim.ast` nodes, one node per
   method.  It is non-recursive: blocks nest 10,000 levels deep.

Any failure is a `ScopeSyntaxError` pointing at the offending token; nothing
else escapes `parse`.  `_syntax_error` turns Lark's exceptions into friendly
messages: first a few structural rules, then a table of known mistakes
(`_EXAMPLES`), else "unexpected X; expected one of: ...".
"""

from __future__ import annotations

import functools
import re
import sys
from pathlib import Path

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken
from lark.lark import PostLex
from lark.visitors import Transformer_NonRecursive, v_args

from .ast import (Assert, Assign, Attribute, BinOp, Call, Compare, ConstOp, ExprStmt,
                  GetVariable, Handler, Initializer, Literal, Name, NameScope, Neg, NewVariable,
                  NoOp, Not, Number, Option, Print, Program, Reuse, Shape, Span, Str, Try,
                  VariableScope)
from .errors import CATCHABLE, ScopeSyntaxError
from .util import gc_paused

__all__ = ["parse", "KEYWORDS"]

#: Words that cannot be handles (the grammar's IDENT excludes the same list).
KEYWORDS = frozenset("""scope name_scope var variable op const reuse print assert try except as
    is not default true false none auto True False None AUTO_REUSE""".split())

_LITERALS = {"true": True, "True": True, "false": False, "False": False,
             "none": None, "None": None, "auto": "auto", "AUTO_REUSE": "auto"}
_ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t"}
_ESCAPE = re.compile(r"\\(.)")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NOTHING_LEFT = re.compile(r"(?:\s|#[^\n]*)*")
#: Python refuses to convert longer decimal integers (0: no limit).
_MAX_DIGITS = getattr(sys, "get_int_max_str_digits", lambda: 0)()


def parse(text: str, filename: str = "<string>") -> Program:
    """Parse a whole program; raise `ScopeSyntaxError` if it is not one."""
    with gc_paused():
        try:
            tree = _lark().parse(text)
        except UnexpectedInput as err:
            raise _syntax_error(err, text, filename) from None
        for message, line, column in _problems(tree):
            raise _error(message, line, column, text, filename)
        return _ToAst(filename, text).transform(tree)


# ------------------------------------------------------------------- grammar


def _grammar_path() -> Path:
    """In a wheel the grammar is scopesim/grammars/ (pyproject force-includes
    it there); in a source checkout it is <repo>/grammars/."""
    package = Path(__file__).parent
    installed = package / "grammars" / "scopesim.lark"
    return installed if installed.is_file() else package.parent / "grammars" / "scopesim.lark"


class _IdentEverywhere(PostLex):
    """Lets every lexer state also try IDENT.

    The contextual lexer only tries the terminals a state accepts, so where
    `is` is expected but a handle is not, `isx` would lex as `is` + `x`.
    With IDENT always tried a word is read whole: it is a keyword only if
    the whole word is one.
    """

    always_accept = ("IDENT",)

    def process(self, stream):
        return stream


@functools.cache
def _lark() -> Lark:
    """The parser, built on first use; `cache=True` stores the LALR tables on
    disk so later processes load them instead of rebuilding them."""
    return Lark(_grammar_path().read_text(encoding="utf-8"), parser="lalr", lexer="contextual",
                postlex=_IdentEverywhere(), propagate_positions=True, maybe_placeholders=True,
                cache=True)


# ------------------------------------------------------------------ the tree


def _span(meta) -> Span:
    """The Span of a rule's `meta` or of a Token (both have the four fields)."""
    return Span(meta.line, meta.column, meta.end_line, meta.end_column)


def _unescape(token: str) -> str:
    """The value of a STRING token (its escapes were checked by `_problems`)."""
    return _ESCAPE.sub(lambda m: _ESCAPES[m[1]], token[1:-1])


def _name(token: Token | None) -> str | None:
    """A bare word, an IDENT or a STRING token as a str; None stays None."""
    if token is None:
        return None
    return _unescape(token) if token.type == "STRING" else str(token)


def _negate(operand, span: Span):
    """`-x`.  A minus on a number literal is folded into it, as Python's
    compiler does: `-1` and `-(1)` are the number -1, not an op."""
    if isinstance(operand, Number):
        return Number(-operand.value, "-" + operand.text, span)
    return Neg(operand, span)


@v_args(meta=True)
class _ToAst(Transformer_NonRecursive):
    """Parse tree -> `scopesim.ast` nodes.  Builds nodes and nothing else."""

    __visit_tokens__ = False

    def __init__(self, filename: str, source: str):
        super().__init__()
        self.filename, self.source = filename, source

    def start(self, _, c): return Program(tuple(c), self.filename, self.source)
    def block(self, _, c): return tuple(c)

    # statements
    def assign(self, m, c): return Assign(str(c[0]), c[1], _span(m), _span(c[0]))
    def expr_stmt(self, m, c): return ExprStmt(c[0], _span(m))
    def reuse(self, m, _): return Reuse(_span(m))
    def print_stmt(self, m, c): return Print(tuple(c), _span(m))
    def assert_stmt(self, m, c): return Assert(c[0], c[1], _span(m))
    def try_stmt(self, m, c): return Try(c[0], tuple(c[1:]), _span(m))
    def handler(self, m, c): return Handler(str(c[0]), _name(c[1]), c[2] or (), _span(m))
    # a head is the keyword arguments of its VariableScope / NameScope but body and span
    def scope_head(self, m, c): return dict(target=c[0], options=c[1], alias=_name(c[2]),
                                            head=_span(m))
    name_scope_head = scope_head
    def variable_scope(self, m, c): return VariableScope(**c[0], body=c[1], span=_span(m))
    def name_scope(self, m, c): return NameScope(**c[0], body=c[1], span=_span(m))

    # options
    def scope_options(self, _, c): return tuple(c)
    name_scope_options = var_options = variable_options = scope_options
    def reuse_opt(self, m, c): return Option("reuse", c[0].value, _span(m))
    def default_opt(self, m, c): return Option("default", c[0].value, _span(m))
    def aux_opt(self, m, c): return Option("aux", c[0], _span(m))
    def trainable_opt(self, m, c): return Option("trainable", c[0], _span(m))
    def dtype_opt(self, m, c): return Option("dtype", c[0], _span(m))
    def initializer_opt(self, m, c): return Option("initializer", c[0], _span(m))
    def init_opt(self, m, c): return Option("init", c[0], _span(m))
    def name_opt(self, _, c): return c[0]
    def dtype(self, _, c): return str(c[0])
    def init_name(self, m, c): return Initializer(str(c[0]), None, _span(m))
    def constant_init(self, m, c): return Initializer("constant", c[0].value, _span(m))

    # expressions
    def not_expr(self, m, c): return Not(c[0], _span(m))
    def compare(self, m, c): return Compare(c[1], c[0], c[2], _span(m))
    def cmp_op(self, _, c): return " ".join(c)
    def binop(self, m, c): return BinOp(str(c[1]), c[0], c[2], _span(m))
    def neg(self, m, c): return _negate(c[0], _span(m))
    def attribute(self, m, c): return Attribute(c[0], str(c[1]), _span(m))
    def call(self, m, c): return Call(str(c[0]), *c[1], _span(m))
    def positional(self, _, c): return tuple(c), None
    def with_name(self, _, c): return tuple(c[:-1]), _name(c[-1])
    def const_op(self, m, c): return ConstOp(c[0], _name(c[1]), _span(m))
    def get_variable(self, m, c): return GetVariable(_name(c[0]), c[1], c[2], _span(m))
    def new_variable(self, m, c): return NewVariable(_name(c[0]), c[1], c[2], _span(m))
    def no_op(self, m, c): return NoOp(_name(c[0]), _span(m))
    def shape(self, m, c): return Shape(tuple(c), _span(m))
    def dim(self, _, c): return int(c[0]) if c else None
    def integer(self, m, c): return Number(int(c[0]), str(c[0]), _span(m))
    def real(self, m, c): return Number(float(c[0]), str(c[0]), _span(m))
    def string(self, m, c): return Str(_unescape(c[0]), _span(m))
    def handle(self, m, c): return Name(str(c[0]), _span(m))
    def literal(self, m, c): return Literal(_LITERALS[c[0]], _span(m))
    def none(self, m, _): return Literal(None, _span(m))
    def boolean(self, _, c): return _LITERALS[c[0]]


# ------------------------------------------------- what the grammar can't say


def _problems(tree: Tree):
    """Yield (message, line, column) for each mistake the grammar lets
    through, in source order (a pre-order walk; iterative, so deep nesting
    is fine)."""
    for node in tree.iter_subtrees_topdown():
        if node.data in ("scope_head", "name_scope_head"):
            target, options = node.children[0], node.children[1]
            if target is None and all(o.data != "default_opt" for o in options.children):
                word = node.data.removesuffix("_head")
                yield (f'{word} needs a name ({word} "a"), a handle ({word} s) or default="..."',
                       node.meta.line, node.meta.column)
        elif node.data.endswith("_options"):
            seen = set()
            for option in node.children:
                key = option.data.removesuffix("_opt")
                if key in seen:
                    yield f"option {key}= given twice", option.meta.line, option.meta.column
                seen.add(key)
        elif node.data == "handler" and node.children[0] not in CATCHABLE:
            exc = node.children[0]
            yield (f"unknown exception class {exc}; except takes one of: {', '.join(CATCHABLE)}",
                   exc.line, exc.column)
        for token in node.children:
            if isinstance(token, Token):
                yield from _token_problems(token)


def _token_problems(token: Token):
    if token.type == "STRING":
        for m in _ESCAPE.finditer(token):
            if m[1] not in _ESCAPES:
                yield (rf'invalid escape \{m[1]} in a string (use \", \\, \n or \t)',
                       token.line, token.column + m.start())
    elif token.type == "INT" and 0 < _MAX_DIGITS < len(token):
        yield (f"integer literal too long ({len(token)} digits, at most {_MAX_DIGITS})",
               token.line, token.column)


# ------------------------------------------------------------- syntax errors

#: Known mistakes: each example fails in one parser state, and any error in
#: that state gets the message.  `{token}` is the offending token's text.
_EXAMPLES: list[tuple[str, list[str]]] = [
    ("variable needs a shape, e.g. variable v [2, 3]",
     ["variable", "variable v", 'variable "v"']),
    ("a shape dimension is a whole number or None", ["var w [1.5]", "var w [1, x]"]),
    ("reuse= takes true, false, none or auto", ['scope "a" reuse=maybe']),
    ("aux= takes true or false", ['scope "a" aux=maybe']),
    ("trainable= takes true or false", ["var w trainable=maybe"]),
    ("default= takes a string or none", ["scope default=d"]),
    ("name= takes a string", ["op name=n"]),
    ("unknown dtype {token}; expected one of float16, float32, float64, int32, int64, bool",
     ["var w dtype=float8"]),
    ("unknown initializer {token}; expected one of zeros, ones, glorot_uniform, glorot_normal, "
     "random_normal, random_uniform, truncated_normal, constant(<number>)",
     ["var w initializer=foo", "variable [1] init=foo"]),
    ("constant takes a number: constant(0.5)",
     ["var w initializer=constant", "var w initializer=constant(x)"]),
    ("const takes a number, a string, true, false or none", ["const", "const x"]),
    ("an attribute name follows '.', e.g. x.name", ["x.1"]),
    ("try needs a block: try < ... > except ValueError < ... >", ["try"]),
    ("try < ... > needs an except clause, e.g. except ValueError < ... >", ["try <>"]),
    (f"except needs an exception class: {', '.join(CATCHABLE)}", ["try <> except"]),
]

#: Which options each statement takes, for "var does not take option reuse=".
_OPTION_KEYS = {"var": ("dtype", "trainable", "initializer"),
                "variable": ("init", "dtype", "trainable"),
                "scope": ("reuse", "default", "aux", "dtype", "initializer"),
                "name_scope": ("default",)}
#: How "expected one of" names the terminals that are not a literal string.
_TERMINAL_WORDS = {"IDENT": "a handle", "NAME": "a name", "ATTRIBUTE": "an attribute name",
                   "STRING": "a string", "INT": "a number", "FLOAT": "a number",
                   "_SEP": "end of line", "$END": "end of input"}
#: Alternative spellings, left out of "expected" lists (the lower-case ones are listed).
_SPELLINGS = {"True", "False", "None", "AUTO_REUSE"}
_CLOSERS = {"LESSTHAN": "MORETHAN", "LPAR": "RPAR", "LSQB": "RSQB"}
_OPTION_EQUALS = re.compile(r"[ \t]*=(?!=)")


def _error(message, line, column, text, filename, expected=(), incomplete=False):
    """Lark counts lines at "\n" only, so the source line is found the same way."""
    lines = text.split("\n")
    source_line = lines[line - 1].rstrip("\r") if line <= len(lines) else ""
    return ScopeSyntaxError(message, filename, line, column, source_line, tuple(expected),
                            incomplete)


def _syntax_error(err: UnexpectedInput, text: str, filename: str) -> ScopeSyntaxError:
    """A Lark error as a `ScopeSyntaxError` a person can act on."""
    if isinstance(err, UnexpectedCharacters):
        if text[err.pos_in_stream] == '"':   # every complete string lexes
            on_last_line = "\n" not in text[err.pos_in_stream:].rstrip()
            return _error("unterminated string", err.line, err.column, text, filename,
                          incomplete=on_last_line)
        return _error(f"unexpected character {text[err.pos_in_stream]!r}", err.line, err.column,
                      text, filename)
    token, accepts = err.token, err.accepts or err.expected
    expected = _readable(accepts)
    # The text ended before the program did (rather than going wrong there):
    # the REPL reads another line.
    incomplete = token.type == "$END" or (token.type == "_SEP" and ";" not in token and bool(
        _NOTHING_LEFT.fullmatch(text, token.start_pos)))
    message, where = _explain(token, err.state, accepts, expected, incomplete, text)
    line, column = where or (_end_of(text) if token.type == "$END" else (token.line, token.column))
    return _error(message, line, column, text, filename, expected, incomplete)


def _explain(token: Token, state, accepts, expected, incomplete: bool, text: str):
    """The message for an unexpected token, and (line, column) to point at
    when that is not the token itself.  The first rule that applies wins."""
    opener = _unclosed(state.value_stack, accepts) if incomplete else None
    if opener is not None:
        return f"'{opener}' was never closed", (opener.line, opener.column)
    word = _WORD.match(token)
    if word and _OPTION_EQUALS.match(text, token.start_pos + word.end()):
        keys = {k.strip("_").removesuffix("_EQ").lower() for k in accepts if k.endswith("_EQ")}
        for owner, takes in _OPTION_KEYS.items():
            if set(takes) == keys:
                return (f"{owner} does not take option {word[0]}=; it takes "
                        f"{', '.join(k + '=' for k in takes)}", None)
    if re.fullmatch(r"0+[0-9]+", token):
        return "leading zeros in decimal integer literals are not permitted", None
    previous = state.value_stack[-1] if state.value_stack else None
    if token.type == "EQUAL" and isinstance(previous, Token) and previous in KEYWORDS:
        return (f"`{previous}` is a keyword and cannot be used as a handle",
                (previous.line, previous.column))
    hint = _hints().get(state.position)
    if hint and not (token.type == "$END" and "{token}" in hint):
        return hint.format(token=token), None
    if word and word[0] in KEYWORDS and "IDENT" in accepts:
        return f"`{word[0]}` is a keyword and cannot be used as a handle", None
    if word and word[0] == "except":
        return "`except` without a `try < ... >` before it", None
    one_of = "one of: " if len(expected) > 1 else ""
    return f"unexpected {_show(token)}; expected {one_of}{', '.join(expected)}", None


def _show(token: Token) -> str:
    if token.type == "$END":
        return "end of input"
    if token.type == "_SEP" and ";" not in token:
        return "end of line"
    return f"'{token.strip()}'"


@functools.cache
def _hints() -> dict[int, str]:
    """`_EXAMPLES` as parser state -> message.

    Not Lark's `UnexpectedInput.match_examples`: it also compares the depth
    of the parser stack, so an example written at top level would never
    match the same mistake inside a block or an assignment.
    """
    hints = {}
    for message, examples in _EXAMPLES:
        for example in examples:
            try:
                _lark().parse(example)
            except UnexpectedInput as err:
                hints.setdefault(err.state.position, message)
    return hints


@functools.cache
def _operand_starts() -> frozenset[str]:
    """The terminals an operand can start with (what `x = 1 +` accepts next)."""
    try:
        _lark().parse("x = 1 +")
    except UnexpectedToken as err:
        return frozenset(err.accepts)
    raise AssertionError("`x = 1 +` parsed")


def _readable(accepts) -> list[str]:
    """Terminal names as words: `'<'`, `a string`, `an expression`, ..."""
    names = set(accepts)
    words = set()
    if _operand_starts() <= names:
        names -= _operand_starts() | {"NOT"}
        words.add("an expression")
    for name in names:
        if name in _TERMINAL_WORDS:
            words.add(_TERMINAL_WORDS[name])
        elif name.endswith("_EQ"):
            words.add(f"'{name.strip('_').removesuffix('_EQ').lower()}='")
        elif (value := _lark().get_terminal(name).pattern.value) not in _SPELLINGS:
            words.add(f"'{value}'")
    return sorted(words, key=lambda w: (not w.startswith("'"), w))


def _unclosed(value_stack, accepts) -> Token | None:
    """The innermost `<`, `(` or `[` still open, if its closer would do here."""
    for value in reversed(value_stack):
        if isinstance(value, Token) and _CLOSERS.get(value.type) in accepts:
            return value
    return None


def _end_of(text: str) -> tuple[int, int]:
    """Line and column just after the last non-blank character."""
    body = text.rstrip()
    return body.count("\n") + 1, len(body) - (body.rfind("\n") + 1) + 1
