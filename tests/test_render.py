"""Rendering of runs and errors (scopesim.render) on hand-built results.

The names in these results are the ones TensorFlow 2.21 (tf.compat.v1, graph
mode) gives for the programs named in each fixture; the op lists were
printed by `graph.get_operations()`.
"""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console

from scopesim.ast import Span
from scopesim.errors import ProgramError, ScopeSyntaxError
from scopesim.render import (
    collections_tree, elide, fit_source_line, format_shape, make_consoles, max_tree_depth,
    ops_tree,
    print_internal_error, print_run, print_syntax_error, print_traceback, syntax_error_json,
    variables_tree,
)
from scopesim.result import OpInfo, RunResult, VariableInfo

ANSI = re.compile(r"\x1b\[")

ALREADY_EXISTS = ("Variable scope1/variable1 already exists, disallowed. Did you mean to set "
                  "reuse=True or reuse=tf.AUTO_REUSE in VarScope? Originally defined at:")

GLOROT = [("shape", "Const"), ("min", "Const"), ("max", "Const"),
          ("RandomUniform", "RandomUniform"), ("sub", "Sub"), ("mul", "Mul")]


def get_variable_ops(name: str) -> list[OpInfo]:
    """The ops of `T.get_variable(name, shape)` with the default initializer (E4)."""
    init = f"{name}/Initializer/random_uniform"
    return ([OpInfo(f"{init}/{op}", t, name) for op, t in GLOROT]
            + [OpInfo(init, "AddV2", name), OpInfo(name, "VariableV2", name),
               OpInfo(f"{name}/Assign", "Assign", name), OpInfo(f"{name}/read", "Identity", name)])


def sample7() -> RunResult:
    """scope "variable_scope1" < name_scope "name_scope1" <
           var1 = var variable1 [1]; var2 = 1.0 + var1 > >; print var1; print var2"""
    return RunResult(
        output=["variable_scope1/variable1:0", "variable_scope1/name_scope1/add:0"],
        variables=[VariableInfo("variable_scope1/variable1:0", (1,), "float32", True,
                                "get_variable", "variable_scope1/variable1", ("var1",))],
        ops=get_variable_ops("variable_scope1/variable1") + [
            OpInfo("variable_scope1/name_scope1/add/x", "Const"),
            OpInfo("variable_scope1/name_scope1/add", "AddV2")])


def duplicate_error(scopes=('scope "scope1"',), source="    variable2 = var variable1 [1]",
                    column=17, end_column=34) -> ProgramError:
    message = ALREADY_EXISTS + '\n\n  File "dup.scope", line 2, in <module>\n'
    return ProgramError("ValueError", message, "dup.scope", Span(4, column, 4, end_column),
                        source, tuple(scopes), defined_at=Span(2, 17, 2, 34))


def console(width: int = 80, color: bool = False) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    return Console(file=buffer, width=width, force_terminal=color,
                   color_system="standard" if color else None,
                   highlight=False, markup=False, emoji=False), buffer


def render(renderable, width: int = 80) -> str:
    con, buffer = console(width)
    con.print(renderable)
    return buffer.getvalue()


def run_text(result: RunResult, width: int = 80, **options) -> str:
    con, buffer = console(width)
    print_run(con, result, **options)
    return buffer.getvalue()


def trace_text(error: ProgramError, width: int = 80, color: bool = False) -> str:
    con, buffer = console(width, color)
    print_traceback(con, error)
    return buffer.getvalue()


def assert_fits(text: str, width: int) -> None:
    too_long = [line for line in text.splitlines() if len(line) > width]
    assert not too_long, f"lines wider than {width}: {too_long}"


def unwrapped(text: str) -> str:
    """Tree text with the guides dropped and wrapped lines joined by a blank."""
    return " ".join(line.lstrip("│├└─ ") for line in text.splitlines())


def assert_no_trailing_blanks(text: str) -> None:
    assert all(line == line.rstrip() for line in text.splitlines())


# ---------------------------------------------------------------- a whole run


def test_run_prints_the_program_output_first_then_variables_then_ops():
    text = run_text(sample7())
    lines = text.splitlines()
    assert lines[:2] == ["variable_scope1/variable1:0", "variable_scope1/name_scope1/add:0"]
    assert text.index("variables (1)") < text.index("ops (12)")


