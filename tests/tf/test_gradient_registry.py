"""The gradient registry (`ops.gradient_registry`): `tf.RegisterGradient`,
`tf.NotDifferentiable` / `tf.no_gradient`.  Expected lines: the probe's
`.out`, printed by TensorFlow 2.21."""

from pathlib import Path

import pytest

from scopesim.engine import registry
from scopesim.errors import NotSimulated
from scopesim.pyfront.runner import run_python
from scopesim.tf import compat_v1 as tf

PROBE = Path(__file__).parent / "tf_probes" / "gradients" / "register_gradient.py"


@pytest.fixture(autouse=True)
def fresh_registry(monkeypatch):
    monkeypatch.setattr(registry, "gradient_registry", registry.GradientRegistry("gradient"))


def test_register_gradient_probe_prints_what_tensorflow_printed():
    result = run_python(PROBE.read_text(encoding="utf-8"), str(PROBE))
    assert result.error is None
    assert result.output == PROBE.with_suffix(".out").read_text(encoding="utf-8").splitlines()


def test_a_registered_gradient_is_looked_up_by_op_type():
    def grad(op, g):
        return g
    tf.RegisterGradient("MyOwnOp")(grad)
    assert registry.gradient_registry.lookup("MyOwnOp") is grad
    with pytest.raises(LookupError, match="^gradient registry has no entry for: Nope$"):
        registry.gradient_registry.lookup("Nope")


def test_tensorflow_registers_its_own_op_types():
    """TensorFlow's own registration of MatMul would be quoted by path: not simulated."""
    assert "MatMul" in registry.tensorflow_gradient_op_types()
    assert len(registry.tensorflow_gradient_op_types()) == 609
    with pytest.raises(NotSimulated, match="registering a gradient for MatMul"):
        tf.RegisterGradient("MatMul")(lambda op, g: g)


def test_a_second_registration_is_not_simulated():
    tf.NotDifferentiable("MyOther")
    with pytest.raises(NotSimulated, match="a second gradient for MyOther"):
        tf.NotDifferentiable("MyOther")


def test_each_program_run_starts_with_a_fresh_registry():
    """As each TensorFlow process does: two runs may register the same type."""
    from scopesim.parser import parse
    from scopesim.runner import run
    program = parse('def g(op, grad) < return grad >\ntf.RegisterGradient("Mine")(g)\n', "g.scope")
    assert run(program).error is None
    assert run(program).error is None
