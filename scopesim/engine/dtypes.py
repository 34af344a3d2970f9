"""dtypes as TensorFlow reads and prints them.

Mirrors `framework/dtypes.py`: the `DType` class (interned, one object per
`DataType` enum, `_ref` types at enum + 100), `as_dtype`, `DType.__eq__`
(through `as_dtype`, False where that fails) and the `DT_*` names a NodeDef
prints.  Inside the engine a dtype is its name (`float32`, `float32_ref`);
`as_dtype(name)` gives the object a program holds.
"""

from __future__ import annotations

#: `DataType` enum values (`types.proto`).
_ENUMS = {1: "float32", 2: "float64", 3: "int32", 4: "uint8", 5: "int16", 6: "int8",
          7: "string", 8: "complex64", 9: "int64", 10: "bool", 11: "qint8", 12: "quint8",
          13: "qint32", 14: "bfloat16", 15: "qint16", 16: "quint16", 17: "uint16",
          18: "complex128", 19: "float16", 20: "resource", 21: "variant", 22: "uint32",
          23: "uint64"}
_ALIASES = {"half": "float16", "float": "float32", "double": "float64"}
_NAMES = set(_ENUMS.values())
_ENUM_OF = {name: n for n, name in _ENUMS.items()}
_DT = {"float16": "DT_HALF", "float32": "DT_FLOAT", "float64": "DT_DOUBLE"}
FLOATING = ("float16", "bfloat16", "float32", "float64")
#: `DType.size` (`DataTypeSize`): bytes of one element, 0 for string, resource, variant.
_SIZE = {"float16": 2, "bfloat16": 2, "float32": 4, "float64": 8, "int8": 1, "int16": 2,
         "int32": 4, "int64": 8, "uint8": 1, "uint16": 2, "uint32": 4, "uint64": 8, "bool": 1,
         "string": 0, "complex64": 8, "complex128": 16, "qint8": 1, "quint8": 1, "qint16": 2,
         "quint16": 2, "qint32": 4, "resource": 0, "variant": 0}
QUANTIZED = ("qint8", "quint8", "qint16", "quint16", "qint32")
#: `as_dtype` of a Python type (`_PYTHON_TO_TF`) and of numpy's scalar types by name.
_PYTHON_TYPES = {float: "float32", bool: "bool", object: "string"}
_NUMPY_NAMES = {"float16": "float16", "float32": "float32", "float64": "float64",
                "int8": "int8", "int16": "int16", "int32": "int32", "int64": "int64",
                "uint8": "uint8", "uint16": "uint16", "uint32": "uint32", "uint64": "uint64",
                "bool": "bool", "bool_": "bool", "complex64": "complex64",
                "complex128": "complex128", "str_": "string", "bytes_": "string",
                "object_": "string", "bfloat16": "bfloat16"}
INTEGER = ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")


def dt_name(dtype: str) -> str:
    """The `DT_*` name a NodeDef prints (`DT_FLOAT` for float32)."""
    return _DT.get(dtype, "DT_" + dtype.upper())


def dtype_name(value) -> str | None:
    """The name `dtypes.as_dtype(value)` finds, None where it raises
    TypeError: a DType, a dtype name (`float32`, `float`, `int32_ref`...)
    or a DataType number (a float or bool equal to one counts: the lookup
    is by hash)."""
    if isinstance(value, DType):
        return value._name
    if isinstance(value, str):
        base = value[:-4] if value.endswith("_ref") else value
        base = _ALIASES.get(base, base)
        if base in _NAMES:
            return base + ("_ref" if value.endswith("_ref") else "")
        return None
    if isinstance(value, type):
        if value in _PYTHON_TYPES:
            return _PYTHON_TYPES[value]
        if value.__module__ in ("numpy", "ml_dtypes"):
            return _NUMPY_NAMES.get(value.__name__)
        return None
    if type(value).__module__ == "numpy" and type(value).__name__.startswith("dtype"):
        return dtype_name(getattr(value, "type", None))   # a numpy dtype: its scalar type
    if isinstance(value, (bool, int)) or (isinstance(value, float) and value.is_integer()):
        n = int(value)
        if n in _ENUMS:
            return _ENUMS[n]
        if n - 100 in _ENUMS:
            return _ENUMS[n - 100] + "_ref"
    return None


