"""Parse `.scope` source text into a `Program`: a Python `ast.Module`.

    program = parse(text, filename)

1. Lark parses the text with the LALR grammar in `grammars/scopesim.lark`;
   `_PostLex` turns `<`/`>` outside brackets into block delimiters, drops
   newlines inside brackets and refuses the Python words that are not in the
   language.
2. `_ToPython` (one method per grammar rule) builds Python `ast` nodes with
   the `.scope` positions; the version-1 forms are lowered to the
   TensorFlow calls of LANGUAGE.md part 2 (`scopesim.lowering`).
3. `scopesim.lowering.finish` decides what needs the whole program (the
   version-1 bare functions, a rebound `tf`, `with` deeper than CPython's
   block limit) and indexes the statements for error locations.

The fast path (`scopesim.fastparse`) builds the module while parsing, on
tables generated from the same grammar; where top-level statements repeat
but for their strings (a model's layers written out), their later copies
are left unread and made from the first (`scopesim.copies`).

Any failure is a `ScopeSyntaxError` pointing at the offending token; nothing
else escapes `parse`.  `_syntax_error` turns Lark's exceptions into friendly
messages: first a few structural rules, then a table of known mistakes
(`_EXAMPLES`), else "unexpected X; expected one of: ...".
"""

from __future__ import annotations

import ast
import functools
import re
import os
import warnings
import zlib

from . import lowering as low
from .errors import ScopeSyntaxError
from .lowering import Program, Refused as _Refused
from .util import gc_paused

__all__ = ["parse", "KEYWORDS", "Program"]

#: Words that are never names (the grammar's NAME excludes the same list).
KEYWORDS = frozenset("""False None True and as assert async await break class continue def del
    elif else except finally for from global if import in is lambda nonlocal not or pass raise
    return try while with yield print true false none auto AUTO_REUSE""".split())
#: The version-1 words: keywords where their form starts, names elsewhere.
SOFT_KEYWORDS = frozenset("scope name_scope var variable op const reuse default".split())
#: Python statements and words the language leaves out, with what to say.
NOT_IN_LANGUAGE = {
    "class": "classes are not in the scope language (use def)",
    "import": "import is not in the scope language: `tf` is always there",
    "from": "import is not in the scope language: `tf` is always there",
    "del": "del is not in the scope language",
    "async": "async is not in the scope language",
    "await": "await is not in the scope language",
    "yield": "yield (generators) is not in the scope language",
    "match": "match is not in the scope language (use if/elif)",
}

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NOTHING_LEFT = re.compile(r"(?:\s|#[^\n]*)*")


def parse(text: str, filename: str = "<string>") -> Program:
    """Parse a whole program; raise `ScopeSyntaxError` if it is not one.
    The program comes compiled (`program.code`), so every mistake shows here."""
    from .runner import on_deep_stack
    with gc_paused():
        return on_deep_stack(lambda: _parse(text, filename))


def _parse(text: str, filename: str) -> Program:
    """The fast path builds the module while parsing; any mistake (or a
    parser that cannot be built) runs the tree-building path, whose errors
    are the reference."""
    fast = _fast()
    if fast is not None:
        if COPIES and text.count("\n") >= 3:      # (three parts at the least)
            try:
                program = _parse_copies(fast, text, filename)
                if program is not None:
                    return program
            except Exception:       # NoCopies, or any mistake: read it all
                pass
        try:
            return _compiled(_parse_fast(fast, text, filename), text, filename)
        except Exception:
            pass
    return _parse_slow(text, filename)


#: False: copies of top-level statements are read like the rest (the
#: reference the tests compare with; `scopesim.copies`).
COPIES = True


def _parse_fast(fast, text: str, filename: str) -> Program:
    builder = _ToPython(filename, text)
    module = fast.parse(text, builder)
    return low.finish(module, builder.lowering, text, filename, fast=True)


def _parse_copies(fast, text: str, filename: str) -> Program | None:
    """The fast path, the later copies of repeated top-level statements left
    unread (`scopesim.copies`); None where nothing repeats enough."""
    from . import copies
    builder = _ToPython(filename, text)
    read = copies.read(fast, text, builder)
    if read is None:
        return None
    module, parts, shapes = read
    program = low.finish(module, builder.lowering, text, filename, fast=True, parts=parts)

    def read_copy(copy) -> list:
        """A copy's statements, read after all (no template makes its code)."""
        lowering = builder.lowering
        calls, names = len(lowering.v1_calls), len(lowering.tf_names)
        body = fast.parse(text, builder, copy.pos, copy.end, copy.lineno).body
        return low.finish_copy(body, lowering, program, calls, names)
    program = _compiled(program, text, filename, shapes, read_copy)
    program.rebuild = lambda: _whole_module(text, filename)
    return program


