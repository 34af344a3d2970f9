"""`framework/dtypes.py`: the DType class, `as_dtype` and the dtype constants."""

from ...engine.dtypes import DType, as_dtype, of

float16 = half = of("float16")
float32 = of("float32")
float64 = double = of("float64")
bfloat16 = of("bfloat16")
int8 = of("int8")
int16 = of("int16")
int32 = of("int32")
int64 = of("int64")
uint8 = of("uint8")
uint16 = of("uint16")
uint32 = of("uint32")
uint64 = of("uint64")
bool = of("bool")  # noqa: A001 - TensorFlow's name
string = of("string")
complex64 = of("complex64")
complex128 = of("complex128")
qint8 = of("qint8")
quint8 = of("quint8")
qint16 = of("qint16")
quint16 = of("quint16")
qint32 = of("qint32")
resource = of("resource")
variant = of("variant")

__all__ = ["DType", "as_dtype"]


def base_name(dtype, default: str | None = "float32") -> str | None:
    """The engine's dtype name of a `dtype=` argument (`as_dtype(...).base_dtype`)."""
    if dtype is None:
        return default
    return as_dtype(dtype).base_dtype.name