class DType:
    """`tf.DType`: one interned object per dtype name (`as_dtype` finds it)."""

    __slots__ = ("_name", "_enum")

    def __init__(self, name: str) -> None:
        self._name = name
        base = name[:-4] if name.endswith("_ref") else name
        self._enum = _ENUM_OF[base] + (100 if name.endswith("_ref") else 0)

    @property
    def name(self) -> str:
        return self._name

    @property
    def as_datatype_enum(self) -> int:
        return self._enum

    @property
    def _is_ref_dtype(self) -> bool:
        return self._enum > 100

    @property
    def base_dtype(self) -> "DType":
        """`DType.base_dtype`: the non-reference type."""
        return _INTERN[self._name[:-4]] if self._enum > 100 else self

    @property
    def _as_ref(self) -> "DType":
        return self if self._enum > 100 else _INTERN[self._name + "_ref"]

    @property
    def real_dtype(self) -> "DType":
        base = self.base_dtype
        return {"complex64": FLOAT32, "complex128": FLOAT64}.get(base._name, self)

    @property
    def is_floating(self) -> bool:
        return self.base_dtype._name in FLOATING

    @property
    def is_integer(self) -> bool:
        return self.base_dtype._name in INTEGER

    @property
    def is_bool(self) -> bool:
        return self.base_dtype._name == "bool"

    @property
    def is_complex(self) -> bool:
        return self.base_dtype._name in ("complex64", "complex128")

    @property
    def is_quantized(self) -> bool:
        return self.base_dtype._name in QUANTIZED

    @property
    def is_numeric(self) -> bool:
        """`DType.is_numeric`: every type but bool, string, resource and variant."""
        return self.base_dtype._name not in ("bool", "string", "resource", "variant")

    @property
    def is_numpy_compatible(self) -> bool:
        return self.base_dtype._name not in ("resource", "variant")

    @property
    def size(self) -> int:
        """`DType.size`: bytes per element (a ref type's are its base type's)."""
        return _SIZE[self.base_dtype._name]

    @property
    def is_unsigned(self) -> bool:
        return self.base_dtype._name in ("uint8", "uint16", "uint32", "uint64", "bool")

    def is_compatible_with(self, other) -> bool:
        """`DType.is_compatible_with`: `other` or its base type is this type."""
        other = as_dtype(other)
        return self._enum in (other._enum, other.base_dtype._enum)

    def __eq__(self, other) -> bool:
        """`DType.__eq__`: None is False; anything else through `as_dtype`
        (False if that raises TypeError)."""
        if other is None:
            return False
        if type(other) is not DType:
            name = dtype_name(other)
            return name is not None and _INTERN[name]._enum == self._enum
        return self._enum == other._enum

    def __ne__(self, other) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        """The C++ `DType.__hash__`: the enum value."""
        return self._enum

    def __str__(self) -> str:
        return f"<dtype: '{self._name}'>"

    def __repr__(self) -> str:
        return f"tf.{self._name}"

    def __reduce__(self):
        return as_dtype, (self._name,)


DType.__module__ = "tensorflow.python.framework.dtypes"

_INTERN: dict[str, DType] = {}
for _name in _NAMES:
    _INTERN[_name] = DType(_name)
    _INTERN[_name + "_ref"] = DType(_name + "_ref")
FLOAT32 = _INTERN["float32"]
FLOAT64 = _INTERN["float64"]


def as_dtype(type_value) -> DType:
    """`dtypes.as_dtype(type_value)`: the interned DType, or TypeError."""
    name = dtype_name(type_value)
    if name is None:
        raise TypeError(f"Cannot convert the argument `type_value`: {type_value!r} "
                        f"to a TensorFlow DType.")
    return _INTERN[name]


def of(name: str) -> DType:
    """The interned DType of an engine dtype name."""
    return _INTERN[name]
