"""Variable scopes: `VariableScope` objects and the per-graph scope store.

Mirrors `ops/variable_scope.py`: `VariableScope`, `_VariableScopeStore`
(current scope and `variable_scopes_count`), `_get_unique_variable_scope`
and the enter/exit logic of `variable_scope` / `_pure_variable_scope`.
The name scope each entry opens is the graph's business (`Graph.name_scope`);
`Engine.variable_scope` in `engine.py` ties the two together.  `_ReuseMode`
(`tf.AUTO_REUSE`) is defined here, as TensorFlow defines it in that module.
"""

from __future__ import annotations

import enum
import functools

from ..errors import TFRuntimeError, TFTypeError, TFValueError
from . import dtypes
from . import observe as _observe

_VS_MODULE = "tensorflow.python.ops.variable_scope"
#: Where TensorFlow prints an object's address, scopesim prints this one.
ADDRESS = "0x7f0000000000"


class _ReuseMode(enum.Enum):
    """`variable_scope._ReuseMode`, an enum of one member: `tf.AUTO_REUSE`."""

    AUTO_REUSE = 1


_ReuseMode.__module__ = _VS_MODULE
ReuseMode = _ReuseMode

#: `tf.AUTO_REUSE`: the value of `auto`, and a scope's reuse flag.
AUTO_REUSE = _ReuseMode.AUTO_REUSE


class VariableScope:
    """`tf.compat.v1.VariableScope(reuse, name="", initializer=None,
    regularizer=None, caching_device=None, partitioner=None,
    custom_getter=None, name_scope="", dtype=tf.float32, use_resource=None,
    constraint=None)`: identity matters (handles compare with `is`).

    `reuse` is False, True or AUTO_REUSE; `original_name_scope` is TF's
    `_name_scope`.  The dtype is kept as given (`dtype` returns it: a DType,
    or a string if a string was given); `_dt` is its name."""

    __slots__ = ("_reuse", "_name", "_name_scope", "_dtype", "_initializer", "_regularizer",
                 "_partitioner", "_custom_getter", "_caching_device", "_use_resource",
                 "_constraint", "__weakref__")

    def __init__(self, reuse, name="", initializer=None, regularizer=None, caching_device=None,
                 partitioner=None, custom_getter=None, name_scope="", dtype=dtypes.FLOAT32,
                 use_resource=None, constraint=None) -> None:
        self._reuse = reuse
        self._name = name
        self._name_scope = name_scope
        self._dtype = dtype
        self._initializer = initializer
        self._regularizer = regularizer
        self._partitioner = partitioner
        self._custom_getter = custom_getter
        self._caching_device = caching_device
        self._use_resource = use_resource
        self._constraint = constraint

    @property
    def name(self) -> str:
        return self._name

    @property
    def original_name_scope(self) -> str:
        return self._name_scope

    @property
    def reuse(self):
        return self._reuse

    @property
    def dtype(self):
        return self._dtype

    @property
    def _dt(self) -> str:
        """The engine's name of the dtype."""
        return dtypes.as_dtype(self._dtype).name

    @property
    def initializer(self):
        return self._initializer

    @property
    def regularizer(self):
        return self._regularizer

    @property
    def partitioner(self):
        return self._partitioner

    @property
    def custom_getter(self):
        return self._custom_getter

    @property
    def caching_device(self):
        return self._caching_device

    @property
    def use_resource(self):
        return self._use_resource

    @property
    def constraint(self):
        return self._constraint

    def reuse_variables(self) -> None:
        """`VariableScope.reuse_variables()`: mutates this very object."""
        self._reuse = True
        if _observe.current is not None:
            _observe.current.reuse_variables(self)

    def set_initializer(self, initializer) -> None:
        """`VariableScope.set_initializer`."""
        self._initializer = initializer

    def set_dtype(self, dtype) -> None:
        """`VariableScope.set_dtype`: kept as given (TF does not convert it)."""
        self._dtype = dtype

    def set_use_resource(self, use_resource) -> None:
        """`VariableScope.set_use_resource`."""
        self._use_resource = use_resource

    def set_regularizer(self, regularizer) -> None:
        """`VariableScope.set_regularizer`."""
        self._regularizer = regularizer

    def set_caching_device(self, caching_device) -> None:
        """`VariableScope.set_caching_device`."""
        self._caching_device = caching_device

    def set_partitioner(self, partitioner) -> None:
        """`VariableScope.set_partitioner`."""
        self._partitioner = partitioner

    def set_custom_getter(self, custom_getter) -> None:
        """`VariableScope.set_custom_getter`."""
        self._custom_getter = custom_getter

    def get_collection(self, name):
        """`VariableScope.get_collection`: the collection matched by `name/`."""
        from .graph import get_default_graph
        scope = self._name + "/" if self._name else ""
        return get_default_graph().get_collection(name, scope)

    def trainable_variables(self):
        """`VariableScope.trainable_variables`."""
        return self.get_collection("trainable_variables")

    def global_variables(self):
        """`VariableScope.global_variables`."""
        return self.get_collection("variables")

    def local_variables(self):
        """`VariableScope.local_variables`."""
        return self.get_collection("local_variables")

    def get_variable(self, var_store, name, shape=None, dtype=None, initializer=None,
                     regularizer=None, reuse=None, trainable=None, collections=None,
                     caching_device=None, partitioner=None, validate_shape=True,
                     use_resource=None, custom_getter=None, constraint=None,
                     synchronization=None, aggregation=None):
        """`VariableScope.get_variable` (`scope_get_variable` in the store's graph)."""
        g = getattr(var_store, "_graph", None)
        if g is None:
            from .graph import get_default_graph
            from .variables import VariableStore
            g = get_default_graph()
            if isinstance(var_store, VariableStore):
                var_store._graph = g
        return scope_get_variable(g, self, var_store, name, shape, dtype, initializer,
                                  regularizer, reuse, trainable, collections, caching_device,
                                  partitioner, validate_shape, use_resource, custom_getter,
                                  constraint, synchronization, aggregation)

    def __repr__(self) -> str:
        return f"<{_VS_MODULE}.VariableScope object at {ADDRESS}>"


