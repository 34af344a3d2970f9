"""Why a name is what it is: the recorded events of one graph, questioned.

`Analysis(recorder, graph).explain(name)` gives a JSON-able dict (the
object `scopesim explain --format json` prints, docs/explain.md):

    {"query": "a/add_1:0",
     "found": [{"kind": "tensor" | "op" | "variable" | "name_scope" | "variable_scope",
                "name": ..., "created_at": [frame, ...], ..., "naming": {...}}]}

A frame is {"file", "line", "column", "end_column", "function", "source",
"scopes"} (outermost first: the calls that led to the statement).  An
unknown name raises `UnknownName` with the closest names there are.
"""

from __future__ import annotations

import difflib
import re

_SUFFIX = re.compile(r"^(.*)_(\d+)$")
_TENSOR = re.compile(r"^(.*):(\d+)$")
_PART = re.compile(r"^(.*)/part_(\d+)$")


class UnknownName(Exception):
    """No op, tensor, variable or scope of the graph has this name."""

    def __init__(self, name: str, closest: list[str]) -> None:
        self.name = name
        self.closest = closest
        super().__init__(name)


def frame_json(frame) -> dict:
    """A program frame (`runner.Frame`) as the JSON object."""
    end = frame.end_column if frame.end_line == frame.line and frame.end_column > frame.column \
        else None
    return {"file": frame.filename, "line": frame.line, "column": frame.column,
            "end_column": end, "function": frame.function, "source": frame.source_line,
            "scopes": list(frame.heads)}


def at(event) -> list[dict]:
    return [frame_json(f) for f in event.frames]


def graph_of(recorder, op_names: list[str]):
    """The graph a program ended with, among those its events were in: the
    last one whose ops are `op_names` (the run result's), else None."""
    seen = []
    for event in recorder.events:
        if event.graph is not None and all(event.graph is not g for g in seen):
            seen.append(event.graph)
    for graph in reversed(seen):
        if [op.name for op in graph.get_operations()] == op_names:
            return graph
    return None


def closest_names(query: str, names: list[str], n: int = 5) -> list[str]:
    """difflib's closest names; names equal but for case first (the name
    registry compares names lower-cased, so `ADD` is worth showing `add`)."""
    same = [name for name in names if name.lower() == query.lower()]
    close = difflib.get_close_matches(query, names, n=n, cutoff=0.5)
    return list(dict.fromkeys(same + close))[:n]


