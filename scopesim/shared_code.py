"""A program's code, its repeated top-level statements compiled once.

CPython's compile() costs about 12 µs a line, a third of parsing a flat
model: 24 layers written out, each the same 1,000 lines but for its strings
(`scope "layer_3" < scope "dense_0" < ... > ... >`).  A top-level statement
whose text is an earlier one's but for the contents of its string literals,
each of the same length (so every column is the same), compiles to the same
code but for those constants and the lines.  `compile_program` compiles
the first copy of a shape read at least `MIN_COPIES` times with a sentinel
in place of each string (`_Template`), and makes the code of each copy
from it with `CodeType.replace`: its strings put back in the constants, and
the one line delta of the location table that says where the copy starts
moved (`_moved_lines`).  The second copy is compiled, and the template is
trusted only if it makes that code exactly as compile() made it (code
objects compare their bytecode, constants, names, positions and exception
table); else every copy of that shape is compiled, the first too.  What compile() would fold or test at compile
time (`"a" + "b"`, `"abc"[0]`, `if "a":`) and strings in nested code
(`def`, `lambda`) are never templated.

The code is a tuple of module code objects, run one after the other in the
program's globals (`runner.Session`): the statements between the shared
ones are compiled together.  A module differs from its statements compiled
apart only where one statement's compilation sees another's: a `global` or
`nonlocal` declaration (such programs are compiled whole), a string
statement at the start (a docstring: never a piece's start but the
first's), and which of two syntax errors is reported (on any error the
whole module is compiled again: its error is the one shown)."""

from __future__ import annotations

import ast
import re
import sys
from bisect import bisect_left
from types import CodeType

from .lowering import Copy, NoCopies, _string_value, line_starts

#: The versions whose location table (3.11's format) `_moved_lines` edits.
ENABLED = (3, 11) <= sys.version_info[:2] < (3, 14)
#: Copies of a shape from which its later ones are made by a template.
MIN_COPIES = 3
#: False: every piece compiled (the reference the tests compare with).
TEMPLATES = True

_MARK = "\x00scopesim-string-"
_WORD_CHAR = re.compile(r"[A-Za-z0-9_]")
#: A string literal (at a quote).
_ONE_LITERAL = re.compile(r"""(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')""")
_GAP = " \t\r\n\\"


def compile_program(module: ast.Module, source: str, filename: str,
                    shapes: dict | None = None, read_copy=None,
                    offsets: list | None = None) -> tuple:
    """The module's code: a tuple of code objects to run in order.
    `shapes`: (start, end) offsets -> `text_shape` of that part of the
    source, where they are known already (`scopesim.copies`); `read_copy`:
    the statements of a copy left unread (`lowering.Copy`) that no template
    makes (else `NoCopies`); `offsets`: the source's `line_starts`, where
    they are known already."""
    body = module.body
    if not ENABLED or len(body) < MIN_COPIES or "\x00" in source or declares(source):
        return (_compile(body, filename, read_copy),)
    if offsets is None:
        offsets = line_starts(source.split("\n"))
    pieces = _pieces(body, source, shapes or {}, offsets)
    counts: dict = {}
    for piece in pieces:
        if piece.shape is not None:
            counts[piece.shape] = counts.get(piece.shape, 0) + 1
    if not any(n >= MIN_COPIES for n in counts.values()):
        return (_compile(body, filename, read_copy),)
    try:
        return _compile_pieces(pieces, counts, filename, read_copy)
    except SyntaxError:         # the whole module's error is the one to report
        return (_compile(body, filename, read_copy),)


class _Piece:
    """Top-level statements compiled together: those starting on `line`
    (and after a `;`), a string statement with the piece before it.
    `shape`: the text from `line` to the next piece with each string
    literal's contents left out (its length kept), None where the text
    cannot say the code (not ASCII, an f-string or a prefixed string,
    strings side by side); `literals`: the string literals, with their
    offsets in the text."""

    __slots__ = ("statements", "line", "text", "shape", "literals", "starts")

    def __init__(self, statements, line, text, shape=None):
        self.statements, self.line, self.text = statements, line, text
        self.shape, self.literals, self.starts = text_shape(text) if shape is None else shape


def _pieces(body: list, source: str, shapes: dict, offsets: list) -> list[_Piece]:
    """The pieces of the module's statements.  A statement starts one on a
    line of its own at column 0 (one placed further, as `with` is at its
    context, may start before its place: it goes with the piece before; a
    `lowering.Copy` has the column of its first copy's first statement)."""
    starts: list[tuple[int, list]] = []
    for stmt in body:
        line = stmt.lineno
        if starts and (line <= starts[-1][0] or stmt.col_offset != 0 or
                       (stmt.__class__ is ast.Expr and stmt.value.__class__ is ast.Constant)):
            starts[-1][1].append(stmt)
        else:
            starts.append((line, [stmt]))
    pieces = []
    for i, (line, statements) in enumerate(starts):
        end = offsets[starts[i + 1][0] - 1] if i + 1 < len(starts) else len(source)
        start = offsets[line - 1]
        pieces.append(_Piece(statements, line, source[start:end], shapes.get((start, end))))
    return pieces


