"""`scopesim diff A B` (--model-only, --suggest-map, --format json) and the key list
formats, against what TensorFlow 2.21 printed, saved and loaded
(tools/record_checkpoint_diff.py wrote tests/checkpoints/diff/)."""

import json
import os

import pytest
from click.testing import CliRunner

from scopesim.checkpoint.diff import is_training_state
from scopesim.checkpoint.keylists import KeyListError, parse_key_list, read_key_list
from scopesim.cli import cli

from test_checkpoint_reader import ROOT, expected

DIFF = os.path.join(ROOT, "diff")
PRINTED = os.path.join(DIFF, "printed")
CASES = ["renamed_scope", "renamed_variable", "optimizer_in_checkpoint", "optimizer_in_model",
         "partitioned"]


def invoke(*args):
    result = CliRunner().invoke(cli, list(args), env={"NO_COLOR": "1", "COLUMNS": "80"})
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback (most recent call last)" not in result.stdout + result.stderr
    return result


def recorded(case):
    with open(os.path.join(DIFF, case, "recorded.json"), encoding="utf-8") as f:
        return json.load(f)


def model_side(case):
    """new.py, run by scopesim; the keys TF saved for it when scopesim does not
    simulate its training ops (tf.train.AdamOptimizer)."""
    if case == "optimizer_in_model":
        return os.path.join(DIFF, case, "new_keys.json")
    return os.path.join(DIFF, case, "new.py")


# ---------------------------------------------------------------- key lists


def printed_samples():
    return sorted(f for f in os.listdir(PRINTED) if f.endswith(".txt"))


@pytest.mark.parametrize("sample", printed_samples())
def test_printed_lists_parse_to_what_tensorflow_listed(sample):
    fixture, fmt = sample.split(".")[:2]
    got = read_key_list(os.path.join(PRINTED, sample))
    want = expected(fixture)
    assert got.kind == ("key list (list_variables)" if fmt == "list_variables"
                        else "key list (inspect_checkpoint)")
    names = [k[0] for k in got.keys]
    assert names == [n for n, _ in want["keys"]]
    for name, shape, dtype in got.keys:
        assert dtype is None if fmt == "list_variables" else dtype == want["dtypes"][name]
    unknown = {n for n, s, _ in got.keys if s is None}
    assert [[n, s] for n, s, _ in got.keys if n not in unknown] == \
        [k for k in want["keys"] if k[0] not in unknown]
    assert len(got.notes) == len(unknown) + (fmt == "list_variables")


def test_debug_listing_cannot_tell_the_axis_of_equal_slices():
    """inspect_checkpoint without flags prints a partitioned tensor's slices, not its
    shape: equal slices of a rank-2 tensor (res/r [4, 2] in two [2, 2]) could be
    either axis; unequal ones (emb/table [10, 8] as 4, 3, 3 rows) cannot."""
    got = read_key_list(os.path.join(PRINTED, "partitioned.inspect.txt"))
    shapes = {n: s for n, s, _ in got.keys}
    assert {n for n, s in shapes.items() if s is None} == {"mn", "res/r", "vs"}
    assert shapes["emb/table"] == [10, 8] and shapes["wa"] == [4, 9] and shapes["emb/vec"] == [5]


@pytest.mark.parametrize("fmt", ["json", "tsv", "text"])
def test_keys_output_is_a_key_list(fmt, tmp_path):
    listed = invoke("keys", os.path.join(ROOT, "names"), "--format", fmt)
    path = tmp_path / f"keys.{fmt}"
    path.write_text(listed.stdout, encoding="utf-8")
    got = read_key_list(str(path))
    want = expected("names")
    assert [[n, s] for n, s, _ in got.keys] == want["keys"]
    assert {n: d for n, _, d in got.keys} == want["dtypes"]


