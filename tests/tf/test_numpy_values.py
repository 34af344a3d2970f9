"""numpy arrays and scalars as values (`tensor_util.make_tensor_proto`): a
value keeps numpy's dtype (np.float64 is float64, though it is a Python
float too), or is cast to the dtype asked for.  The probe is a TF1 program,
run unchanged through the Python front end; its `.out` is what TensorFlow
2.21 printed."""

from pathlib import Path

from scopesim.pyfront.runner import run_python

PROBE = Path(__file__).parent / "tf_probes" / "numpy" / "numpy_values.py"


def test_numpy_values_convert_as_tensorflow_converts_them():
    result = run_python(PROBE.read_text(encoding="utf-8"), str(PROBE))
    assert result.error is None
    expected = PROBE.with_suffix(".out").read_text(encoding="utf-8").splitlines()
    assert result.output == expected
