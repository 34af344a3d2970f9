"""`util/dispatch.py`: `add_dispatch_support`.

TensorFlow wraps its public Python op functions (`math_ops.add`,
`multiply`, `matmul`, `sigmoid`, `array_ops.identity`, ...) in
`op_dispatch_handler`, whose C++ API dispatcher binds the arguments before
the function runs, with its own words ("Too many arguments were given.
Expected 3 but got 4.", "Got multiple values for argument 'name'",
"Missing required positional argument").  The generated wrappers
(`gen_nn_ops.relu`, `gen_math_ops.tanh`) are not wrapped: Python binds them.
"""

from __future__ import annotations

import functools

from ...errors import TFTypeError

__all__ = ["add_dispatch_support"]


def add_dispatch_support(target):
    """`dispatch.add_dispatch_support(target)`: `target` behind the
    dispatcher's binding (the checks in the order the recorded cases show:
    too many positionals, a keyword given positionally too, an unknown
    keyword, a missing required parameter).  The parameters are read off
    `target` at its first call, not when a module wraps its functions."""
    found: list = []        # [(params, required)] once called

    @functools.wraps(target)
    def op_dispatch_handler(*args, **kwargs):
        if not found:
            found.append(_parameters(target))
        params, required = found[0]
        if len(args) > len(params):
            raise TFTypeError(f"Too many arguments were given. Expected {len(params)} but got "
                              f"{len(args)}.")
        if kwargs:
            for keyword in kwargs:
                if keyword in params[:len(args)]:
                    raise TFTypeError(f"Got multiple values for argument '{keyword}'")
            for keyword in kwargs:
                if keyword not in params:
                    raise TFTypeError(f"Got an unexpected keyword argument '{keyword}'")
            if any(name not in kwargs for name in required[len(args):]):
                raise TFTypeError("Missing required positional argument")
        elif len(args) < len(required):     # `required[len(args):]` is not empty
            raise TFTypeError("Missing required positional argument")
        return target(*args, **kwargs)

    return op_dispatch_handler


#: co_flags of a function with `*args` or `**kwargs`.
_VARIADIC = 0x04 | 0x08


def _parameters(target) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the parameter names of `target` in order, those without a default),
    as `inspect.signature` lists them; read off the code object of a plain
    function (importing inspect costs every start-up some 5 ms), through
    `inspect` for anything else."""
    code = getattr(target, "__code__", None)
    if type(target).__name__ != "function" or code is None or code.co_flags & _VARIADIC \
            or hasattr(target, "__wrapped__") or hasattr(target, "__signature__"):
        import inspect
        signature = inspect.signature(target)
        return (tuple(signature.parameters),
                tuple(name for name, p in signature.parameters.items()
                      if p.default is inspect.Parameter.empty))
    positional = code.co_argcount
    names = code.co_varnames[:positional + code.co_kwonlyargcount]
    first_default = positional - len(target.__defaults__ or ())
    keyword_defaults = target.__kwdefaults__ or {}
    required = tuple(name for i, name in enumerate(names)
                     if (i < first_default if i < positional else name not in keyword_defaults))
    return names, required
