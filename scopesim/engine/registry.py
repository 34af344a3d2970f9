"""`framework/registry.py`: a registry of named Python objects, and the
gradient registry that `tf.RegisterGradient` fills and `tf.gradients`
will read (`ops.gradient_registry`, `ops.get_gradient_function`).

TensorFlow registers a gradient for 609 op types of its own at import
(`tf_gradient_ops.json`, recorded from TF 2.21 by
`tools/record_tf_gradients.py`).  Registering another one for such a type,
or a second one for any type, is TensorFlow's KeyError quoting the path of
its own `registry.py` (where it records the registration), which scopesim
cannot quote: it is NotSimulated.  The gradient
functions themselves come with the training issue; until then a lookup of
one of TensorFlow's types is NotSimulated too.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache

from ..errors import NotSimulated


@lru_cache(maxsize=1)
def tensorflow_gradient_op_types() -> frozenset:
    """The op types TF 2.21 registers a gradient (or `no_gradient`) for."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tf_gradient_ops.json")
    import json                 # here: a run that never asks need not import it
    with open(path, encoding="utf-8") as file:     # (os.path: pathlib costs start-up time)
        return frozenset(json.load(file))


class Registry:
    """`registry.Registry`: name -> (object, where it was registered)."""

    __slots__ = ("_name", "_registry")

    def __init__(self, name: str) -> None:
        self._name = name
        self._registry: dict[str, tuple[object, tuple[str, str, int]]] = {}

    def register(self, candidate, name: str | None = None, depth: int = 2) -> None:
        """`Registry.register`: the caller `depth` frames up is remembered
        (TensorFlow keeps the user's function frame for its error)."""
        if not name:
            name = candidate.__name__
        if name in self._registry:
            function, filename, line = self._registry[name][1]
            raise KeyError(f"Registering two {self._name} with name '{name}'! "
                           f"(Previous registration was in {function} {filename}:{line})")
        frame = sys._getframe(depth)
        self._registry[name] = (candidate, (frame.f_code.co_name, frame.f_code.co_filename,
                                            frame.f_lineno))

    def list(self):
        """`Registry.list`."""
        return self._registry.keys()

    def lookup(self, name: str):
        """`Registry.lookup`."""
        if name in self._registry:
            return self._registry[name][0]
        raise LookupError(f"{self._name} registry has no entry for: {name}")


class GradientRegistry(Registry):
    """`ops.gradient_registry`, with TensorFlow's own registrations known
    by name only."""

    __slots__ = ()

    def register(self, candidate, name: str | None = None, depth: int = 3) -> None:
        if name in tensorflow_gradient_op_types():
            raise NotSimulated(f"registering a gradient for {name} (an op type TensorFlow "
                               f"registers one for itself)")
        if name in self._registry:
            # TensorFlow's KeyError quotes the path of its own registry.py
            # ("Previous registration was in register .../registry.py:65").
            raise NotSimulated(f"registering a second gradient for {name}")
        super().register(candidate, name, depth)

    def lookup(self, name: str):
        if name not in self._registry and name in tensorflow_gradient_op_types():
            raise NotSimulated(f"the gradient of {name} ops")
        return super().lookup(name)


gradient_registry = GradientRegistry("gradient")
