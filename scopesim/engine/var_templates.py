"""get_variable's common case replayed from a template of its ops.

Making a new variable with a known initializer (`variables._KNOWN_INITIALIZERS`)
goes through a dozen layers (the scope's defaults, the store, the
initializer, `_init_from_args`, the name scopes) whose outcome depends,
once the guards below hold, only on a *signature*: the initializer's
class and fields, the dims, the dtype.  The first variable of a signature
is made the general way and its ops are recorded relative to the
variable's full name (op names and registry keys as suffixes, inputs as
positions, the colocation list as a marker); the second is made the
general way too and must record the same template, which is then
confirmed.  Later variables of that signature are replayed: the same
ops, registry keys, owner, collections and store entry, in the same
order.

A replay is only taken where the general path provably does exactly
what it recorded:

- no observer, device function, cond context, partitioner, custom
  getter, regularizer, caching device, constraint that is not callable,
  resource variable (RefVariables only), variable of that name in the
  store, or `<name>/part_0`;
- the reuse flag is not True (False and AUTO_REUSE create when absent);
- the full name is a valid root name (no final newline, no final `/`),
  and every registry key the general path would add is absent from the
  registry and every op name absent from the graph: then each
  `unique_name` returns its argument and marks a fresh key, as when the
  template was recorded (a recording whose keys show a uniquified name,
  `<base>_<n>` with `<base>` in use, is refused);
- control dependencies are cleared around the ops, as `ref_variable`
  clears them.

Anything else (and every error) is the general path's.  `ENABLED` turns
the replay off (the tests compare whole graphs both ways).
"""

from __future__ import annotations

import re

from . import observe as _observe
from . import variables as _v
from .dtypes import DType, as_dtype
from .graph import Graph, Operation, SymbolicTensor, Tensor
from .nodedef import StrAttr
from .opdef import ShapeAttr
from .tensor_shape import Dimension

#: False: every get_variable takes the general path (for tests).
ENABLED = True

_new = object.__new__

#: At most this many signatures are recorded (a program of ever new
#: shapes gains nothing from templates).
_MAX_TEMPLATES = 2048

#: signature -> _Template, or a (first) recording awaiting confirmation.
_TEMPLATES: dict = {}
_PENDING: dict = {}
#: signatures whose recording could not be made into a template.
_REFUSED: set = set()

#: A full variable name every check on the way accepts: the root scope
#: pattern, matched to the very end (`$` would let a final newline pass).
_PLAIN_NAME = re.compile(r"[A-Za-z0-9.][A-Za-z0-9_.\\/>-]*")
_SUFFIXED = re.compile(r"(.*)_[0-9]+")

#: The colocation list's place in a recorded attr.
_LOC = object()
#: `_template_of`: the recording's names were made unique (try another).
_NAMED = object()

#: Attr values a template may hold (and compare with `==`).
_SCALARS = frozenset((str, StrAttr, int, float, bool))


class _Template:
    """The ops of one signature: `ops` is a tuple of (name suffix, type,
    input positions, attrs as (name, value) pairs, dims, dtype); `keys` the
    registry key suffixes in the order they were added; the positions of
    the variable op, the Assign, the read and the initial value.

    `plan` is `ops` as the replay reads it: each op's attrs in the form a
    new op keeps them (`compact`: the op's compact tuple, see `Operation`,
    when the recorded ops kept that form; else a dict to copy), whose
    colocation list (`_LOC`) and lists are made anew for each variable:
    `head` when that is only the colocation list, last; else the
    positions to fill."""

    __slots__ = ("ops", "keys", "var", "assign", "read", "value", "plan", "direct", "suffixes",
                 "shared_keys")

    def __init__(self, ops, keys, var, assign, read, value, compact) -> None:
        self.ops, self.keys = ops, keys
        self.var, self.assign, self.read, self.value = var, assign, read, value
        plan = []
        for (suffix, op_type, inputs, attrs, dims, dt), names in zip(ops, compact):
            if names is None:
                data = dict(attrs)
                fresh = tuple((attr, value) for attr, value in attrs
                              if value is _LOC or value.__class__ is list)
            else:
                data = (names, *(value for _, value in attrs))
                fresh = tuple((i, value) for i, value in enumerate(data)
                              if i and (value is _LOC or value.__class__ is list))
            head = data[:-1] if names is not None and len(fresh) == 1 and \
                fresh[0] == (len(data) - 1, _LOC) else None
            plan.append((suffix, op_type, inputs, data, head, fresh, dims, dt))
        self.plan = tuple(plan)
        #: every op's attrs compact: `_make_op` may make them
        self.direct = all(names is not None for names in compact)
        self.suffixes = tuple(entry[0] for entry in ops)
        #: for each key, the op whose name is the key when the variable's
        #: name is lower case (the registry keeps one string for both, as
        #: `NameRegistry.unique_name` does), else None
        self.shared_keys = tuple(self.suffixes.index(k) if k in self.suffixes else None
                                 for k in keys)

    def same(self, other: "_Template") -> bool:
        return (self.ops == other.ops and self.keys == other.keys and
                (self.var, self.assign, self.read, self.value) ==
                (other.var, other.assign, other.read, other.value))