def text_shape(text: str):
    """(shape, literals, their offsets), or (None, None, None).

    The text is read from left to right: a comment (`#` to the end of its
    line) is kept as it is, a string literal (`_ONE_LITERAL`, at a quote)
    is left out; a quote that starts no literal is passed over.  Only a
    quote or `#` can start either, so the scan goes from one of them to
    the next (`str.find`)."""
    if not text.isascii():
        return None, None, None
    parts, literals, starts = [], [], []
    last = 0
    size = len(text)
    find, literal_at = text.find, _ONE_LITERAL.match
    double, single, comment = find('"'), find("'"), find("#")
    double, single, comment = [size if i < 0 else i for i in (double, single, comment)]
    while True:
        start = min(double, single, comment)
        if start == size:
            break
        if start == comment:
            pos = find("\n", start)
            pos = size if pos < 0 else pos
        else:
            found = literal_at(text, start)
            if found is None:
                pos = start + 1
            else:
                literal = found.group()
                if start and _WORD_CHAR.match(text, start - 1):
                    return None, None, None         # f"...", or a string after a word
                if literals and not text[starts[-1] + len(literals[-1]):start].strip(_GAP):
                    return None, None, None         # "a" "b": one constant of two literals
                parts.append(text[last:start])
                parts.append(f"\x00{len(literal)}\x00")
                literals.append(literal)
                starts.append(start)
                last = pos = found.end()
        if double < pos:
            double = find('"', pos)
            double = size if double < 0 else double
        if single < pos:
            single = find("'", pos)
            single = size if single < 0 else single
        if comment < pos:
            comment = find("#", pos)
            comment = size if comment < 0 else comment
    if not literals:
        return text, (), ()
    parts.append(text[last:])
    return "".join(parts), tuple(literals), tuple(starts)


def declares(source: str) -> bool:
    """Whether the source may hold a `global` or `nonlocal` declaration (the
    word anywhere, not part of a longer name)."""
    for word in ("global", "nonlocal"):
        i = source.find(word)
        while i >= 0:
            end = i + len(word)
            if (i == 0 or not _WORD_CHAR.match(source, i - 1)) and \
                    (end == len(source) or not _WORD_CHAR.match(source, end)):
                return True
            i = source.find(word, end)
    return False


def _compile_pieces(pieces, counts, filename, read_copy=None) -> tuple:
    out = []
    run: list = []              # statements of pieces compiled together
    shapes: dict = {}           # shape -> its _Copies
    for piece in pieces:
        shape = piece.shape
        if shape is None or counts[shape] < MIN_COPIES:
            run += piece.statements
            continue
        if run:
            out.append(_compile(run, filename, read_copy))
            run = []
        copies = shapes.get(shape)
        if copies is None:
            copies = shapes[shape] = _Copies()
        out.append(copies.code(piece, filename, out, read_copy) if TEMPLATES else
                   _compile(piece.statements, filename, read_copy))
    if run:
        out.append(_compile(run, filename, read_copy))
    return tuple(out)


class _Copies:
    """The copies of one shape met so far.  A template is made from the
    first (`_Template.made`), and makes its code; the second is compiled,
    and the template kept only if it makes the second's code as compile()
    made it: else the first is compiled after all, and so is every copy."""

    __slots__ = ("template", "first", "first_at", "checked")

    def __init__(self):
        self.template = self.first = None
        self.first_at = -1          # where the first's code is in `out`, if a template made it
        self.checked = False

    def code(self, piece: _Piece, filename: str, out: list, read_copy=None):
        """The piece's code; `out`: the codes so far (this one goes next)."""
        if self.first is None:
            self.first = piece
            self.template = _Template.made(piece, filename)
            code = self.template.copy(piece) if self.template is not None else None
            if code is not None:
                self.first_at = len(out)
                return code
            return _compile(piece.statements, filename, read_copy)
        if not self.checked:
            self.checked = True
            code = _compile(piece.statements, filename, read_copy)
            if self.template is not None and self.template.copy(piece) != code:
                self.template = None
                if self.first_at >= 0:
                    out[self.first_at] = _compile(self.first.statements, filename, read_copy)
            self.first = piece          # (the first's statements are no longer needed)
            return code
        code = self.template.copy(piece) if self.template is not None else None
        return code if code is not None else _compile(piece.statements, filename, read_copy)


