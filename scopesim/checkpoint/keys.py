"""`scopesim keys SOURCE`: the keys of a checkpoint (name, shape, dtype), rendered.

The list is `tf.train.list_variables(SOURCE)` with each key's dtype, as
`tf.train.load_checkpoint(SOURCE).get_variable_to_dtype_map()` names it:
sorted by name, without the header and the slice entries.
"""

from __future__ import annotations

import json

from .reader import read_checkpoint

FORMATS = ("text", "json", "tsv")


def checkpoint_keys(source: str) -> tuple[str, list[tuple[str, list[int] | None, str]]]:
    """(the checkpoint prefix, its keys) of SOURCE (a prefix, .index or directory)."""
    ckpt = read_checkpoint(source)
    return ckpt.prefix, ckpt.variables()


def shape_text(shape: list[int] | None) -> str:
    """A shape as list_variables' list prints: `[4, 8]`, `[]`; unknown rank `None`."""
    return "None" if shape is None else "[" + ", ".join(str(d) for d in shape) + "]"


def render(keys, fmt: str, prefix: str = "", *, kind: str = "checkpoint") -> str:
    """The keys as text (aligned columns), JSON or TSV (name, shape, dtype; a tab,
    newline or backslash in a name is written \\t, \\n, \\\\)."""
    if fmt == "json":
        rows = ",\n".join("  " + json.dumps({"name": n, "shape": s, "dtype": d},
                                             ensure_ascii=False) for n, s, d in keys)
        return ('{"' + kind + '": ' + json.dumps(prefix, ensure_ascii=False) + ', "keys": ['
                + ("\n" + rows + "\n" if rows else "") + "]}\n")
    shapes = _shape_texts(keys)
    if fmt == "tsv":
        return "".join(f"{_tsv_field(n)}\t{s}\t{d}\n" for (n, _, d), s in zip(keys, shapes))
    if not keys:
        return ""
    width = max(len(n) for n, _, _ in keys)
    swidth = max(len(s) for s in shapes)
    return "\n".join([n.ljust(width) + "  " + s.ljust(swidth) + "  " + d
                      for (n, _, d), s in zip(keys, shapes)]) + "\n"


def _shape_texts(keys) -> list[str]:
    """shape_text of each key's shape (most shapes repeat: each made once)."""
    made: dict = {}
    out = []
    for _, shape, _ in keys:
        key = None if shape is None else tuple(shape)
        text = made.get(key)
        if text is None:
            text = made[key] = shape_text(shape)
        out.append(text)
    return out


def _tsv_field(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
