"""get_variable's common case replayed from a template of its ops.

Making a new variable with a known initializer (`variables._KNOWN_INITIALIZERS`)
goes through a dozen layers (the scope's defaults, the store, the
initializer, `_init_from_args`, the name scopes) whose outcome depends,
once the guards below hold, only on a *signature*: the initializer's
class and fields, the dims, the dtype, the kind of variable.  The first
variable of a signature is made the general way and its ops are
recorded relative to the variable's full name (op names and registry
keys as suffixes, inputs as positions, the colocation list and name
attrs as markers); the second is made the general way too and must
record the same template, which is then confirmed.  Later variables of
that signature are replayed: the same ops, registry keys, owner,
collections and store entry, in the same order (`template_ops` makes
the ops).

A replay is only taken where the general path provably does exactly
what it recorded:

- a VariableScope (not a subclass) is the current scope;
- no observer, device function, cond context, partitioner, custom
  getter, regularizer, caching device, constraint that is not callable,
  variable of that name in the store, or `<name>/part_0`;
- `use_resource` (given, the scope's or the toggle's) is None or a bool:
  RefVariables and ResourceVariables have templates of their own;
- the reuse flag is not True (False and AUTO_REUSE create when absent);
  a stored variable reused (reuse True or AUTO_REUSE) of the given shape
  and dtype is returned as it is (`_reused`);
- the full name is a valid root name (no final newline, no final `/`),
  and every registry key the general path would add is absent from the
  registry and every op name absent from the graph: then each
  `unique_name` returns its argument and marks a fresh key, as when the
  template was recorded (a recording whose keys show a uniquified name,
  `<base>_<n>` with `<base>` in use, is refused);
- control dependencies are cleared around the ops, as `ref_variable`
  and `resource_variable` clear them.

Anything else (and every error) is the general path's.  `ENABLED` turns
the replay off (the tests compare whole graphs both ways).
"""

from __future__ import annotations

from . import observe as _observe
from . import resource as _resource
from . import variables as _v
from .dtypes import FLOAT32 as _FLOAT32
from .dtypes import DType, as_dtype
from .graph import Operation
from .names import _VALID_PREFIX, VALID_OP_NAME_REGEX, VALID_SCOPE_NAME_REGEX, Claim, valid_prefix
from .nodedef import StrAttr
from .opdef import ShapeAttr
from .resource import ResourceVariable
from .scopes import AUTO_REUSE as _AUTO_REUSE, VariableScope
from .template_ops import LOC as _LOC, MARKERS as _MARKERS, NAME as _NAME, SCOPE as _SCOPE
from .template_ops import compile_plan, create_ops, direct_making
from .tensor_shape import Dimension
from .variables import _DEFAULT_COLLECTIONS

#: False: every get_variable takes the general path (for tests).
ENABLED = True

#: `TensorShape::IsValid`'s bound on a shape's number of elements.
_MAX_ELEMENTS = 2**63 - 1

#: At most this many signatures are kept as templates, as first
#: recordings and as refused (a program of ever new shapes gains nothing
#: from templates).
_MAX_TEMPLATES = 2048

#: signature -> _Template, or a (first) recording awaiting confirmation.
_TEMPLATES: dict = {}
_PENDING: dict = {}
#: signatures whose recording could not be made into a template.
_REFUSED: set = set()


#: `_template_of`: the recording's names were made unique (try another).
_NAMED = object()

#: Attr values a template may hold (and compare with `==`).
_SCALARS = frozenset((str, StrAttr, int, float, bool))


