"""Module-level state the runner reads and resets around a program run.

- the origin hook: `set_origin_hook(fn)`; the API calls `origin()` when it
  creates a variable and keeps what it returns (for "Originally defined at:");
- the first `NotSimulated` raised during the run (`first_not_simulated`),
  kept even if a bare `except:` swallowed it; `reset()` clears it;
- the default graph a program runs on: `ProgramGraph(graph)` (a context
  manager) makes `graph` the global default graph under an empty
  default-graph stack, as in a fresh process (resource variables off), and
  gives the caller's back.
"""

from __future__ import annotations

_origin_hook = None
first_not_simulated = None


#: Modules whose `origin_source` is the hook itself (`bind_origin`).
_bound = []


def set_origin_hook(fn) -> None:
    """Install `fn()` (or None) as the origin hook."""
    global _origin_hook
    _origin_hook = fn
    for module in _bound:
        module.origin_source = fn


def bind_origin(module) -> None:
    """Keep `module.origin_source` the origin hook (or None): what `origin()`
    returns is what calling it returns (None for None), without a frame of
    `origin()` between the caller and the hook."""
    _bound.append(module)
    module.origin_source = _origin_hook


def origin():
    """What the origin hook returns now (None without a hook)."""
    return None if _origin_hook is None else _origin_hook()


def record_not_simulated(error) -> None:
    """Remember `error` if it is the first NotSimulated since `reset()`."""
    global first_not_simulated
    if first_not_simulated is None:
        first_not_simulated = error


def reset() -> None:
    """Forget the recorded NotSimulated."""
    global first_not_simulated
    first_not_simulated = None


class ProgramGraph:
    """`with ProgramGraph(g):` runs a program with `g` as its global default
    graph and an empty default-graph stack (so `tf.reset_default_graph()` at
    the top level works, as in a fresh process, and nothing the caller or an
    earlier program entered is seen).  On exit `.graph` is the global default
    graph the program ended with (a `tf.reset_default_graph()` replaces it)
    and the caller's default graph and stack are restored, whatever the
    program left entered."""

    __slots__ = ("graph", "_saved", "_saved_toggle", "_saved_gradients")

    def __init__(self, graph) -> None:
        self.graph = graph
        self._saved = None
        self._saved_toggle = False
        self._saved_gradients = None

    def __enter__(self):
        from ..engine import resource
        from ..engine.graph import swap_default_graph_state
        self._saved = swap_default_graph_state((self.graph, []))
        self._saved_toggle = resource.resource_variables_enabled()
        resource.set_resource_variables_enabled(False)     # a fresh process's default
        from ..engine import registry                      # and its gradient registry
        self._saved_gradients = registry.gradient_registry
        registry.gradient_registry = registry.GradientRegistry("gradient")
        return self.graph

    def __exit__(self, *exc) -> None:
        from ..engine import resource
        from ..engine.graph import swap_default_graph_state
        self.graph = swap_default_graph_state(self._saved)[0]
        resource.set_resource_variables_enabled(self._saved_toggle)
        from ..engine import registry
        registry.gradient_registry = self._saved_gradients
        return None