def scope_get_variable_defaults(scope, regularizer, caching_device, partitioner,
                                custom_getter, use_resource) -> tuple:
    """What `VariableScope.get_variable` (tensorflow/python/ops/variable_scope.py)
    takes from the scope for each of these arguments left None: (regularizer,
    caching_device, partitioner, custom_getter, use_resource), use_resource
    as the scope has it (None included)."""
    return (scope._regularizer if regularizer is None else regularizer,
            scope._caching_device if caching_device is None else caching_device,
            scope._partitioner if partitioner is None else partitioner,
            scope._custom_getter if custom_getter is None else custom_getter,
            scope._use_resource if use_resource is None else use_resource)


def scope_get_variable(g, scope: VariableScope, var_store, name, shape=None, dtype=None,
                       initializer=None, regularizer=None, reuse=None, trainable=None,
                       collections=None, caching_device=None, partitioner=None,
                       validate_shape=True, use_resource=None, custom_getter=None,
                       constraint=None, synchronization=None, aggregation=None):
    """`VariableScope.get_variable`: the scope's regularizer, caching
    device, partitioner, custom getter, reuse and use_resource fill what was
    not given; at the root name scope, a value initializer with an explicit
    dtype is converted once to check it (a `Const` at the root, kept even on
    success); then the scope's initializer, constraint and dtype, and the
    store, with the full name."""
    if _observe.current is not None:
        _observe.current.get_variable(g, scope, name, reuse)
    regularizer, caching_device, partitioner, custom_getter, use_resource = \
        scope_get_variable_defaults(scope, regularizer, caching_device, partitioner,
                                    custom_getter, use_resource)
    if reuse is None:
        reuse = scope._reuse
    full_name = scope._name + "/" + name if scope._name else name
    old = g.name_stack
    g.name_stack = ""
    try:
        if dtype is not None and initializer is not None and not callable(initializer):
            from .convert import convert_to_tensor
            init_dtype = dtypes.of(convert_to_tensor(g, initializer)._dt)
            wanted = dtypes.as_dtype(dtype)
            if init_dtype != wanted:
                raise TFValueError(f"Initializer type '{init_dtype}' and explicit dtype "
                                   f"'{wanted}' don't match.")
        # the scope's initializer, constraint and dtype after the check, which
        # sees the initializer as given
        initializer = scope._initializer if initializer is None else initializer
        constraint = scope._constraint if constraint is None else constraint
        dtype = scope.dtype if dtype is None else dtype
        return var_store.get_variable(
            full_name, shape=shape, dtype=dtype, initializer=initializer,
            regularizer=regularizer, reuse=reuse, trainable=trainable, collections=collections,
            caching_device=caching_device, partitioner=partitioner,
            validate_shape=validate_shape, use_resource=use_resource,
            custom_getter=custom_getter, constraint=constraint,
            synchronization=synchronization, aggregation=aggregation)
    finally:
        g.name_stack = old


