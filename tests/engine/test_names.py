"""Graph.unique_name and name scopes (catalogue part A).

Every expected value here was printed by TensorFlow 2.21 (tf.compat.v1,
graph mode); the catalogue rule it comes from is named in each docstring.
"""

import pytest

from scopesim.engine.engine import Engine
from scopesim.errors import TFValueError


@pytest.fixture
def e():
    return Engine()


def ns(e, name, default=None):
    """Enter and leave a name scope, returning the string it yields."""
    with e.name_scope(name, default) as s:
        return s


def test_unique_name_without_marking_does_not_reserve(e):
    """A1: unique_name('n', mark_as_used=False) twice -> n, n."""
    g = e.graph
    assert g.unique_name("n", mark_as_used=False) == "n"
    assert g.unique_name("n", mark_as_used=False) == "n"
    assert g.unique_name("n") == "n"
    assert g.unique_name("n", mark_as_used=False) == "n_1"
    assert g.unique_name("n") == "n_1"


def test_unique_name_is_case_insensitive_and_keeps_spelling(e):
    """A1: after n, n_1: unique_name('N') -> N_2, unique_name('n_1') -> n_1_1."""
    g = e.graph
    g.unique_name("n")
    g.unique_name("n")
    assert g.unique_name("N") == "N_2"
    assert g.unique_name("n_1") == "n_1_1"
    assert g.names.in_use == {"n": 3, "n_1": 2, "n_1_1": 1, "n_2": 1}


def test_name_scopes_uniquify_case_insensitively(e):
    """A2: Foo/, foo_1/, FOO_2/, then constant fOo -> fOo_3."""
    assert ns(e, "Foo") == "Foo/"
    assert ns(e, "foo") == "foo_1/"
    assert ns(e, "FOO") == "FOO_2/"
    assert e.constant(1.0, name="fOo").op.name == "fOo_3"


def test_ops_and_name_scopes_share_one_namespace(e):
    """A3: constant q then name_scope q -> q_1/; name_scope r then constant r -> r_1."""
    assert e.constant(1.0, name="q").op.name == "q"
    assert ns(e, "q") == "q_1/"
    assert ns(e, "r") == "r/"
    assert e.constant(1.0, name="r").op.name == "r_1"


def test_explicit_suffix_is_skipped_when_uniquifying(e):
    """A4: m_1, m, then m -> m_2, then explicit m_2 -> m_2_1."""
    names = [e.constant(1.0, name=n).op.name for n in ("m_1", "m", "m", "m_2")]
    assert names == ["m_1", "m", "m_2", "m_2_1"]


def test_only_the_full_path_is_reserved(e):
    """A5: name_scope p/q leaves p free; constants p/q and u/v collide only on full paths."""
    assert ns(e, "p/q") == "p/q/"
    assert ns(e, "p") == "p/"
    assert ns(e, "p/q") == "p/q_1/"
    assert e.constant(0.0, name="p/q").op.name == "p/q_2"
    assert e.constant(0.0, name="u/v").op.name == "u/v"
    assert ns(e, "u") == "u/"
    assert e.constant(0.0, name="u/v").op.name == "u/v_1"


def test_nested_name_scopes_reset_and_absolute_reentry(e):
    """A6: a/, a_1/, a_2/ > b/, b_1/, None and '' reset, 'a/' absolute, x/y nested."""
    assert ns(e, "a") == "a/"
    assert ns(e, "a") == "a_1/"
    with e.name_scope("a") as s:
        assert s == "a_2/"
        with e.name_scope("b") as s2:
            assert s2 == "a_2/b/"
            assert e.graph.get_name_scope() == "a_2/b"
        assert ns(e, "b") == "a_2/b_1/"
        assert ns(e, None) == ""
        assert ns(e, "") == ""
        with e.name_scope("a/") as s4:
            assert s4 == "a/"
            assert e.graph.get_name_scope() == "a"
        assert ns(e, "zzz/") == "zzz/"
        assert ns(e, "x/y") == "a_2/x/y/"
        assert ns(e, "x/y") == "a_2/x/y_1/"


