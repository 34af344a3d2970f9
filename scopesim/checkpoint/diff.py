"""`scopesim diff A B`: the keys only in A, only in B, and of different shape or dtype.

Each side is a program (`.py`, `.scope`: the keys `tf.train.Saver()` would
save for it, program_keys.py), a checkpoint (a prefix, its `.index`, or a
directory with a `checkpoint` state file) or a saved key list (keylists.py).
`--model-only` leaves out the training state (`is_training_state`);
`--suggest-map` adds the assignment map that loads B into A (suggest.py).
"""

from __future__ import annotations

import json
import os
import re
from contextlib import nullcontext
from dataclasses import dataclass, field

from .errors import CheckpointError
from .gcpause import gc_paused
from .keylists import KeyList, KeyListError, read_key_list
from .keys import shape_text

FORMATS = ("text", "json")


@dataclass
class Side:
    """One side of a diff: its keys, and a program's variable store."""

    keys: KeyList
    store: dict | None = None        # {name: (shape, dtype)} of a program's variable store


@dataclass
class Diff:
    only_in_a: list
    only_in_b: list
    mismatched: list                 # (name, a key, b key)
    both: int
    notes: list = field(default_factory=list)

    @property
    def same(self) -> bool:
        return not (self.only_in_a or self.only_in_b or self.mismatched)


# ------------------------------------------------------------ the rule


#: Slot names of the tf.compat.v1.train optimizers (each optimizer's `_name`,
#: the op name its `_zeros_slot`/`_get_or_make_slot` calls pass): recorded in
#: tests/checkpoints/diff/slots.json.
OPTIMIZER_SLOT_NAMES = ("Adadelta", "Adagrad", "AdagradDA", "Adam", "Ftrl", "Momentum",
                        "ProximalAdagrad", "RMSProp")
_SLOT = re.compile(r"/(?:%s)(?:_\d+)?\Z" % "|".join(OPTIMIZER_SLOT_NAMES))
_NON_SLOT = re.compile(r"(?:\A|/)(?:beta1_power|beta2_power|global_step)(?:_\d+)?\Z")
_EMA = re.compile(r"/ExponentialMovingAverage(?:_\d+)?\Z")


def is_training_state(key: str) -> bool:
    """A checkpoint key that is training state, not model: what `--model-only` drops.

    The names TensorFlow 2.21 gives them (recorded in tests/checkpoints/diff/
    slots.json):

    * optimizer slots, `VAR/NAME` with NAME an optimizer's default name
      (Optimizer._zeros_slot / slot_creator.create_slot: the slot scope is
      `VAR/NAME` made unique by variable_scope's default_name, so the second
      slot of Adam is `VAR/Adam_1` and a second optimizer's are `VAR/Adam_2`,
      `VAR/Adam_3`): Adadelta, Adagrad, AdagradDA, Adam, Ftrl, Momentum,
      ProximalAdagrad, RMSProp, each with an optional `_N`;
    * Adam's non-slot accumulators `beta1_power`, `beta2_power`
      (Optimizer._create_non_slot_variable, at the root, `_N` for later ones)
      and the global step `global_step` (training_util.create_global_step:
      get_variable in the current variable scope, so `SCOPE/global_step`);
    * ExponentialMovingAverage shadows `VAR/ExponentialMovingAverage` (a
      second averager's `VAR/ExponentialMovingAverage_1`; of a tensor, its
      op's name: `Sum_1/ExponentialMovingAverage`).

    Slots in a variable scope keep the suffix (`train/enc/w/Adam`, and
    TensorFlow's own `emb/table/art_0/Adam` for a partitioned primary there),
    and Adam's accumulators take the name scope and the variable scope
    (`train/train/beta1_power` for minimize inside both named "train").

    An optimizer or averager created with another `name=` is not recognised
    (its slots are named after that name)."""
    return bool(_SLOT.search(key) or _NON_SLOT.search(key) or _EMA.search(key))


def compare(a: list, b: list) -> Diff:
    """The keys of A and B ((name, shape, dtype) each, sorted) compared by name; a
    key in both differs when both sides know its shape (or dtype) and they differ."""
    b_by_name = {k[0]: k for k in b}
    lookup = b_by_name.get
    only_in_a, mismatched = [], []
    for key in a:
        other = lookup(key[0])
        if other is None:
            only_in_a.append(key)
        elif other != key and _differs(key, other):     # equal keys: at C speed
            mismatched.append((key[0], key, other))
    a_names = {k[0] for k in a}
    only_in_b = [k for k in b if k[0] not in a_names]
    return Diff(only_in_a, only_in_b, mismatched, len(a) - len(only_in_a))