def maybe_wrap_custom_getter(custom_getter, old_getter):
    """`_maybe_wrap_custom_getter`: the new getter calls the old one, which
    calls the true getter."""
    if old_getter is None:
        return custom_getter

    def wrapped_custom_getter(getter, *args, **kwargs):
        return custom_getter(functools.partial(old_getter, getter), *args, **kwargs)
    return wrapped_custom_getter


VariableScope.__module__ = _VS_MODULE


_new = object.__new__


class _CountNode:
    __slots__ = ("name", "parent", "count", "dirty", "zeroed")

    def __init__(self, name: str | None, parent: "_CountNode | None") -> None:
        self.name = name
        self.parent = parent
        self.count = 0
        #: how often closing this scope set a count below it back to 0
        self.zeroed = 0
        #: children that have, or lead to, a nonzero count (see `ScopeCounts`)
        self.dirty: dict[int, _CountNode] = {}


class ScopeCounts:
    """`_VariableScopeStore.variable_scopes_count`, with linear cost.

    TensorFlow keeps a flat dict keyed by full scope name; closing a scope
    scans *every* key to zero the ones below it, and entering a scope object
    copies the whole dict (both quadratic over a program).  Here each key is
    a node linked to its parent (the name up to its last `/`), and every
    nonzero count is reachable from the root through `dirty` links, so
    closing a scope visits only the nonzero counts below it, each once per
    increment.  An object scope's snapshot is a mark in an undo log.  The
    observable counts are exactly TensorFlow's.
    """

    def __init__(self) -> None:
        self._root = _CountNode(None, None)
        self._nodes: dict[str, _CountNode] = {}
        self._log: list[tuple[_CountNode, int]] = []
        self._marks = 0                       # open snapshots; log only while > 0
        self._restores = 0                    # invalidates the default-name hints
        self._hints: dict[str, tuple[int, int, int]] = {}

    def _node(self, name: str) -> _CountNode:
        node = self._nodes.get(name)
        if node is None:
            parent = self._node(name.rsplit("/", 1)[0]) if "/" in name else self._root
            # `_CountNode(name, parent)`, its fields set as its `__init__` sets them
            node = self._nodes[name] = _new(_CountNode)
            node.name = name
            node.parent = parent
            node.count = 0
            node.zeroed = 0
            node.dirty = {}
        return node

    def get(self, name: str) -> int:
        """`variable_scope_count(name)`."""
        node = self._nodes.get(name)
        return 0 if node is None else node.count

    def _set(self, node: _CountNode, value: int) -> None:
        if self._marks:
            self._log.append((node, node.count))
        node.count = value
        if value:
            self._link(node)

    @staticmethod
    def _link(node: _CountNode) -> None:
        """Make `node` reachable from the root through dirty links."""
        parent = node.parent
        while parent is not None and id(node) not in parent.dirty:
            parent.dirty[id(node)] = node
            node, parent = parent, parent.parent

    def open(self, name: str) -> None:
        """`open_variable_scope(name)`: count one more entry (`_set` to one more)."""
        node = self._nodes.get(name)
        if node is None:
            node = self._node(name)
        if self._marks:
            self._log.append((node, node.count))
        node.count += 1
        parent = node.parent              # `_link(node)`
        while parent is not None and id(node) not in parent.dirty:
            parent.dirty[id(node)] = node
            node, parent = parent, parent.parent

    def close_subscopes(self, name: str) -> None:
        """`close_variable_subscopes(name)`: every key below `name/` back to 0."""
        closed = self._nodes.get(name)
        if closed is None:
            closed = self._node(name)
        if not closed.dirty:
            return
        pending = list(closed.dirty.values())
        closed.dirty = {}
        while pending:
            node = pending.pop()
            if node.count:
                if self._marks:
                    self._log.append((node, node.count))
                node.count = 0
                closed.zeroed += 1
            pending.extend(node.dirty.values())
            node.dirty = {}

    def snapshot(self) -> int:
        """`copy.copy(variable_scopes_count)`, as a mark to `restore` to."""
        self._marks += 1
        return len(self._log)

    def restore(self, mark: int) -> None:
        """`variable_scopes_count = snapshot`: undo every change since `mark`."""
        while len(self._log) > mark:
            node, count = self._log.pop()
            node.count = count
            if count:
                self._link(node)
        self._marks -= 1
        self._restores += 1

    def _zeroings(self, name: str) -> int:
        """How often a count was set back to 0 by closing a scope that holds
        `name`'s siblings (`name_1`, `name_2`, ...): the scopes above them."""
        node = self._node(name.rsplit("/", 1)[0]) if "/" in name else self._root
        total = 0
        while node is not None:
            total += node.zeroed
            node = node.parent
        return total

    def unique_scope_name(self, parent: str, prefix: str) -> str:
        """`_get_unique_variable_scope(prefix)` inside scope `parent`.

        TensorFlow tries `prefix_1`, `prefix_2`, ... from 1 each time.  The
        first free index is remembered, and is where the search starts again
        only while no count of `prefix_1` ... `prefix_<hint-1>` can have
        dropped: counts only grow, but for closing a scope above them (which
        `_zeroings` counts) and restoring a snapshot.  Otherwise the search
        restarts at 1, as TensorFlow's does (a scope closed, then `prefix`
        and `prefix_2` re-entered by name: the answer is `prefix_1`).
        """
        name = parent + "/" + prefix if parent else prefix
        if self.get(name) == 0:
            found = prefix
        else:
            stamp = self._zeroings(name)
            idx, restores, seen = self._hints.get(name, (1, -1, -1))
            if restores != self._restores or seen != stamp:
                idx = 1
            while self.get("%s_%d" % (name, idx)) > 0:
                idx += 1
            self._hints[name] = (idx, self._restores, stamp)
            found = "%s_%d" % (prefix, idx)
        if _observe.current is not None:
            _observe.current.default_scope_name(self, parent, prefix, found)
        return found


