"""From `.scope` forms to Python `ast`: the version-1 forms as TensorFlow
calls, and what needs the whole program.

`Lowering` holds the helpers the parser's transformer calls (positions, the
version-1 forms of LANGUAGE.md part 2, print, calls, strings, numbers).
`finish` then works on the whole module:

* a call of a version-1 bare function (`add(a, b)`, `relu(x)`,
  `global_variables()`) becomes its TensorFlow call, unless the program binds
  that name itself (then it is the program's function);
* the `tf` of lowered forms becomes `__tf` if the program rebinds `tf`;
* a `with` nested deeper than CPython's static block limit is lowered to
  explicit enter/exit calls of the prelude (`__scopesim_enter`, ...), with
  the unwinding of exceptions, `return`, `break` and `continue`;
* every statement is indexed: its span and its enclosing block heads, for
  the error locations and traces of the runner.

Everything here is iterative: blocks nest 10,000 levels deep.
"""

from __future__ import annotations

import ast
import functools
from itertools import accumulate

#: The version-1 bare functions and the TensorFlow call each one is.
V1_FUNCTIONS = {
    "add": ("add",), "multiply": ("multiply",), "matmul": ("matmul",), "relu": ("nn", "relu"),
    "tanh": ("tanh",), "sigmoid": ("sigmoid",), "identity": ("identity",),
    "get_variable_scope": ("get_variable_scope",),
}
#: ... and those whose value is not the TensorFlow function's.
V1_NAME_LISTS = {"global_variables", "trainable_variables"}
DTYPES = frozenset({"float16", "float32", "float64", "int32", "int64", "bool"})
INITIALIZERS = {"zeros": "zeros_initializer", "ones": "ones_initializer",
                "glorot_uniform": "glorot_uniform_initializer",
                "glorot_normal": "glorot_normal_initializer",
                "random_normal": "random_normal_initializer",
                "truncated_normal": "truncated_normal_initializer",
                "random_uniform": "random_uniform_initializer"}
#: `variable v [2] init=...`: the function that makes the initial value.
INITIAL_VALUES = {"random_normal": "random_normal", "zeros": "zeros", "ones": "ones",
                  "truncated_normal": "truncated_normal", "random_uniform": "random_uniform"}
SCOPE_KEYWORDS = {"default": "default_name", "aux": "auxiliary_name_scope"}

#: Nested blocks allowed in one function before `with` is lowered to calls;
#: CPython's limit is 20 (a handler counts more than one).
MAX_STATIC_BLOCKS = 14

ENTER, EXIT, UNWIND, DEPTH = ("__scopesim_enter", "__scopesim_exit", "__scopesim_unwind",
                              "__scopesim_depth")


class Refused(Exception):
    """A mistake found while building the tree (the parser reports it)."""

    def __init__(self, message: str, token=None, line: int = 0, column: int = 0):
        super().__init__(message)
        self.message, self.token = message, token
        self.line = token.line if token is not None else line
        self.column = token.column if token is not None else column


LoweringError = Refused


class Option:
    """`key=value` of a version-1 form; `meta` is its span."""

    __slots__ = ("key", "value", "meta")

    def __init__(self, key: str, value: ast.expr, meta: object):
        self.key, self.value, self.meta = key, value, meta

    def __repr__(self) -> str:
        return f"Option(key={self.key!r}, value={self.value!r}, meta={self.meta!r})"

    def __eq__(self, other):
        if other.__class__ is not Option:
            return NotImplemented
        return (self.key, self.value, self.meta) == (other.key, other.value, other.meta)

    __hash__ = None


class BadGroup(ast.expr):
    """`(a, k=v)` outside `print(...)`: reported by `finish`."""

    _fields = ()


class Head:
    """A block head (`scope "a" reuse=true`, `def f(x)`, `for i in xs`).

    A plain class rather than a dataclass: `dataclasses` imports `inspect`,
    which would cost every run's start-up several milliseconds."""

    __slots__ = ("text", "line", "column", "parent", "function")

    def __init__(self, text: str, line: int, column: int, parent: int,
                 function: str | None = None):
        self.text, self.line, self.column = text, line, column
        self.parent = parent            # index of the enclosing head, -1 at the top
        self.function = function        # set on a def's own head

    def _key(self) -> tuple:
        return (self.text, self.line, self.column, self.parent, self.function)

    def __repr__(self) -> str:
        return ("Head(text={!r}, line={!r}, column={!r}, parent={!r}, function={!r})"
                .format(*self._key()))

    def __eq__(self, other):
        if other.__class__ is not Head:
            return NotImplemented
        return self._key() == other._key()

    __hash__ = None


class Copy(ast.stmt):
    """A top-level part of the text left unread: a copy of an earlier one but
    for its strings (`scopesim.copies`), from offset `pos` to `end`, starting
    on line `lineno`; `col_offset` is the first copy's first statement's
    (a `with` is placed at its context); `shape` is the copies'
    `copies.Shape`."""

    _fields = ()

    def __init__(self, shape, line: int, column: int, pos: int, end: int):
        super().__init__()
        self.shape, self.lineno, self.col_offset, self.pos, self.end = \
            shape, line, column, pos, end


class NoCopies(Exception):
    """The copies cannot be left unread: the whole text is read."""


