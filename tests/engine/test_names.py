"""Graph.unique_name and name scopes (catalogue part A).

Every expected value here was printed by TensorFlow 2.21 (tf.compat.v1,
graph mode); the catalogue rule it comes from is named in each docstring.
"""

from oracle import T, cases, error, fresh

setup_function = fresh


def ns(name, default=None):
    """Enter and leave a name scope, returning the string it yields."""
    with T.name_scope(name, default) as s:
        return s


def test_unique_name_without_marking_does_not_reserve():
    """A1: unique_name('n', mark_as_used=False) twice -> n, n."""
    g = T.get_default_graph()
    assert g.unique_name("n", mark_as_used=False) == "n"
    assert g.unique_name("n", mark_as_used=False) == "n"
    assert g.unique_name("n") == "n"
    assert g.unique_name("n", mark_as_used=False) == "n_1"
    assert g.unique_name("n") == "n_1"


def test_unique_name_is_case_insensitive_and_keeps_spelling():
    """A1: after n, n_1: unique_name('N') -> N_2, unique_name('n_1') -> n_1_1; the
    counts left in use are n: 3, n_1: 2, n_1_1: 1, n_2: 1."""
    g = T.get_default_graph()
    g.unique_name("n")
    g.unique_name("n")
    assert g.unique_name("N") == "N_2"
    assert g.unique_name("n_1") == "n_1_1"
    assert [g.unique_name(n, mark_as_used=False) for n in ("n", "n_1", "n_1_1", "n_2", "n_3")] == [
        "n_3", "n_1_2", "n_1_1_1", "n_2_1", "n_3"]


def test_name_scopes_uniquify_case_insensitively():
    """A2: Foo/, foo_1/, FOO_2/, then constant fOo -> fOo_3."""
    assert ns("Foo") == "Foo/"
    assert ns("foo") == "foo_1/"
    assert ns("FOO") == "FOO_2/"
    assert T.constant(1.0, name="fOo").op.name == "fOo_3"


def test_ops_and_name_scopes_share_one_namespace():
    """A3: constant q then name_scope q -> q_1/; name_scope r then constant r -> r_1."""
    assert T.constant(1.0, name="q").op.name == "q"
    assert ns("q") == "q_1/"
    assert ns("r") == "r/"
    assert T.constant(1.0, name="r").op.name == "r_1"


def test_explicit_suffix_is_skipped_when_uniquifying():
    """A4: m_1, m, then m -> m_2, then explicit m_2 -> m_2_1."""
    names = [T.constant(1.0, name=n).op.name for n in ("m_1", "m", "m", "m_2")]
    assert names == ["m_1", "m", "m_2", "m_2_1"]


def test_only_the_full_path_is_reserved():
    """A5: name_scope p/q leaves p free; constants p/q and u/v collide only on full paths."""
    assert ns("p/q") == "p/q/"
    assert ns("p") == "p/"
    assert ns("p/q") == "p/q_1/"
    assert T.constant(0.0, name="p/q").op.name == "p/q_2"
    assert T.constant(0.0, name="u/v").op.name == "u/v"
    assert ns("u") == "u/"
    assert T.constant(0.0, name="u/v").op.name == "u/v_1"


def test_nested_name_scopes_reset_and_absolute_reentry():
    """A6: a/, a_1/, a_2/ > b/, b_1/, None and '' reset, 'a/' absolute, x/y nested."""
    g = T.get_default_graph()
    assert ns("a") == "a/"
    assert ns("a") == "a_1/"
    with T.name_scope("a") as s:
        assert s == "a_2/"
        with T.name_scope("b") as s2:
            assert s2 == "a_2/b/"
            assert g.get_name_scope() == "a_2/b"
        assert ns("b") == "a_2/b_1/"
        assert ns(None) == ""
        assert ns("") == ""
        with T.name_scope("a/") as s4:
            assert s4 == "a/"
            assert g.get_name_scope() == "a"
        assert ns("zzz/") == "zzz/"
        assert ns("x/y") == "a_2/x/y/"
        assert ns("x/y") == "a_2/x/y_1/"