def test_program_output_is_written_verbatim():
    """No markup, no tab expansion, no control-code stripping, no wrapping."""
    line = "[bold]x[/bold]\tcol :smile: " + "y" * 100
    text = run_text(RunResult(output=[line, ""]), width=40)
    assert text.splitlines()[:2] == [line, ""]


def test_empty_run_shows_empty_trees():
    text = run_text(RunResult())
    assert text.splitlines() == ["variables (0)", "", "ops (0)"]


# ------------------------------------------------------------------ variables


def test_variables_are_grouped_by_scope_path():
    text = render(variables_tree(sample7().variables))
    assert text.splitlines() == [
        "variables (1)",
        "└── variable_scope1/",
        "    └── variable1:0  (1,) float32  trainable  get_variable  handles: var1",
    ]


def test_variable_leaf_lists_every_handle_bound_to_it():
    """scope "scope1" < v1 = var variable1 [1] >; scope "scope1" reuse=true < v2 = ... >"""
    var = VariableInfo("scope1/variable1:0", (1,), "float32", True, "get_variable",
                       "scope1/variable1", ("v1", "v2"))
    assert "handles: v1, v2" in render(variables_tree([var]))


def test_variable_without_handles_shows_none():
    var = VariableInfo("w:0", (3,), "int32", False, "get_variable", "w")
    text = render(variables_tree([var]))
    assert "w:0  (3,) int32  not trainable  get_variable" in text
    assert "handles" not in text


def test_tf_variable_is_labelled_tf_variable_with_its_shape():
    var = VariableInfo("variable1:0", (2, 3), "float32", True, "Variable", None, ("v",))
    assert "variable1:0  (2, 3) float32  trainable  tf.Variable  handles: v" in render(
        variables_tree([var]))


def test_variable_whose_op_name_differs_from_its_store_key_says_so():
    """E2: tf.Variable s/v first, then get_variable('v') in scope s -> s/v_1:0, key s/v."""
    variables = [VariableInfo("s/v:0", (), "float32", True, "Variable", None, ("tv",)),
                 VariableInfo("s/v_1:0", (), "float32", True, "get_variable", "s/v", ("gv",))]
    lines = render(variables_tree(variables)).splitlines()
    assert lines[1] == "└── s/"
    assert lines[2].startswith("    ├── v:0  () float32")
    assert "stored as" not in lines[2]
    assert "v_1:0  () float32  trainable  get_variable  stored as s/v  handles: gv" in lines[3]


@pytest.mark.parametrize("shape, shown", [((), "()"), ((2,), "(2,)"), ((2, 3), "(2, 3)"),
                                          ((None, 3), "(?, 3)")])
def test_shapes_print_like_tensorshape(shape, shown):
    """TF 2.21 after disable_v2_behavior() prints an unknown dim as `?`
    ("specified shape (?, 3)" in the recorded conformance corpus)."""
    assert format_shape(shape) == shown


def test_single_child_scope_chains_collapse_into_one_node():
    var = VariableInfo("scope1/scope2/variable1:0", (1,), "float32", True, "get_variable",
                       "scope1/scope2/variable1", ("inner",))
    lines = render(variables_tree([var])).splitlines()
    assert lines[1] == "└── scope1/scope2/"
    assert lines[2].startswith("    └── variable1:0")


def test_scopes_keep_first_appearance_order():
    """Sample 3: scope1/scope2/variable1 then scope1/variable1."""
    variables = [VariableInfo("scope1/scope2/variable1:0", (1,), "float32", True, "get_variable",
                              "scope1/scope2/variable1"),
                 VariableInfo("scope1/variable1:0", (1,), "float32", True, "get_variable",
                              "scope1/variable1")]
    lines = render(variables_tree(variables)).splitlines()
    assert [line.strip("│├└─ ") .split()[0] for line in lines[1:]] == [
        "scope1/", "scope2/", "variable1:0", "variable1:0"]


# ------------------------------------------------------------------------ ops


def test_internal_variable_ops_are_folded_into_the_variable():
    text = render(ops_tree(sample7().ops))
    assert text.splitlines() == [
        "ops (12)",
        "└── variable_scope1/",
        "    ├── variable variable1 (VariableV2, +9 internal ops)",
        "    └── name_scope1/",
        "        └── add  AddV2",
        "            └── x  Const",
    ]