def _whole_module(text: str, filename: str):
    """The module of every statement (what `Program.module` gives where copies
    were left unread): the text read again, all of it."""
    from .runner import on_deep_stack

    def whole():
        fast = _fast()
        try:
            return _parse_fast(fast, text, filename).module
        except Exception:
            return _parse_slow(text, filename).module
    with gc_paused():
        return on_deep_stack(whole)


def _parse_slow(text: str, filename: str) -> Program:
    from lark.exceptions import UnexpectedInput, VisitError
    try:
        tree = _lark().parse(text)
    except _Refused as r:
        raise _error(r.message, r.line, r.column, text, filename) from None
    except UnexpectedInput as err:
        raise _syntax_error(err, text, filename) from None
    builder = _tree_builder()(filename, text)
    try:
        module = builder.transform(tree)
        program = low.finish(module, builder.lowering, text, filename)
    except VisitError as e:
        if isinstance(e.orig_exc, _Refused):
            r = e.orig_exc
            raise _error(r.message, r.line, r.column, text, filename) from None
        raise
    except _Refused as r:
        raise _error(r.message, r.line, r.column, text, filename) from None
    return _compiled(program, text, filename)


def _compiled(program: Program, text: str, filename: str, shapes=None,
              read_copy=None) -> Program:
    from .shared_code import compile_program
    try:
        with warnings.catch_warnings():     # `x is "a"`: CPython's SyntaxWarning is not ours to print
            warnings.simplefilter("ignore", SyntaxWarning)
            program.code = compile_program(program.tree, text, filename, shapes, read_copy,
                                           program.__dict__.get("line_offsets"))  # if made
    except SyntaxError as e:
        line = e.lineno or 1
        raise _error(e.msg, line, program.char_column(line, (e.offset or 1) - 1), text,
                     filename) from None
    except (RecursionError, MemoryError):
        raise _error("the program is nested too deeply for Python to compile", 1, 1, text,
                     filename) from None
    # the lines split for the index are split again if read (an error, a trace):
    # a big program's 25,000 line strings and offsets are 3 MB a run does without
    program.__dict__.pop("lines", None)
    program.__dict__.pop("line_offsets", None)
    return program


# ------------------------------------------------------------------- grammar


def _grammar_path() -> str:
    """In a wheel the grammar is scopesim/grammars/ (pyproject force-includes
    it there); in a source checkout it is <repo>/grammars/."""
    package = os.path.dirname(os.path.abspath(__file__))
    installed = os.path.join(package, "grammars", "scopesim.lark")
    if os.path.isfile(installed):
        return installed
    return os.path.join(os.path.dirname(package), "grammars", "scopesim.lark")


def _grammar_text() -> str:
    with open(_grammar_path(), encoding="utf-8") as file:
        return file.read()


_OPENERS = frozenset({"LPAR", "LSQB", "LBRACE"})
_CLOSERS = frozenset({"RPAR", "RSQB", "RBRACE"})
_ANGLES = frozenset({"LESS", "MORE", "LSHIFT", "RSHIFT"})


class _PostLex:
    """The lexical rules the contextual lexer cannot say by itself (Lark's
    `PostLex` interface; `fastparse` applies the same rules).

    Outside brackets `<` opens a block and `>` closes one (`>>` is two
    closers); inside brackets they are operators and newlines are ignored.
    Every state also tries NAME (a word is read whole: `isx` is never `is x`),
    the angle brackets and the separator, so the post-lexer gets to see them.
    """

    always_accept = ("NAME", "LESS", "MORE", "LSHIFT", "RSHIFT", "_SEP", "FORBIDDEN")

    def process(self, stream):
        from lark import Token
        depth = 0
        for token in stream:
            kind = token.type
            if kind in _OPENERS:
                depth += 1
            elif kind in _CLOSERS:
                depth = max(depth - 1, 0)
            elif kind == "_SEP":
                if depth:
                    continue
            elif kind in _ANGLES and depth == 0:
                block = "_LBLOCK" if token[0] == "<" else "_RBLOCK"
                for i, ch in enumerate(str(token)):
                    yield Token(block, ch, token.start_pos + i, token.line, token.column + i,
                                token.line, token.column + i + 1, token.start_pos + i + 1)
                continue
            elif kind == "FORBIDDEN":
                raise _Refused(NOT_IN_LANGUAGE[str(token)], token)
            yield token