class Program:
    """A parsed program: the Python module and what is needed to report on it.

    `tree` is the module as parsed, where copies of top-level statements may
    be left unread (`Copy`); `module` is the whole module, read again on
    first use where copies were left unread (`rebuild`)."""

    def __init__(self, module: ast.Module, filename: str, source: str, heads=None,
                 statements=None, block_depth: int = 0, code: object = None):
        self.module, self.filename, self.source = module, filename, source
        self._heads: list[Head] = [] if heads is None else heads
        #: line -> [(col, end_line, end_col, head index)] of the statements starting on it
        self._statements: dict[int, list[tuple[int, int, int, int]]] = \
            {} if statements is None else statements
        self.block_depth = block_depth
        #: copies left unread whose heads and index are not made yet:
        #: (the first copy's `_Captured`, line, offset, index of its first head)
        self.unread: list[tuple] = []
        self.code = code                # the compiled module codes, run in order (set by the parser)

    @property
    def heads(self) -> list[Head]:
        if self.unread:
            self._index_copies()
        return self._heads

    @property
    def statements(self) -> dict[int, list[tuple[int, int, int, int]]]:
        if self.unread:
            self._index_copies()
        return self._statements

    def _index_copies(self) -> None:
        """The heads and statement index of the copies left unread, made on
        first use (errors and traces read them; a run without one does not)."""
        unread, self.unread = self.unread, []
        for captured, line, pos, head in unread:
            heads, statements = captured.shifted(self.source, line, pos, head)
            self._heads[head:head + len(heads)] = heads
            for at, entries in statements:
                self._statements[at] = entries

    @property
    def module(self) -> ast.Module:
        if self.rebuild is not None:
            rebuild, self.rebuild = self.rebuild, None
            self.tree = rebuild()
        return self.tree

    @module.setter
    def module(self, module: ast.Module) -> None:
        self.tree, self.rebuild = module, None

    def __repr__(self) -> str:
        return (f"Program(module={self.module!r}, filename={self.filename!r}, "
                f"source={self.source!r}, heads={self.heads!r}, "
                f"statements={self.statements!r}, block_depth={self.block_depth!r}, "
                f"code={self.code!r})")

    def __eq__(self, other):
        if other.__class__ is not Program:
            return NotImplemented
        fields = ("module", "filename", "source", "heads", "statements", "block_depth", "code")
        return all(getattr(self, f) == getattr(other, f) for f in fields)

    __hash__ = None

    @functools.cached_property
    def lines(self) -> list[str]:
        """The source lines (split once: traces and origins read them often)."""
        return self.source.split("\n")

    @functools.cached_property
    def line_offsets(self) -> list[int]:
        """The offset in `source` where each line starts (and one past the end)."""
        return line_starts(self.lines)

    def line(self, number: int) -> str:
        lines = self.lines
        return lines[number - 1].rstrip("\r") if 0 < number <= len(lines) else ""

    def char_column(self, line: int, byte_col: int) -> int:
        """1-based character column of a 0-based UTF-8 byte offset in `line`."""
        text = self.line(line)
        if text.isascii():
            return byte_col + 1
        return len(text.encode("utf-8")[:byte_col].decode("utf-8", "replace")) + 1

    def enclosing(self, line: int, byte_col: int) -> int:
        """The head index enclosing the innermost statement at a position (-1: top)."""
        for start in range(line, 0, -1):
            for col, end_line, end_col, head in reversed(self.statements.get(start, ())):
                if (start, col) <= (line, byte_col) and (line, byte_col) < (end_line, end_col):
                    return head
        return -1

    def head_chain(self, index: int, stop_at_function: bool = True) -> list[Head]:
        """The heads from the outermost (in the same function) to `index`."""
        chain = []
        while index >= 0:
            head = self.heads[index]
            chain.append(head)
            if stop_at_function and head.function is not None:
                break
            index = head.parent
        return chain[::-1]


def line_starts(lines: list[str]) -> list[int]:
    """The offset where each of `lines` (a text split at its newlines)
    starts, and one past the end: each one past the end of the one before."""
    return list(accumulate(map((1).__add__, map(len, lines)), initial=0))


def _string_value(text: str) -> str:
    """The value of a STRING token (quotes, no prefix, one line): its text
    between the quotes when that holds no escape and only printable
    characters (what Python reads it as), else Python's literal_eval (each
    call of which compiles the literal: 0.1 ms a string)."""
    body = text[1:-1]
    if "\\" not in body and body.isprintable():
        return body
    return ast.literal_eval(_no_nul(text))


def _no_nul(text: str) -> str:
    """String-literal text for Python's parser, which refuses source with a
    NUL: a raw NUL character becomes the escape that means it."""
    return text.replace("\x00", "\\x00") if "\x00" in text else text


class Span2:
    """The span of a rule on the fast path (what Lark's `propagate_positions`
    meta says): from its first token's start to its last token's end, read
    off the two tokens when asked rather than copied at every reduction."""

    __slots__ = ("first", "last")
    empty = False

    def __init__(self, first, last):
        self.first, self.last = first, last

    line = property(lambda self: self.first.line)
    column = property(lambda self: self.first.column)
    start_pos = property(lambda self: self.first.start_pos)
    end_line = property(lambda self: self.last.end_line)
    end_column = property(lambda self: self.last.end_column)
    end_pos = property(lambda self: self.last.end_pos)


class _EmptySpan:
    """The span of a rule without tokens (Lark's empty meta)."""

    __slots__ = ()
    empty = True


EMPTY_SPAN = _EmptySpan()


