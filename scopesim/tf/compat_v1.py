"""The `tf.compat.v1` namespace: `from scopesim.tf import compat_v1 as tf`.

This module is the namespace.  Its submodules (`tf.nn`, `tf.train`, ...)
are module objects built here from `tf_names.json` (the names TF 2.21
has, recorded by `tools/record_tf_names.py`).  A name TensorFlow has but
scopesim does not simulate raises `NotSimulated` naming it; a name
TensorFlow does not have is Python's AttributeError as TensorFlow's module
words it (`module 'tensorflow.compat.v1' has no attribute 'foo'`).
"""

from __future__ import annotations

import os as _os
import sys as _sys
import types as _types

from ..errors import NotSimulated
from .framework import dtypes as _dtypes
from .framework.dtypes import (DType, as_dtype, bfloat16, bool, complex64, complex128, double,
                               float16, float32, float64, half, int8, int16, int32, int64,
                               qint8, qint16, qint32, quint8, quint16, resource, string, uint8,
                               uint16, uint32, uint64, variant)
from .framework.ops import (Graph, GraphKeys, Operation, Tensor, add_to_collection,
                            add_to_collections, control_dependencies, device, get_collection,
                            get_collection_ref, get_default_graph, reset_default_graph)
from .framework.ops import name_scope_v1 as name_scope
from .framework.ops import NotDifferentiable, RegisterGradient, no_gradient
from .framework.tensor_shape import Dimension, TensorShape
from .ops import init_ops as _init_ops
from .ops import math_ops as _math_ops
from .ops import variables as _variables
from .ops.array_ops import (constant, convert_to_tensor, identity, newaxis, ones, placeholder,
                            placeholder_with_default, strided_slice, zeros)
from .ops.array_ops import (concat, expand_dims, fill, gather, one_hot, ones_like, pad, rank,
                            reshape, shape, size, slice, split, squeeze, stack, tile, transpose,
                            unstack, where, where_v2, zeros_like)
from .ops.array_ops import sequence_mask
from .ops.control_flow_ops import group, no_op
from .ops.init_ops import (constant_initializer, glorot_normal_initializer,
                           glorot_uniform_initializer, ones_initializer,
                           random_normal_initializer, random_uniform_initializer,
                           truncated_normal_initializer, zeros_initializer)
from .ops.math_ops import (abs, add, div, divide, floordiv, floormod, greater, greater_equal,
                           less, less_equal, logical_and, logical_not, logical_or, logical_xor,
                           matmul, multiply, negative, pow, sigmoid, square, subtract, tanh,
                           truediv)
mod = floormod
from .ops.math_ops import (add_n, argmax, argmin, cast, clip_by_value, equal, exp, log,
                           maximum, minimum,
                           not_equal, range, reduce_max, reduce_mean, reduce_min, reduce_prod,
                           reduce_sum, rsqrt, sqrt, to_double, to_float, to_int32, to_int64)
from .ops.math_ops import einsum, tensordot
from .ops.variable_scope import (AUTO_REUSE, VariableScope, get_variable, get_variable_scope,
                                 variable_scope)
from .ops.variables import VariableV1 as Variable
from .ops.variables import global_variables, trainable_variables
from .ops.variable_names import INITIALIZERS as _INITIALIZERS
from .ops.variable_names import ROOT as _VARIABLE_NAMES
from .ops.variable_names import ROOT_ON_USE as _VARIABLE_NAMES_ON_USE
globals().update(_VARIABLE_NAMES)

#: Names whose modules a tiny program has no use for: name -> (module of
#: scopesim.tf.ops, attribute).  The first of a module's names asked for
#: (or `dir(tf)`, `vars(tf)`) imports it and adds its names (`_load_on_use`).
_ON_USE = {"random_normal": ("random_ops", "random_normal"),
           "random_uniform": ("random_ops", "random_uniform"),
           "truncated_normal": ("random_ops", "truncated_normal"),
           **_VARIABLE_NAMES_ON_USE}

_variables.overload_all_operators()

__version__ = "2.21.0"
_ = (_dtypes, _init_ops, _math_ops)