# ------------------------------------------------------ entering a variable scope


def variable_scope(g, name_or_scope, default_name=None, reuse=None, aux: bool = True,
                   dtype: str | None = None, initializer=None, cache=None, **settings):
    """`variable_scope.__init__` and `__enter__` (`_enter_scope_uncached`):
    which name scope to open and which VariableScope to install.  Returns
    (the scope, an exit function taking the exception triple).

    `cache` is the context manager's own dict: entering the same
    `variable_scope(...)` instance again re-enters its name scope (newly
    uniquified) and its cached pure variable scope (the same vs name, the
    first entry's `original_name_scope`, the same scope object for a
    VariableScope target)."""
    if default_name is None and name_or_scope is None:
        raise TFTypeError("If default_name is None then name_or_scope is required")
    if reuse is False:
        reuse = None
    old_stack = g.name_stack
    if cache:
        if cache["ns"] is not None:
            g.enter_name_scope(cache["ns"])
        try:
            scope, close = _pure_variable_scope(g, cache["pure"], cache["reuse"], cache["old_ns"],
                                                dtype, initializer, settings, cache)
        except BaseException:
            g.name_stack = old_stack
            raise
        return scope, _exit(g, close, old_stack)
    ns_arg = None
    ns_target = False                        # False: no name scope of our own
    if not aux:
        current = g.name_stack
        ns_target = current + "/" if current else ""
    if name_or_scope is not None:
        if not isinstance(name_or_scope, (VariableScope, str)):
            raise TFTypeError("VariableScope: name_or_scope must be a string or VariableScope.")
        is_object = isinstance(name_or_scope, VariableScope)
        ns_name = name_or_scope.name.split("/")[-1] if is_object else name_or_scope
        old_name_scope = None
        if ns_name or ns_target is not False:
            ns_arg = ns_name if ns_target is False else ns_target
            _, entered = g.enter_name_scope(ns_arg)
            old_name_scope = name_or_scope.original_name_scope if is_object else entered
        try:
            scope, close = _pure_variable_scope(g, name_or_scope, reuse, old_name_scope, dtype,
                                                initializer, settings)
            pure, old_ns = name_or_scope, old_name_scope
        except BaseException:
            g.name_stack = old_stack
            raise
    else:
        if reuse:
            raise TFValueError("reuse=True cannot be used without a name_or_scope")
        ns_arg = default_name if ns_target is False else ns_target
        _, entered = g.enter_name_scope(ns_arg)
        try:
            unique = g.scope_counts.unique_scope_name(g.current_scope.name, default_name)
            scope, close = _pure_variable_scope(g, unique, None, entered, dtype, initializer,
                                                settings)
            pure, old_ns = unique, entered
        except BaseException:
            g.name_stack = old_stack
            raise
    if cache is not None:
        cache.update(ns=ns_arg, pure=pure, old_ns=old_ns, reuse=scope._reuse,
                     object=scope if isinstance(pure, VariableScope) else None)
    return scope, _exit(g, close, old_stack)