def _differs(a, b) -> bool:
    if a[1] is not None and b[1] is not None and a[1] != b[1]:
        return True
    return a[2] is not None and b[2] is not None and a[2] != b[2]


# ------------------------------------------------------------- rendering


def render_text(diff: Diff, a: Side, b: Side, suggestion=None, checkpoint_arg="") -> str:
    """The diff as text: each list under a heading, the map as Python, a summary."""
    out = []
    for label, keys in (("only in A", diff.only_in_a), ("only in B", diff.only_in_b)):
        if keys:
            out.append(f"{label} ({len(keys)}):")
            out.extend(_columns([(n, _shape(s), d or "") for n, s, d in keys]))
    if diff.mismatched:
        out.append(f"shape or dtype differs ({len(diff.mismatched)}):")
        out.extend(_columns([(n, "A " + _shape(ka[1]), ka[2] or "", "B " + _shape(kb[1]),
                              kb[2] or "") for n, ka, kb in diff.mismatched]))
    if suggestion is not None:
        out.extend(_render_suggestion(suggestion, checkpoint_arg))
    for note in diff.notes:
        out.append(f"note: {note}")
    out.append(summary(diff, a, b))
    return "\n".join(out) + "\n"


def _shape(shape) -> str:
    return shape_text(shape) if shape is not None else "(no shape)"