def _dims_of(shape):
    """A fully defined shape given as a list or tuple of ints >= 0 (or
    known Dimensions) as its dims tuple, else None."""
    cls = shape.__class__
    if cls is not list and cls is not tuple:
        return None
    dims = []
    for d in shape:
        if d.__class__ is int:
            if d < 0:
                return None
        elif d.__class__ is Dimension:
            d = d._value
            if d is None:
                return None
        else:
            return None
        dims.append(d)
    return tuple(dims)


def _signature(initializer, dims, dtype_name):
    """The signature of a known initializer's variable, or None."""
    cls = initializer.__class__
    known = _v._KNOWN_INITIALIZERS.get(cls)
    if known is None or cls.__call__ is not known[0]:
        return None
    if known[2] is None:
        return cls, dims, dtype_name
    if not known[2](initializer):
        return None
    scale = initializer.scale
    return (cls, dims, dtype_name, scale.__class__, repr(scale), initializer.mode,
            initializer.distribution, initializer.seed)


def get_variable(g, general, name, shape, dtype, initializer, regularizer, trainable,
                 collections, caching_device, partitioner, validate_shape, use_resource,
                 custom_getter, constraint):
    """`tf.compat.v1.get_variable(...)` in graph `g`: the replay of a
    confirmed template when the guards hold, else `general(...)` with the
    same arguments (recording a template when the signature is new)."""
    args = (name, shape, dtype, initializer, regularizer, trainable, collections,
            caching_device, partitioner, validate_shape, use_resource, custom_getter,
            constraint)
    if not ENABLED or _observe.current is not None or g._device_stack or \
            g._cond_context is not None or validate_shape is not True or \
            name.__class__ is not str:
        return general(*args)
    scope = g.current_scope
    store = _v.store_of(g)
    if store._graph is not g:
        return general(*args)
    if regularizer is None:
        regularizer = scope._regularizer
    if caching_device is None:
        caching_device = scope._caching_device
    if partitioner is None:
        partitioner = scope._partitioner
    if custom_getter is None:
        custom_getter = scope._custom_getter
    if use_resource is None:
        use_resource = scope._use_resource
        if use_resource is None:
            use_resource = _v.resource_variables_enabled()
    if regularizer is not None or caching_device is not None or partitioner is not None or \
            custom_getter is not None or use_resource or scope._reuse is True:
        return general(*args)
    scope_name = scope._name
    if scope_name.__class__ is not str:
        return general(*args)
    full_name = scope_name + "/" + name if scope_name else name
    if full_name[-1:] == "/" or not _PLAIN_NAME.fullmatch(full_name):
        return general(*args)
    if initializer is None:
        initializer = scope._initializer
    if constraint is None:
        constraint = scope._constraint
    if constraint is not None and not callable(constraint):
        return general(*args)
    if dtype is None:
        dtype = scope._dtype
        if dtype is None:
            dtype = _v.dtypes.FLOAT32
    if dtype.__class__ is DType:
        dtype = dtype.base_dtype
    elif dtype.__class__ is not str:
        return general(*args)
    dims = _dims_of(shape)
    if dims is None or not _v._small_shape(dims):
        return general(*args)
    vars_ = store.vars
    if full_name in vars_ or (vars_ and full_name + "/part_0" in vars_):
        return general(*args)
    try:
        dt = as_dtype(dtype)
        if initializer is None:
            initializer = _v.default_initializer(full_name, dt)
    except Exception:
        return general(*args)
    base = dt.base_dtype.name
    key = _signature(initializer, dims, base)
    if key is None:
        return general(*args)
    template = _TEMPLATES.get(key)
    if template is None:
        return _record(g, store, key, full_name, general, args)
    trainable = True if trainable is None else trainable
    try:
        collections, trainable = _v.variable_collections(collections, trainable)
    except Exception:
        return general(*args)
    return _replay(g, store, template, full_name, dims, base, trainable, collections,
                   constraint, general, args)


