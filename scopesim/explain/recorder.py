"""The observer `scopesim explain` installs in the engine (`engine/observe.py`).

Each naming event becomes an `Event`: what was decided, in which graph,
the program frames that led there (what the runner's origin hook gives:
`.scope` spans, or a Python program's own frames), the name scope and
variable scope at that moment.  Nothing is recorded when no `Recorder` is
installed, so a normal run does not pay for it.

    with recording() as recorder:
        result = run(program)
    recorder.events      # in order
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Event:
    """One naming event (`kind` is the observer method that made it)."""

    seq: int
    kind: str
    graph: object
    name: str                   # the name decided, made or entered (full)
    frames: tuple               # program frames (runner.Frame), outermost first
    name_scope: str             # the graph's name stack then
    variable_scope: object      # the VariableScope current then (None: the root, unmade)
    data: dict = field(default_factory=dict)


def _program_frames() -> tuple:
    from ..tf import runtime
    origin = runtime.origin()
    return tuple(getattr(origin, "frames", ()) or ())


class Recorder:
    """Records the events of `scopesim.engine.observe` (see its docstring).
    `frames()` gives the program frames of an event (by default what the
    runner's origin hook gives)."""

    def __init__(self, frames=None) -> None:
        self.events: list[Event] = []
        self.frames = frames or _program_frames

    def _add(self, kind: str, graph, name: str, **data) -> Event:
        event = Event(len(self.events), kind, graph, name, self.frames(),
                      getattr(graph, "name_stack", ""),
                      getattr(graph, "_current_scope", None), data)
        self.events.append(event)
        return event

    # ------------------------------------------------ the observer's methods

    def unique_name(self, graph, name: str, mark_as_used: bool) -> str:
        """`Graph.unique_name`: the registry's counter for `name` before, and
        what it gave."""
        counter = graph.names.in_use.get(name.lower(), 0)
        result = graph.names.unique_name(name, mark_as_used)
        if mark_as_used:
            self._add("unique_name", graph, result, requested=name, counter=counter)
        return result

    def op_created(self, graph, op) -> None:
        self._add("op", graph, op.name, op=op)

    def name_scope_entered(self, graph, name, new: str) -> None:
        if name:
            self._add("name_scope", graph, new, argument=name)

    def default_scope_name(self, counts, parent: str, prefix: str, found: str) -> None:
        from ..engine.graph import get_default_graph
        graph = get_default_graph()
        full = parent + "/" + found if parent else found
        self._add("default_scope_name", graph, full, prefix=prefix, parent=parent,
                  counts=counts)

    def variable_scope_entered(self, graph, scope, old, reuse, source) -> None:
        self._add("variable_scope", graph, scope.name, scope=scope, old=old, reuse_argument=reuse,
                  source=source, reuse=scope.reuse)

    def reuse_variables(self, scope) -> None:
        from ..engine.graph import get_default_graph
        self._add("reuse_variables", get_default_graph(), scope.name, scope=scope)

    def get_variable(self, graph, scope, name: str, reuse) -> None:
        full = scope.name + "/" + name if scope.name else name
        self._add("get_variable", graph, full, scope=scope, reuse_argument=reuse,
                  scope_reuse=scope.reuse)


@contextmanager
def recording(recorder: Recorder | None = None):
    """Install `recorder` (a new one by default) as the engine's observer
    for the block; the previous observer is put back after it."""
    from ..engine import observe
    recorder = recorder if recorder is not None else Recorder()
    previous = observe.install(recorder)
    try:
        yield recorder
    finally:
        observe.install(previous)
