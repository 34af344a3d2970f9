"""Placeholders, subscripts, logical operators, op inputs and text, module
names and graph mixing, one TensorFlow rule per case.

Each case of tests/tf/tf_probes/api_core.py runs here with scopesim's
tf.compat.v1 and must print what TensorFlow 2.21 printed (api_core.out).
"""

import contextlib
import io

import pytest

from probe_cases import ROOT
from scopesim.tf import compat_v1 as T

import api_core  # noqa: E402 (tf_probes/ is on sys.path once probe_cases is imported)

RECORDED = ROOT.recorded("api_core")


#: Cases whose ops another part of scopesim builds without their attrs yet
#: (the variable ops of engine/variables.py and engine/initializers.py):
#: str() of them is NotSimulated until those ops carry TensorFlow's attrs.
PENDING: dict = {}


@pytest.mark.parametrize("name", [
    pytest.param(name, marks=pytest.mark.xfail(reason=PENDING[name], strict=True))
    if name in PENDING else name for name, _ in api_core.CASES])
def test_case_prints_what_tensorflow_printed(name):
    fn = dict(api_core.CASES)[name]
    T.reset_default_graph()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            fn(T)
        except Exception as e:
            api_core.show("case raised", type(e).__name__, e)
    assert out.getvalue().splitlines() == RECORDED[name]


def test_op_str_of_an_op_without_known_attrs_is_not_simulated():
    from scopesim.errors import NotSimulated
    T.reset_default_graph()
    T.get_variable("w", [2, 2], initializer=T.initializers.identity())
    with pytest.raises(NotSimulated):     # MatrixDiagV3 of eye(): no attrs yet
        str(T.get_default_graph().get_operation_by_name("w/Initializer/eye/diag"))


def test_boolean_mask_subscript_is_not_simulated():
    from scopesim.errors import NotSimulated
    T.reset_default_graph()
    x = T.placeholder(T.float32, [4])
    with pytest.raises(NotSimulated):
        x[True]