def _columns(rows) -> list:
    """Rows of text fields in aligned columns (the last one not padded), indented."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    return ["  " + "  ".join([f.ljust(w) for f, w in zip(row, widths)] + [row[-1]]).rstrip()
            for row in rows]


def summary(diff: Diff, a: Side, b: Side) -> str:
    sizes = f"A {_count(len(a.keys.keys), 'key')}, B {len(b.keys.keys)}"
    if diff.same:
        return f"A and B match: {sizes}, all {diff.both} the same"
    parts = [f"{diff.both - len(diff.mismatched)} the same"]
    if diff.mismatched:
        parts.append(f"{len(diff.mismatched)} of another shape or dtype")
    parts.append(f"{len(diff.only_in_a)} only in A")
    parts.append(f"{len(diff.only_in_b)} only in B")
    return f"A and B differ: {sizes}; " + ", ".join(parts)


def _render_suggestion(s, checkpoint_arg: str) -> list:
    out = ["assignment map (B's checkpoint into A's graph):", ""]
    if s.assignment_map:
        out.append("assignment_map = {")
        out.extend(f"    {_py(k)}: {_py(v)}," for k, v in s.assignment_map.items())
        out.append("}")
    else:
        out.append("assignment_map = {}")
    if checkpoint_arg == "CHECKPOINT":
        out.append("# CHECKPOINT: the checkpoint that B lists")
    out.append(f"tf.train.init_from_checkpoint({checkpoint_arg}, assignment_map)")
    out.append("")
    also = f" (and {s.also_loaded} more that its scopes cover)" if s.also_loaded else ""
    out.append(f"It loads {_count(len(s.pairs), 'variable')} of A{also} and passes "
               "init_from_checkpoint's checks (names, scopes, shapes).")
    if s.unexplained:
        out.append(f"no map can load ({len(s.unexplained)}):")
        out.extend(_columns(s.unexplained))
    if s.unused:
        out.append(f"keys of B the map does not read: {len(s.unused)}")
    for note in s.notes:
        out.append(f"note: {note}")
    return out


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _py(text: str) -> str:
    """A Python string literal (double-quoted, as JSON writes it: valid Python)."""
    return json.dumps(text, ensure_ascii=False)


def render_json(diff: Diff, suggestion=None) -> str:
    """`{"only_in_a", "only_in_b", "mismatched": [{"key", "a", "b"}], "assignment_map"}`."""
    def info(key):
        return {"shape": key[1], "dtype": key[2]}
    value = {
        "only_in_a": [k[0] for k in diff.only_in_a],
        "only_in_b": [k[0] for k in diff.only_in_b],
        "mismatched": [{"key": n, "a": info(ka), "b": info(kb)} for n, ka, kb in diff.mismatched],
        "assignment_map": suggestion.assignment_map if suggestion is not None else None,
    }
    # each field on its line, compact (json's C encoder: an indent would take the Python one)
    return "{\n" + ",\n".join(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}"
                               for k, v in value.items()) + "\n}\n"


# ------------------------------------------------------------- the sides


def load_side(app, source: str) -> Side:
    """A program, a checkpoint or a key list file, by what SOURCE is."""
    from .program_keys import graph_keys, is_program
    from .reader import read_checkpoint, resolve
    if is_program(source):
        from .cli import program_graph_or_exit
        graph, _ = program_graph_or_exit(app, source)
        try:
            keys = graph_keys(graph)
        except ValueError as exc:      # Saver's: two variables of one name
            from ..cli import stop
            from ..exitcodes import ExitCode
            from ..render import write_raw
            write_raw(app.err, f"ValueError: {exc}\n")
            stop(ExitCode.PROGRAM_ERROR)
        store = {name: (None if getattr(v.shape, "dims", None) is None else v.shape.as_list(),
                        v.dtype.base_dtype.name) for name, v in graph.var_store.vars.items()}
        return Side(KeyList(keys, source, "program"), store)
    if os.path.isfile(source) and not _names_checkpoint(source, resolve):
        return Side(read_key_list(source))
    ckpt = read_checkpoint(source)
    return Side(KeyList(ckpt.variables(), ckpt.prefix, "checkpoint"))


def _names_checkpoint(path, resolve) -> bool:
    try:
        resolve(path)
    except CheckpointError:
        return path.endswith(".index")
    return True


def diff_or_exit(app, a_source: str, b_source: str, model_only: bool, suggest_map: bool,
                 fmt: str) -> None:
    """Print the diff of A and B (and the map); exit 0 when they match (with
    --suggest-map: when the map loads every variable of A), 1 when not, 2 for
    a side that cannot be read."""
    from ..cli import fail_usage, stop
    from .program_keys import is_program
    # key lists hold no cycle: the collector is paused (gcpause.py) for the whole
    # command, or from the comparison on when a side is a program to run; the
    # lists are dropped before it starts again (else it would walk them all once)
    with nullcontext() if is_program(a_source) or is_program(b_source) else gc_paused():
        sides = []
        for label, source in (("A", a_source), ("B", b_source)):
            try:
                sides.append(load_side(app, source))
            except (CheckpointError, KeyListError) as exc:
                fail_usage(app, f"cannot read {label}: {exc}")
        with gc_paused():
            code = _compare_and_print(app, sides, b_source, model_only, suggest_map, fmt)
            del sides
    stop(code)


def _compare_and_print(app, sides, b_source, model_only, suggest_map, fmt):
    """Print the diff (and the map) of the two sides; the exit code."""
    from ..cli import fail_usage
    from ..exitcodes import ExitCode
    from ..render import write_raw
    a, b = sides
    a_keys, b_keys = a.keys.keys, b.keys.keys
    notes = [f"{label}: {n}" for label, side in (("A", a), ("B", b)) for n in side.keys.notes]
    if model_only:
        a_keys = [k for k in a_keys if not is_training_state(k[0])]
        b_keys = [k for k in b_keys if not is_training_state(k[0])]
        dropped = (len(a.keys.keys) - len(a_keys), len(b.keys.keys) - len(b_keys))
        notes.append(f"--model-only: {_count(dropped[0], 'key')} of A and {dropped[1]} of B "
                     "left out (optimizer slots, beta powers, global_step, moving averages)")
    diff = compare(a_keys, b_keys)
    diff.notes = notes
    suggestion = None
    if suggest_map:
        if not b.keys.has_shapes and b_keys:
            fail_usage(app, "--suggest-map needs B's shapes: B is a list of names only "
                            "(give the checkpoint, or a key list with shapes)")
        from .suggest import suggest
        wanted = {n: (s, d) for n, s, d in a_keys}
        b_wanted = {n: (s, d) for n, s, d in b_keys}
        # without --model-only the lists are the sides' own: their dicts made once
        suggestion = suggest(wanted, wanted if a_keys is a.keys.keys else
                             {n: (s, d) for n, s, d in a.keys.keys}, a.store, b_wanted,
                             b_wanted if b_keys is b.keys.keys else
                             {n: (s, d) for n, s, d in b.keys.keys})
    if fmt == "json":
        write_raw(app.out, render_json(diff, suggestion))
        for note in notes + (suggestion.notes if suggestion else []):
            write_raw(app.err, f"note: {note}\n")
        if suggestion is not None and suggestion.unexplained:
            write_raw(app.err, "no map can load: " + ", ".join(
                n for n, _ in suggestion.unexplained) + "\n")
    else:
        given = b_source[:-len(".index")] if b_source.endswith(".index") else b_source
        checkpoint_arg = _py(given) if b.keys.kind == "checkpoint" else "CHECKPOINT"
        write_raw(app.out, render_text(diff, a, b, suggestion, checkpoint_arg))
    if suggestion is not None:
        return ExitCode.OK if not suggestion.unexplained else ExitCode.DIFFERENCE
    return ExitCode.OK if diff.same else ExitCode.DIFFERENCE
