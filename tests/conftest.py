"""Every test starts from what a fresh process with TensorFlow imported has:
a new global default graph, an empty default-graph stack, and no runtime
state (origin hook, recorded NotSimulated) left by an earlier test.  What
the test leaves behind is dropped, and the state before it put back."""

import pytest

from scopesim.engine.graph import Graph, swap_default_graph_state
from scopesim.tf import runtime


@pytest.fixture(autouse=True)
def fresh_tensorflow_state():
    saved = swap_default_graph_state((Graph(), []))
    runtime.reset()
    runtime.set_origin_hook(None)
    try:
        yield
    finally:
        swap_default_graph_state(saved)
        runtime.reset()
        runtime.set_origin_hook(None)