class Lowering:
    """Positions and the version-1 forms, for the parser's transformer."""

    def __init__(self, source: str):
        self.source = source
        #: An ASCII program's byte columns are its character columns.
        self.ascii = source.isascii()
        self.tf_names: list[ast.Name] = []
        self.v1_calls: list[ast.Call] = []
        #: The names the program binds, as the builder makes their nodes
        #: (what `_check_and_bind` finds by walking the module) ...
        self.bound: set[str] = set()
        #: ... unless the module holds nodes the builder did not make itself
        #: (an f-string's) or that must be refused (a BadGroup): then it walks.
        self.walk_needed = False

    # ------------------------------------------------------------ positions

    @functools.cached_property
    def lines(self) -> list[str]:
        """The source's lines, split where a column is converted (a program
        that is not ASCII, a refusal): an ASCII program's parse never is."""
        return self.source.split("\n")

    def bcol(self, line: int, column: int) -> int:
        """0-based UTF-8 byte offset of a 1-based character column."""
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        if text.isascii():
            return column - 1
        return len(text[:column - 1].encode("utf-8"))

    def char_col(self, line: int, byte_col: int) -> int:
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        if text.isascii():
            return byte_col + 1
        return len(text.encode("utf-8")[:byte_col].decode("utf-8", "replace")) + 1

    def at(self, node, where):
        """Give `node` the position of a Lark meta or token."""
        if where.__class__ is Span2:
            first, last = where.first, where.last
            if self.ascii:
                node.lineno, node.col_offset = first.line, first.column - 1
                node.end_lineno, node.end_col_offset = last.end_line, last.end_column - 1
                return node
        elif getattr(where, "empty", False):
            return node
        if self.ascii:
            node.lineno, node.col_offset = where.line, where.column - 1
            node.end_lineno, node.end_col_offset = where.end_line, where.end_column - 1
            return node
        line, column = where.line, where.column
        end_line, end_column = where.end_line, where.end_column
        node.lineno, node.col_offset = line, self.bcol(line, column)
        node.end_lineno, node.end_col_offset = end_line, self.bcol(end_line, end_column)
        return node

    def like(self, node, other):
        """Give `node` the position of another node."""
        node.lineno, node.col_offset = other.lineno, other.col_offset
        node.end_lineno, node.end_col_offset = other.end_lineno, other.end_col_offset
        return node

    # ------------------------------------------------------------- builders

    def module(self, statements) -> ast.Module:
        return ast.Module(list(statements), [])

    def tf_attr(self, where, *path):
        """`tf.a.b` at `where` (the `tf` remembered: it may become `__tf`)."""
        name = self.at(ast.Name("tf", ast.Load()), where)
        self.tf_names.append(name)
        node = name
        for attr in path:
            node = self.at(ast.Attribute(node, attr, ast.Load()), where)
        return node

    def tf_call(self, where, path, args=(), keywords=()):
        return self.at(ast.Call(self.tf_attr(where, *path), list(args), list(keywords)), where)

    def head(self, node, block):
        """Remember the head of a block statement: its text up to the `<`."""
        _, meta = block
        start = node.lineno, node.col_offset
        node._scopesim_head = (start, meta.start_pos)
        return node

    def print_(self, item, groups, where):
        if item is None:
            args, keywords = [], []
        elif groups.get(id(item), (None,))[0] is item:
            group = groups[id(item)][1]
            args, keywords = group.args, group.keywords
        elif isinstance(item, ast.Tuple) and not getattr(item, "_scopesim_paren", False):
            args, keywords = item.elts, []
        else:
            args, keywords = [item], []
        shown = []
        for arg in args:
            if isinstance(arg, ast.Starred):
                inner = self.like(ast.Call(self.like(ast.Name("__scopesim_show_all", ast.Load()),
                                                     arg), [arg.value], []), arg)
                shown.append(self.like(ast.Starred(inner, ast.Load()), arg))
            else:
                shown.append(self.like(ast.Call(self.like(ast.Name("__scopesim_show", ast.Load()),
                                                          arg), [arg], []), arg))
        call = self.at(ast.Call(self.at(ast.Name("print", ast.Load()), where), shown,
                                list(keywords)), where)
        return self.at(ast.Expr(call), where)

    def paren(self, group, groups, where):
        if group is None:
            node = self.at(ast.Tuple([], ast.Load()), where)
            groups[id(node)] = (node, _empty_group())
        elif group.keywords:
            node = self.at(BadGroup(), where)
            self.walk_needed = True
            groups[id(node)] = (node, group)
        elif len(group.args) == 1 and not group.trailing_comma and \
                not isinstance(group.args[0], ast.Starred):
            node = group.args[0]
            if isinstance(node, ast.GeneratorExp) and getattr(node, "_bare", False):
                node._bare = False
                self.at(node, where)
            groups[id(node)] = (node, group)
        else:
            node = self.at(ast.Tuple(group.args, ast.Load()), where)
            node._scopesim_paren = True
            groups[id(node)] = (node, group)
        return node

    def call(self, func, group, where):
        args = group.args if group is not None else []
        keywords = group.keywords if group is not None else []
        if group is not None and group.genexp and len(args) + len(keywords) > 1:
            raise Refused("a generator expression argument must be parenthesised",
                          line=where.line, column=where.column)
        seen = set()
        for kw in keywords:
            if kw.arg is not None and kw.arg in seen:
                raise Refused(f"keyword argument repeated: {kw.arg}", line=kw.lineno,
                              column=self.char_col(kw.lineno, kw.col_offset))
            seen.add(kw.arg)
        node = self.at(ast.Call(func, args, keywords), where)
        if isinstance(func, ast.Name) and (func.id in V1_FUNCTIONS or func.id in V1_NAME_LISTS
                                           or func.id == "get_name_scope"):
            self.v1_calls.append(node)
        return node

    def attribute(self, value, token, where):
        name = str(token)
        if name.startswith("_") and name != "__name__":
            raise Refused(f"attributes starting with _ are not reachable: .{name}", token)
        return self.at(ast.Attribute(value, name, ast.Load()), where)

    def number(self, token, where):
        text = str(token)
        if text.isdigit():          # a decimal integer: what Python's literal is
            return self.at(ast.Constant(int(text)), where)
        whole, dot, fraction = text.partition(".")
        if dot and whole.isdigit() and (not fraction or fraction.isdigit()):
            # `1.5`, `2.`: float() of the digits is the literal's value (both
            # round correctly)
            return self.at(ast.Constant(float(text)), where)
        try:
            value = ast.literal_eval(text)
        except (ValueError, SyntaxError) as e:
            raise Refused(f"bad number literal {token}: {e}", token) from None
        return self.at(ast.Constant(value), where)

    def strings(self, tokens, where):
        for token in tokens:
            check_string_escapes(token)
        if all(t.type == "STRING" for t in tokens):
            return self.at(ast.Constant("".join(_string_value(str(t)) for t in tokens)), where)
        first, last = tokens[0], tokens[-1]
        self.walk_needed = True
        text = "(" + _no_nul(self.source[first.start_pos:last.end_pos]) + ")"
        try:
            node = ast.parse(text, mode="eval").body
        except SyntaxError as e:
            line = first.line + (e.lineno or 1) - 1
            column = (first.column + (e.offset or 2) - 2) if (e.lineno or 1) == 1 else (e.offset or 1)
            raise Refused(f"bad f-string: {e.msg}", line=line, column=column) from None
        shift = self.bcol(first.line, first.column) - 1
        for sub in ast.walk(node):
            if hasattr(sub, "lineno") and sub.lineno is not None:
                for attr_line, attr_col in (("lineno", "col_offset"),
                                            ("end_lineno", "end_col_offset")):
                    line = getattr(sub, attr_line, None)
                    if line is None:
                        continue
                    if line == 1:
                        setattr(sub, attr_col, getattr(sub, attr_col) + shift)
                    setattr(sub, attr_line, line + first.line - 1)
        return self.at(node, where)

    def name_of(self, token):
        """The literal name after var/variable/op: a bare word, a string, an f-string."""
        if token.type == "VARNAME":
            return self.at(ast.Constant(str(token)), token)
        return self.strings([token], token)

    def keywords(self, options, rewrite) -> list[ast.keyword]:
        seen = set()
        out = []
        for option in options:
            if option.key in seen:
                raise Refused(f"option {option.key}= given twice", line=option.meta.line,
                              column=option.meta.column)
            seen.add(option.key)
            if option.key.startswith("__"):
                raise Refused(f"names starting with __ are reserved for scopesim: {option.key}",
                              line=option.meta.line, column=option.meta.column)
            key, value = rewrite(option)
            out.append(self.at(ast.keyword(key, value), option.meta))
        return out

    def dtype(self, value):
        if isinstance(value, ast.Name) and value.id in DTYPES:
            return self.like(ast.Attribute(self._tf_like(value), value.id, ast.Load()), value)
        return value

    def _tf_like(self, node):
        name = self.like(ast.Name("tf", ast.Load()), node)
        self.tf_names.append(name)
        return name

    def initializer(self, value):
        """`zeros` -> `tf.zeros_initializer()`, `constant(0.5)` -> `tf.constant_initializer(0.5)`."""
        if isinstance(value, ast.Name) and value.id in INITIALIZERS:
            function = self.like(ast.Attribute(self._tf_like(value), INITIALIZERS[value.id],
                                               ast.Load()), value)
            return self.like(ast.Call(function, [], []), value)
        if (isinstance(value, ast.Call) and isinstance(value.func, ast.Name)
                and value.func.id == "constant" and len(value.args) == 1 and not value.keywords):
            value.func = self.like(ast.Attribute(self._tf_like(value.func), "constant_initializer",
                                                 ast.Load()), value.func)
        return value

    def option_value(self, option):
        if option.key == "dtype":
            return option.key, self.dtype(option.value)
        if option.key == "initializer":
            return option.key, self.initializer(option.value)
        return option.key, option.value

    def get_variable(self, name, shape, options, where):
        args = [self.name_of(name)] + ([shape] if shape is not None else [])
        return self.tf_call(where, ("get_variable",), args, self.keywords(options, self.option_value))

    def new_variable(self, name, shape, options, where):
        by_key = {}
        rest = []
        for option in options:
            if option.key in ("init", "dtype") and option.key not in by_key:
                by_key[option.key] = option
            else:
                rest.append(option)
        value_keywords = []
        if "dtype" in by_key:
            value_keywords = self.keywords([by_key["dtype"]], self.option_value)
        init = by_key["init"].value if "init" in by_key else None
        shape_node = shape
        if init is None or (isinstance(init, ast.Name) and init.id in INITIAL_VALUES):
            function = self.tf_attr(where, INITIAL_VALUES[init.id] if init is not None
                                    else "random_normal")
            value = self.at(ast.Call(function, [shape_node], value_keywords), where)
        elif (isinstance(init, ast.Call) and isinstance(init.func, ast.Name)
              and init.func.id == "constant" and len(init.args) == 1 and not init.keywords):
            shape_kw = self.at(ast.keyword("shape", shape_node), where)
            value = self.tf_call(where, ("constant",), init.args, [shape_kw] + value_keywords)
        elif isinstance(init, ast.Name):
            value = self.at(ast.Call(self.tf_attr(where, init.id), [shape_node], value_keywords),
                            where)
        else:
            value = self.at(ast.Call(init, [shape_node], value_keywords), where)
        keywords = []
        if name is not None:
            keywords.append(self.at(ast.keyword("name", self.name_of(name)), name))
        keywords += self.keywords(rest, self.option_value)
        return self.tf_call(where, ("Variable",), [value], keywords)

    def no_op(self, name, options, where):
        keywords = []
        if name is not None:
            keywords.append(self.at(ast.keyword("name", self.name_of(name)), name))
        keywords += self.keywords(options, self.option_value)
        return self.tf_call(where, ("no_op",), [], keywords)

    def const(self, value, options, where):
        return self.tf_call(where, ("constant",), [value], self.keywords(options, self.option_value))

    def assert_(self, test, message, where):
        """`assert t, m` as `if not t: raise AssertionError(m)`: the error is the
        statement's (CPython would place it at the test)."""
        error = self.at(ast.Name("AssertionError", ast.Load()), where)
        if message is not None:
            error = self.at(ast.Call(error, [message], []), where)
        check = self.at(ast.UnaryOp(ast.Not(), test), where)
        return self.at(ast.If(check, [self.at(ast.Raise(error, None), where)], []), where)

    def reuse(self, where):
        scope = self.tf_call(where, ("get_variable_scope",))
        method = self.at(ast.Attribute(scope, "reuse_variables", ast.Load()), where)
        return self.at(ast.Expr(self.at(ast.Call(method, [], []), where)), where)

    def scope(self, function, c, where):
        keyword_token, target, *options, alias, block = c
        if target is None and all(o.key != "default" for o in options):
            word = "scope" if function == "variable_scope" else "name_scope"
            raise Refused(f'{word} needs a name ({word} "a"), a handle ({word} s) or '
                          f'default="..."', keyword_token)

        def rewrite(option):
            key = SCOPE_KEYWORDS.get(option.key, option.key) if function == "variable_scope" \
                else ("default_name" if option.key == "default" else option.key)
            return self.option_value(Option(key, option.value, option.meta))
        head_end = block[1]
        head = _Meta(where.line, where.column, head_end.line, head_end.column)
        target = target if target is not None else self.at(ast.Constant(None), keyword_token)
        call = self.tf_call(head, (function,), [target],
                            self.keywords(options, rewrite) if options else ())
        if alias is not None:
            self.check_target(alias)     # `as s()` would compile to no target
            _store(alias, self.bound)
        body = block[0] or [self.at(ast.Pass(), block[1])]
        node = self.at(ast.With([ast.withitem(call, alias)], body), where)
        return self.head(node, block)

    def check_target(self, node) -> None:
        """An `as` target of a scope block: what `with ... as` accepts (names,
        subscripts, tuples and lists of them), else a syntax error."""
        from .parser import _describe
        stack = [node]
        while stack:
            n = stack.pop()
            if isinstance(n, (ast.Tuple, ast.List)):
                stack.extend(n.elts)
            elif isinstance(n, ast.Starred):
                stack.append(n.value)
            elif isinstance(n, ast.Attribute):
                raise Refused("attribute assignment (obj.x = ...) is not in the scope language",
                              line=n.lineno, column=self.char_col(n.lineno, n.col_offset))
            elif not isinstance(n, (ast.Name, ast.Subscript)):
                raise Refused(f"cannot assign to {_describe(n)}", line=n.lineno,
                              column=self.char_col(n.lineno, n.col_offset))

    def arguments(self, params, where) -> ast.arguments:
        posonly, args, defaults, kwonly, kw_defaults = [], [], [], [], []
        vararg = kwarg = None
        star_seen = False
        names = set()
        for kind, arg, extra in params:
            if arg is not None:
                self.bound.add(arg.arg)
            if kwarg is not None:
                raise Refused("no parameter may follow **kwargs", line=where.line,
                              column=where.column)
            if arg is not None:
                if arg.arg in names:
                    raise Refused(f"duplicate argument '{arg.arg}' in function definition",
                                  line=arg.lineno, column=self.char_col(arg.lineno, arg.col_offset))
                names.add(arg.arg)
            if kind == "slash":
                if star_seen or posonly or not args:
                    raise Refused("/ must follow the positional parameters", line=extra.line,
                                  column=extra.column)
                posonly, args = args, []
            elif kind == "star":
                if star_seen:
                    raise Refused("* may appear only once in the parameters", line=extra.line,
                                  column=extra.column)
                star_seen, vararg = True, arg
            elif kind == "kw":
                kwarg = arg
            elif star_seen:
                kwonly.append(arg)
                kw_defaults.append(extra)
            else:
                if extra is None and defaults:
                    raise Refused("non-default argument follows default argument",
                                  line=arg.lineno, column=self.char_col(arg.lineno, arg.col_offset))
                args.append(arg)
                if extra is not None:
                    defaults.append(extra)
        if star_seen and vararg is None and not kwonly:
            raise Refused("named arguments must follow bare *", line=where.line,
                          column=where.column)
        return ast.arguments(posonly, args, vararg, kwonly, kw_defaults, kwarg, defaults)


