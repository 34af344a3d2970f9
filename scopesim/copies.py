"""Top-level statements that repeat an earlier one but for their strings: read once.

A model written out flat is the same block of statements again and again,
only its names differing (`scope "layer_3" < ... >`, then `"layer_4"`).
The text of such a copy, each string literal's contents left out (its
length kept), is the text of the first (`shared_code.text_shape`); so are
its tokens, its parse and its code, but for those strings and the lines.
`read` reads a program in parts (`FastParser.parse` of a slice of the
text, as a program of its own): the first two copies of each shape are
read, and every later copy is left unread, a `lowering.Copy` in the
module standing for it.  What the copy needs is made from the first:

* its block heads and statement index, shifted (`lowering._Blocks`, which
  first checks that the second copy's are the first's shifted);
* its code, from the first copy's by `shared_code`'s template (which is
  trusted only once it has made the second copy's code as compile() did);
* its ast only where something reads `program.module` (emit, the REPL, the
  tests): then the whole text is read again without copies
  (`Program.module`).

Where any of that cannot be (a template not trusted, other heads, a
`global`), `NoCopies` is raised and the parser reads the whole text.

Where a part may start: a line starting at its first column with neither a
space nor a comment, a block's `>`, a clause (`else`, `elif`, `except`,
`finally`) nor `;`, and not after a line ending in a backslash.  A part read
alone must parse, and so must every part: a part cut inside brackets or a
block does not (`x = f(1,` alone is no program).  A copy is left unread only
if it holds no backslash and its strings only printable characters: then
its tokens are the first copy's, at the same columns."""

from __future__ import annotations

import ast
import re

from . import lowering as low
from .shared_code import ENABLED, MIN_COPIES, declares, text_shape

#: Where a part of the text may start (see the module doc).
_PART_START = re.compile(r"\n(?![\s#>;])")
#: ... and the clauses (what starts with one of these words is taken for it).
_CLAUSES = ("elif", "else", "except", "finally")


class Shape:
    """The copies of one shape: how many there are, how many were met, the
    line where the first starts."""

    __slots__ = ("count", "seen", "first")

    def __init__(self):
        self.count = self.seen = self.first = 0


def read(fast, text: str, builder):
    """The module of `text` with its later copies left unread (`lowering.Copy`);
    the first and second copies of each shape, for `lowering.finish` (line
    -> (Shape, 1 or 2, the line after the copy)); the `text_shape` of each
    part, by its offsets.  None where no shape repeats `MIN_COPIES` times."""
    if not ENABLED or "\x00" in text or declares(text):
        return None             # compiled whole (shared_code): every copy's ast is needed
    size = len(text)
    starts = [0] + [s for s in (m.end() for m in _PART_START.finditer(text))
                    if s < size and not text.startswith(_CLAUSES, s) and not _continued(text, s)]
    if len(starts) < MIN_COPIES:
        return None
    ends = starts[1:] + [size]
    shapes: dict[str, Shape] = {}
    known: dict[tuple, tuple] = {}      # (start, end) -> its text_shape (for shared_code)
    keys = []
    for start, end in zip(starts, ends):
        part = text[start:end]
        found = known[start, end] = text_shape(part)
        shape, literals = found[0], found[1]
        if shape is None or "\\" in part or \
                not all(literal[1:-1].isprintable() for literal in literals):
            keys.append(None)
            continue
        entry = shapes.get(shape)
        if entry is None:
            entry = shapes[shape] = Shape()
        entry.count += 1
        keys.append(entry)
    if not any(s.count >= MIN_COPIES for s in shapes.values()):
        return None
    from .fastparse import Memo
    memo = Memo(fast, text, builder)
    body: list = []
    parts: dict[int, tuple] = {}        # line -> (shape, 1 or 2, the line after it)
    line = 1
    segment = None              # (pos, line) where the part being gathered starts
    firsts: dict[int, object] = {}  # line -> the first statement read on it
    for start, end, shape in zip(starts, ends, keys):
        lines = text.count("\n", start, end)
        if shape is not None and shape.count >= MIN_COPIES:
            shape.seen += 1
            if shape.seen > 2:
                if segment is not None:
                    read = fast.parse(text, builder, segment[0], start, segment[1], memo).body
                    for statement in reversed(read):
                        firsts[statement.lineno] = statement
                    body += read
                    segment = None
                first = firsts.get(shape.first)
                if first is not None and not _joins(first):
                    body.append(low.Copy(shape, line, first.col_offset, start, end))
                    line += lines
                    continue
                shape.count = 0         # its copies are read
            else:
                parts[line] = (shape, shape.seen, line + lines)
                if shape.seen == 1:
                    shape.first = line
        if segment is None:
            segment = (start, line)
        line += lines
    if segment is not None:
        body += fast.parse(text, builder, segment[0], size, segment[1], memo).body
    return ast.Module(body, []), parts, known


def _joins(statement) -> bool:
    """Whether the statement starts no piece of shared_code's (a constant
    alone, as a docstring is), which a copy left unread always starts."""
    return statement.__class__ is ast.Expr and statement.value.__class__ is ast.Constant


def _continued(text: str, start: int) -> bool:
    """Whether the line before `start` ends in a backslash (joining it to this one)."""
    i = start - 2               # before the newline
    if i >= 0 and text[i] == "\r":
        i -= 1
    return i >= 0 and text[i] == "\\"