_NAMES_FILE = _os.path.join(_os.path.dirname(_os.path.abspath(__file__)), "tf_names.json")
#: `tf.compat.v1`'s own `__name__` (the `module` of the root of tf_names.json).
_ROOT_NAME = "tensorflow.compat.v1"
#: Its submodules of the top level (the paths of tf_names.json without a
#: dot), known before the file is read (tests/test_startup_lazy.py compares).
_TOP_LEVEL = frozenset({
    "app", "audio", "autograph", "bitwise", "compat", "config", "data", "debugging",
    "distribute", "distributions", "dtypes", "errors", "experimental", "feature_column",
    "flags", "gfile", "graph_util", "image", "initializers", "io", "keras", "layers",
    "linalg", "lite", "logging", "lookup", "losses", "manip", "math", "metrics",
    "mixed_precision", "mlir", "nest", "nn", "profiler", "python_io", "quantization",
    "queue", "ragged", "random", "raw_ops", "resource_loader", "saved_model", "sets",
    "signal", "sparse", "spectral", "strings", "summary", "sysconfig", "test", "tpu",
    "train", "types", "user_ops", "version", "xla"})


def _recorded() -> dict:
    """The modules of tf_names.json (path -> its module name and names),
    read when first needed: a name scopesim lacks, or the first use of a
    submodule.  A tiny run needs neither, nor the json module.  It is the
    module attribute `_RECORDED` from then on."""
    found = globals().get("_RECORDED")
    if found is None:
        import json
        with open(_NAMES_FILE) as file:
            found = globals()["_RECORDED"] = json.load(file)["modules"]
    return found


def _missing(path: str, module_name: str, attr: str):
    """A module attribute scopesim lacks: NotSimulated if TensorFlow has it,
    else Python's AttributeError for TensorFlow's module name."""
    if attr.startswith("__") and attr.endswith("__"):
        raise AttributeError(f"module '{module_name}' has no attribute '{attr}'")
    names = _recorded().get(path, {}).get("names", ())
    if attr in names:
        raise NotSimulated(f"tf.{path + '.' if path else ''}{attr}")
    raise AttributeError(f"module '{module_name}' has no attribute '{attr}'")


def _module_getattr(path: str, module_name: str):
    def __getattr__(attr: str):
        if path in _LATER and not (attr.startswith("__") and attr.endswith("__")):
            _fill(_SUBMODULES[path])
            return getattr(_SUBMODULES[path], attr)
        return _missing(path, module_name, attr)
    return __getattr__


#: The contents of the submodules scopesim simulates (others are empty);
#: those of `_LATER` are added when their module is first used.
_CONTENTS = {
    "initializers": _INITIALIZERS,
    "dtypes": {"DType": DType, "as_dtype": as_dtype, "float16": float16, "float32": float32,
               "float64": float64, "int32": int32, "int64": int64, "bool": bool,
               "string": string},
    "math": {"add": add, "multiply": multiply, "subtract": subtract, "tanh": tanh,
             "sigmoid": sigmoid, "truediv": truediv, "divide": divide, "negative": negative,
             "square": square, "logical_and": logical_and, "logical_or": logical_or,
             "logical_not": logical_not, "logical_xor": logical_xor, "abs": abs, "pow": pow,
             "floordiv": floordiv, "floormod": floormod, "mod": floormod, "less": less,
             "less_equal": less_equal, "greater": greater, "greater_equal": greater_equal,
             "add_n": add_n, "argmax": argmax, "argmin": argmin, "equal": equal,
             "not_equal": not_equal, "exp": exp, "log": log, "maximum": maximum,
             "minimum": minimum, "sqrt": sqrt, "rsqrt": rsqrt, "reduce_sum": reduce_sum,
             "reduce_mean": reduce_mean, "reduce_max": reduce_max, "reduce_min": reduce_min,
             "reduce_prod": reduce_prod},
    "linalg": {"matmul": matmul, "tensordot": tensordot, "einsum": einsum},
}