def _compile(statements: list, filename: str, read_copy=None):
    if any(s.__class__ is Copy for s in statements):
        if read_copy is None:
            raise NoCopies("a copy left unread has no code of its own")
        statements = [x for s in statements
                      for x in (read_copy(s) if s.__class__ is Copy else (s,))]
    return compile(ast.Module(statements, []), filename, "exec")


def _values(literals) -> list:
    return [_string_value(literal) for literal in literals]


def _classes(values) -> tuple:
    """Each value's class: the index of its first occurrence's class (equal
    strings are one constant of the code)."""
    first: dict = {}
    return tuple(first.setdefault(v, len(first)) for v in values)


#: Where compile() reads a constant's value (folds it, or tests it).
_FOLDED = {ast.BinOp: ("left", "right"), ast.UnaryOp: ("operand",),
           ast.Subscript: ("value", "slice"), ast.If: ("test",), ast.While: ("test",),
           ast.IfExp: ("test",), ast.Assert: ("test",), ast.BoolOp: ("values",)}


class _Template:
    """The code of a shape's first copy compiled with a sentinel for each
    class of equal strings; `subs`: where in `co_consts` they are."""

    __slots__ = ("code", "line", "classes", "firsts", "subs", "others", "entry")

    @classmethod
    def made(cls, piece: _Piece, filename: str) -> "_Template | None":
        values = _values(piece.literals)
        classes = _classes(values)
        sentinels = [f"{_MARK}{k}\x00" for k in range(len(set(classes)))]
        at = _positions(piece)
        changed = []
        try:
            for node in _near(piece.statements, sorted({line for line, _ in at})):
                kind = node.__class__
                if kind is ast.Constant:
                    index = at.get((node.lineno, node.col_offset))
                    if index is not None and node.value.__class__ is str:
                        if node.value != values[index]:
                            return None
                        changed.append((node, node.value))
                        node.value = sentinels[classes[index]]
                elif kind in _FOLDED:
                    for field in _FOLDED[kind]:
                        child = getattr(node, field)
                        for c in child if child.__class__ is list else (child,):
                            if c.__class__ is ast.Constant and c.value.__class__ is str:
                                return None
            code = _compile(piece.statements, filename)
        finally:
            for node, value in changed:
                node.value = value
        subs, others, found = [], set(), set()
        for i, const in enumerate(code.co_consts):
            recipe = _recipe(const, sentinels, others, found)
            if recipe is False:
                return None
            if recipe is not None:
                subs.append((i, recipe))
        if len(found) != len(sentinels):
            return None         # a string compile() dropped or changed
        self = cls()
        self.code, self.line, self.classes = code, piece.line, classes
        self.entry = _line_entry(code.co_linetable, code.co_firstlineno)
        self.firsts = tuple(classes.index(k) for k in range(len(sentinels)))
        self.subs, self.others = tuple(subs), frozenset(others)
        return self

    def copy(self, piece: _Piece):
        """The code of another copy, None where its strings would be other
        constants (other equal pairs, or equal to a constant of the code)."""
        values = _values(piece.literals)
        if _classes(values) != self.classes or not self.others.isdisjoint(values):
            return None
        consts = list(self.code.co_consts)
        for i, recipe in self.subs:
            consts[i] = _made(recipe, values, self.firsts)
        table = _moved(self.code.co_linetable, self.entry, piece.line - self.line)
        if table is None:
            return None
        return self.code.replace(co_consts=tuple(consts), co_linetable=table)


def _positions(piece: _Piece) -> dict:
    """(line, column) of each literal -> its index."""
    text, at = piece.text, {}
    line, counted = piece.line, 0
    for index, start in enumerate(piece.starts):
        line += text.count("\n", counted, start)
        counted = start
        at[(line, start - text.rfind("\n", 0, start) - 1)] = index
    return at


def _near(statements: list, lines: list):
    """The nodes of `statements` (as `ast.walk` gives them, in another order),
    but for the statements that span none of `lines` (sorted), and what
    they hold: what `_Template.made` must see of a piece."""
    stack = list(statements)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.stmt, ast.excepthandler)):
            end = getattr(node, "end_lineno", None)
            if end is not None:
                i = bisect_left(lines, node.lineno)
                if i == len(lines) or lines[i] > end:
                    continue
        yield node
        for field in node._fields:
            value = getattr(node, field, None)
            if value.__class__ is list:
                stack += [item for item in value if isinstance(item, ast.AST)]
            elif isinstance(value, ast.AST):
                stack.append(value)