def enter_plain(g, name: str, reuse=None) -> tuple:
    """`variable_scope(g, name, reuse=reuse)` of a non-empty string with
    every other argument at its default, `reuse` None, False, True or
    AUTO_REUSE, entered for the first time, no observer: the name scope
    `name` (checked, made unique), then a scope below the current one that
    inherits all its fields but the constraint, its reuse `reuse or` the
    current one's (what `variable_scope` and `_pure_variable_scope` do in
    that case, without their generality).  Returns the state `exit_plain`
    takes: (graph, scope, the scope it replaced, the counts, the old name
    stack, the entered name scope)."""
    old_stack = g.name_stack
    _, entered = g.enter_name_scope(name)
    try:
        old = g._current_scope            # (`g.current_scope` and `g.scope_counts`,
        if old is None:                   # their slots read)
            old = g.current_scope
        counts = g._scope_counts
        if counts is None:
            counts = g.scope_counts
        old_name = old._name
        new_name = old_name + "/" + name if old_name else name
        # `VariableScope(reuse or old._reuse, new_name, old._initializer,
        # old._regularizer, old._caching_device, old._partitioner,
        # old._custom_getter, entered, old._dtype, old._use_resource, None)`,
        # its fields set here as its `__init__` sets them
        scope = _new(VariableScope)
        scope._reuse = reuse or old._reuse
        scope._name = new_name
        scope._name_scope = entered
        scope._dtype = old._dtype
        scope._initializer = old._initializer
        scope._regularizer = old._regularizer
        scope._partitioner = old._partitioner
        scope._custom_getter = old._custom_getter
        scope._caching_device = old._caching_device
        scope._use_resource = old._use_resource
        scope._constraint = None
        counts.open(new_name)
    except BaseException:
        g.name_stack = old_stack
        raise
    g._current_scope = scope
    return g, scope, old, counts, old_stack, entered