def _load_on_use(modules=None) -> None:
    """Import the `_ON_USE` modules named (all if None) and add their names."""
    for name, (module_name, attr) in list(_ON_USE.items()):
        if modules is None or module_name in modules:
            module = _sys.modules.get(f"{__package__}.ops.{module_name}")
            if module is None:
                __import__(f"{__package__}.ops.{module_name}")
                module = _sys.modules[f"{__package__}.ops.{module_name}"]
            _GLOBALS.setdefault(name, getattr(module, attr))
            del _ON_USE[name]


def _random_contents() -> dict:
    """`tf.random` (random_ops)."""
    _load_on_use(("random_ops",))
    return {"normal": _GLOBALS["random_normal"],
            "truncated_normal": _GLOBALS["truncated_normal"],
            "uniform": _GLOBALS["random_uniform"]}


def _nn_contents() -> dict:
    """`tf.nn` (nn_ops; the composite functions of nn_impl, the cross
    entropies, embedding_lookup)."""
    from .ops import nn_impl as _nn_impl
    from .ops import nn_ops as _nn_ops
    return {
        "relu": _nn_ops.relu, "relu6": _nn_ops.relu6, "elu": _nn_ops.elu,
        "softplus": _nn_ops.softplus, "leaky_relu": _nn_ops.leaky_relu,
        "softmax": _nn_ops.softmax, "log_softmax": _nn_ops.log_softmax,
        "bias_add": _nn_ops.bias_add, "xw_plus_b": _nn_ops.xw_plus_b,
        "l2_loss": _nn_ops.l2_loss, "sigmoid": sigmoid, "tanh": tanh,
        "conv2d": _nn_ops.conv2d, "max_pool": _nn_ops.max_pool, "avg_pool": _nn_ops.avg_pool,
        "dropout": _nn_ops.dropout, "moments": _nn_impl.moments,
        "batch_normalization": _nn_impl.batch_normalization,
        "sigmoid_cross_entropy_with_logits": _nn_impl.sigmoid_cross_entropy_with_logits,
        "softmax_cross_entropy_with_logits": _nn_ops.softmax_cross_entropy_with_logits,
        "softmax_cross_entropy_with_logits_v2": _nn_ops.softmax_cross_entropy_with_logits_v2,
        "sparse_softmax_cross_entropy_with_logits":
            _nn_ops.sparse_softmax_cross_entropy_with_logits,
        "embedding_lookup": _nn_impl.embedding_lookup,
        "zero_fraction": _nn_impl.zero_fraction}


def _math_contents() -> dict:
    """The `tf.math` names that are nn functions."""
    nn = _nn_contents()
    return {name: nn[name] for name in ("softmax", "log_softmax", "softplus", "zero_fraction")}


def _summary_contents() -> dict:
    """`tf.summary` (scopesim.tf.summary: the package's `summary` attribute
    is this module once compat_v1 is loaded, hence the names imported)."""
    from .summary import histogram, image, merge, merge_all, scalar
    return {"scalar": scalar, "histogram": histogram, "image": image, "merge": merge,
            "merge_all": merge_all}


def _losses_contents() -> dict:
    """The v1 losses (losses_impl, losses.util)."""
    from .ops import losses as _losses
    return {name: getattr(_losses, name) for name in _losses.__all__}


def _train_contents() -> dict:
    """Checkpoints: the key list of a real checkpoint's .index (scopesim.checkpoint)."""
    from .training import checkpoint_utils as _checkpoint_utils
    from .training import saver as _saver
    return {"list_variables": _checkpoint_utils.list_variables,
            "load_checkpoint": _checkpoint_utils.load_checkpoint,
            "latest_checkpoint": _checkpoint_utils.latest_checkpoint,
            "init_from_checkpoint": _checkpoint_utils.init_from_checkpoint,
            "load_variable": _checkpoint_utils.load_variable,
            "Saver": _saver.Saver}


def _errors_contents() -> dict:
    from .framework import errors_impl as _errors_impl
    return {"OpError": _errors_impl.OpError, "NotFoundError": _errors_impl.NotFoundError,
            "InvalidArgumentError": _errors_impl.InvalidArgumentError,
            "DataLossError": _errors_impl.DataLossError}