class _Meta:
    """A span given by hand (a scope's head): what `Lowering.at` reads."""

    __slots__ = ("line", "column", "end_line", "end_column", "empty")

    def __init__(self, line: int, column: int, end_line: int, end_column: int,
                 empty: bool = False):
        self.line, self.column, self.end_line, self.end_column = line, column, end_line, end_column
        self.empty = empty


def _empty_group():
    class Group:
        args, keywords, trailing_comma, genexp = [], [], False, False
    return Group


def _store(node, bound):
    stack = [node]
    while stack:
        n = stack.pop()
        if hasattr(n, "ctx"):
            n.ctx = ast.Store()
            if isinstance(n, ast.Name):
                bound.add(n.id)
        if isinstance(n, (ast.Tuple, ast.List)):
            stack.extend(n.elts)
        elif isinstance(n, ast.Starred):
            stack.append(n.value)


def check_string_escapes(token) -> None:
    """Refuse an escape the language does not have (raw f-strings have none)."""
    text = str(token)
    prefix = text[:2].lower()
    if token.type == "FSTRING" and "r" in prefix:
        return
    i = 0
    while True:
        i = text.find("\\", i)
        if i < 0 or i + 1 >= len(text):
            return
        if text[i + 1] not in "\"'\\nt":
            raise Refused(rf"invalid escape \{text[i + 1]} in a string (use \", \', \\, \n or \t)",
                          line=token.line, column=token.column + i)
        i += 2