def test_absolute_name_scope_does_not_reserve_its_name():
    """A6: 'zzz/' re-entered absolutely marks nothing, so 'zzz' is still free."""
    assert ns("zzz/") == "zzz/"
    assert ns("zzz") == "zzz/"


def test_name_scope_default_name_only_replaces_none():
    """A7: (None,'dflt') -> dflt/, dflt_1/; ('given','dflt') -> given/; ('', 'dflt') -> ''."""
    assert ns(None, "dflt") == "dflt/"
    assert ns(None, "dflt") == "dflt_1/"
    assert ns("given", "dflt") == "given/"
    with T.name_scope("a"):
        assert ns("", "dflt") == ""
        assert ns(None, None) == ""


ROOT_PATTERN = r"^[A-Za-z0-9.][A-Za-z0-9_.\\/>-]*$"
NESTED_PATTERN = r"^[A-Za-z0-9_.\\/>-]*$"


@cases("name", ["_x", "-x", "/x", "\\x", "x y", "x:y", "é"])
def test_invalid_root_scope_names(name):
    """A9: root scope names must match the op-name pattern."""
    assert str(error(lambda: ns(name), ValueError)) == (
        f"'{name}' is not a valid root scope name. A root scope name has to match the "
        f"following pattern: {ROOT_PATTERN}")


@cases("name,entered", [(".x", ".x/"), ("0x", "0x/"), ("x>y", "x>y/"),
                        ("a//b", "a//b/"), ("x-", "x-/"), ("x_", "x_/")])
def test_valid_root_scope_names(name, entered):
    """A9: these root names are accepted as they are."""
    assert ns(name) == entered


@cases("name,entered", [("_x", "outer/_x/"), ("-x", "outer/-x/"),
                        ("/x", "outer//x/"), ("_", "outer/_/"), ("", "")])
def test_nested_scope_names_may_start_with_underscore_dash_slash(name, entered):
    """A9: nested names use the looser pattern."""
    with T.name_scope("outer"):
        assert ns(name) == entered


@cases("name", ["x y", "x:y"])
def test_invalid_nested_scope_names(name):
    """A9: spaces and colons are invalid anywhere."""
    with T.name_scope("outer"):
        message = str(error(lambda: ns(name), ValueError))
    assert message == (
        f"'{name}' is not a valid scope name. A scope name has to match the following "
        f"pattern: {NESTED_PATTERN}")


def test_constant_with_invalid_name_gets_the_node_message():
    """A9: tf.constant(name='_c') -> the node-name message with the compiled regex repr."""
    assert str(error(lambda: T.constant(1.0, name="_c"), ValueError)) == (
        "`_c` is not a valid node name. Accepted names conform to Regex "
        "/re.compile('^[A-Za-z0-9.][A-Za-z0-9_.\\\\\\\\/>-]*$')/")


def test_no_op_with_invalid_name_gets_the_scope_message():
    """A9: generated ops open a name scope first -> the root scope message."""
    assert str(error(lambda: T.no_op("_x"), ValueError)).startswith(
        "'_x' is not a valid root scope name.")


def test_absolute_op_names_are_not_reserved_and_clash():
    """A8: an op named 'brandnew/' is created as 'brandnew' without marking; a later
    'brandnew' is uniquified to 'brandnew' and clashes, marking it."""
    g = T.get_default_graph()
    assert T.no_op("brandnew/").name == "brandnew"
    assert str(error(lambda: T.no_op("brandnew"), ValueError)) == (
        "Duplicate node name in graph: 'brandnew'")
    assert g.unique_name("brandnew", mark_as_used=False) == "brandnew_1"
    assert T.no_op("brandnew").name == "brandnew_1"
