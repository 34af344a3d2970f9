"""Probe: DType properties (size, is_* predicates, enums, ref types) and
as_dtype of names and numpy types.  `~/tfvenv/bin/python dtypes.py > dtypes.out`;
tests/tf/test_dtypes.py."""

from probe_common import err, main, show

NAMES = ["float16", "bfloat16", "float32", "float64", "int8", "int16", "int32", "int64", "uint8",
         "uint16", "uint32", "uint64", "bool", "string", "complex64", "complex128", "qint8",
         "quint8", "qint16", "quint16", "qint32", "resource", "variant"]


def case_dtype_properties(T):
    for n in NAMES:
        d = T.as_dtype(n)
        r = d._as_ref
        show(n, d.size, r.size, d.is_quantized, d.is_numeric, d.is_numpy_compatible,
             d.is_floating, d.is_integer, d.is_bool, d.is_complex, r.is_floating,
             d.as_datatype_enum, r.as_datatype_enum, r.base_dtype is d)


def case_as_dtype_names(T):
    for x in ["float", "half", "double", "int32_ref", 1, 101]:
        show(repr(x), repr(T.as_dtype(x)))
    for x in ["float99", int, str, bytes, complex, None]:
        err(lambda: T.as_dtype(x))


def case_as_dtype_python_types(T):
    for x in [bool, float, object]:
        show(repr(x), repr(T.as_dtype(x)))


if __name__ == "__main__":
    main(globals())
