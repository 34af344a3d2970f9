"""The naming observer: None unless `scopesim explain` installs one.

The engine reports the events that decide names to `current` when it is
set, and does nothing else when it is None (one attribute check per op or
scope event), so a normal run costs what it cost without it.  The events
(the methods `scopesim.explain.recorder.Recorder` defines):

- `unique_name(graph, name, mark_as_used)`: `Graph.unique_name` with the
  name stack prefixed; the observer calls `graph.names.unique_name` itself
  and returns its result (so it sees the counter before and after);
- `op_created(graph, op)`: `Graph._create_op_internal` made `op`;
- `name_scope_entered(graph, name, new)`: `Graph.name_scope(name)` set
  the stack to `new`;
- `default_scope_name(counts, parent, prefix, result)`:
  `_get_unique_variable_scope(prefix)` chose `result`;
- `variable_scope_entered(graph, scope, old, reuse, source)`:
  `_pure_variable_scope.__enter__` installed `scope` (`source`: the
  VariableScope object re-entered, or None for a name);
- `reuse_variables(scope)`: `VariableScope.reuse_variables()`;
- `get_variable(graph, scope, name, reuse)`: `VariableScope.get_variable`
  was called with `reuse` (None: the scope's).
"""

current = None


def install(observer) -> object:
    """Make `observer` (or None) the current one; return the previous one."""
    global current
    previous, current = current, observer
    return previous
