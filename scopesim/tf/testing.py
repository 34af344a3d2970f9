"""Helpers for a project's own tests: build a model against scopesim's
`tf.compat.v1` and assert its names, without TensorFlow.

    from scopesim.tf import compat_v1 as tf
    from scopesim.tf.testing import fresh_graph

    with fresh_graph() as g:
        build_model()
    assert "encoder/layer_0/kernel:0" in g.variable_names

`fresh_graph()` runs the block on a new, empty default graph (the caller's
default graph is back afterwards, whatever the block left entered) and
returns a `GraphContents`, read live: during the block and after it.
"""

from __future__ import annotations

from contextlib import contextmanager

from . import runtime


class GraphContents:
    """The graph's variables, ops and collections, as `scopesim run --format
    json` reports them (LANGUAGE.md part 7)."""

    def __init__(self, state) -> None:
        self._state = state

    @property
    def graph(self):
        """The graph (the last default one if the block reset it)."""
        return self._state.graph

    @property
    def variables(self) -> list[dict]:
        """`tf.global_variables()`: name, shape (None for an unknown dim), dtype, trainable."""
        from . import compat_v1
        with self.graph.as_default():
            found = compat_v1.global_variables()
        out = []
        for v in found:
            dims = getattr(v.shape, "dims", None)
            shape = None if dims is None else list(v.shape.as_list())
            out.append({"name": v.name, "shape": shape, "dtype": v.dtype.base_dtype.name,
                        "trainable": bool(getattr(v, "trainable", True))})
        return out

    @property
    def variable_names(self) -> list[str]:
        return [v["name"] for v in self.variables]

    @property
    def ops(self) -> list[dict]:
        """Every op in creation order: name and type."""
        return [{"name": op.name, "type": op.type} for op in self.graph.get_operations()]

    @property
    def op_names(self) -> list[str]:
        return [op.name for op in self.graph.get_operations()]

    @property
    def collections(self) -> dict[str, list[str]]:
        """Each non-empty collection with a string key (sorted): its items' names."""
        out = {}
        for key in sorted(k for k in self.graph.get_all_collection_keys() if isinstance(k, str)):
            names = [item.name for item in self.graph.get_collection(key)
                     if isinstance(getattr(item, "name", None), str)]
            if names:
                out[key] = names
        return out

    def to_json(self) -> dict:
        return {"variables": self.variables, "ops": self.ops, "collections": self.collections}


@contextmanager
def fresh_graph():
    """`with fresh_graph() as g:` -- a new default graph for the block; `g`
    is its `GraphContents`."""
    from . import compat_v1
    state = runtime.ProgramGraph(compat_v1.Graph())
    with state:
        yield GraphContents(state)