@functools.cache
def _lark():
    """Lark's parser of the grammar, built on first use (the tree-building
    path and the syntax errors); `cache=True` stores the LALR tables on disk
    so later processes load them instead of rebuilding them."""
    return _lark_for(_grammar_text(), cache=True)


def _lark_for(grammar_text: str, cache: bool = False):
    """A Lark parser of `grammar_text` with the options of the language (also
    what tools/gen_parser_tables.py generates the fast parser's tables from)."""
    from lark import Lark
    return Lark(grammar_text, parser="lalr", lexer="contextual", postlex=_PostLex(),
                propagate_positions=True, maybe_placeholders=True, cache=cache)


@functools.cache
def _fast():
    """The parser of `scopesim.fastparse` over the generated tables, or None
    when they are not those of this grammar (then Lark parses everything)."""
    try:
        from . import parser_tables
        from .fastparse import FastParser
        if zlib.crc32(_grammar_text().encode("utf-8")) != parser_tables.GRAMMAR_CRC32:
            return None
        return FastParser(_ToPython)
    except Exception:
        return None


# ------------------------------------------------------------------ the tree


class _Args:
    """A call's (or a parenthesised group's) arguments, before they are placed."""

    __slots__ = ("args", "keywords", "trailing_comma", "genexp")

    def __init__(self, args, keywords, trailing_comma, genexp=False):
        self.args, self.keywords = args, keywords
        self.trailing_comma, self.genexp = trailing_comma, genexp


class _Keyword:
    __slots__ = ("node",)

    def __init__(self, node):
        self.node = node


_BINOPS = {"+": ast.Add, "-": ast.Sub, "*": ast.Mult, "/": ast.Div, "//": ast.FloorDiv,
           "%": ast.Mod, "@": ast.MatMult, "<<": ast.LShift, ">>": ast.RShift, "**": ast.Pow,
           "|": ast.BitOr, "^": ast.BitXor, "&": ast.BitAnd}
_UNARY = {"+": ast.UAdd, "-": ast.USub, "~": ast.Invert}
_COMPARE = {"<": ast.Lt, ">": ast.Gt, "==": ast.Eq, ">=": ast.GtE, "<=": ast.LtE, "!=": ast.NotEq,
            "in": ast.In, "not in": ast.NotIn, "is": ast.Is, "is not": ast.IsNot}


