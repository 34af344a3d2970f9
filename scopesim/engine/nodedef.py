"""`str(op)`: the NodeDef of an op in protobuf text format.

Mirrors `Operation.__str__` (`str(self.node_def)`) of TF 2.21, whose text
comes from upb's text encoder: `name`, `op`, one `input` per input (the op
name for output 0, `op:n` otherwise; `^op` for control inputs), `device`
when set, then one `attr` block per attr.  The attrs come out in the order
TensorFlow's NodeDef map gives them: descending by key, a key before the
longer keys it is a prefix of (`seed` before `seed2`).  Attr values: `type`
(a dtype), `b`, `i`, `s`, `shape`, `list { s }` and `tensor` (Const's
value: `*_val` fields for a scalar, for bools and strings, and for a
one-element tensor; `tensor_content` bytes for more numbers).  Floats are
printed as upb prints them (`%.6g`, or `%.9g` when that does not round
trip; doubles `%.15g` / `%.17g`).

An op whose attrs scopesim does not know (`op._attrs is None`) has no exact
text: `NotSimulated`.
"""

from __future__ import annotations

import struct

from ..errors import NotSimulated
from .dtypes import dt_name

_PACK = {"float32": "<f", "float64": "<d", "int32": "<i", "int64": "<q", "int16": "<h",
         "int8": "<b", "uint8": "<B", "uint16": "<H", "uint32": "<I", "uint64": "<Q",
         "float16": "<e"}
_VAL_FIELD = {"float32": "float_val", "float64": "double_val", "int32": "int_val",
              "int16": "int_val", "int8": "int_val", "uint8": "int_val", "uint16": "int_val",
              "int64": "int64_val", "uint32": "uint32_val", "uint64": "uint64_val",
              "bool": "bool_val", "string": "string_val", "float16": "half_val"}


class TypeList(list):
    """A list-of-types attr (`list { type: ... }`: RestoreV2's and SaveV2's
    `dtypes`), of dtype names."""

    __slots__ = ()


class StrAttr(str):
    """A string-valued attr (`s:`), told apart from a dtype name (`type:`)."""

    __slots__ = ()


def _attr_order(key: str) -> str:
    return key + "\U0010ffff"


def node_def_text(op) -> str:
    """`str(op)`: the NodeDef text, ending in a newline."""
    attrs = op._attr_dict()
    if attrs is None:
        raise NotSimulated(f"str() of the {op._type} op (its attrs)")
    lines = [f'name: "{op._name}"', f'op: "{op._type}"']
    for t in op._inputs:
        lines.append(f'input: "{t._op._name if t._value_index == 0 else t.name}"')
    for c in op._control_inputs:
        lines.append(f'input: "^{c._name}"')
    if op._device:
        lines.append(f'device: "{_escape(op._device.encode())}"')
    for key in sorted(attrs, key=_attr_order, reverse=True):
        lines.append("attr {")
        lines.append(f'  key: "{key}"')
        lines.append("  value {")
        if key == "value" and op._type == "Const":
            out = op._outputs[0]
            lines.extend(_tensor_lines(attrs[key], out._dt, out._dims, "    "))
        else:
            lines.extend(_value_lines(attrs[key], "    "))
        lines.append("  }")
        lines.append("}")
    return "\n".join(lines) + "\n"


def _value_lines(value, pad: str) -> list:
    """One AttrValue's fields."""
    if isinstance(value, bool):
        return [f"{pad}b: {'true' if value else 'false'}"]
    if isinstance(value, int):
        return [f"{pad}i: {value}"]
    if isinstance(value, float):
        return [f"{pad}f: {float_text(value)}"]
    if isinstance(value, StrAttr):
        return [f'{pad}s: "{_escape(value.encode())}"']
    if isinstance(value, str):
        return [f"{pad}type: {dt_name(value)}"]
    if isinstance(value, TypeList):
        return [f"{pad}list {{"] + [f"{pad}  type: {dt_name(v)}" for v in value] + [f"{pad}}}"]
    if isinstance(value, (list, tuple)) and value and all(
            isinstance(v, int) and not isinstance(v, bool) for v in value):
        return [f"{pad}list {{"] + [f"{pad}  i: {v}" for v in value] + [f"{pad}}}"]
    if isinstance(value, (list, tuple)):
        inner = [f'{pad}  s: "{_escape(str(v).encode())}"' for v in value]
        return [f"{pad}list {{"] + inner + [f"{pad}}}"]
    dims = getattr(value, "dims", False)
    if dims is not False:
        return [f"{pad}shape {{"] + _shape_lines(dims, pad + "  ") + [f"{pad}}}"]
    raise NotSimulated(f"the text of an attr value {value!r}")


