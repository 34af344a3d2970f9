"""`scopesim keys SOURCE`: the keys of a checkpoint (name, shape, dtype), rendered.

The list is `tf.train.list_variables(SOURCE)` with each key's dtype, as
`tf.train.load_checkpoint(SOURCE).get_variable_to_dtype_map()` names it:
sorted by name, without the header and the slice entries.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring as _encode_basestring

from .gcpause import gc_paused
from .reader import read_checkpoint

FORMATS = ("text", "json", "tsv")


def checkpoint_keys(source: str) -> tuple[str, list[tuple[str, list[int] | None, str]]]:
    """(the checkpoint prefix, its keys) of SOURCE (a prefix, .index or directory)."""
    ckpt = read_checkpoint(source)
    with gc_paused():
        return ckpt.prefix, ckpt.variables()


def shape_text(shape: list[int] | None) -> str:
    """A shape as list_variables' list prints: `[4, 8]`, `[]`; unknown rank `None`."""
    return "None" if shape is None else "[" + ", ".join(str(d) for d in shape) + "]"


def render(keys, fmt: str, prefix: str = "", *, kind: str = "checkpoint") -> str:
    """The keys as text (aligned columns), JSON or TSV (name, shape, dtype; a tab,
    newline or backslash in a name is written \\t, \\n, \\\\).

    A row is its name's part and a tail made once per distinct (shape, dtype):
    most keys share one."""
    with gc_paused():
        which, distinct = _groups(keys)
        if fmt == "json":
            tails = [', "shape": ' + json.dumps(s) + ', "dtype": '
                     + json.dumps(d, ensure_ascii=False) + "}" for s, d in distinct]
            quote = _json_string
            rows = ",\n".join(['  {"name": ' + quote(n) + tails[i]
                               for (n, _, _), i in zip(keys, which)])
            return ('{"' + kind + '": ' + json.dumps(prefix, ensure_ascii=False) + ', "keys": ['
                    + ("\n" + rows + "\n" if rows else "") + "]}\n")
        if fmt == "tsv":
            tails = [f"\t{shape_text(s)}\t{d}\n" for s, d in distinct]
            return "".join([_tsv_field(n) + tails[i] for (n, _, _), i in zip(keys, which)])
        if not keys:
            return ""
        width = max(map(len, [n for n, _, _ in keys]))
        shapes = [shape_text(s) for s, _ in distinct]
        swidth = max(map(len, shapes))
        tails = ["  " + s.ljust(swidth) + "  " + d for s, (_, d) in zip(shapes, distinct)]
        return "\n".join([n.ljust(width) + tails[i] for (n, _, _), i in zip(keys, which)]) + "\n"


def _json_string(text: str) -> str:
    """`json.dumps(text, ensure_ascii=False)` (json's own C function for a string)."""
    return _encode_basestring(text)


def _groups(keys) -> tuple[list[int], list[tuple]]:
    """(for each key the number of its (shape, dtype) among the distinct ones, the
    distinct (shape, dtype) pairs in order of first use)."""
    number: dict = {}
    distinct: list[tuple] = []
    which = []
    add = which.append
    for _, shape, dtype in keys:
        key = (None if shape is None else tuple(shape), dtype)
        i = number.get(key)
        if i is None:
            i = number[key] = len(distinct)
            distinct.append((shape, dtype))
        add(i)
    return which, distinct


def _tsv_field(text: str) -> str:
    if "\\" not in text and "\t" not in text and "\n" not in text and "\r" not in text:
        return text
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
