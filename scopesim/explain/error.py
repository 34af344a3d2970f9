"""`scopesim explain --error`: why the program's uncaught error happened.

`explain_error(analysis, error)` gives the JSON-able dict:

    {"error": {"type", "message", "file", "line", "column", "source"},
     "kind": "already_exists" | "does_not_exist" | "not_simulated" | "other",
     ...}

- "already_exists": `variable` (the store key), `first_definition` (its
  frames), `failing_call` (frames), `reuse` (the chain that gave the flag
  its value at the failing call, see `reuse_chain`);
- "does_not_exist": `variable`, `failing_call`, `reuse`, `closest` (the
  get_variable names closest to it), `same_scope` (those of its variable
  scope), `made_by_variable` (a tf.Variable of that name, which the
  get_variable store does not know);
- otherwise only the error (the text output adds the trace).
"""

from __future__ import annotations

import difflib
import re

from .analysis import at, frame_json

ALREADY_EXISTS = re.compile(r"^Variable (\S+) already exists, disallowed")
DOES_NOT_EXIST = re.compile(
    r"^Variable (\S+) does not exist, or was not created with tf\.get_variable\(\)")
#: After every event.
_END = float("inf")


def error_json(error) -> dict:
    return {"type": error.type, "message": error.message, "file": error.filename,
            "line": error.span.line, "column": error.span.column,
            "source": error.source_line}


def explain_error(analysis, error) -> dict:
    """The explanation of `error` (a `ProgramError`) from the run's events."""
    out = {"error": error_json(error), "kind": "other"}
    if error.type == "NotSimulated":
        out["kind"] = "not_simulated"
        return out
    if error.type != "ValueError":
        return out
    for kind, pattern in (("already_exists", ALREADY_EXISTS),
                          ("does_not_exist", DOES_NOT_EXIST)):
        match = pattern.match(error.message)
        if match:
            key = match.group(1)
            call = analysis._latest("get_variable", _END, lambda e: e.name == key)
            out.update(kind=kind, variable=key,
                       failing_call=at(call) if call is not None else None,
                       reuse=reuse_chain(analysis, call) if call is not None else [])
            if kind == "already_exists":
                out["first_definition"] = first_definition(analysis, key)
            else:
                out.update(nearby(analysis, key))
            return out
    return out


def first_definition(analysis, key: str):
    """The frames that created the variable `key` of the store."""
    store = getattr(analysis.graph, "var_store", None)
    found = store.vars.get(key) if store is not None else None
    frames = getattr(getattr(found, "origin", None), "frames", None)
    if frames is not None:
        return [frame_json(f) for f in frames]
    event = next((e for e in analysis.by_kind.get("get_variable", ()) if e.name == key), None)
    return at(event) if event is not None else None


def nearby(analysis, key: str) -> dict:
    """The get_variable names closest to `key`, and those of its scope."""
    store = getattr(analysis.graph, "var_store", None)
    keys = list(store.vars) if store is not None else []
    scope = key.rpartition("/")[0]
    made_by_variable = [v.name for v in analysis.variables()
                        if getattr(v, "store_key", None) is None and v.op.name == key]
    return {"closest": difflib.get_close_matches(key, keys, n=5, cutoff=0.5),
            "same_scope": [k for k in keys if k.rpartition("/")[0] == scope],
            "made_by_variable": made_by_variable}


def _reuse(value):
    return value if value is None or isinstance(value, bool) else "tf.AUTO_REUSE"


def reuse_chain(analysis, call) -> list[dict]:
    """Where the reuse flag of a get_variable call came from, step by step:
    the call's own `reuse=`; else its variable scope's flag, which is set by
    `reuse_variables()`, by `variable_scope(..., reuse=...)`, kept from a
    re-entered scope object, or inherited from the enclosing scope
    (`_pure_variable_scope`: `reuse or old.reuse`), up to the root.

    Each step: {"scope", "value", "source", "at", "from"}, `source` one of
    "argument", "reuse_variables", "variable_scope", "scope_object",
    "inherited", "not_set", "root"."""
    argument = call.data["reuse_argument"]
    if argument is not None:
        return [{"scope": call.data["scope"].name, "value": _reuse(argument),
                 "source": "argument", "at": at(call), "from": None}]
    steps = []
    scope, seq = call.data["scope"], call.seq
    for _ in range(10_000):              # a chain of enclosing scopes, never a cycle
        set_by = analysis._latest("reuse_variables", seq, lambda e: e.data["scope"] is scope)
        entry = analysis._latest("variable_scope", seq, lambda e: e.data["scope"] is scope)
        if set_by is not None and (entry is None or set_by.seq > entry.seq):
            steps.append({"scope": scope.name, "value": True, "source": "reuse_variables",
                          "at": at(set_by), "from": None})
            break
        if entry is None:
            steps.append({"scope": scope.name, "value": False, "source": "root", "at": None,
                          "from": None})
            break
        argument, source, old = (entry.data["reuse_argument"], entry.data["source"],
                                 entry.data["old"])
        value = _reuse(entry.data["reuse"])
        if argument:
            steps.append({"scope": scope.name, "value": _reuse(argument),
                          "source": "variable_scope", "at": at(entry), "from": None})
            break
        if source is not None and source is not scope:
            steps.append({"scope": scope.name, "value": value, "source": "scope_object",
                          "at": at(entry), "from": source.name})
            scope, seq = source, entry.seq
            continue
        if source is scope:              # a cached re-entry of the same object
            steps.append({"scope": scope.name, "value": value, "source": "scope_object",
                          "at": at(entry), "from": scope.name})
            break
        steps.append({"scope": scope.name, "value": value,
                      "source": "inherited" if entry.data["reuse"] else "not_set",
                      "at": at(entry), "from": old.name})
        scope, seq = old, entry.seq
    return steps