class _ToPython:
    """Python `ast` nodes with `.scope` positions, one node per rule: each
    method takes the rule's span (a Lark meta) and its children."""

    #: The slotted objects among the values of rules (what a template of
    #: fastparse may make again: see `effects`).
    VALUE_CLASSES = (low.Span2, low.Option, _Args, _Keyword)

    def __init__(self, filename: str, source: str):
        self.filename, self.source = filename, source
        self.lowering = low.Lowering(source)
        self.at = self.lowering.at
        #: id of a parenthesised group's node -> (the node, its arguments); the
        #: node is kept so that its id is never reused by a later node.
        self.groups: dict[int, tuple] = {}

    # ------------------------------------------- replayed lines (fastparse)

    def mark(self) -> tuple:
        """Where the builder's own records stand (`effects` says what came after)."""
        low = self.lowering
        return len(low.tf_names), len(low.v1_calls), len(self.groups), set(low.bound)

    def effects(self, mark) -> tuple:
        """What the methods called since `mark` left besides their values: the
        nodes they listed (the `tf` names, the version-1 calls, the
        parenthesised groups), the names bound and whether `finish` must walk
        the module.  A line read again makes copies of them (`redo`)."""
        tf_names, v1_calls, groups, bound = mark
        low = self.lowering
        made = [low.tf_names[tf_names:], low.v1_calls[v1_calls:],
                list(self.groups.values())[groups:] if len(self.groups) > groups else []]
        return made, frozenset(low.bound - bound), low.walk_needed

    def redo(self, made, bound, walk) -> None:
        """`effects` again, with the copies of its nodes (`made[1:]`)."""
        low = self.lowering
        if made[1]:
            low.tf_names += made[1]
        if made[2]:
            low.v1_calls += made[2]
        for pair in made[3]:
            self.groups[id(pair[0])] = pair
        if bound:
            low.bound.update(bound)
        if walk:
            low.walk_needed = True

    # -------------------------------------------------------------- helpers

    def ident(self, token) -> str:
        """A NAME token as an identifier of the program."""
        if token.startswith("__"):
            raise _Refused(f"names starting with __ are reserved for scopesim: {token}", token)
        return str(token)

    def body(self, block):
        return block[0] if block[0] else [self.at(ast.Pass(), block[1])]

    def store(self, node, what="assign to"):
        """`node` as an assignment target (Store context), or a syntax error."""
        bound = self.lowering.bound
        if node.__class__ is ast.Name:      # the common target, as the loop below does it
            node.ctx = ast.Store()
            bound.add(node.id)
            return node
        stack = [node]
        while stack:
            n = stack.pop()
            if isinstance(n, (ast.Tuple, ast.List)):
                stack.extend(n.elts)
            elif isinstance(n, ast.Starred):
                stack.append(n.value)
            elif isinstance(n, ast.Attribute):
                raise _Refused("attribute assignment (obj.x = ...) is not in the scope language",
                               line=n.lineno, column=self.lowering.char_col(n.lineno, n.col_offset))
            elif not isinstance(n, (ast.Name, ast.Subscript)):
                raise _Refused(f"cannot {what} {_describe(n)}", line=n.lineno,
                               column=self.lowering.char_col(n.lineno, n.col_offset))
            if hasattr(n, "ctx"):
                n.ctx = ast.Store()
                if isinstance(n, ast.Name):
                    bound.add(n.id)
        return node

    def expr(self, node):
        """An expression; a parenthesised group with keywords is only a print's."""
        return node

    # ------------------------------------------------------------- program

    def start(self, m, c): return self.lowering.module(c)
    def block(self, m, c): return (c, m)

    # ----------------------------------------------------------- statements

    def expr_stmt(self, m, c): return self.at(ast.Expr(c[0]), m)
    def assign(self, m, c):
        node = self.at(ast.Assign([self.store(t) for t in c[:-1]], c[-1]), m)
        for target in node.targets:
            if isinstance(target, (ast.Tuple, ast.List)):
                _starts_at(node, c[-1])     # unpacking fails at the value
                break
        return node
    def augassign(self, m, c):
        target = c[0]
        if isinstance(target, (ast.Tuple, ast.List, ast.Starred)):    # Python's own refusal
            kind = {ast.Tuple: "tuple", ast.List: "list", ast.Starred: "starred"}[type(target)]
            at = self.at(ast.Pass(), m)     # the statement's start, where Python points
            raise _Refused(f"'{kind}' is an illegal expression for augmented assignment",
                           line=at.lineno, column=self.lowering.char_col(at.lineno, at.col_offset))
        return self.at(ast.AugAssign(self.store(target, "assign to"),
                                     _BINOPS[str(c[1])[:-1]](), c[2]), m)
    def print_stmt(self, m, c): return self.lowering.print_(c[0], self.groups, m)
    def assert_stmt(self, m, c): return self.at(ast.Assert(c[0], c[1]), m)
    def pass_stmt(self, m, c): return self.at(ast.Pass(), m)
    def break_stmt(self, m, c): return self.at(ast.Break(), m)
    def continue_stmt(self, m, c): return self.at(ast.Continue(), m)
    def return_stmt(self, m, c): return self.at(ast.Return(c[0]), m)
    def raise_stmt(self, m, c): return self.at(ast.Raise(c[0], c[1]), m)
    def global_stmt(self, m, c): return self.at(ast.Global(self.names(c)), m)
    def nonlocal_stmt(self, m, c): return self.at(ast.Nonlocal(self.names(c)), m)
    def names(self, tokens):
        names = [self.ident(t) for t in tokens]
        self.lowering.bound.update(names)
        return names
    def reuse_stmt(self, m, c): return self.lowering.reuse(m)

    def if_stmt(self, m, c):
        test, block, *clauses = c
        orelse = clauses.pop() if clauses and clauses[-1] is not None else None
        clauses = [x for x in clauses if x is not None]
        tail = orelse or []
        for elif_ in reversed(clauses):
            elif_.orelse = tail
            tail = [elif_]
        node = self.lowering.head(self.at(ast.If(test, self.body(block), tail), m), block)
        return _starts_at(node, test)
    def elif_clause(self, m, c):
        node = self.lowering.head(self.at(ast.If(c[0], self.body(c[1]), []), m), c[1])
        return _starts_at(node, c[0])
    def else_clause(self, m, c): return self.body(c[0])
    def finally_clause(self, m, c): return self.body(c[0])
    def while_stmt(self, m, c):
        node = self.lowering.head(self.at(ast.While(c[0], self.body(c[1]), c[2] or []), m), c[1])
        return _starts_at(node, c[0])
    def for_stmt(self, m, c):
        return self.lowering.head(self.at(ast.For(self.store(c[0]), c[1], self.body(c[2]), c[3] or []), m), c[2])
    def try_stmt(self, m, c):
        *handlers, orelse, final = c[1:]
        return self.lowering.head(self.at(ast.Try(self.body(c[0]), handlers, orelse or [], final or []), m), c[0])
    def try_finally(self, m, c): return self.lowering.head(self.at(ast.Try(self.body(c[0]), [], [], c[1]), m), c[0])
    def handler(self, m, c):
        body = self.body(c[2]) if c[2] is not None else [self.at(ast.Pass(), m)]
        name = self.ident(c[1]) if c[1] else None
        if name:
            self.lowering.bound.add(name)
        node = self.at(ast.ExceptHandler(c[0], name, body), m)
        return self.lowering.head(node, c[2]) if c[2] is not None else node
    def with_stmt(self, m, c):
        node = self.lowering.head(self.at(ast.With(c[:-1], self.body(c[-1])), m), c[-1])
        return _starts_at(node, c[0].context_expr)
    def with_item(self, m, c): return ast.withitem(c[0], self.store(c[1]) if c[1] else None)
    def funcdef(self, m, c):
        node = ast.FunctionDef(self.ident(c[0]), c[1] or _no_args(), self.body(c[2]), [], None)
        self.lowering.bound.add(node.name)
        return self.lowering.head(self.at(node, m), c[2])

    def params(self, m, c): return self.lowering.arguments(c, m)
    def plain_param(self, m, c): return ("plain", self.at(ast.arg(self.ident(c[0])), c[0]), None)
    def default_param(self, m, c): return ("default", self.at(ast.arg(self.ident(c[0])), c[0]), c[1])
    def star_param(self, m, c):
        return ("star", self.at(ast.arg(self.ident(c[0])), c[0]) if c[0] else None, m)
    def kw_param(self, m, c): return ("kw", self.at(ast.arg(self.ident(c[0])), c[0]), None)
    def slash_param(self, m, c): return ("slash", None, m)

    def scope_stmt(self, m, c): return self.lowering.scope("variable_scope", c, m)
    def name_scope_stmt(self, m, c): return self.lowering.scope("name_scope", c, m)
    def option(self, m, c): return low.Option(str(c[0]), c[1], m)

    # ---------------------------------------------------------- expressions

    def testlist_star(self, m, c):
        if len(c) == 2 and c[1] is None:    # one item, no comma: the item
            return c[0]
        return self.at(ast.Tuple(c[:-1], ast.Load()), m)
    testlist = exprlist = testlist_star
    def star_expr(self, m, c): return self.at(ast.Starred(c[0], ast.Load()), m)
    def ifexp(self, m, c): return self.at(ast.IfExp(c[1], c[0], c[2]), m)
    def lambdef(self, m, c): return self.at(ast.Lambda(c[0] or _no_args(), c[1]), m)
    def or_(self, m, c): return self.at(ast.BoolOp(ast.Or(), c), m)
    def and_(self, m, c): return self.at(ast.BoolOp(ast.And(), c), m)
    def not_(self, m, c): return self.at(ast.UnaryOp(ast.Not(), c[0]), m)
    def compare(self, m, c):
        return self.at(ast.Compare(c[0], [_COMPARE[o]() for o in c[1::2]], c[2::2]), m)
    def comp_op(self, m, c): return " ".join(c)
    def bitor(self, m, c): return self.at(ast.BinOp(c[0], ast.BitOr(), c[1]), m)
    def bitxor(self, m, c): return self.at(ast.BinOp(c[0], ast.BitXor(), c[1]), m)
    def bitand(self, m, c): return self.at(ast.BinOp(c[0], ast.BitAnd(), c[1]), m)
    def binop(self, m, c): return self.at(ast.BinOp(c[0], _BINOPS[str(c[1])](), c[2]), m)
    def unary(self, m, c): return self.at(ast.UnaryOp(_UNARY[str(c[0])](), c[1]), m)
    def pow(self, m, c): return self.at(ast.BinOp(c[0], ast.Pow(), c[1]), m)
    def getattr(self, m, c): return self.lowering.attribute(c[0], c[1], m)
    def attr_name(self, m, c):
        if not c:               # the keyword "print" (`tf.print`), a filtered token
            return "print"
        if str(c[0]) in ("True", "False", "None"):
            raise _Refused(f"`{c[0]}` is a keyword and cannot be an attribute name", c[0])
        return c[0]
    def ellipsis(self, m, c): return self.at(ast.Constant(Ellipsis), m)
    def call(self, m, c): return self.lowering.call(c[0], c[1], m)
    def getitem(self, m, c): return self.at(ast.Subscript(c[0], c[1], ast.Load()), m)

    def paren(self, m, c): return self.lowering.paren(c[0], self.groups, m)
    def list_(self, m, c): return c[0] if c[0] is not None else self.at(ast.List([], ast.Load()), m)
    def braces(self, m, c): return c[0] if c[0] is not None else self.at(ast.Dict([], []), m)
    def name(self, m, c): return self.at(ast.Name(self.ident(c[0]), ast.Load()), m)
    def number(self, m, c): return self.lowering.number(c[0], m)
    def strings(self, m, c): return self.lowering.strings(c, m)
    def true(self, m, c): return self.at(ast.Constant(True), m)
    def false(self, m, c): return self.at(ast.Constant(False), m)
    def none(self, m, c): return self.at(ast.Constant(None), m)
    def auto(self, m, c): return self.lowering.tf_attr(m, "AUTO_REUSE")

    def arglist(self, m, c):
        *items, comma = c
        args, keywords = [], []
        for item in items:
            if isinstance(item, _Keyword):
                keywords.append(item.node)
            elif keywords and not (isinstance(item, ast.Starred)):
                raise _Refused("positional argument follows keyword argument", line=item.lineno,
                               column=self.lowering.char_col(item.lineno, item.col_offset))
            else:
                args.append(item)
        genexp = any(isinstance(a, ast.GeneratorExp) and getattr(a, "_bare", False) for a in args)
        return _Args(args, keywords, comma is not None, genexp)
    def genexp_arg(self, m, c):
        node = self.at(ast.GeneratorExp(c[0], c[1]), m)
        node._bare = True
        return node
    def keyword_arg(self, m, c): return _Keyword(self.at(ast.keyword(self.ident(c[0]), c[1]), m))
    def star_arg(self, m, c): return self.at(ast.Starred(c[0], ast.Load()), m)
    def dstar_arg(self, m, c): return _Keyword(self.at(ast.keyword(None, c[0]), m))

    def list_items(self, m, c): return self.at(ast.List(c, ast.Load()), m)
    def listcomp(self, m, c): return self.at(ast.ListComp(c[0], c[1]), m)
    def dict_items(self, m, c): return self.at(ast.Dict([k for k, _ in c], [v for _, v in c]), m)
    def pair(self, m, c): return (c[0], c[1])
    def dstar_pair(self, m, c): return (None, c[0])
    def dictcomp(self, m, c): return self.at(ast.DictComp(c[0], c[1], c[2]), m)
    def set_items(self, m, c): return self.at(ast.Set(c), m)
    def setcomp(self, m, c): return self.at(ast.SetComp(c[0], c[1]), m)
    def comp(self, m, c):
        clauses = []
        for kind, node in c:
            if kind == "for":
                clauses.append(node)
            else:
                clauses[-1].ifs.append(node)
        return clauses
    def comp_for(self, m, c): return ("for", ast.comprehension(self.store(c[0]), c[1], [], 0))
    def comp_if(self, m, c): return ("if", c[0])

    def subscripts(self, m, c):
        *items, comma = c
        if len(items) == 1 and comma is None:
            return items[0]
        return self.at(ast.Tuple(items, ast.Load()), m)
    def slice2(self, m, c): return self.at(ast.Slice(c[0], c[1], None), m)
    def slice3(self, m, c): return self.at(ast.Slice(c[0], c[1], c[2]), m)

    # version-1 forms
    def get_variable(self, m, c): return self.lowering.get_variable(c[1], c[2], c[3:], m)
    def new_variable(self, m, c): return self.lowering.new_variable(c[1], c[2], c[3:], m)
    def no_op(self, m, c): return self.lowering.no_op(c[1], c[2:], m)
    def bare_op(self, m, c): return self.lowering.no_op(None, [], m)
    def const_op(self, m, c): return self.lowering.const(c[1], c[2:], m)
    def var_name(self, m, c): return c[0]
    def shape(self, m, c): return self.at(ast.List([x for x in c if x is not None], ast.Load()), m)