def _replay(g, store, template, full_name, dims, base, trainable, collections, constraint,
            general, args):
    """The template's ops for `full_name`, or the general path when one of
    its keys or names is taken."""
    in_use = g.names.in_use
    low = full_name.lower()
    keys = [low + suffix for suffix in template.keys]
    for key in keys:
        if key in in_use:
            return general(*args)
    by_name = g._ops_by_name
    names = [full_name + suffix for suffix in template.suffixes]
    for op_name in names:
        if op_name in by_name:
            return general(*args)
    origin = None if _v.origin_source is None else _v.origin_source()
    located = [StrAttr("loc:@" + full_name)]
    last = (located,)
    made = []
    pick = made.__getitem__
    if low == full_name:
        for key, i in zip(keys, template.shared_keys):
            in_use[key if i is None else names[i]] = 1
    else:
        for key in keys:
            in_use[key] = 1
    if template.direct and _DIRECT:
        for op_name, (_, op_type, inputs, data, head, fresh, op_dims, dt) in zip(
                names, template.plan):
            if head is not None:
                attrs = head + last
            elif fresh:
                attrs = list(data)
                for i, value in fresh:
                    attrs[i] = located if value is _LOC else list(value)
                attrs = tuple(attrs)
            else:
                attrs = data              # a tuple: shared as it is
            made.append(_make_op(g, op_name, op_type, tuple(map(pick, inputs)) if inputs else (),
                                 attrs, op_dims, dt, full_name))
    else:
        start = len(g._ops)
        saved_control = g._control_stack
        g._control_stack = []             # `ops.init_scope()` in `ref_variable`
        try:
            create = g.create_checked
            for op_name, (_, op_type, inputs, data, head, fresh, op_dims, dt) in zip(
                    names, template.plan):
                if head is not None:
                    attrs = head + last
                elif data.__class__ is dict:
                    attrs = data.copy()
                    for attr, value in fresh:
                        attrs[attr] = located if value is _LOC else list(value)
                elif fresh:
                    attrs = list(data)
                    for i, value in fresh:
                        attrs[i] = located if value is _LOC else list(value)
                    attrs = tuple(attrs)
                else:
                    attrs = data
                made.append(create(op_type, op_name, op_dims, dt,
                                   tuple(map(pick, inputs)) if inputs else (), attrs))
        finally:
            g._control_stack = saved_control
        g.claim_ops_since(start, full_name)
    var_op = made[template.var]._op
    v = _v.RefVariable(var_op, dims, base, trainable, full_name, made[template.read],
                       made[template.assign]._op, made[template.value], origin, constraint,
                       None)
    g.add_to_collections(collections, v)
    store.vars[full_name] = v
    return v


def _make_op(g, name, op_type, inputs, attr_data, dims, dt, owner):
    """`g.create_checked(op_type, name, dims, dt, inputs, attr_data)` of
    an op in a graph with no control dependencies, device functions, cond
    context or observer (what its plain case does, probed by
    `_direct_making` before it is used), owned by `owner`."""
    op = _new(Operation)
    op._graph = g
    op._name = name
    op._type = op_type
    op._inputs = inputs
    op._control_inputs = ()
    op._device = ""
    op._attr_data = attr_data
    op.owner = owner
    op._outs = out = _new(SymbolicTensor)
    out._op = op
    out._value_index = 0
    out._dims = dims
    out._dt = dt
    g._ops.append(op)
    g._ops_by_name[name] = op
    return out