# ------------------------------------------------------------------ finish


def finish(module: ast.Module, lowering: Lowering, source: str, filename: str,
           fast: bool = False, parts: dict | None = None) -> Program:
    """The whole-program steps (module docstring), then the Program.

    `fast` (the parser's fast path) takes the bound names the builder
    collected instead of walking the module when it can, and leaves the
    positions as the builder gave them (a node without one makes `compile`
    fail, and the parser then takes its tree-building path, which fixes
    missing positions as `ast.fix_missing_locations` does).  `parts`: where
    the module holds copies left unread (`Copy`), the parts of the text that
    are the first and second copies (`scopesim.copies.read`)."""
    if fast and not lowering.walk_needed:
        bound = lowering.bound
    else:
        bound = _check_and_bind(module, lowering)
    lowering.bound = bound
    _program_steps(lowering, bound)
    program = Program(module, filename, source)
    _Blocks(program, source, bound, parts).run(fix_locations=not fast)
    return program


def finish_copy(statements: list, lowering: Lowering, program: Program, calls: int,
                names: int) -> list:
    """The statements of a copy left unread (`Copy`), read after all for its
    code (`shared_code` has no template for it), finished as `finish` did
    the first copy: the whole-program steps for the calls and names the
    builder made from `calls` and `names` on, and the blocks' (an empty
    block's `pass`; lowered blocks there are none, else the copy was read)."""
    _program_steps(lowering, lowering.bound, calls, names)
    part = Program(ast.Module(statements, []), program.filename, program.source)
    part.__dict__.update(lines=program.lines, line_offsets=program.line_offsets)
    blocks = _Blocks(part, program.source, lowering.bound)
    blocks.run(fix_locations=False)
    if blocks.marks or blocks.blocks:
        raise NoCopies("lowered blocks number their names")
    return part.tree.body