@functools.cache
def _tree_builder():
    """`_ToPython` over a whole parse tree (the tree-building path): a Lark
    Transformer, made on first use so that the fast path never imports Lark."""
    from lark.visitors import Transformer_NonRecursive, v_args

    class _TreeToPython(_ToPython, Transformer_NonRecursive):
        __visit_tokens__ = False

        def __init__(self, filename: str, source: str):
            Transformer_NonRecursive.__init__(self)
            _ToPython.__init__(self, filename, source)

    # What `@v_args(meta=True)` on the class would do (it skips inherited methods).
    for name, value in list(vars(_ToPython).items()):
        if not name.startswith("_") and callable(value):
            setattr(_TreeToPython, name, v_args(meta=True)(value))
    return _TreeToPython


def _starts_at(node, other):
    """CPython places a statement's own instructions (the test's jump, the
    with's enter, the unpacking) at the statement: start it where the
    expression that fails there starts, so errors point at that expression."""
    node.lineno, node.col_offset = other.lineno, other.col_offset
    return node


def _no_args() -> ast.arguments:
    return ast.arguments([], [], None, [], [], None, [])


def _describe(node) -> str:
    names = {ast.Call: "a function call", ast.Constant: "a literal", ast.BinOp: "an expression",
             ast.Compare: "a comparison", ast.BoolOp: "an expression", ast.UnaryOp: "an expression",
             ast.Lambda: "a lambda", ast.IfExp: "a conditional expression", ast.Dict: "a dict",
             ast.Set: "a set", ast.ListComp: "a comprehension", ast.JoinedStr: "an f-string",
             ast.GeneratorExp: "a generator expression"}
    return names.get(type(node), "this expression")