def _shape_lines(dims, pad: str) -> list:
    """A TensorShapeProto's fields (`size: -1` for an unknown dim; a zero
    size is proto3's default and not printed)."""
    if dims is None:
        return [f"{pad}unknown_rank: true"]
    lines = []
    for d in dims:
        lines.append(f"{pad}dim {{")
        size = -1 if d is None else d
        if size:
            lines.append(f"{pad}  size: {size}")
        lines.append(f"{pad}}}")
    return lines


def _flatten(value) -> list:
    if isinstance(value, (list, tuple)):
        out = []
        for v in value:
            out.extend(_flatten(v))
        return out
    return [value]


class KeptValues(list):
    """The value of a Const given fewer values than its shape holds
    (`tf.constant(0.1, shape=[64])`): the whole tensor as nested lists, and
    in `kept` the values its TensorProto keeps (`make_tensor_proto` writes
    them as they are, never as `tensor_content`)."""

    def __init__(self, rows: list, kept: list) -> None:
        super().__init__(rows)
        self.kept = kept


def _tensor_lines(value, dtype: str, dims, pad: str) -> list:
    """Const's `value` attr: a TensorProto (`make_tensor_proto`: numbers of
    more than one element, as many as the shape holds, as `tensor_content`;
    everything else as the repeated `*_val` field)."""
    if value is None:
        raise NotSimulated("str() of a Const whose value scopesim does not keep")
    lines = [f"{pad}tensor {{", f"{pad}  dtype: {dt_name(dtype)}", f"{pad}  tensor_shape {{"]
    lines.extend(_shape_lines(dims, pad + "    "))
    lines.append(f"{pad}  }}")
    kept = isinstance(value, KeptValues)
    values = value.kept if kept else _flatten(value)
    inner = pad + "  "
    if dtype in _PACK and len(values) > 1 and not kept:
        fmt = _PACK[dtype]
        data = b"".join(struct.pack(fmt, _number(v, dtype)) for v in values)
        lines.append(f'{inner}tensor_content: "{_escape(data)}"')
    else:
        field = _VAL_FIELD.get(dtype)
        if field is None:
            raise NotSimulated(f"str() of a {dtype} Const")
        for v in values:
            lines.append(f"{inner}{field}: {_scalar_text(v, dtype)}")
    lines.append(f"{pad}}}")
    return lines


def _number(v, dtype: str):
    if dtype in ("float32", "float64", "float16"):
        return float(v)
    return int(v)


def _scalar_text(v, dtype: str) -> str:
    if dtype == "bool":
        return "true" if v else "false"
    if dtype == "string":
        return f'"{_escape(v.encode() if isinstance(v, str) else bytes(v))}"'
    if dtype == "float32":
        return float_text(float(v))
    if dtype == "float64":
        return double_text(float(v))
    if dtype == "float16":
        return str(struct.unpack("<H", struct.pack("<e", float(v)))[0])
    return str(int(v))


def float_text(v: float) -> str:
    """upb's `_upb_EncodeRoundTripFloat`: `%.6g`, else `%.9g`."""
    single = struct.unpack("<f", struct.pack("<f", v))[0]
    text = "%.6g" % single
    if struct.unpack("<f", struct.pack("<f", float(text)))[0] != single:
        text = "%.9g" % single
    return _special(text)


def double_text(v: float) -> str:
    """upb's `_upb_EncodeRoundTripDouble`: `%.15g`, else `%.17g`."""
    text = "%.15g" % v
    if float(text) != v:
        text = "%.17g" % v
    return _special(text)


def _special(text: str) -> str:
    return {"inf": "inf", "-inf": "-inf", "nan": "nan"}.get(text, text)


_ESCAPES = {0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t", 0x22: '\\"', 0x27: "\\'", 0x5C: "\\\\"}


def _escape(data: bytes) -> str:
    """upb's text escaping of bytes: `\\n \\r \\t \\" \\' \\\\`, printable ASCII as
    it is, anything else as a three-digit octal escape."""
    out = []
    for b in data:
        if b in _ESCAPES:
            out.append(_ESCAPES[b])
        elif 0x20 <= b < 0x7F:
            out.append(chr(b))
        else:
            out.append("\\%03o" % b)
    return "".join(out)