def _program_steps(lowering: Lowering, bound: set, calls: int = 0, names: int = 0) -> None:
    """The version-1 bare functions that the program does not bind made tf
    calls, and `tf` renamed where the program binds it (for the builder's
    calls and names from `calls` and `names` on)."""
    for call in lowering.v1_calls[calls:]:
        name = call.func.id
        if name in bound:
            continue
        where = call.func
        if name in V1_FUNCTIONS:
            call.func = _tf_path(lowering, where, V1_FUNCTIONS[name])
        elif name == "get_name_scope":
            graph = lowering.like(ast.Call(_tf_path(lowering, where, ("get_default_graph",)),
                                           [], []), where)
            call.func = lowering.like(ast.Attribute(graph, "get_name_scope", ast.Load()), where)
        else:
            inner = lowering.like(ast.Call(_tf_path(lowering, where, (name,)), call.args,
                                           call.keywords), call)
            call.func = lowering.like(ast.Name("__scopesim_names", ast.Load()), where)
            call.args, call.keywords = [inner], []
    if "tf" in bound:
        for name in lowering.tf_names[names:]:
            name.id = "__tf"


def _tf_path(lowering, where, path):
    name = lowering.like(ast.Name("tf", ast.Load()), where)
    lowering.tf_names.append(name)
    node = name
    for attr in path:
        node = lowering.like(ast.Attribute(node, attr, ast.Load()), where)
    return node


def _check_and_bind(module, lowering) -> set[str]:
    """The names the program binds anywhere; refuse what the tree must not hold."""
    bound = set()
    for node in ast.walk(module):
        if isinstance(node, BadGroup):
            raise Refused("keyword arguments (k=v) are only allowed in a call or in print(...)",
                          line=node.lineno, column=lowering.char_col(node.lineno, node.col_offset))
        if isinstance(node, (ast.Yield, ast.YieldFrom, ast.Await, ast.NamedExpr)):
            what = "the walrus operator :=" if isinstance(node, ast.NamedExpr) else "yield/await"
            raise Refused(f"{what} is not in the scope language", line=node.lineno,
                          column=lowering.char_col(node.lineno, node.col_offset))
        if isinstance(node, ast.Name):
            if node.id.startswith("__") and not node.id.startswith("__scopesim_") \
                    and node.id != "__tf":
                raise Refused(f"names starting with __ are reserved for scopesim: {node.id}",
                              line=node.lineno,
                              column=lowering.char_col(node.lineno, node.col_offset))
            if isinstance(node.ctx, ast.Store):
                bound.add(node.id)
        elif isinstance(node, ast.Attribute):
            if node.attr.startswith("_") and node.attr != "__name__":
                raise Refused(f"attributes starting with _ are not reachable: .{node.attr}",
                              line=node.lineno,
                              column=lowering.char_col(node.lineno, node.col_offset))
        elif isinstance(node, ast.FunctionDef):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            bound.update(node.names)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
    return bound


# ------------------------------------------------------- blocks and index


def _name(id_, like, ctx=None):
    node = ast.Name(id_, ctx or ast.Load())
    node.lineno, node.col_offset = like.lineno, like.col_offset
    node.end_lineno, node.end_col_offset = like.end_lineno, like.end_col_offset
    return node


def _call(function, args, like):
    node = ast.Call(_name(function, like), args, [])
    return _copy_pos(node, like)


def _copy_pos(node, like):
    node.lineno, node.col_offset = like.lineno, like.col_offset
    node.end_lineno, node.end_col_offset = like.end_lineno, like.end_col_offset
    return node


def _pass_at_start() -> ast.Pass:
    """The body of an empty program, where `ast.fix_missing_locations` puts it."""
    node = ast.Pass()
    node.lineno, node.col_offset, node.end_lineno, node.end_col_offset = 1, 0, 1, 0
    return node


def _expr(value, like):
    return _copy_pos(ast.Expr(value), like)


class _Frame:
    """One statement list being rebuilt."""

    __slots__ = ("items", "out", "depth", "head", "region", "opened", "loop_opened", "done",
                 "module")

    def __init__(self, items, depth, head, region, opened, loop_opened, done, module=True):
        self.items = iter(items)
        self.out = []
        self.depth = depth            # CPython blocks around this list in its function
        self.head = head              # index of the enclosing head
        self.region = region          # inside lowered withs (a mark name) or None
        self.opened = opened          # lowered withs open here, in this function
        self.loop_opened = loop_opened  # ... when the innermost loop started (None: no loop)
        self.done = done              # called with the rebuilt list
        self.module = module          # module level (not inside a def)


#: Statements `_Blocks.statement` keeps as they are, wherever they stand.
_SIMPLE_STATEMENTS = frozenset({ast.Assign, ast.Expr, ast.AugAssign, ast.Pass, ast.Assert,
                                ast.Raise, ast.Global, ast.Nonlocal})


