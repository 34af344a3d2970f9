"""What the engine remembers to go faster must not change what it answers.

- engine/names.py keeps the scope names that passed `check_scope_name`
  (one set for nested names, one for root names) and uses a lower-case
  name as its own registry key: tf_probes/names_cached.py checks names
  again at another depth and after an invalid one, and names that differ
  only in case; scopesim must print what TensorFlow 2.21 printed
  (names_cached.out).
- a variable replayed from a template keeps its registry keys as one
  claim (engine/names.py): tf_probes/names_claimed.py names ops, scopes
  and variables like those keys afterwards, in other cases too
  (names_claimed.out).
- `run()` releases the finished program's graph (Graph.release): nothing
  of it is left for the cyclic garbage collector.
"""

import difflib
import gc
import weakref

from probe_replay import recorded, replay

from scopesim import parse
from scopesim.runner import Session


def test_remembered_names_answer_as_tensorflow(monkeypatch):
    got, expected = replay("names_cached", monkeypatch), recorded("names_cached")
    diff = list(difflib.unified_diff(expected, got, "tensorflow", "scopesim", lineterm="", n=1))
    assert got == expected, "\n".join(diff[:60])


def test_names_claimed_by_replayed_variables_answer_as_tensorflow(monkeypatch):
    got, expected = replay("names_claimed", monkeypatch), recorded("names_claimed")
    diff = list(difflib.unified_diff(expected, got, "tensorflow", "scopesim", lineterm="", n=1))
    assert got == expected, "\n".join(diff[:60])


def test_a_released_session_is_freed_without_the_collector():
    program = parse('scope "a" <\n    w = var w [2, 3]\n    y = tf.matmul(w, w, '
                    'transpose_b=True) + 1.0\n>\nprint y\n', "release.scope")
    session = Session()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        result = session.execute(program)
        graph = session.graph
        op = graph.get_operations()[-1]
        refs = [weakref.ref(graph), weakref.ref(op), weakref.ref(op.outputs[0])]
        del graph, op
        session.release()
        del session
        alive = [r() for r in refs if r() is not None]
    finally:
        if was_enabled:
            gc.enable()
    assert result.error is None and len(result.ops) > 5
    assert alive == []


def test_any_taken_answers_as_taken_of_each_key():
    """`NameRegistry.any_taken(low, claim)` (one pass over a replayed
    variable's keys) is `taken` of `low` and of each `low + suffix`, over
    registries of claims nested in one another and keys marked by hand."""
    import random

    from scopesim.engine.names import Claim, NameRegistry

    rng = random.Random(12)
    parts = ["a", "b", "ab", "init", "read", "a_1", "b/a", "x"]
    for _ in range(400):
        shapes = [Claim(set(rng.sample(["/" + "/".join(rng.choices(parts, k=rng.randint(1, 3)))
                                        for _ in range(8)], rng.randint(1, 5))))
                  for _ in range(3)]
        registry = NameRegistry()
        names = ["/".join(rng.choices(parts, k=rng.randint(1, 4))) for _ in range(12)]
        for name in names:
            if rng.random() < 0.5 and not registry.any_taken(name, claim := rng.choice(shapes)):
                registry.claim(name, claim)
            elif rng.random() < 0.3:
                registry.unique_name(name)
        for name in names + [n + "/" + p for n in names for p in parts[:3]]:
            for claim in shapes:
                expected = registry.taken(name) or any(registry.taken(name + s)
                                                       for s in claim.suffixes)
                assert registry.any_taken(name, claim) == expected, (name, claim.suffixes)