def test_all_ops_shows_every_op_with_its_type():
    text = render(ops_tree(sample7().ops, all_ops=True))
    for op in sample7().ops:
        assert f"{op.name.rsplit('/', 1)[-1]}  {op.type}" in text
    assert "internal ops" not in text
    assert "    ├── variable1  VariableV2" in text
    assert "│   ├── Initializer/" in text


def test_one_internal_op_is_singular():
    ops = [OpInfo("v", "VariableV2", "v"), OpInfo("v/read", "Identity", "v")]
    assert "variable v (VariableV2, +1 internal op)" in render(ops_tree(ops))


def test_ops_owned_by_a_variable_that_does_not_exist_are_shown():
    """E3: a failed get_variable('tr') leaves an orphan tr/Initializer_1/zeros."""
    ops = [OpInfo("tr/Initializer/zeros", "Const", "tr"), OpInfo("tr", "VariableV2", "tr"),
           OpInfo("tr/Assign", "Assign", "tr"), OpInfo("tr/read", "Identity", "tr"),
           OpInfo("tr/Initializer_1/zeros", "Const", "tr_broken")]
    text = render(ops_tree(ops))
    assert "variable tr (VariableV2, +3 internal ops)" in text
    assert "Initializer_1/" in text and "zeros  Const" in text


def test_user_ops_under_a_variable_path_stay_visible_when_folded():
    """E6: a user op v/read created before the variable v."""
    ops = [OpInfo("v/read", "Const"), OpInfo("v/Initializer/zeros_1", "Const", "v"),
           OpInfo("v", "VariableV2", "v"), OpInfo("v/Assign_1", "Assign", "v"),
           OpInfo("v/read_1", "Identity", "v")]
    lines = render(ops_tree(ops)).splitlines()
    assert lines[1] == "└── variable v (VariableV2, +3 internal ops)"
    assert lines[2] == "    └── read  Const"


def test_ops_keep_creation_order_within_a_scope():
    """Sample 5: scope1/variable1, then scope1_1/step."""
    ops = get_variable_ops("scope1/variable1") + [OpInfo("scope1_1/step", "NoOp")]
    lines = render(ops_tree(ops)).splitlines()
    assert lines[1:] == ["├── scope1/",
                         "│   └── variable variable1 (VariableV2, +9 internal ops)",
                         "└── scope1_1/",
                         "    └── step  NoOp"]


# -------------------------------------------------------------- collections

#: The collections of this program, as TensorFlow 2.21 listed them (each key
#: of `graph.get_all_collection_keys()`, the `.name` of each item; the keys
#: sorted here, as the result keeps them; sample 13 shows the same rules):
#:     scope "enc" < w = var w [2, 2]
#:                   n = var steps [] dtype=int32 trainable=false initializer=zeros >
#:     y = tf.identity(w, name="y")
#:     tf.add_to_collection("outputs", y); tf.add_to_collection("outputs", w)
#:     tf.add_to_collection("numbers", 3)      # no .name: left out
#:     tf.add_to_collection(("a", 1), w)       # not a string key: left out
ENC_COLLECTIONS = {"outputs": ["y:0", "enc/w:0"], "trainable_variables": ["enc/w:0"],
                   "variables": ["enc/w:0", "enc/steps:0"]}


def test_collections_tree_lists_each_key_with_its_item_names_in_order():
    assert render(collections_tree(ENC_COLLECTIONS)).splitlines() == [
        "collections (3)",
        "├── outputs (2)",
        "│   ├── y:0",
        "│   └── enc/w:0",
        "├── trainable_variables (1)",
        "│   └── enc/w:0",
        "└── variables (2)",
        "    ├── enc/w:0",
        "    └── enc/steps:0",
    ]


def test_collections_are_shown_after_the_ops_only_when_asked():
    result = RunResult(collections=ENC_COLLECTIONS)
    assert "collections" not in run_text(result)
    lines = run_text(result, collections=True).splitlines()
    assert lines[:4] == ["variables (0)", "", "ops (0)", ""]
    assert lines[4:6] == ["collections (3)", "├── outputs (2)"]