# ------------------------------------------------------------- syntax errors

#: Known mistakes: each example fails in one parser state, and any error in
#: that state gets the message.  `{token}` is the offending token's text.
_EXAMPLES: list[tuple[str, list[str]]] = [
    ("variable needs a shape, e.g. variable v [2, 3]",
     ['variable v', 'variable "v"', "x = variable v"]),
    ("an attribute name follows '.', e.g. x.name", ["x.1", "x.(", "x = a."]),
    ("try needs a block: try < ... > except ValueError < ... >", ["try"]),
    ("try < ... > needs an except or finally clause, e.g. except ValueError < ... >",
     ["try <>"]),
    ("def needs a name and parameters: def f(x, y=1) < ... >", ["def", "def f", "def f()"]),
    ("a block follows: < ... >", ["if x", "while x", "for x in y", "with x",
                                  "if x < > elif y"]),
    ("for needs a target and `in`: for x in xs < ... >", ["for x", "for x y"]),
    ("lambda needs ':' then an expression: lambda x: x + 1", ["x = lambda x", "x = lambda x:"]),
]

#: How "expected one of" names the terminals that are not a literal string.
_TERMINAL_WORDS = {"NAME": "a name", "VARNAME": "a name", "STRING": "a string",
                   "FSTRING": "an f-string", "NUMBER": "a number", "_SEP": "end of line",
                   "$END": "end of input", "_LBLOCK": "'<'", "_RBLOCK": "'>'", "AUGOP": "'+='",
                   "TRUE": "true", "FALSE": "false", "NONE": "none", "AUTO": "auto",
                   "SCOPE_KW": "scope", "NAME_SCOPE_KW": "name_scope", "VAR_KW": "var",
                   "VARIABLE_KW": "variable", "OP_KW": "op", "OP_BARE": "op",
                   "CONST_KW": "const", "REUSE_KW": "reuse", "COMMA": "','"}