class Analysis:
    """The events of `graph` (none when `graph` is None: the program made
    no graph that `run` would show)."""

    def __init__(self, recorder, graph) -> None:
        self.graph = graph
        self.events = [e for e in recorder.events if graph is not None and e.graph is graph]
        self.position = {e.seq: i for i, e in enumerate(self.events)}
        self.by_kind: dict[str, list] = {}
        for event in self.events:
            self.by_kind.setdefault(event.kind, []).append(event)
        self.ops = {e.name: e for e in self.by_kind.get("op", ())
                    if graph is not None and graph.has_op(e.name)}

    # ------------------------------------------------------------ lookups

    def _latest(self, kind: str, before: int, test) -> object:
        found = None
        for event in self.by_kind.get(kind, ()):
            if event.seq > before:
                break
            if test(event):
                found = event
        return found

    def variables(self) -> list:
        if self.graph is None:
            return []
        seen, out = set(), []
        for key in ("variables", "local_variables"):
            for v in self.graph.get_collection(key):
                if id(v) not in seen and isinstance(getattr(v, "name", None), str):
                    seen.add(id(v))
                    out.append(v)
        return out

    def names(self) -> list[str]:
        """Every name a query may give (for the closest-name hint)."""
        found = dict.fromkeys(self.ops)
        for name, event in self.ops.items():
            for i in range(len(event.data["op"].outputs)):
                found[f"{name}:{i}"] = None
        for event in self.by_kind.get("name_scope", ()):
            found[event.name + "/"] = None
        for event in self.by_kind.get("variable_scope", ()):
            if event.name:
                found[event.name] = None
        return [n for n in found if not (n.endswith("/") and n[:-1] in found)]

    # ------------------------------------------------------------ explain

    def explain(self, query: str) -> dict:
        name = query.strip()
        entries: list[dict] = []
        scope_only = name.endswith("/")
        if scope_only:
            name = name.rstrip("/")
        else:
            entries = self._op_entries(name)
        if not entries:
            entries = self._scope_entries(name)
        if not entries:
            raise UnknownName(query, closest_names(query.strip(), self.names()))
        return {"query": query, "found": entries}

    def _op_entries(self, name: str) -> list[dict]:
        index = None
        match = _TENSOR.match(name)
        if match:
            name, index = match.group(1), int(match.group(2))
        event = self.ops.get(name)
        if event is None:
            return []
        op = event.data["op"]
        if index is not None and index >= len(op.outputs):
            return []
        variable = next((v for v in self.variables() if v.op is op), None)
        if variable is not None and index in (None, 0):
            return [self._variable_entry(variable, event)]
        entry = self._op_entry(event)
        if index is not None:
            entry = {"kind": "tensor", "name": f"{op.name}:{index}", "op": op.name,
                     "index": index, **{k: v for k, v in entry.items()
                                        if k not in ("kind", "name")}}
        return [entry]

    def _op_entry(self, event) -> dict:
        op = event.data["op"]
        return {"kind": "op", "name": op.name, "type": op.type, "created_at": at(event),
                "name_scope": self.name_scope_info(op.name.rpartition("/")[0], event.seq),
                "variable_scope": self.variable_scope_info(event.variable_scope, event.seq),
                "naming": self.registry_naming(op.name, event.seq)}

    def _variable_entry(self, variable, event) -> dict:
        entry = self._op_entry(event)
        key = getattr(variable, "store_key", None)
        entry.update(kind="variable", name=variable.name, op=event.name,
                     made_by="tf.get_variable" if key is not None else "tf.Variable")
        if key is not None:
            call = self._latest("get_variable", event.seq, lambda e: e.name == key)
            part = _PART.match(key)
            if call is None and part:           # `_get_partitioned_variable`'s slices
                whole = part.group(1)
                call = self._latest("get_variable", event.seq, lambda e: e.name == whole)
            scope = call.data["scope"].name if call is not None else key.rpartition("/")[0]
            named = call.name if call is not None else key
            given = named[len(scope) + 1:] if scope else named
            entry["naming"] = {"registry": "get_variable", "store_key": key,
                               "variable_scope": scope, "given": given,
                               "op_naming": self.registry_naming(event.name, event.seq)}
            if call is not None and call.name != key:
                entry["naming"]["partition"] = int(part.group(2))
            if call is not None:                # get_variable ignores the name scope
                entry["name_scope"] = dict(self.name_scope_info(call.name_scope, call.seq),
                                           ignored=True)
                entry["created_at"] = at(call)
                entry["reuse"] = {"argument": _json_reuse(call.data["reuse_argument"]),
                                  "scope": _json_reuse(call.data["scope_reuse"])}
            entry["shared_by"] = [at(e) for e in self.by_kind.get("get_variable", ())
                                  if e.seq > event.seq and e.name == key and _reusing(e)]
        return entry

    def _scope_entries(self, name: str) -> list[dict]:
        entries = []
        openings = [e for e in self.by_kind.get("name_scope", ()) if e.name == name]
        if openings and name:
            first = next((e for e in openings if not e.data["argument"].endswith("/")),
                         openings[0])
            absolute = first.data["argument"].endswith("/")    # only re-entered by its name
            entries.append({"kind": "name_scope", "name": name + "/", "opened_at": at(first),
                            "openings": [at(e) for e in openings],
                            "variable_scope": self._variable_scope_of(first),
                            "naming": {"registry": "none", "given": first.data["argument"]}
                            if absolute else self.registry_naming(name, first.seq)})
        entered = [e for e in self.by_kind.get("variable_scope", ()) if e.name == name]
        if entered and name:
            first = entered[0]
            entries.append({"kind": "variable_scope", "name": name, "opened_at": at(first),
                            "openings": [at(e) for e in entered],
                            "name_scope": self.name_scope_info(first.name_scope, first.seq),
                            "naming": self.default_naming(first)})
        return entries

    def _variable_scope_of(self, opening):
        """The variable scope a `variable_scope(...)` statement entered right
        after opening this name scope (`variable_scope.__enter__` opens the
        name scope first), or None when the name scope is a `name_scope`'s."""
        start = self.position[opening.seq] + 1
        for event in self.events[start:start + 3]:
            if event.kind == "variable_scope" and event.frames == opening.frames:
                return event.name
            if event.kind not in ("default_scope_name", "unique_name"):
                return None
        return None

    # ------------------------------------------------------------ scopes

    def name_scope_info(self, stack: str, seq: int) -> dict:
        """The name scope `stack` (no trailing `/`) and its latest opening
        before event `seq`."""
        if not stack:
            return {"name": "", "opened_at": None}
        event = self._latest("name_scope", seq, lambda e: e.name == stack)
        return {"name": stack + "/", "opened_at": at(event) if event is not None else None}

    def variable_scope_info(self, scope, seq: int) -> dict:
        if scope is None or not scope.name:
            return {"name": "", "opened_at": None}
        event = self._latest("variable_scope", seq, lambda e: e.data["scope"] is scope)
        return {"name": scope.name, "opened_at": at(event) if event is not None else None}

    # ------------------------------------------------------------ counters

    def registry_naming(self, name: str, seq: int) -> dict:
        """How the graph's name registry gave `name` (`Graph.unique_name`):
        the request, the counter it had, and the earlier requests (and
        takers of the numbers it skipped) in order."""
        event = self._latest("unique_name", seq, lambda e: e.name == name)
        if event is None:
            return {"registry": "none", "given": name}
        requested, counter = event.data["requested"], event.data["counter"]
        base = requested.lower()
        taken = set()
        if name != requested:
            number = int(_SUFFIX.match(name).group(2))
            taken = {f"{base}_{k}" for k in range(counter, number)}
        earlier = [e for e in self.by_kind.get("unique_name", ())
                   if e.seq < event.seq and (e.data["requested"].lower() == base
                                             or e.name.lower() in taken)]
        return {"registry": "graph", "requested": requested, "counter": counter,
                "result": name,
                "earlier": [{"name": e.name, "what": self._what(e), "at": at(e)}
                            for e in earlier]}

    def _what(self, event) -> str:
        """What a registry name was taken for: an op or a name scope."""
        if event.name in self.ops:
            return "op"
        at_ = self.position[event.seq]
        following = self.events[at_ + 1:at_ + 2]
        if following and following[0].kind == "name_scope" and following[0].name == event.name:
            return "name scope"
        return "name"

    def default_naming(self, entered) -> dict:
        """How a variable scope got its name: given, or `default_name`
        numbered by the variable-scope counter (`_get_unique_variable_scope`)."""
        decision = self._latest("default_scope_name", entered.seq,
                                lambda e: e.name == entered.name)
        if decision is None or any(decision.seq < e.seq < entered.seq
                                   for e in self.by_kind.get("variable_scope", ())):
            return {"registry": "none", "given": entered.name}
        prefix, parent = decision.data["prefix"], decision.data["parent"]
        result = decision.name.rpartition("/")[2]
        number = 0 if result == prefix else int(_SUFFIX.match(result).group(2))
        full = parent + "/" + prefix if parent else prefix
        wanted = {full} | {f"{full}_{k}" for k in range(1, number)}
        enclosing = decision.variable_scope
        since = -1
        if enclosing is not None and enclosing.name:
            opened = self._latest("variable_scope", decision.seq,
                                  lambda e: e.data["scope"] is enclosing)
            since = opened.seq if opened is not None else -1
        earlier = [e for e in self.by_kind.get("variable_scope", ())
                   if since < e.seq < decision.seq and e.name in wanted]
        return {"registry": "variable_scope_counter", "default_name": prefix,
                "parent": parent, "result": decision.name,
                "earlier": [{"name": e.name, "what": "variable scope", "at": at(e)}
                            for e in earlier]}


def _reusing(call) -> bool:
    """Whether a get_variable call had reuse on (its own `reuse=`, else its
    scope's flag): a later call for an existing name that had it off
    raised "already exists" instead of sharing."""
    argument = call.data["reuse_argument"]
    return bool(argument if argument is not None else call.data["scope_reuse"])


def _json_reuse(value):
    return value if value is None or isinstance(value, bool) else "tf.AUTO_REUSE"