def test_absolute_name_scope_does_not_reserve_its_name(e):
    """A6: 'zzz/' re-entered absolutely marks nothing, so 'zzz' is still free."""
    assert ns(e, "zzz/") == "zzz/"
    assert ns(e, "zzz") == "zzz/"


def test_name_scope_default_name_only_replaces_none(e):
    """A7: (None,'dflt') -> dflt/, dflt_1/; ('given','dflt') -> given/; ('', 'dflt') -> ''."""
    assert ns(e, None, "dflt") == "dflt/"
    assert ns(e, None, "dflt") == "dflt_1/"
    assert ns(e, "given", "dflt") == "given/"
    with e.name_scope("a"):
        assert ns(e, "", "dflt") == ""
        assert ns(e, None, None) == ""


ROOT_PATTERN = r"^[A-Za-z0-9.][A-Za-z0-9_.\\/>-]*$"
NESTED_PATTERN = r"^[A-Za-z0-9_.\\/>-]*$"


@pytest.mark.parametrize("name", ["_x", "-x", "/x", "\\x", "x y", "x:y", "é"])
def test_invalid_root_scope_names(e, name):
    """A9: root scope names must match the op-name pattern."""
    with pytest.raises(TFValueError) as err:
        ns(e, name)
    assert err.value.message == (
        f"'{name}' is not a valid root scope name. A root scope name has to match the "
        f"following pattern: {ROOT_PATTERN}")


@pytest.mark.parametrize("name,entered", [(".x", ".x/"), ("0x", "0x/"), ("x>y", "x>y/"),
                                          ("a//b", "a//b/"), ("x-", "x-/"), ("x_", "x_/")])
def test_valid_root_scope_names(e, name, entered):
    """A9: these root names are accepted as they are."""
    assert ns(e, name) == entered


@pytest.mark.parametrize("name,entered", [("_x", "outer/_x/"), ("-x", "outer/-x/"),
                                          ("/x", "outer//x/"), ("_", "outer/_/"), ("", "")])
def test_nested_scope_names_may_start_with_underscore_dash_slash(e, name, entered):
    """A9: nested names use the looser pattern."""
    with e.name_scope("outer"):
        assert ns(e, name) == entered


@pytest.mark.parametrize("name", ["x y", "x:y"])
def test_invalid_nested_scope_names(e, name):
    """A9: spaces and colons are invalid anywhere."""
    with e.name_scope("outer"):
        with pytest.raises(TFValueError) as err:
            ns(e, name)
    assert err.value.message == (
        f"'{name}' is not a valid scope name. A scope name has to match the following "
        f"pattern: {NESTED_PATTERN}")


def test_constant_with_invalid_name_gets_the_node_message(e):
    """A9: tf.constant(name='_c') -> the node-name message with the compiled regex repr."""
    with pytest.raises(TFValueError) as err:
        e.constant(1.0, name="_c")
    assert err.value.message == (
        "`_c` is not a valid node name. Accepted names conform to Regex "
        "/re.compile('^[A-Za-z0-9.][A-Za-z0-9_.\\\\\\\\/>-]*$')/")


def test_no_op_with_invalid_name_gets_the_scope_message(e):
    """A9: generated ops open a name scope first -> the root scope message."""
    with pytest.raises(TFValueError) as err:
        e.no_op("_x")
    assert err.value.message.startswith("'_x' is not a valid root scope name.")


def test_absolute_op_names_are_not_reserved_and_clash(e):
    """A8: an op named 'brandnew/' is created as 'brandnew' without marking; a later
    'brandnew' is uniquified to 'brandnew' and clashes."""
    assert e.no_op("brandnew/").name == "brandnew"
    with pytest.raises(TFValueError) as err:
        e.no_op("brandnew")
    assert err.value.message == "Duplicate node name in graph: 'brandnew'"
    assert e.graph.names.is_used("brandnew")
    assert e.no_op("brandnew").name == "brandnew_1"