class _Template:
    """The ops of one signature: `ops` is a tuple of (name suffix, type,
    input positions, attrs as (name, value) pairs or None, its output as
    (dims, dtype) or None); `keys` the registry key suffixes in the order
    they were added; `kind` "ref" or "resource"; the positions of the
    variable op, the Assign, the read and the initial value.

    `plan` is `ops` as the replay reads it (see `template_ops`): each op's
    attrs in the form a new op keeps them (`compact`: the names of the
    op's compact tuple, see `Operation`, when the recorded ops kept that
    form; else a dict to copy), whose markers and lists are made anew for
    each variable; `maker` the plan compiled (`template_ops.compile_plan`),
    when the graph's layout allows it."""

    __slots__ = ("ops", "keys", "kind", "var", "assign", "read", "value", "plan", "maker",
                 "suffixes", "claim")

    def __init__(self, ops, keys, kind, var, assign, read, value, compact) -> None:
        self.ops, self.keys, self.kind = ops, keys, kind
        self.var, self.assign, self.read, self.value = var, assign, read, value
        plan = []
        for (suffix, op_type, inputs, attrs, out), names in zip(ops, compact):
            if attrs is None:
                data, fresh = None, ()
            elif names is None:
                data = dict(attrs)
                fresh = tuple((attr, value) for attr, value in attrs
                              if value in _MARKERS or value.__class__ is list)
            else:
                data = (names, *(value for _, value in attrs))
                fresh = tuple((i, value) for i, value in enumerate(data)
                              if i and (value in _MARKERS or value.__class__ is list))
                if fresh and fresh[-1] == (len(data) - 1, _LOC) and names[-1] == "_class":
                    # left to the owner (see `Operation`): one tuple less per op
                    data, fresh = data[:-1], fresh[:-1]
            shared = data if names is not None and not fresh else None
            plan.append((suffix, op_type, inputs, data, shared, fresh, out))
        self.plan = tuple(plan)
        #: every op's attrs compact (or None): `compile_plan` may make them
        global _DIRECT
        if _DIRECT is None:
            _DIRECT = direct_making()
        #: the ops whose output nothing takes (the maker makes it when asked for)
        taken = {i for entry in ops for i in entry[2]} | {var, read, value}
        lazy = frozenset(i for i, entry in enumerate(ops)
                         if entry[4] is not None and i not in taken)
        self.maker = compile_plan(self.plan, lazy) if _DIRECT and all(
            names is not None or entry[3] is None for entry, names in zip(ops, compact)) \
            else None
        self.suffixes = tuple(entry[0] for entry in ops)
        #: the registry keys but the variable's own name, claimed at once
        #: (`NameRegistry.claim`: no key string of their own)
        self.claim = Claim(k for k in keys if k)

    def same(self, other: "_Template") -> bool:
        """Whether two recordings are one template (a shape attr by its dims)."""
        return (_comparable(self.ops) == _comparable(other.ops) and self.keys == other.keys and
                (self.kind, self.var, self.assign, self.read, self.value) ==
                (other.kind, other.var, other.assign, other.read, other.value))


def _comparable(ops) -> tuple:
    """A template's ops with each attr value as its type and value (a
    StrAttr is no str, 1 is no 1.0 nor True) and each ShapeAttr as its dims."""
    def value(v):
        if v.__class__ is ShapeAttr:
            return ("ShapeAttr", v.dims)
        if v.__class__ is list:
            return ("list", tuple(value(x) for x in v))
        return (v.__class__, v) if v not in _MARKERS else v
    return tuple((suffix, op_type, inputs,
                  None if attrs is None else tuple((k, value(v)) for k, v in attrs), out)
                 for suffix, op_type, inputs, attrs, out in ops)


def _dims_of(shape):
    """A fully defined shape given as a list or tuple of ints >= 0 (or
    known Dimensions) as its dims tuple, when it is small (`variables.
    _small_shape`: its element count far below 2**63), else None."""
    cls = shape.__class__
    if cls is not list and cls is not tuple:
        return None
    dims = []
    count = 1
    for d in shape:
        if d.__class__ is Dimension:
            d = d._value
        if d.__class__ is not int or d < 0 or d > _MAX_ELEMENTS:
            return None
        count *= d
        dims.append(d)
    return tuple(dims) if count < _MAX_ELEMENTS else None