_BRACKETS = {"_LBLOCK": "_RBLOCK", "LPAR": "RPAR", "LSQB": "RSQB", "LBRACE": "RBRACE"}
_OPERATOR_TERMINALS = frozenset({"PLUS", "STAR"})


def _error(message, line, column, text, filename, expected=(), incomplete=False):
    """Lark counts lines at "\n" only, so the source line is found the same way."""
    lines = text.split("\n")
    source_line = lines[line - 1].rstrip("\r") if 0 < line <= len(lines) else ""
    return ScopeSyntaxError(message, filename, line, column, source_line, tuple(expected),
                            incomplete)


def _syntax_error(err: UnexpectedInput, text: str, filename: str) -> ScopeSyntaxError:
    """A Lark error as a `ScopeSyntaxError` a person can act on."""
    from lark.exceptions import UnexpectedCharacters
    if isinstance(err, UnexpectedCharacters):
        ch = text[err.pos_in_stream]
        if ch in "\"'":   # every complete string lexes
            on_last_line = "\n" not in text[err.pos_in_stream:].rstrip()
            return _error("unterminated string", err.line, err.column, text, filename,
                          incomplete=on_last_line)
        if re.match(r"0+[0-9]", text[err.pos_in_stream:]):
            return _error("leading zeros in decimal integer literals are not permitted",
                          err.line, err.column, text, filename)
        if ch == "\\":
            return _error("a backslash continues a line only at its very end", err.line,
                          err.column, text, filename)
        return _error(f"unexpected character {ch!r}", err.line, err.column, text, filename)
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
    from lark import Token
    stack = state.value_stack if state is not None else []
    opener = _unclosed(stack, accepts) if incomplete else None
    if opener is not None:
        return f"'{opener}' was never closed", (opener.line, opener.column)
    previous = stack[-1] if stack else None
    word = _WORD.match(token) if token.type != "$END" else None
    line_start = text.rfind("\n", 0, token.start_pos) + 1 if token.type != "$END" else 0
    first_word = _WORD.match(text, line_start + len(text[line_start:]) -
                             len(text[line_start:].lstrip(" \t"))) if token.type != "$END" else None
    if first_word and first_word[0] in NOT_IN_LANGUAGE and first_word[0] in ("match", "from"):
        return NOT_IN_LANGUAGE[first_word[0]], (token.line, first_word.start() - line_start + 1)
    if token.type == "AT" and "NAME" in accepts and "PLUS" not in accepts:
        return "decorators (@f) are not in the scope language", None
    if token.type in ("_LBLOCK", "LE", "GE", "LSHIFT") and "PLUS" in accepts:
        op = "<" if token.type == "_LBLOCK" else str(token)
        return (f"'{op}' outside parentheses opens a block; as an operator it must stand inside "
                f"(), [] or {{}}: write (a {op} b)", None)
    if isinstance(previous, Token) and previous.type == "_RBLOCK" and previous.line == token.line \
            and token.type not in ("_RBLOCK", "_SEP") and _is_operand_start(token):
        return ("'>' outside parentheses closes a block; as an operator it must stand inside "
                "(), [] or {}: write (a > b)", (previous.line, previous.column))
    if token.type == "EQUAL" and isinstance(previous, Token) and str(previous) in KEYWORDS:
        return (f"`{previous}` is a keyword and cannot be used as a name",
                (previous.line, previous.column))
    hint = _hints().get(state.position) if state is not None else None
    if hint and not (token.type == "$END" and "{token}" in hint):
        return hint.format(token=token), None
    if word and word[0] in KEYWORDS and "NAME" in accepts:
        return f"`{word[0]}` is a keyword and cannot be used as a name", None
    if word and word[0] in ("except", "elif", "else", "finally"):
        return f"`{word[0]}` without the block it continues before it", None
    one_of = "one of: " if len(expected) > 1 else ""
    return f"unexpected {_show(token)}; expected {one_of}{', '.join(expected)}", None


