"""dtype names as TensorFlow reads and prints them.

Mirrors `framework/dtypes.py` (`as_dtype`, the `DataType` enum of
`types.proto`) and the `DT_*` names a NodeDef prints.  A dtype is its name
(`float32`, `float32_ref`); the `DType` object a program holds is in
`values.py`.
"""

from __future__ import annotations

from .values import DType

#: `DataType` enum values (`types.proto`), for `as_dtype` of numbers.
_ENUMS = {1: "float32", 2: "float64", 3: "int32", 4: "uint8", 5: "int16", 6: "int8",
          7: "string", 8: "complex64", 9: "int64", 10: "bool", 11: "qint8", 12: "quint8",
          13: "qint32", 14: "bfloat16", 15: "qint16", 16: "quint16", 17: "uint16",
          18: "complex128", 19: "float16", 20: "resource", 21: "variant", 22: "uint32",
          23: "uint64"}
_ALIASES = {"half": "float16", "float": "float32", "double": "float64"}
_NAMES = set(_ENUMS.values())
_DT = {"float16": "DT_HALF", "float32": "DT_FLOAT", "float64": "DT_DOUBLE"}


def dt_name(dtype: str) -> str:
    """The `DT_*` name a NodeDef prints (`DT_FLOAT` for float32)."""
    return _DT.get(dtype, "DT_" + dtype.upper())


def as_dtype(value) -> str | None:
    """`dtypes.as_dtype(value)`, None where it raises TypeError: a DType, a
    dtype name (`float32`, `float`, `int32_ref`...) or a DataType number
    (a float or bool equal to one counts: the lookup is by hash)."""
    if isinstance(value, DType):
        return value.name
    if isinstance(value, str):
        base = value[:-4] if value.endswith("_ref") else value
        base = _ALIASES.get(base, base)
        if base in _NAMES:
            return base + ("_ref" if value.endswith("_ref") else "")
        return None
    if isinstance(value, (bool, int)) or (isinstance(value, float) and value.is_integer()):
        n = int(value)
        if n in _ENUMS:
            return _ENUMS[n]
        if n - 100 in _ENUMS:
            return _ENUMS[n - 100] + "_ref"
    return None