#: What the fields of a graph, an op and a tensor were when `_make_op` was
#: written: another layout is made by `create_checked` only.
_LAYOUT = {"Operation": ("_name", "_type", "_graph", "_inputs", "_outs", "_control_inputs",
                         "_device", "_attr_data", "owner", "__weakref__"),
           "Tensor": ("_op", "_value_index", "_dims", "_dt", "__weakref__"),
           "SymbolicTensor": ()}


def _summary(value, graph):
    """A field of a graph, an op or a tensor as `_direct_making` compares it."""
    if value is graph:
        return "graph"
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, len(value), tuple(type(v).__name__ for v in value))
    if isinstance(value, dict):
        return ("dict", tuple(value), tuple(type(v).__name__ for v in value.values()))
    if isinstance(value, (str, int, float, type(None))):
        return value
    slots = getattr(type(value), "__slots__", None)
    if slots is None:
        return (type(value).__name__, _summary(vars(value), graph))
    return (type(value).__name__,)


def _direct_making() -> bool:
    """Whether `_make_op` does exactly what `Graph.create_checked` does in
    its plain case: the classes keep the fields it sets, and one op made
    each way (into two fresh graphs, through a name scope's key as the
    replay adds it) leaves both graphs, ops and tensors alike."""
    try:
        for cls in (Operation, Tensor, SymbolicTensor):
            if cls.__slots__ != _LAYOUT[cls.__name__]:
                return False
        data = (("value", "dtype"), 0, "float32")
        graphs = (Graph(), Graph())
        made = []
        for i, g in enumerate(graphs):
            g.names.in_use["p"] = 1
            src = g.create_checked("Const", "p", (2,), "float32", (), (("dtype",), "int32"))
            if i == 0:
                t = g.create_checked("Identity", "p/q", (2,), "float32", (src,), data)
                t._op.owner = "p"
            else:
                t = _make_op(g, "p/q", "Identity", (src,), data, (2,), "float32", "p")
            made.append(t)
        for slot in Graph.__slots__:
            if _summary(getattr(graphs[0], slot, None), graphs[0]) != \
                    _summary(getattr(graphs[1], slot, None), graphs[1]):
                return False
        for a, b, g, h in ((made[0], made[1], graphs[0], graphs[1]),
                           (made[0]._op, made[1]._op, graphs[0], graphs[1])):
            for slot in type(a).__slots__ + Tensor.__slots__ * isinstance(a, Tensor):
                if slot == "__weakref__":
                    continue
                x, y = getattr(a, slot), getattr(b, slot)
                if x is a._op if isinstance(a, Tensor) else x is a._outs:
                    continue
                if isinstance(x, tuple) and x and isinstance(x[0], Tensor):
                    if len(x) != len(y) or x[0]._op._name != y[0]._op._name:
                        return False
                    continue
                if _summary(x, g) != _summary(y, h) or (
                        isinstance(x, (str, int, tuple)) and x != y):
                    return False
        return made[0]._op._outputs[0] is made[0] and made[1]._op._outputs[0] is made[1] and \
            str(made[0]._op) == str(made[1]._op)
    except Exception:                     # a layout `_make_op` does not know
        return False


#: `_make_op` may make the ops of templates (probed once, at import).
_DIRECT = _direct_making()