class _Blocks:
    """Lower deep `with`s, and index statements and heads (see the module doc)."""

    def __init__(self, program: Program, source: str, module_names=(), parts=None):
        self.program = program
        self.source = source
        self.marks = 0
        self.blocks = 0
        self.module_names = sorted(module_names)
        self.copies = _Copies(self, parts) if parts else None
        self.head_spans: list[tuple[int, int]] = []     # each head's text in the source

    def head_span(self, node) -> tuple[int, int]:
        (line, col), end_pos = node._scopesim_head
        start_pos = self.program.line_offsets[line - 1]
        text = self.program.lines[line - 1]
        char = len(text.encode("utf-8")[:col].decode("utf-8", "replace")) if not text.isascii() \
            else col
        return start_pos + char, end_pos

    def add_head(self, node, parent: int, function: str | None = None) -> int:
        heads = self.program._heads
        start, end = span = self.head_span(node)
        self.head_spans.append(span)
        heads.append(Head(" ".join(self.source[start:end].split()), node.lineno,
                          self.program.char_column(node.lineno, node.col_offset), parent,
                          function))
        return len(heads) - 1

    def index(self, node, head: int) -> None:
        self.program._statements.setdefault(node.lineno, []).append(
            (node.col_offset, node.end_lineno, node.end_col_offset, head))

    def run(self, fix_locations: bool = True) -> None:
        module = self.program.module
        stack = [_Frame(module.body, 0, -1, None, 0, None,
                        lambda body: setattr(module, "body", body))]
        deepest = 0
        copies = self.copies
        while stack:
            frame = stack[-1]
            stmt = next(frame.items, None)
            if stmt is None:
                stack.pop()
                if copies is not None and not stack:
                    copies.top(None)
                frame.done(frame.out or [_pass_at_start() if not stack else ast.Pass()])
                continue
            if copies is not None and len(stack) == 1 and copies.top(stmt):
                frame.out.append(stmt)      # a copy left unread: its index made
                continue
            self.index(stmt, frame.head)
            if len(stack) > deepest:
                deepest = len(stack)
            if stmt.__class__ in _SIMPLE_STATEMENTS:
                frame.out.append(stmt)      # what `statement` does with them
            else:
                self.statement(stmt, frame, stack)
        self.program.block_depth = deepest - 1
        if copies is not None and (self.marks or self.blocks):
            raise NoCopies("lowered blocks number their names")
        if fix_locations:
            ast.fix_missing_locations(module)

    def child(self, stack, frame, body, depth, head, done, region=None, opened=None,
              loop_opened=...):
        stack.append(_Frame(body, depth, head,
                            frame.region if region is None else region,
                            frame.opened if opened is None else opened,
                            frame.loop_opened if loop_opened is ... else loop_opened, done,
                            frame.module))

    def statement(self, stmt, frame, stack) -> None:
        out = frame.out
        if isinstance(stmt, ast.FunctionDef):
            out.append(stmt)
            head = self.add_head(stmt, frame.head, stmt.name)
            stack.append(_Frame(stmt.body, 0, head, None, 0, None,
                                lambda body, s=stmt: setattr(s, "body", body), module=False))
        elif (isinstance(stmt, (ast.For, ast.While, ast.Try)) and frame.module
              and frame.region is None and frame.depth + 3 > MAX_STATIC_BLOCKS):
            self.move_into_function(stmt, frame, stack)
        elif isinstance(stmt, (ast.For, ast.While)):
            out.append(stmt)
            head = self.add_head(stmt, frame.head)
            self.child(stack, frame, stmt.orelse, frame.depth, frame.head,
                       lambda body, s=stmt: setattr(s, "orelse", body if s.orelse else []))
            self.child(stack, frame, stmt.body, frame.depth + 1, head,
                       lambda body, s=stmt: setattr(s, "body", body), loop_opened=frame.opened)
        elif isinstance(stmt, ast.If):
            out.append(stmt)
            head = self.add_head(stmt, frame.head) if hasattr(stmt, "_scopesim_head") else frame.head
            self.child(stack, frame, stmt.orelse, frame.depth, frame.head,
                       lambda body, s=stmt: setattr(s, "orelse", body if s.orelse else []))
            self.child(stack, frame, stmt.body, frame.depth, head,
                       lambda body, s=stmt: setattr(s, "body", body))
        elif isinstance(stmt, ast.Try):
            self.try_(stmt, frame, stack)
        elif isinstance(stmt, ast.With):
            self.with_(stmt, frame, stack)
        elif frame.region is not None and isinstance(stmt, ast.Return) and frame.opened:
            value = stmt.value if stmt.value is not None else _copy_pos(ast.Constant(None), stmt)
            out.append(_copy_pos(ast.Assign([_name("__scopesim_return", stmt, ast.Store())],
                                            value), stmt))
            out.append(_expr(_call(EXIT, [_copy_pos(ast.Constant(frame.opened), stmt)], stmt),
                             stmt))
            out.append(_copy_pos(ast.Return(_name("__scopesim_return", stmt)), stmt))
        elif frame.region is not None and isinstance(stmt, (ast.Break, ast.Continue)) \
                and frame.loop_opened is not None and frame.opened > frame.loop_opened:
            count = frame.opened - frame.loop_opened
            out.append(_expr(_call(EXIT, [_copy_pos(ast.Constant(count), stmt)], stmt), stmt))
            out.append(stmt)
        else:
            out.append(stmt)

    def try_(self, stmt, frame, stack) -> None:
        head = self.add_head(stmt, frame.head) if hasattr(stmt, "_scopesim_head") else frame.head
        if frame.region is not None:
            # Lowered withs opened in the body are left before a handler runs.
            mark = self.new_mark()
            frame.out.append(_copy_pos(ast.Assign([_name(mark, stmt, ast.Store())],
                                                  _call(DEPTH, [], stmt)), stmt))
            guard = self.guard(stmt, mark, [])
            frame.out.append(stmt)
            body_depth = frame.depth + 2
            done_body = (lambda body, g=guard, s=stmt: (setattr(g, "body", body),
                                                        setattr(s, "body", [g])))
        else:
            frame.out.append(stmt)
            body_depth = frame.depth + 1
            done_body = (lambda body, s=stmt: setattr(s, "body", body))
        self.child(stack, frame, stmt.finalbody, frame.depth + 2, frame.head,
                   lambda body, s=stmt: setattr(s, "finalbody", body if s.finalbody else []))
        self.child(stack, frame, stmt.orelse, frame.depth + 1, frame.head,
                   lambda body, s=stmt: setattr(s, "orelse", body if s.orelse else []))
        for handler in reversed(stmt.handlers):
            handler_head = self.add_head(handler, frame.head) \
                if hasattr(handler, "_scopesim_head") else frame.head
            self.child(stack, frame, handler.body, frame.depth + 3, handler_head,
                       lambda body, h=handler: setattr(h, "body", body))
        self.child(stack, frame, stmt.body, body_depth, head, done_body)

    def with_(self, stmt, frame, stack) -> None:
        head = self.add_head(stmt, frame.head) if hasattr(stmt, "_scopesim_head") else frame.head
        items = len(stmt.items)
        if frame.region is None and frame.depth + items <= MAX_STATIC_BLOCKS:
            frame.out.append(stmt)
            self.child(stack, frame, stmt.body, frame.depth + items, head,
                       lambda body, s=stmt: setattr(s, "body", body))
            return
        enters = []
        for item in stmt.items:
            enter = _call(ENTER, [item.context_expr], item.context_expr)
            if item.optional_vars is not None:
                enters.append(_copy_pos(ast.Assign([item.optional_vars], enter), stmt))
            else:
                enters.append(_expr(enter, stmt))
        leave = _expr(_call(EXIT, [_copy_pos(ast.Constant(items), stmt)], stmt), stmt)
        if frame.region is None:
            mark = self.new_mark()
            frame.out.append(_copy_pos(ast.Assign([_name(mark, stmt, ast.Store())],
                                                  _call(DEPTH, [], stmt)), stmt))
            guard = self.guard(stmt, mark, [])
            frame.out.append(guard)
            done = (lambda body, g=guard: setattr(g, "body", enters + body + [leave]))
            depth, region = frame.depth + 2, mark
        else:
            frame.out.extend(enters)
            done = (lambda body, out=frame.out: out.extend(body + [leave]))
            depth, region = frame.depth, frame.region
        self.child(stack, frame, stmt.body, depth, head, done, region=region,
                   opened=frame.opened + items)

    def move_into_function(self, stmt, frame, stack) -> None:
        """A loop or try too deep for CPython at module level: the body of a
        function of its own (the module's names stay global), called in place."""
        self.blocks += 1
        name = f"__scopesim_block{self.blocks}"
        function = _copy_pos(ast.FunctionDef(name, ast.arguments([], [], None, [], [], None, []),
                                             [], [], None), stmt)
        declare = [_copy_pos(ast.Global(self.module_names), stmt)] if self.module_names else []
        frame.out.append(function)
        frame.out.append(_expr(_call(name, [], stmt), stmt))
        # the statement is read again, in the function, at depth 0
        self.program._statements[stmt.lineno].pop()
        stack.append(_Frame([stmt], 0, frame.head, None, 0, None,
                            lambda body, f=function: setattr(f, "body", declare + body)))

    def new_mark(self) -> str:
        self.marks += 1
        return f"__scopesim_mark{self.marks}"

    def guard(self, like, mark, body) -> ast.Try:
        """try: body / except BaseException as e: unwind to mark; raise"""
        error = f"{mark}_error"
        unwind = _expr(_call(UNWIND, [_name(mark, like), _name(error, like)], like), like)
        handler = _copy_pos(ast.ExceptHandler(_name("BaseException", like), error,
                                              [unwind, _copy_pos(ast.Raise(None, None), like)]),
                            like)
        return _copy_pos(ast.Try(body, [handler], [], []), like)