def test_no_collections_is_an_empty_tree():
    """`T.no_op(name="step")` alone: `get_all_collection_keys()` is []."""
    assert run_text(RunResult(), collections=True).splitlines() == [
        "variables (0)", "", "ops (0)", "", "collections (0)"]


def test_collections_tree_wraps_long_names_to_the_width():
    name = "/".join(f"scope{i}" for i in range(20)) + "/w:0"
    text = render(collections_tree({"variables": [name]}), width=40)
    assert_fits(text, 40)
    assert_no_trailing_blanks(text)
    assert unwrapped(text).replace(" ", "") == f"collections(1)variables(1){name}"


def test_a_collection_key_is_data_not_markup():
    text = render(collections_tree({"[bold]k[/bold] :smile:": ["x:0"]}))
    assert text.splitlines()[1] == "└── [bold]k[/bold] :smile: (1)"


# -------------------------------------------------------------- narrow widths


def long_names_result() -> RunResult:
    scope = "a_rather_long_variable_scope_name"
    name = f"{scope}/{scope}_2/an_extremely_long_variable_name_that_never_ends"
    return RunResult(
        output=["short"],
        variables=[VariableInfo(f"{name}:0", (1024, 1024, 3), "float32", False, "get_variable",
                                name.replace("_2/", "/"), ("h1", "h2", "h3", "h4", "h5"))],
        ops=get_variable_ops(name) + [OpInfo(f"{scope}/ns/matmul", "MatMul")])


@pytest.mark.parametrize("width", [40, 80])
@pytest.mark.parametrize("all_ops", [False, True])
def test_trees_fit_the_width(width, all_ops):
    text = run_text(long_names_result(), width=width, all_ops=all_ops)
    assert_fits(text, width)
    assert_no_trailing_blanks(text)


@pytest.mark.parametrize("width", [40, 80])
def test_trace_fits_the_width(width):
    error = duplicate_error(scopes=[f'scope "{"s" * 30}{i}"' for i in range(5)],
                            source="        variable2 = var " + "v" * 120 + " [1]",
                            column=21, end_column=149)
    text = trace_text(error, width)
    assert_fits(text, width)
    assert_no_trailing_blanks(text)


# --------------------------------------------------------------- deep nesting


def chain_result(depth: int) -> RunResult:
    """10,000 nested scopes "s" with one variable w at the bottom."""
    name = "/".join(["s"] * depth + ["w"])
    return RunResult(variables=[VariableInfo(f"{name}:0", (1,), "float32", True, "get_variable",
                                             name, ("w",))],
                     ops=get_variable_ops(name))


def branching_result(depth: int) -> RunResult:
    """A variable w in each of `depth` nested scopes (a deep tree, not a chain)."""
    variables, ops = [], []
    for level in range(1, depth + 1):
        name = "/".join(["s"] * level + ["w"])
        variables.append(VariableInfo(f"{name}:0", (1,), "float32", True, "get_variable", name))
        ops.append(OpInfo(name, "VariableV2", name))
    return RunResult(variables=variables, ops=ops)


@pytest.mark.parametrize("width", [40, 80])
def test_ten_thousand_nested_scopes_collapse_into_one_elided_node(width):
    text = run_text(chain_result(10_000), width=width)
    assert "s/s/s/… 9,994 more …/s/s/s/" in unwrapped(text)
    assert_fits(text, width)
    assert len(text.splitlines()) < 30


@pytest.mark.parametrize("width", [40, 80])
def test_a_thousand_nested_branches_are_listed_flat_below_a_depth(width):
    text = run_text(branching_result(1_000), width=width, all_ops=True)
    assert_fits(text, width)
    deepest_guides = max(len(line) - len(line.lstrip("│├└─ ")) for line in text.splitlines())
    assert deepest_guides <= 4 * max_tree_depth(width)
    assert re.search(r"s/s/s/… \d+ more …/s/s/w VariableV2", unwrapped(text))


def test_tree_depth_leaves_room_for_labels():
    assert max_tree_depth(40) == 6
    assert max_tree_depth(80) == 16
    assert max_tree_depth(10) == 1
    assert max_tree_depth(1000) == 24


def test_elide_keeps_first_and_last_three():
    assert elide(list("abcdefg")) == list("abcdefg")
    assert elide(list("abcdefgh")) == ["a", "b", "c", "… 2 more …", "f", "g", "h"]