def _recipe(const, sentinels, others, found):
    """How to make `const` for a copy: None (as it is), a class index, a
    tuple of recipes (a folded tuple of constants); False: not possible."""
    if const.__class__ is str:
        if const.startswith(_MARK):
            if const not in sentinels:
                return False
            k = sentinels.index(const)
            found.add(k)
            return k
        if _MARK in const:
            return False
        others.add(const)
        return None
    if const.__class__ is tuple:
        parts = [_recipe(c, sentinels, others, found) for c in const]
        if False in parts:
            return False
        if all(p is None for p in parts):
            return None
        return ("tuple", tuple(("const", c) if p is None else p for c, p in zip(const, parts)))
    if const.__class__ is frozenset:
        return False if any(isinstance(c, str) and _MARK in c for c in const) else None
    if const.__class__ is CodeType:     # nested code (def, lambda): not templated
        return False
    return None


def _made(recipe, values, firsts):
    """A constant of a copy (`_recipe`); `firsts`: each class's first literal."""
    if recipe.__class__ is int:
        return values[firsts[recipe]]
    return tuple(part[1] if part.__class__ is tuple and part[0] == "const" else
                 _made(part, values, firsts) for part in recipe[1])


def _moved_lines(table: bytes, first_line: int, delta: int):
    """`table` (3.11's location table) with every line from its first
    entry on a line of the program (>= 1) moved by `delta`: that entry's
    line delta changes, written as compile() writes it
    (`write_location_info_entry` in Python/compile.c); None where the table
    is not as expected."""
    if delta == 0:
        return table
    return _moved(table, _line_entry(table, first_line), delta)


def _line_entry(table: bytes, first_line: int):
    """Where `_moved_lines` rewrites `table`: (start, end, kind, length,
    step, end_step, col, end_col) of the first entry on a line >= 1, or
    None where there is none or it is of the short form."""
    i, n, line = 0, len(table), first_line
    while i < n:
        head = table[i]
        kind, length = (head >> 3) & 15, (head & 7) + 1
        j = i + 1
        if kind == 15:          # no location
            i = j
            continue
        col = end_col = end_step = 0
        if kind < 10:           # short form: the same line
            j += 1
            step = 0
        elif kind < 13:         # one-line form
            step, col, end_col = kind - 10, table[j], table[j + 1]
            j += 2
        elif kind == 13:        # no column
            step, j = _svarint(table, j)
        else:                   # long form
            step, j = _svarint(table, j)
            end_step, j = _varint(table, j)
            col, j = _varint(table, j)
            end_col, j = _varint(table, j)
            col, end_col = col - 1, end_col - 1
        if line + step >= 1:
            return None if kind < 10 else (i, j, kind, length, step, end_step, col, end_col)
        line += step
        i = j
    return None


def _moved(table: bytes, found, delta: int):
    """`table` with the entry `found` (`_line_entry`) `delta` lines further."""
    if delta == 0:
        return table
    if found is None:
        return None
    i, j, kind, length, step, end_step, col, end_col = found
    if kind == 13:
        entry = _entry_no_column(length, step + delta)
    else:
        entry = _entry(length, step + delta, end_step, col, end_col)
    return table[:i] + entry + table[j:]


def _entry(length, step, end_step, col, end_col) -> bytes:
    if col < 0 or end_col < 0:
        if end_step == 0:
            return _entry_no_column(length, step)
    elif end_step == 0:
        if step == 0 and col < 80 and 0 <= end_col - col < 16:
            return bytes((0x80 | ((col >> 3) << 3) | (length - 1),
                          ((col & 7) << 4) | (end_col - col)))
        if 0 <= step < 3 and col < 128 and end_col < 128:
            return bytes((0x80 | ((10 + step) << 3) | (length - 1), col, end_col))
    return bytes((0x80 | (14 << 3) | (length - 1),)) + _write_svarint(step) + \
        _write_varint(end_step) + _write_varint(col + 1) + _write_varint(end_col + 1)


def _entry_no_column(length, step) -> bytes:
    return bytes((0x80 | (13 << 3) | (length - 1),)) + _write_svarint(step)


def _varint(table: bytes, j: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = table[j]
        j += 1
        value |= (byte & 63) << shift
        shift += 6
        if not byte & 64:
            return value, j


def _svarint(table: bytes, j: int) -> tuple[int, int]:
    value, j = _varint(table, j)
    return (-(value >> 1) if value & 1 else value >> 1), j


def _write_varint(value: int) -> bytes:
    out = bytearray()
    while value >= 64:
        out.append(64 | (value & 63))
        value >>= 6
    out.append(value)
    return bytes(out)


def _write_svarint(value: int) -> bytes:
    return _write_varint(((-value) << 1) | 1 if value < 0 else value << 1)