def _record(g, store, key, full_name, general, args):
    """The general path, recorded as a template of `key` when it made one
    new RefVariable of `full_name` in the plain way."""
    if key in _REFUSED or len(_TEMPLATES) >= _MAX_TEMPLATES:
        return general(*args)
    start = len(g._ops)
    in_use = g.names.in_use
    keys_before = len(in_use)
    vars_before = len(store.vars)
    v = general(*args)
    try:
        template = _template_of(g, store, v, full_name, start, keys_before, vars_before)
    except Exception:                     # an unforeseen shape of graph: never replayed
        template = None
    if template is _NAMED:                # a name was taken: record another one
        return v
    if template is None:
        _REFUSED.add(key)
        _PENDING.pop(key, None)
        return v
    first = _PENDING.get(key)
    if first is None:
        _PENDING[key] = (template, full_name)
    elif first[1] != full_name:           # two names, one template: confirmed
        del _PENDING[key]
        if first[0].same(template):
            _TEMPLATES[key] = template
        else:
            _REFUSED.add(key)
    return v


def _template_of(g, store, v, full_name, start, keys_before, vars_before):
    """The template of the ops since `start`; None when the general path
    did anything but make `v` plainly, `_NAMED` when it did so under names
    made unique (a name was taken)."""
    if v.__class__ is not _v.RefVariable or store.vars.get(full_name) is not v or \
            len(store.vars) != vars_before + 1 or v.store_key != full_name or \
            v._caching_device is not None:
        return None
    ops = g._ops[start:]
    var_op = v._op
    if var_op._name != full_name:
        return _NAMED
    located = (var_op._attr_dict() or {}).get("_class")
    if located != [StrAttr("loc:@" + full_name)]:
        return None
    index = {id(op): i for i, op in enumerate(ops)}
    prefix = full_name + "/"
    entries = []
    compact = []
    for op in ops:
        name = op._name
        if name == full_name:
            suffix = ""
        elif name.startswith(prefix):
            suffix = name[len(full_name):]
        else:
            return None
        outputs = op._outputs
        if len(outputs) != 1 or op._device or op._control_inputs or op.owner != full_name:
            return None
        inputs = []
        for t in op._inputs:
            i = index.get(id(t._op))
            if i is None or t._value_index != 0:
                return None
            inputs.append(i)
        attrs = op._attr_dict()
        if attrs is None:
            return None
        pairs = []
        for attr, value in attrs.items():
            if value is located:
                value = _LOC
            elif not _plain_value(value) or (value.__class__ is list and any(
                    item.__class__ is StrAttr and "loc:@" in item for item in value)):
                return None
            pairs.append((attr, value if value.__class__ is not list else list(value)))
        data = op._attr_data
        if data.__class__ is tuple and len(data) == len(attrs) + 1 and \
                data[0] == tuple(attrs) and all(
                    a is b for a, b in zip(data[1:], attrs.values())):
            compact.append(data[0])
        else:
            compact.append(None)
        out = outputs[0]
        entries.append((suffix, op._type, tuple(inputs), tuple(pairs), out._dims, out._dt))
    positions = []
    for t in (v._op._outputs[0], v._initializer_op._outputs[0], v._snapshot,
              v._initial_value):
        i = index.get(id(t._op))
        if i is None or t._value_index != 0 or ops[i]._outputs[0] is not t:
            return None
        positions.append(i)
    added = list(in_use_tail(g.names.in_use, keys_before))
    low = full_name.lower()
    keys = []
    for k in added:
        if g.names.in_use[k] != 1 or not (k == low or k.startswith(low + "/")):
            return None
        base = _SUFFIXED.fullmatch(k) if k != low else None
        if base is not None and base.group(1) in g.names.in_use:
            return _NAMED                 # a uniquified name: not the plain case
        keys.append(k[len(low):])
    if low not in added:
        return _NAMED
    return _Template(tuple(entries), tuple(keys), *positions, compact)


def in_use_tail(in_use: dict, before: int):
    """The keys added to the registry since it held `before` (keys are only
    ever added, in order)."""
    count = len(in_use) - before
    if count <= 0:
        return []
    tail = []
    for k in reversed(in_use):
        tail.append(k)
        if len(tail) == count:
            break
    tail.reverse()
    return tail


def _plain_value(value) -> bool:
    """An attr value a template may keep and compare: a plain scalar, a
    ShapeAttr, or a flat list of scalars."""
    cls = value.__class__
    if cls in _SCALARS or cls is ShapeAttr:
        return True
    if cls is list:
        return all(item.__class__ in _SCALARS for item in value)
    return False