def _is_operand_start(token: Token) -> bool:
    return token.type in ("NAME", "NUMBER", "STRING", "FSTRING", "LPAR", "TRUE", "FALSE",
                          "NONE", "MINUS")


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
    from lark.exceptions import UnexpectedInput
    hints = {}
    for message, examples in _EXAMPLES:
        for example in examples:
            try:
                _lark().parse(example)
            except UnexpectedInput as err:
                if getattr(err, "state", None) is not None:
                    hints.setdefault(err.state.position, message)
            except _Refused:
                pass
    return hints


@functools.cache
def _operand_starts() -> frozenset[str]:
    """The terminals an operand can start with (what `x = 1 +` accepts next)."""
    from lark.exceptions import UnexpectedToken
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
        names -= _operand_starts()
        words.add("an expression")
    for name in names:
        if name in _TERMINAL_WORDS:
            words.add(_TERMINAL_WORDS[name])
        elif name in ("FORBIDDEN",):
            continue
        else:
            try:
                pattern = _lark().get_terminal(name).pattern
            except KeyError:
                continue
            if pattern.type == "str":
                words.add(f"'{pattern.value}'")
    return sorted(words, key=lambda w: (not w.startswith("'"), w))


def _unclosed(value_stack, accepts) -> Token | None:
    """The innermost `<`, `(`, `[` or `{` still open, if its closer would do here."""
    from lark import Token
    for value in reversed(value_stack):
        if isinstance(value, Token) and _BRACKETS.get(value.type) in accepts:
            return value
    return None


def _end_of(text: str) -> tuple[int, int]:
    """Line and column just after the last non-blank character."""
    body = text.rstrip()
    return body.count("\n") + 1, len(body) - (body.rfind("\n") + 1) + 1