def _signature(initializer, dims, dtype_name, resource):
    """The signature of a known initializer's variable, or None."""
    cls = initializer.__class__
    known = _v._KNOWN_INITIALIZERS.get(cls)
    if known is None or cls.__call__ is not known[0]:
        return None
    if known[2] is None:
        return cls, dims, dtype_name, resource
    if not known[2](initializer):
        return None
    scale = initializer.scale
    return (cls, dims, dtype_name, resource, scale.__class__, repr(scale), initializer.mode,
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
    scope = g._current_scope
    if scope is None:
        scope = g.current_scope
    store = g._var_store
    if store is None or store._graph is None:
        store = _v.store_of(g)            # (the general path's first step, too)
    # (a subclass of VariableScope may have a get_variable of its own)
    if store._graph is not g or scope.__class__ is not VariableScope:
        return general(*args)
    # none given and none the scope's (`scope_get_variable_defaults` fills
    # each argument left None with the scope's)
    if regularizer is not None or scope._regularizer is not None or \
            caching_device is not None or scope._caching_device is not None or \
            partitioner is not None or scope._partitioner is not None or \
            custom_getter is not None or scope._custom_getter is not None:
        return general(*args)
    resource = use_resource
    if resource is None:
        resource = scope._use_resource
        if resource is None:
            resource = _resource._default_use_resource    # `resource_variables_enabled()`
    if resource.__class__ is not bool:
        return general(*args)
    scope_name = scope._name
    if scope_name.__class__ is not str:
        return general(*args)
    # a name every check on the way accepts: the root scope pattern, matched
    # to the very end (its `$` lets a final newline pass a `match`): for
    # `<scope>/<name>`, `<scope>/` matched so (`valid_prefix`) and every
    # character of `name` one the pattern takes after the first
    if scope_name:
        full_name = scope_name + "/" + name
        if name not in _GOOD_TAILS:
            if not name or name[-1] == "/" or not VALID_SCOPE_NAME_REGEX.fullmatch(name):
                return general(*args)
            if len(_GOOD_TAILS) < _GOOD_TAILS_KEPT:
                _GOOD_TAILS.add(name)
        if scope_name is not _VALID_PREFIX[0] and not valid_prefix(scope_name):
            return general(*args)
    else:
        full_name = name
        if full_name[-1:] == "/" or not VALID_OP_NAME_REGEX.fullmatch(full_name):
            return general(*args)
    init = initializer
    if init is None:
        init = scope._initializer
    if constraint is None:
        constraint = scope._constraint
        if constraint is not None and not callable(constraint):
            return general(*args)
    elif not callable(constraint):
        return general(*args)
    if dtype is None:
        dtype = scope._dtype
        if dtype is None:
            dtype = _FLOAT32
    if dtype.__class__ is DType:
        if dtype._enum <= 100:            # its own base (`base_dtype`, `name`)
            dt, base = dtype, dtype._name
        else:
            dt = dtype.base_dtype         # `as_dtype` of it: a DType of that name
            base = dt.base_dtype.name
    elif dtype.__class__ is str:
        try:
            dt = as_dtype(dtype)
        except Exception:
            return general(*args)
        base = dt.base_dtype.name
    else:
        return general(*args)
    vars_ = store.vars
    reuse = scope._reuse
    found = vars_.get(full_name)
    if found is not None:
        return _reused(store, found, full_name, reuse, shape, base, init, general, args)
    dims = _dims_of(shape)
    if dims is None or reuse is True or (vars_ and full_name + "/part_0" in vars_):
        return general(*args)
    try:
        if init is None:
            init = _v.default_initializer(full_name, dt)
    except Exception:
        return general(*args)
    key = _signature(init, dims, base, resource)
    if key is None:
        return general(*args)
    template = _TEMPLATES.get(key)
    if template is None:
        return _record(g, store, key, full_name, general, args)
    if collections is None and (trainable is None or trainable is True):
        collections, trainable = _DEFAULT_COLLECTIONS, True   # (`variable_collections`)
    else:
        try:
            collections, trainable = _v.variable_collections(
                collections, True if trainable is None else trainable)
        except Exception:
            return general(*args)
    # the replay: the template's ops for `full_name`, or the general path
    # when one of its keys or names is taken
    registry = g.names
    low = full_name.lower()
    if low == full_name:
        low = full_name                   # one string for the variable's name and its key
    if registry.any_taken(low, template.claim):
        return general(*args)
    names = list(map(full_name.__add__, template.suffixes))
    if not g._ops_by_name.keys().isdisjoint(names):
        return general(*args)
    source = _v.origin_source
    origin = None if source is None else source()
    located = [StrAttr("loc:@" + full_name)]
    registry.claim(low, template.claim)
    maker = template.maker
    if maker is not None and _DIRECT:     # (False: turned off since)
        made = maker(g, names, located, full_name)
    else:
        made = create_ops(g, template.plan, names, located, full_name)
    if template.kind == "ref":
        var = made[template.var]
        shape = var._dims                 # (the template's: one tuple for every variable)
        if shape == dims:
            dims = shape
        assign = made[template.assign]    # (its op when its output is made later)
        # `RefVariable(op, dims, base, trainable, full_name, read, assign, value,
        # origin, constraint, None)`, its fields set here as its `__init__` sets them
        v = _new(_RefVariable)
        v._op = var._op
        v._dims = dims
        v._dt = base
        v._trainable = trainable
        v.store_key = full_name
        v._snapshot = made[template.read]
        v._initializer_op = assign if assign.__class__ is Operation else assign._op
        v._initial_value = made[template.value]
        v.origin = origin
        v._constraint = constraint
        v._caching_device = None
    else:
        v = ResourceVariable.__new__(ResourceVariable)
        v._handle = made[template.var]
        v._dims = dims
        v._dt = base
        v._trainable = trainable
        v.store_key = full_name
        v.origin = origin
        v._initializer_op = made[template.assign]
        v._initial_value = made[template.value]
        v._constraint = constraint
        v._caching_device = None
        v._cached_value = None
        v._graph_element = made[template.read]
        v._handle_name = full_name + ":0"
        v._validate_shape = True
    g.add_to_collections(collections, v)
    store.vars[full_name] = v
    return v


#: Names that passed the scope pattern to their end (`get_variable`'s check).
_GOOD_TAILS: set = set()
_GOOD_TAILS_KEPT = 4096


def _reused(store, found, full_name, reuse, shape, base, initializer, general, args):
    """`_get_single_variable` of a stored variable under reuse True or
    AUTO_REUSE: the variable itself when the given shape is its own (or
    none is given) and so is the dtype; the general path for anything else
    (a partitioned variable of that name, an initializer value, a
    mismatch: their errors)."""
    if (reuse is not True and reuse is not _AUTO_REUSE) or \
            (found.__class__ is not _v.RefVariable and found.__class__ is not ResourceVariable) or \
            (reuse is True and full_name in store.partitioned_vars) or \
            full_name + "/part_0" in store.vars or \
            (initializer is not None and not callable(initializer)) or found._dt != base:
        return general(*args)
    if shape is not None and _dims_of(shape) != found._dims:
        return general(*args)
    return found


_new = object.__new__
_RefVariable = _v.RefVariable


#: Whether `compile_plan`'s functions may make the ops of templates: None
#: until the first template is made, then `direct_making()`.
_DIRECT = None


def _record(g, store, key, full_name, general, args):
    """The general path, recorded as a template of `key` when it made one
    new RefVariable of `full_name` in the plain way."""
    if key in _REFUSED or len(_TEMPLATES) >= _MAX_TEMPLATES or (
            len(_PENDING) >= _MAX_TEMPLATES and key not in _PENDING):
        return general(*args)
    start = len(g._ops)
    keys_before = len(g.names._counts)
    vars_before = len(store.vars)
    v = general(*args)
    try:
        template = _template_of(g, store, v, full_name, start, keys_before, vars_before)
    except Exception:                     # an unforeseen shape of graph: never replayed
        template = None
    if template is _NAMED:                # a name was taken: record another one
        return v
    if template is None:
        if len(_REFUSED) < _MAX_TEMPLATES:
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
        elif len(_REFUSED) < _MAX_TEMPLATES:
            _REFUSED.add(key)
    return v


def _template_of(g, store, v, full_name, start, keys_before, vars_before):
    """The template of the ops since `start`; None when the general path
    did anything but make `v` plainly, `_NAMED` when it did so under names
    made unique (a name was taken)."""
    if store.vars.get(full_name) is not v or len(store.vars) != vars_before + 1 or \
            v.store_key != full_name or v._caching_device is not None:
        return None
    if v.__class__ is _v.RefVariable:
        kind, var_op = "ref", v._op
        ends = (v._op._outputs[0], v._initializer_op._outputs[0], v._snapshot,
                v._initial_value)
    elif v.__class__ is ResourceVariable:
        kind, var_op = "resource", v._handle._op
        if v._cached_value is not None or v._validate_shape is not True or \
                v._handle_name != full_name + ":0":
            return None
        ends = (v._handle, v._initializer_op, v._graph_element, v._initial_value)
    else:
        return None
    if var_op._name != full_name:
        return _NAMED
    located = (var_op._attr_dict() or {}).get("_class")
    if located != [StrAttr("loc:@" + full_name)]:
        return None
    ops = g._ops[start:]
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
        if len(outputs) > 1 or op._device or op._control_inputs or op.owner != full_name:
            return None
        inputs = []
        for t in op._inputs:
            i = index.get(id(t._op))
            if i is None or t._value_index != 0:
                return None
            inputs.append(i)
        attrs = op._attr_dict()
        if attrs is None:
            pairs = None
            compact.append(None)
        else:
            pairs = []
            for attr, value in attrs.items():
                if value is located:
                    value = _LOC
                elif value.__class__ is StrAttr and value == full_name:
                    value = _NAME
                elif value.__class__ is StrAttr and value == prefix:
                    value = _SCOPE
                elif not _plain_value(value) or "loc:@" in repr(value):
                    return None
                pairs.append((attr, value if value.__class__ is not list else list(value)))
            pairs = tuple(pairs)
            data = op._attr_data
            if data.__class__ is tuple and len(data) == len(attrs) + 1 and \
                    data[0] == tuple(attrs) and all(
                        a is b for a, b in zip(data[1:], attrs.values())):
                compact.append(data[0])
            else:
                compact.append(None)
        out = (outputs[0]._dims, outputs[0]._dt) if outputs else None
        entries.append((suffix, op._type, tuple(inputs), pairs, out))
    positions = []
    for end in ends:
        if isinstance(end, Operation):
            i = index.get(id(end))
            if i is None or ops[i]._outputs:
                return None
        else:
            i = index.get(id(end._op))
            if i is None or end._value_index != 0 or ops[i]._outputs[0] is not end:
                return None
        positions.append(i)
    counts = g.names._counts
    added = list(in_use_tail(counts, keys_before))
    low = full_name.lower()
    keys = []
    for k in added:
        if counts[k] != 1 or not (k == low or k.startswith(low + "/")):
            return None
        base, _, number = k.rpartition("_")
        if k != low and number.isascii() and number.isdigit() and g.names.taken(base):
            return _NAMED                 # a uniquified name: not the plain case
        keys.append(k[len(low):])
    if low not in added:
        return _NAMED
    return _Template(tuple(entries), tuple(keys), kind, *positions, compact)


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