#: Submodule contents loaded on first use: a program that never touches
#: `tf.nn` or `tf.train` does not import nn_ops or the checkpoint code
#: (issue 12, start-up).  The first attribute asked of such a module, its
#: `dir()` or its `vars()` adds them; the module reads the same either way.
_LATER = {"nn": _nn_contents, "math": _math_contents, "summary": _summary_contents,
          "random": _random_contents,
          "losses": _losses_contents, "train": _train_contents, "errors": _errors_contents}
_LATER_IDS = {}    # id(module) -> its path, while its contents are still to load


def _fill(module) -> None:
    """Add the contents of `module` if they are still to load (see `_LATER`)."""
    path = _LATER_IDS.pop(id(module), None)
    if path is not None:
        for key, value in _LATER.pop(path)().items():
            setattr(module, key, value)


_MODULE_DICT = _types.ModuleType.__dict__["__dict__"].__get__


class TFModuleWrapper(_types.ModuleType):
    """`util/module_wrapper.TFModuleWrapper`: the class of `tf.nn`, `tf.train`, ..."""

    @property
    def __dict__(self):
        """The module's dict, its contents loaded if they were still to be
        (`vars()` and `dir()` read it): the submodules of `tf` itself, the
        contents of one of `_LATER`."""
        found = _MODULE_DICT(self)
        if found is _GLOBALS:
            if _SUBMODULES is None:
                _submodules()
            if _ON_USE:
                _load_on_use()
        if _LATER_IDS:
            _fill(self)
        return found


TFModuleWrapper.__module__ = "tensorflow.python.util.module_wrapper"
_GLOBALS = globals()


def _build_submodules() -> dict:
    """One module object per recorded submodule path, nested by attribute;
    those of the top level become attributes of `tf` (unless a program
    gave it such an attribute first)."""
    recorded = _recorded()
    built: dict[str, _types.ModuleType] = {}
    for path in sorted(recorded, key=lambda p: p.count(".")):
        if not path:
            continue
        info = recorded[path]
        module = TFModuleWrapper(info["module"])
        module.__getattr__ = _module_getattr(path, info["module"])
        for key, value in _CONTENTS.get(path, {}).items():
            setattr(module, key, value)
        if path in _LATER:
            _LATER_IDS[id(module)] = path
        built[path] = module
        parent, _, leaf = path.rpartition(".")
        if parent:
            if parent in built:
                setattr(built[parent], leaf, module)
        else:
            _GLOBALS.setdefault(leaf, module)
    return built


#: The submodules by path, once built: `tf.nn`, `tf.train`... are made
#: when one of them (or `dir(tf)`, `vars(tf)`) is first asked for.
_SUBMODULES = None


def _submodules() -> dict:
    global _SUBMODULES
    if _SUBMODULES is None:
        _SUBMODULES = _build_submodules()
    return _SUBMODULES


def __getattr__(attr: str):
    if attr.startswith("__") and attr.endswith("__"):
        return _missing("", _ROOT_NAME, attr)
    if attr == "_RECORDED":
        return _recorded()
    if attr in _ON_USE:
        _load_on_use((_ON_USE[attr][0],))
        return _GLOBALS[attr]
    if _SUBMODULES is None and attr in _TOP_LEVEL:
        _submodules()
        if attr in _GLOBALS:
            return _GLOBALS[attr]
    return _missing("", _ROOT_NAME, attr)


#: `tf` is a TFModuleWrapper too (`tf()` is "'TFModuleWrapper' object is not
#: callable"), and its `__name__` is the one TensorFlow's `tf.compat.v1` has.
_sys.modules[__spec__.name].__class__ = TFModuleWrapper
__name__ = _ROOT_NAME  # noqa: A001


def disable_v2_behavior() -> None:
    """`tf.compat.v1.disable_v2_behavior()`: scopesim is always in that mode."""


def disable_eager_execution() -> None:
    """`tf.compat.v1.disable_eager_execution()`: scopesim is always in graph mode."""