class _Captured:
    """The index of one part of the text read (a copy's first or second):
    where it starts and the line after it, its heads (from `head`) and its
    statements' entries."""

    __slots__ = ("line", "end_line", "pos", "head", "heads", "spans", "statements")

    def __init__(self, line: int, end_line: int, pos: int, head: int):
        self.line, self.end_line, self.pos, self.head = line, end_line, pos, head
        self.heads = self.spans = self.statements = None

    def shifted(self, source: str, line: int, pos: int, head: int):
        """Its heads and its statements' entries for a copy starting at
        (line, pos) whose first head is `head`."""
        dl, dp, dh, first = line - self.line, pos - self.pos, head - self.head, self.head
        heads = [Head(" ".join(source[start + dp:end + dp].split()), h.line + dl, h.column,
                      h.parent + dh if h.parent >= first else h.parent, h.function)
                 for h, (start, end) in zip(self.heads, self.spans)]
        statements = [(at + dl, [(col, end_line + dl, end_col, owner + dh if owner >= first
                                  else owner) for col, end_line, end_col, owner in entries])
                      for at, entries in self.statements]
        return heads, statements


class _Copies:
    """`_Blocks.run` over a module with copies left unread (`Copy`): the
    index of each shape's first and second copies is captured as they are
    read; at the first unread copy, the second's must be the first's
    shifted (else `NoCopies`); each unread copy gets the first's, shifted."""

    def __init__(self, blocks: "_Blocks", parts: dict):
        self.blocks = blocks
        self.parts = parts          # line -> (shape, 1 or 2, the line after the part)
        self.open: _Captured | None = None
        self.captured: dict[tuple, _Captured] = {}      # (id(shape), 1 or 2) -> its index
        self.checked: set[int] = set()

    def top(self, stmt) -> bool:
        """A statement at module level (None: the end): True if it is a copy
        left unread, whose index this made."""
        program = self.blocks.program
        part = self.open
        if part is not None and (stmt is None or stmt.__class__ is Copy or
                                 stmt.lineno >= part.end_line):
            self.close(part)
            self.open = None
        if stmt is None:
            return False
        if stmt.__class__ is Copy:
            self.add(stmt)
            return True
        found = self.parts.get(stmt.lineno) if self.open is None else None
        if found is not None:       # (the first statement of the part: a `with`
            shape, which, end_line = found      # is placed at its context, further on)
            self.open = self.captured[id(shape), which] = _Captured(
                stmt.lineno, end_line, program.line_offsets[stmt.lineno - 1],
                len(program._heads))
        return False

    def close(self, part: _Captured) -> None:
        program, blocks = self.blocks.program, self.blocks
        part.heads = program._heads[part.head:]
        part.spans = blocks.head_spans[part.head:]
        statements = program._statements
        part.statements = [(line, list(statements[line]))
                           for line in range(part.line, part.end_line) if line in statements]

    def add(self, copy: Copy) -> None:
        """A copy left unread: its heads and index are made on first use
        (`Program.unread`), their places kept."""
        blocks, program = self.blocks, self.blocks.program
        first = self.captured.get((id(copy.shape), 1))
        if id(copy.shape) not in self.checked:
            second = self.captured.get((id(copy.shape), 2))
            if first is None or second is None or first.heads is None or second.heads is None:
                raise NoCopies("a copy's first or second part was not indexed")
            if first.shifted(blocks.source, second.line, second.pos, second.head) != \
                    (second.heads, second.statements):
                raise NoCopies("the second copy is not indexed as the first")
            self.checked.add(id(copy.shape))
        program.unread.append((first, copy.lineno, copy.pos, len(program._heads)))
        program._heads += [None] * len(first.heads)
        blocks.head_spans += [None] * len(first.heads)
