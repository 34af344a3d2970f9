"""How a call binds its arguments, and the TypeErrors when it cannot.

Two binders, with their own words: `util/dispatch.py`'s
`add_dispatch_support` wrapper (its C++ binding: "Too many arguments were
given...", "Got multiple values...", "Missing required positional
argument"), and Python's own (`Python/ceval.c` of CPython 3.11:
keyword arguments first, then too many positionals, then missing ones).
The language passes positional arguments and, optionally, `name=`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import PyError


@dataclass(frozen=True)
class Signature:
    """A function's positional parameters (`self` included for a method,
    `bound` of them already bound), how many are required, and its binder.
    `qualname` is how Python's messages name it (`Graph.get_name_scope`)."""

    qualname: str
    params: tuple[str, ...]
    required: int
    dispatch: bool = False
    bound: int = 0


def bind(sig: Signature, given: int, name_keyword: bool) -> None:
    """Check `f(<given positional arguments>[, name=...])` against `sig`."""
    if sig.dispatch:
        _dispatch_bind(sig, given, name_keyword)
    else:
        _python_bind(sig, given + sig.bound, name_keyword)


def _dispatch_bind(sig: Signature, given: int, name_keyword: bool) -> None:
    """`dispatch.add_dispatch_support`'s binding errors."""
    total = len(sig.params)
    if given > total:
        raise PyError("TypeError", f"Too many arguments were given. Expected {total} but "
                                   f"got {given}.")
    if name_keyword and given == total:
        raise PyError("TypeError", "Got multiple values for argument 'name'")
    if given < sig.required:
        raise PyError("TypeError", "Missing required positional argument")


def _python_bind(sig: Signature, given: int, name_keyword: bool) -> None:
    """CPython's `initialize_locals`: the keyword (unexpected, or already
    given positionally), then `too_many_positional`, then `missing_arguments`."""
    if name_keyword:
        if "name" not in sig.params:
            raise PyError("TypeError", f"{sig.qualname}() got an unexpected keyword argument "
                                       f"'name'")
        if given > sig.params.index("name"):
            raise PyError("TypeError", f"{sig.qualname}() got multiple values for argument "
                                       f"'name'")
    total = len(sig.params)
    if given > total:
        raise PyError("TypeError", _too_many_positional(sig, given))
    if given < sig.required:
        missing = sig.params[given:sig.required]
        quoted = " and ".join(f"'{m}'" for m in missing)
        plural = "s" if len(missing) > 1 else ""
        raise PyError("TypeError", f"{sig.qualname}() missing {len(missing)} required positional "
                                   f"argument{plural}: {quoted}")


def _too_many_positional(sig: Signature, given: int) -> str:
    """CPython's `too_many_positional`: "takes from 1 to 2 positional
    arguments" with defaults, "takes 0 positional arguments" without."""
    total = len(sig.params)
    if total > sig.required:
        takes = f"from {sig.required} to {total} positional arguments"
    else:
        takes = f"{total} positional argument{'s' if total != 1 else ''}"
    return f"{sig.qualname}() takes {takes} but {given} {'was' if given == 1 else 'were'} given"