# ---------------------------------------------------------------------- trace


def test_trace_names_file_line_column_scopes_and_tensorflows_message():
    text = trace_text(duplicate_error(), width=200)
    assert text.splitlines() == [
        "Traceback (most recent scope last):",
        '  File "dup.scope", line 4, column 17, in scope "scope1"',
        "    variable2 = var variable1 [1]",
        "                ^^^^^^^^^^^^^^^^^",
        "ValueError: " + ALREADY_EXISTS,
        "",
        '  File "dup.scope", line 2, in <module>',
    ]


def test_trace_at_top_level_names_no_scope():
    error = ProgramError("NameError", "name 'x' is not defined", "f.scope", Span(1, 7, 1, 8),
                         "print x")
    assert trace_text(error).splitlines() == [
        "Traceback (most recent scope last):",
        '  File "f.scope", line 1, column 7',
        "    print x",
        "          ^",
        "NameError: name 'x' is not defined",
    ]


def test_error_without_message_shows_only_its_type():
    error = ProgramError("AssertionError", "", "f.scope", Span(3, 1, 3, 14), "assert v1 is v2")
    assert trace_text(error).splitlines()[-1] == "AssertionError"


def test_deep_scope_stack_shows_first_and_last_three():
    scopes = [f'scope "s{i}"' for i in range(10_000)]
    text = trace_text(duplicate_error(scopes=scopes), width=400)
    assert ('in scope "s0" > scope "s1" > scope "s2" > … 9,994 more … > '
            'scope "s9997" > scope "s9998" > scope "s9999"') in text


def test_mixed_scope_kinds_are_joined_with_arrows():
    text = trace_text(duplicate_error(scopes=['scope "a"', 'name_scope "n"']))
    assert 'in scope "a" > name_scope "n"' in text


def test_trace_syntax_highlights_the_source_line_only_in_color():
    plain = trace_text(duplicate_error(), color=False)
    colored = trace_text(duplicate_error(), color=True)
    assert not ANSI.search(plain)
    assert ANSI.search(colored)
    assert ANSI.sub("", re.sub(r"\x1b\[[0-9;]*m", "", colored)) == plain


@pytest.mark.parametrize("line, column, end, width, expected", [
    ("print x", 7, 8, 80, ("print x", 6, 1)),
    ("    var w [1]", 5, 14, 80, ("var w [1]", 0, 9)),
    ("\tvar w [1]", 2, 3, 80, ("var w [1]", 0, 1)),
    ("a\tb", 3, None, 80, ("a       b", 8, 1)),
    ("print x", 8, None, 80, ("print x", 7, 1)),
])
def test_fit_source_line_drops_indentation_and_expands_tabs(line, column, end, width, expected):
    assert fit_source_line(line, column, end, width) == expected


def test_fit_source_line_windows_a_long_line_around_the_caret():
    line = "x = " + "a" * 200 + " + " + "b" * 200
    column = line.index("+") + 1
    shown, offset, carets = fit_source_line(line, column, column + 1, 36)
    assert len(shown) <= 36
    assert shown.startswith("…") and shown.endswith("…")
    assert shown[offset] == "+" and carets == 1


@pytest.mark.parametrize("column", [1, 50, 99, 100, 101])
def test_fit_source_line_keeps_the_caret_inside_the_width(column):
    shown, offset, carets = fit_source_line("x" * 100, column, None, 36)
    assert len(shown) <= 36 and offset + carets <= 36


def test_fit_source_line_caret_span_is_clipped_to_the_window():
    line = "v = var " + "w" * 300 + " [1]"
    shown, offset, carets = fit_source_line(line, 5, len(line) + 1, 36)
    assert shown.startswith("v = var ") and shown.endswith("…") and len(shown) == 36
    assert offset == 4 and offset + carets == len(shown) - 1


# ------------------------------------------------------- syntax and internal


def syntax_error() -> ScopeSyntaxError:
    return ScopeSyntaxError("expected a name or a shape after 'var'", "bad.scope", 2, 9,
                            "    var [1", expected=("NAME", "["))


def test_syntax_error_prints_the_parsers_rendering():
    con, buffer = console(40)
    print_syntax_error(con, syntax_error())
    assert buffer.getvalue() == syntax_error().render() + "\n"
    assert buffer.getvalue().splitlines()[-1] == "            ^"