def exit_plain(state: tuple, failed: bool) -> None:
    """The exit of a scope `enter_plain` entered (`_close_pure`, then the
    name stack back)."""
    g, scope, old, counts, old_stack, _ = state
    try:
        current = g._current_scope        # (`g.current_scope`, the slot read)
        if current is None:
            current = g.current_scope
        if current is not scope and not failed:
            raise TFRuntimeError("Improper nesting of variable_scope.")
        counts.close_subscopes(scope._name)
        g._current_scope = old
    finally:
        g.name_stack = old_stack


def _exit(g, close, old_stack):
    def exit_scope(failed: bool) -> None:
        try:
            close(failed)
        finally:
            g.name_stack = old_stack
    return exit_scope


def _pure_variable_scope(g, name_or_scope, reuse, old_name_scope, dtype, initializer,
                         settings=None, cache=None):
    """`_pure_variable_scope.__enter__/__exit__`.

    A captured scope object is re-entered by its own (absolute) name,
    keeps its properties, takes `reuse` only if truthy, and restores the
    scope counters on exit; a string scope nests under the current one,
    inherits reuse with `or` and everything but the constraint, and zeroes
    its sub-scope counters on exit.  `settings` (regularizer, caching_device,
    partitioner, custom_getter, use_resource, constraint) are then set on
    the new scope object as TensorFlow's `set_*` calls do; a custom getter
    wraps the one the scope had.  A cached entry (`cache["object"]`) of a
    scope object installs that same object again.
    """
    old = g.current_scope
    counts = g.scope_counts
    is_object = isinstance(name_or_scope, VariableScope)
    mark = None
    if is_object and cache and cache.get("object") is not None:
        scope = cache["object"]
        counts.open(scope.name)
        mark = counts.snapshot()
        g.current_scope = scope
        if _observe.current is not None:
            _observe.current.variable_scope_entered(g, scope, old, reuse, scope)
        return scope, _close_pure(g, scope, old, counts, True, mark)
    if is_object:
        obj = name_or_scope
        scope = VariableScope(obj.reuse if not reuse else reuse, name=obj.name,
                              initializer=obj._initializer, regularizer=obj._regularizer,
                              caching_device=obj._caching_device, partitioner=obj._partitioner,
                              custom_getter=obj._custom_getter,
                              name_scope=obj.original_name_scope, dtype=obj._dtype,
                              use_resource=obj._use_resource, constraint=obj._constraint)
        base = obj
        counts.open(obj.name)
        mark = counts.snapshot()
    else:
        # `old` is the engine's own VariableScope (the current scope): its
        # fields are read directly
        old_name = old._name
        new_name = old_name + "/" + name_or_scope if old_name else name_or_scope
        scope = VariableScope(reuse or old._reuse, new_name, old._initializer,
                              old._regularizer, old._caching_device, old._partitioner,
                              old._custom_getter,
                              name_or_scope if old_name_scope is None else old_name_scope,
                              old._dtype, old._use_resource,
                              settings.get("constraint") if settings else None)
        base = old
        counts.open(new_name)
    if initializer is not None:
        scope._initializer = initializer
    for key, value in (settings or {}).items():
        if value is None or key == "constraint":
            continue
        if key == "custom_getter":
            value = maybe_wrap_custom_getter(value, base._custom_getter)
        setattr(scope, "_" + key, value)
    if dtype is not None:
        scope._dtype = dtype
    g.current_scope = scope
    if _observe.current is not None:
        _observe.current.variable_scope_entered(g, scope, old, reuse,
                                                name_or_scope if is_object else None)
    return scope, _close_pure(g, scope, old, counts, is_object, mark)


def _close_pure(g, scope, old, counts, is_object, mark):
    """`_pure_variable_scope.__exit__`."""

    def close(failed: bool) -> None:
        if g.current_scope is not scope and not failed:
            raise TFRuntimeError("Improper nesting of variable_scope.")
        if is_object:
            counts.restore(mark)
        else:
            counts.close_subscopes(scope.name)
        g.current_scope = old
    return close