def test_plain_names_compare_by_name_only(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("".join(n + "\n" for n, _ in expected("adam")["keys"]), encoding="utf-8")
    result = invoke("diff", str(path), os.path.join(ROOT, "adam"))
    assert result.exit_code == 0
    assert "names only" in result.stdout
    result = invoke("diff", str(path), os.path.join(ROOT, "plain"))
    assert result.exit_code == 1


@pytest.mark.parametrize("text", ["", "hello world\n", "{\"keys\": 3}", "[('a', 'b')]",
                                  "tensor: a (float32) [2]\n"])
def test_not_a_key_list(text):
    with pytest.raises(KeyListError, match="a key list is the JSON of"):
        parse_key_list(text, "f.txt")


def test_unrecognised_file_is_exit_2(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_bytes(b"\xff\xfe binary")
    result = invoke("diff", str(path), os.path.join(ROOT, "adam"))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"scopesim: cannot read A: {path}: not a key list")
    assert "inspect_checkpoint" in result.stderr


def test_missing_side_is_exit_2(tmp_path):
    result = invoke("diff", os.path.join(ROOT, "adam"), str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert result.stderr.startswith("scopesim: cannot read B: ")


# -------------------------------------------------------------- model only


def slot_cases():
    with open(os.path.join(DIFF, "slots.json"), encoding="utf-8") as f:
        return json.load(f)


@pytest.mark.parametrize("case", sorted(slot_cases()))
def test_model_only_keeps_exactly_the_model_keys(case):
    """Every tf.compat.v1.train optimizer, twice, in a scope; EMA; the global step."""
    recorded_case = slot_cases()[case]
    kept = [k for k in recorded_case["keys"] if not is_training_state(k)]
    if case == "Adam_named":     # AdamOptimizer(name="MyAdam"): its slots are not known
        assert kept == sorted(recorded_case["model"] +
                              [k for k in recorded_case["keys"] if "/MyAdam" in k])
    else:
        assert kept == recorded_case["model"]


# ------------------------------------------------------------------- diff


@pytest.mark.parametrize("case", CASES)
def test_diff_lists_what_tensorflow_saved_differently(case):
    rec = recorded(case)
    a = {k["name"]: [k["shape"], k["dtype"]] for k in rec["new_keys"]}
    b = {k: [s, rec["checkpoint_dtypes"][k]] for k, s in rec["checkpoint_keys"]}
    result = invoke("diff", model_side(case), os.path.join(DIFF, case), "--format", "json")
    got = json.loads(result.stdout)
    assert list(got) == ["only_in_a", "only_in_b", "mismatched", "assignment_map"]
    assert got["only_in_a"] == sorted(set(a) - set(b))
    assert got["only_in_b"] == sorted(set(b) - set(a))
    assert got["mismatched"] == [{"key": k, "a": dict(zip(["shape", "dtype"], a[k])),
                                  "b": dict(zip(["shape", "dtype"], b[k]))}
                                 for k in sorted(set(a) & set(b)) if a[k] != b[k]]
    assert got["assignment_map"] is None
    assert result.exit_code == (0 if a == b else 1)


def test_model_only_diff_of_a_trained_checkpoint_matches():
    case = "optimizer_in_checkpoint"
    rec = recorded(case)
    result = invoke("diff", model_side(case), os.path.join(DIFF, case), "--model-only")
    assert result.exit_code == 0, result.stdout
    a, b = len(rec["new_keys"]), len(rec["checkpoint_keys"])
    assert result.stdout.splitlines()[-1] == f"A and B match: A {a} keys, B {b}, all {a} the same"


def test_program_and_its_own_checkpoint_match():
    result = invoke("diff", os.path.join(ROOT, "programs", "encoder.py"),
                    os.path.join(ROOT, "program_encoder"))
    assert result.exit_code == 0
    assert result.stdout == "A and B match: A 9 keys, B 9, all 9 the same\n"


def test_shape_mismatch_text():
    result = invoke("diff", os.path.join(ROOT, "adam"), os.path.join(ROOT, "plain"),
                    "--model-only")
    assert result.exit_code == 1
    assert "emb/table" in result.stdout.split("only in A (1):")[1].splitlines()[1]


# ------------------------------------------------------------- suggest map


@pytest.mark.parametrize("case", CASES)
def test_suggested_map_is_the_one_tensorflow_accepted(case):
    rec = recorded(case)
    result = invoke("diff", model_side(case), os.path.join(DIFF, case), "--model-only",
                    "--suggest-map", "--format", "json")
    got = json.loads(result.stdout)
    assert got["assignment_map"] == rec["assignment_map"]
    assert rec["error"] is None
    model = sorted(k["name"] for k in rec["new_keys"] if not is_training_state(k["name"]))
    loaded = {name.split("/part_")[0] for name in rec["initialised"]}
    assert sorted(loaded) == model        # TF loaded every model variable (or all its parts)
    assert result.exit_code == 0


@pytest.mark.parametrize("case", ["renamed_scope", "renamed_variable", "optimizer_in_model"])
def test_a_shorter_map_is_refused_by_tensorflow(case):
    """The one-entry map these cases cannot have: TensorFlow refused it."""
    from scopesim.checkpoint.assignment import resolve_assignment_map
    from scopesim.errors import TFValueError
    rec = recorded(case)
    rejected = rec["rejected"]
    assert rejected["error"]["type"] == "ValueError"
    checkpoint = {k: (s, rec["checkpoint_dtypes"][k]) for k, s in rec["checkpoint_keys"]}
    store = {name: tuple(info) for name, info in rec["store"].items()}
    with pytest.raises(TFValueError) as caught:
        resolve_assignment_map(rejected["assignment_map"], checkpoint, store, "<case>")
    assert str(caught.value) == rejected["error"]["message"]


def test_suggested_map_text_is_python():
    case = "renamed_scope"
    folder = os.path.join(DIFF, case)
    result = invoke("diff", model_side(case), folder, "--suggest-map")
    text = result.stdout
    code = text[text.index("assignment_map = {"):text.index("\n\n", text.index("assignment_map"))]
    calls = []
    namespace = {"tf": type("tf", (), {"train": type("train", (), {
        "init_from_checkpoint": staticmethod(lambda *a: calls.append(a))})})}
    exec(code, namespace)
    assert namespace["assignment_map"] == recorded(case)["assignment_map"]
    assert calls and calls[0][1] == recorded(case)["assignment_map"]


def test_unexplained_variables_are_listed():
    """Without --model-only, the Adam slots and global_step of A have no source."""
    case = "optimizer_in_model"
    rec = recorded(case)
    result = invoke("diff", model_side(case), os.path.join(DIFF, case), "--suggest-map")
    assert result.exit_code == 1
    listed = result.stdout.split("no map can load (")[1].split("\n")
    slots = sorted(k["name"] for k in rec["new_keys"] if is_training_state(k["name"]))
    assert [line.split()[0] for line in listed[1:1 + len(slots)]] == slots


def test_suggest_map_needs_shapes_of_b(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("enc/w1\n", encoding="utf-8")
    result = invoke("diff", os.path.join(ROOT, "adam"), str(path), "--suggest-map")
    assert result.exit_code == 2
    assert "--suggest-map needs B's shapes" in result.stderr


# ----------------------------------------------------------------- README


def readme_examples():
    """The `$ scopesim ...` blocks of the README's checkpoint section: (argv, output)."""
    import shlex
    path = os.path.join(os.path.dirname(ROOT), "..", "README.md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    section = text[text.index("## Checkpoints: keys, diff, assignment maps"):]
    section = section[:section.index("\n## ", 1)]
    blocks = section.split("```\n")[1::2]
    return [(shlex.split(b.split("\n", 1)[0][len("$ scopesim "):]), b.split("\n", 1)[1])
            for b in blocks if b.startswith("$ scopesim ")]


def test_readme_examples_print_what_the_readme_shows(monkeypatch):
    monkeypatch.chdir(os.path.join(ROOT, "..", ".."))
    examples = readme_examples()
    assert [argv[0] for argv in (a for a, _ in examples)] == ["keys", "diff", "diff", "diff"]
    for argv, shown in examples:
        assert invoke(*argv).stdout == shown


def test_readme_map_is_the_one_tensorflow_accepted():
    argv, shown = readme_examples()[2]
    start = shown.index("assignment_map = {")
    namespace = {}
    exec(shown[start:shown.index("}", start) + 1], namespace)
    assert namespace["assignment_map"] == recorded("renamed_scope")["assignment_map"]
    assert recorded("renamed_scope")["error"] is None


# ------------------------------------------------------------ more sides


def test_scope_program_against_the_checkpoint_tensorflow_saved(tmp_path):
    """tests/checkpoints/tiny was saved by TF from these two variables (make_checkpoints.py)."""
    program = tmp_path / "tiny.scope"
    program.write_text('w = tf.get_variable("w", [2, 3])\n'
                       'p = tf.get_variable("p", [4], partitioner=tf.fixed_size_partitioner(2))\n',
                       encoding="utf-8")
    result = invoke("diff", str(program), os.path.join(ROOT, "tiny"), "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"only_in_a": [], "only_in_b": [], "mismatched": [],
                                         "assignment_map": None}


def test_program_error_exits_as_run(tmp_path):
    program = tmp_path / "bad.scope"
    program.write_text("x = 1 / 0\n", encoding="utf-8")
    result = invoke("diff", str(program), os.path.join(ROOT, "tiny"))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.rstrip().endswith("ZeroDivisionError: division by zero")


def test_json_notes_go_to_stderr(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("p\nw\n", encoding="utf-8")
    result = invoke("diff", str(path), os.path.join(ROOT, "tiny"), "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["only_in_a"] == []
    assert result.stderr == ("note: A: a list of names only: compared by name, without shapes "
                             "or dtypes\n")


def test_a_key_listed_twice_is_exit_2(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("w\nw\n", encoding="utf-8")
    result = invoke("diff", str(path), os.path.join(ROOT, "tiny"))
    assert result.exit_code == 2
    assert "the key 'w' is listed twice" in result.stderr


def test_deeply_nested_json_is_not_a_key_list():
    with pytest.raises(KeyListError):
        parse_key_list("[" * 100000 + "]" * 100000, "deep.json")


def _expected_diff(a_name, b_name):
    a, b = expected(a_name), expected(b_name)
    sa = {n: {"shape": s, "dtype": a["dtypes"][n]} for n, s in a["keys"]}
    sb = {n: {"shape": s, "dtype": b["dtypes"][n]} for n, s in b["keys"]}
    return {"only_in_a": sorted(set(sa) - set(sb)), "only_in_b": sorted(set(sb) - set(sa)),
            "mismatched": [{"key": k, "a": sa[k], "b": sb[k]}
                           for k in sorted(set(sa) & set(sb)) if sa[k] != sb[k]],
            "assignment_map": None}


@pytest.mark.parametrize("a, b", [("program_encoder", "adam"), ("plain", "adam"),
                                  ("adam", "partitioned"), ("tiny", "sharded"),
                                  ("names", "names")])
def test_diff_of_two_checkpoints_is_what_their_tensorflow_lists_give(a, b):
    result = invoke("diff", os.path.join(ROOT, a), os.path.join(ROOT, b), "--format", "json")
    want = _expected_diff(a, b)
    assert json.loads(result.stdout) == want
    same = not (want["only_in_a"] or want["only_in_b"] or want["mismatched"])
    assert result.exit_code == (0 if same else 1)


def test_a_dtype_mismatch(tmp_path):
    """The adam checkpoint's keys with global_step's dtype changed to int32."""
    want = expected("adam")
    rows = [{"name": n, "shape": s, "dtype": "int32" if n == "global_step" else want["dtypes"][n]}
            for n, s in want["keys"]]
    path = tmp_path / "keys.json"
    path.write_text(json.dumps({"keys": rows}), encoding="utf-8")
    result = invoke("diff", str(path), os.path.join(ROOT, "adam"), "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["mismatched"] == [
        {"key": "global_step", "a": {"shape": [], "dtype": "int32"},
         "b": {"shape": [], "dtype": want["dtypes"]["global_step"]}}]
    text = invoke("diff", str(path), os.path.join(ROOT, "adam")).stdout
    assert "shape or dtype differs (1):\n  global_step  A []  int32  B []  int64\n" in text


def fixture_maps():
    with open(os.path.join(DIFF, "fixture_maps.json"), encoding="utf-8") as f:
        return json.load(f)


def test_suggest_map_from_a_listing_with_unknown_shapes():
    """B is inspect_checkpoint's debug listing (three partitioned keys without a
    shape); TF loaded the checkpoint it lists into the graph that saved it with the
    suggested map, every part of every key."""
    result = invoke("diff", os.path.join(ROOT, "partitioned"),
                    os.path.join(PRINTED, "partitioned.inspect.txt"), "--suggest-map",
                    "--format", "json")
    assert result.exit_code == 0
    rec = fixture_maps()["partitioned"]
    assert json.loads(result.stdout)["assignment_map"] == rec["assignment_map"]
    assert rec["error"] is None
    assert sorted({n.split("/part_")[0] for n in rec["initialised"]}) == \
        [n for n, _ in expected("partitioned")["keys"]]
    assert "note: 3 keys of B without a known shape: the map is checked by name there\n" \
        in result.stderr


def test_model_only_map_of_a_trained_checkpoint_into_its_own_graph():
    """adam into the graph that trained it: one scope entry, which TF accepted; it
    loaded every model variable (and the slots a scope covers)."""
    result = invoke("diff", os.path.join(ROOT, "adam"), os.path.join(ROOT, "adam"),
                    "--model-only", "--suggest-map", "--format", "json")
    assert result.exit_code == 0
    rec = fixture_maps()["adam"]
    assert json.loads(result.stdout)["assignment_map"] == rec["assignment_map"]
    assert rec["error"] is None
    model = [n for n, _ in expected("adam")["keys"] if not is_training_state(n)]
    loaded = {n.split("/part_")[0] for n in rec["initialised"]}
    assert set(model) <= loaded


def test_debug_listing_dtype_names_are_tensorflows():
    from scopesim.checkpoint.keylists import ENUM_TO_DTYPE
    with open(os.path.join(PRINTED, "dtype_enum.json"), encoding="utf-8") as f:
        assert ENUM_TO_DTYPE == json.load(f)