def test_syntax_error_json_has_empty_results_and_the_position():
    assert syntax_error_json(syntax_error()) == {
        "output": [], "variables": [], "ops": [], "collections": {},
        "error": {"type": "SyntaxError", "message": "expected a name or a shape after 'var'",
                  "line": 2, "column": 9}}


def test_internal_error_asks_for_a_report():
    con, buffer = console(80)
    print_internal_error(con, RecursionError("maximum recursion depth exceeded"))
    text = buffer.getvalue()
    assert text.startswith("scopesim: internal error: RecursionError: maximum recursion")
    assert "report" in text and "Traceback" not in text


# ------------------------------------------------------------------- consoles


def test_no_color_flag_and_no_color_variable_disable_all_escapes():
    assert make_consoles(no_color=True).out.color_system is None
    assert make_consoles(environ={"NO_COLOR": "1"}).err.color_system is None
    assert make_consoles(environ={"NO_COLOR": ""}, width=40).out.width == 40


def test_a_console_that_cannot_encode_unicode_gets_ascii():
    """LANG=C terminals: ASCII guides and `...`, and program output escaped, not a crash."""
    stream = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    con = Console(file=stream, width=60, color_system=None, highlight=False, markup=False)
    result = chain_result(10_000)
    result.output.append("café")
    print_run(con, result)
    stream.flush()
    text = stream.buffer.getvalue().decode("ascii")
    assert text.splitlines()[0] == "caf\\xe9"
    assert "s/s/s/... 9,994 more .../s/s/s/" in unwrapped(text)


# ---------------------------------------------------------------- function calls


CALLS = """\
def inner(x) <
    return x + missing
>
def outer(x) <
    scope "s" <
        return inner(x)
    >
>
y = outer(1)
"""


def test_trace_shows_each_call_outermost_first_with_its_heads_source_and_caret():
    from scopesim.parser import parse
    from scopesim.runner import run
    error = run(parse(CALLS, "calls.scope")).error
    assert error.type == "NameError"
    lines = trace_text(error, width=200).splitlines()
    assert lines == [
        "Traceback (most recent scope last):",
        '  File "calls.scope", line 9, column 5',
        "    y = outer(1)",
        "        ^^^^^^^^",
        '  File "calls.scope", line 6, column 16, in def outer(x) > scope "s"',
        "    return inner(x)",
        "           ^^^^^^^^",
        '  File "calls.scope", line 2, column 16, in def inner(x)',
        "    return x + missing",
        "               ^^^^^^^",
        "NameError: name 'missing' is not defined",
    ]


def test_a_top_level_error_is_one_frame_as_in_version_1():
    from scopesim.parser import parse
    from scopesim.runner import run
    error = run(parse('scope "a" < var w [1]; var w [1] >', "one.scope")).error
    lines = trace_text(error, width=200).splitlines()
    assert lines[0] == "Traceback (most recent scope last):"
    assert lines[1] == '  File "one.scope", line 1, column 24, in scope "a"'
    assert lines[3].strip().startswith("^")
    assert lines[4].startswith("ValueError: Variable a/w already exists")


def test_recursion_is_counted_as_python_counts_it():
    from scopesim.parser import parse
    from scopesim.runner import run
    error = run(parse("def f(n) < return f(n + 1) >\nf(0)", "rec.scope")).error
    lines = trace_text(error, width=200).splitlines()
    assert error.type == "RecursionError"
    assert len(lines) < 30
    repeated = [line for line in lines if line.startswith("  [Previous line repeated ")]
    assert len(repeated) == 1 and repeated[0].endswith(" more times]")
    assert lines[-1].startswith("RecursionError: maximum recursion depth exceeded")


def test_control_characters_in_a_source_line_are_shown_escaped():
    """Issue 11.7: NUL and \\x01 are escaped, the caret still under `var`."""
    line = "x = 1 # \x00\x01\n"
    assert fit_source_line(line, 1, 2, 80) == ("x = 1 # \\x00\\x01", 0, 1)
    shown, offset, carets = fit_source_line("\x01\x00 = var w [1]", 6, 15, 80)
    assert shown == "\\x01\\x00 = var w [1]"
    assert shown[offset:offset + carets] == "var w [1]"
