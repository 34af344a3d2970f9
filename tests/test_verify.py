"""`scopesim verify`: the comparison of two results, and the command's verdicts.

The comparison (`compare_results`) is exact except for the traceback after
"Originally defined at:".  The command is tested without TensorFlow by
standing in for the TensorFlow runner; `tests/test_live_tf.py` runs the
real thing.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path

import pytest
from rich.console import Console

from scopesim import exitcodes, verify
from scopesim.parser import parse
from scopesim.tf_runner import TensorFlowNotFound
from scopesim.verify import canonical_output, compare_results, message_prefix, run_scopesim

ALREADY = ("Variable v already exists, disallowed. Did you mean to set reuse=True or "
           "reuse=tf.AUTO_REUSE in VarScope? Originally defined at:")


def result(**changes) -> dict:
    base = {
        "output": ["v:0"],
        "variables": [{"name": "v:0", "shape": [1], "dtype": "float32", "trainable": True}],
        "ops": [{"name": "v", "type": "VariableV2"}, {"name": "v/read", "type": "Identity"}],
        "error": None,
    }
    base.update(changes)
    return base


def error(message="boom", type="ValueError", line=2, column=1) -> dict:
    return {"type": type, "message": message, "line": line, "column": column}


# ------------------------------------------------------------ comparison


COLLECTIONS = {"trainable_variables": ["v:0"], "variables": ["v:0"]}


def test_collections_are_compared_when_the_recording_has_them():
    recorded = result(collections=COLLECTIONS)
    assert compare_results(recorded, result(collections=dict(COLLECTIONS))) == []
    for other in ({}, {"variables": ["v:0"]}, {**COLLECTIONS, "losses": ["l:0"]},
                  {"trainable_variables": ["v:0"], "variables": ["v:0", "w:0"]}):
        differences = compare_results(recorded, result(collections=other))
        assert [d.section for d in differences] == ["collections"]


def test_collections_are_not_compared_for_a_recording_without_them():
    """The version-1 corpus was recorded before collections were part of the result."""
    assert compare_results(result(), result(collections=COLLECTIONS)) == []


def test_equal_results_agree():
    assert compare_results(result(), result()) == []


@pytest.mark.parametrize("section, changed", [
    ("output", {"output": ["v_1:0"]}),
    ("variables", {"variables": [{"name": "v:0", "shape": [2], "dtype": "float32",
                                  "trainable": True}]}),
    ("variables", {"variables": [{"name": "v:0", "shape": [1], "dtype": "float32",
                                  "trainable": False}]}),
    ("ops", {"ops": [{"name": "v", "type": "VariableV2"}]}),
    ("ops", {"ops": [{"name": "v/read", "type": "Identity"}, {"name": "v", "type": "VariableV2"}]}),
    ("ops", {"ops": [{"name": "v", "type": "VarHandleOp"}, {"name": "v/read", "type": "Identity"}]}),
    ("error", {"error": error()}),
])
def test_any_difference_in_a_section_is_reported(section, changed):
    differences = compare_results(result(), result(**changed))
    assert [d.section for d in differences] == [section]


@pytest.mark.parametrize("changed", [
    error(type="TypeError"), error(message="bang"), error(line=3), error(column=5),
])
def test_errors_must_agree_in_type_message_and_place(changed):
    assert compare_results(result(error=error()), result(error=changed))


def test_only_the_traceback_after_originally_defined_at_may_differ():
    tensorflow = error(ALREADY + '\n\n  File "t.scope", line 1, in <module>\n\n')
    scopesim = error(ALREADY + '\n\n  File "t.scope", line 1, column 5\n    v = var v [1]\n')
    assert compare_results(result(error=tensorflow), result(error=scopesim)) == []
    assert message_prefix(tensorflow["message"]) == ALREADY


def test_text_before_originally_defined_at_must_match():
    tensorflow = error(ALREADY + "\n\n  File ...\n")
    scopesim = error(ALREADY.replace("Variable v", "Variable w") + "\n\n  File ...\n")
    assert compare_results(result(error=tensorflow), result(error=scopesim))


def test_printed_tracebacks_of_caught_errors_are_allowed_to_differ():
    tensorflow = [ALREADY, "", '  File "t.scope", line 1, in <module>', "", "after"]
    scopesim = [ALREADY, "", '  File "t.scope", line 1, column 5', "    v = var v [1]", "",
                "after"]
    assert canonical_output(tensorflow) == canonical_output(scopesim)
    assert compare_results(result(output=tensorflow), result(output=scopesim)) == []


def test_printed_lines_after_the_traceback_still_count():
    tensorflow = [ALREADY, "", '  File "t.scope", line 1, in <module>', "", "after"]
    scopesim = [ALREADY, "", '  File "t.scope", line 1, column 5', "", "AFTER"]
    assert compare_results(result(output=tensorflow), result(output=scopesim))


def test_difference_renders_as_a_unified_diff():
    [difference] = compare_results(result(output=["a", "b"]), result(output=["a", "c"]))
    assert difference.unified() == ["--- tensorflow", "+++ scopesim", "@@ -1,2 +1,2 @@",
                                    " a", "-b", "+c"]


def test_a_crash_of_scopesim_is_a_difference(monkeypatch):
    def crash(program):
        raise RuntimeError("bug")
    monkeypatch.setattr("scopesim.runner.run", crash)
    crashed = run_scopesim(parse("var w [1]", "t.scope"))
    assert crashed["error"]["type"] == "scopesim crashed"
    assert compare_results(result(), crashed)


# ------------------------------------------------------------- the command


def console() -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, width=200, color_system=None), out


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def fake_tensorflow(monkeypatch, alter=lambda result: result):
    """Stand in for TensorFlow: report scopesim's own result, `alter`ed."""
    monkeypatch.setattr(verify, "find_tensorflow_python", lambda: "python")

    def run_jobs(jobs, python):
        for job in jobs:
            program = parse_job(job)
            yield job["id"], {"result": alter(copy.deepcopy(run_scopesim(program)))}
    monkeypatch.setattr(verify, "run_jobs", run_jobs)


def parse_job(job):
    """The `.scope` program a job was emitted from (its filename is the path)."""
    return parse(Path(job["filename"]).read_text(encoding="utf-8"), job["filename"])


def test_verify_without_tensorflow_says_so_and_exits_2(monkeypatch, tmp_path):
    def missing():
        raise TensorFlowNotFound("TensorFlow is not installed")
    monkeypatch.setattr(verify, "find_tensorflow_python", missing)
    out_console, out = console()
    code = verify.verify_paths([write(tmp_path, "a.scope", "var w [1]")], out_console)
    assert code == exitcodes.USAGE == 2
    assert "TensorFlow is not installed" in out.getvalue()


def test_verify_exits_0_when_all_agree(monkeypatch, tmp_path):
    fake_tensorflow(monkeypatch)
    out_console, out = console()
    paths = [write(tmp_path, "a.scope", "var w [1]"), write(tmp_path, "b.scope", "op")]
    assert verify.verify_paths(paths, out_console) == exitcodes.OK
    assert "2 agree, 0 differ" in out.getvalue()


def test_verify_exits_1_and_shows_the_difference(monkeypatch, tmp_path):
    def rename(result):
        result["output"] = ["w_1:0"]
        return result
    fake_tensorflow(monkeypatch, rename)
    out_console, out = console()
    code = verify.verify_paths([write(tmp_path, "a.scope", "w = var w [1]\nprint w")],
                               out_console)
    text = out.getvalue()
    assert code == exitcodes.DIFFERENCE == 1
    assert "DIFFERS from TensorFlow (output)" in text
    assert "-w_1:0" in text and "+w:0" in text


def test_verify_reports_a_file_that_does_not_parse(monkeypatch, tmp_path):
    fake_tensorflow(monkeypatch)
    out_console, out = console()
    code = verify.verify_paths([write(tmp_path, "bad.scope", "scope <")], out_console)
    assert code == exitcodes.USAGE
    assert "syntax error" in out.getvalue()


def test_unverifiable_programs_are_named_clearly(monkeypatch, tmp_path):
    monkeypatch.setattr(verify, "find_tensorflow_python", lambda: "python")

    def run_jobs(jobs, python):
        for job in jobs:
            yield job["id"], {"unverifiable": "Python cannot compile the emitted program "
                                              "(SyntaxError: too many statically nested blocks)"}
    monkeypatch.setattr(verify, "run_jobs", run_jobs)
    out_console, out = console()
    code = verify.verify_paths([write(tmp_path, "deep.scope", "var w [1]")], out_console)
    assert "CANNOT BE VERIFIED" in out.getvalue()
    assert "1 cannot be verified" in out.getvalue()
    assert code == exitcodes.OK


# ------------------------------------------- the runner's translation to .scope terms


from scopesim import tf_runner  # noqa: E402


def runner_job(**changes) -> dict:
    job = {"id": "0", "source": "", "filename": "case.scope", "line_map": [[12, 3, 5]],
           "spans": [], "renames": {"def": "def_"}}
    job.update(changes)
    return job


def test_runner_rewrites_the_original_definition_to_the_scope_line():
    message = (ALREADY + '\n\n  File "<emitted case.scope>", line 12, in <module>\n'
               '  File "/somewhere/scopesim/tf_runner.py", line 233, in _run_one\n'
               '  File "<frozen runpy>", line 88, in _run_code\n')
    assert tf_runner._rewrite_origins(message, runner_job()) == (
        ALREADY + '\n\n  File "case.scope", line 3, in <module>\n')


def test_runner_rewrites_printed_tracebacks_too():
    printed = ("first\n" + ALREADY + '\n\n  File "<emitted case.scope>", line 12, in <module>\n'
               '  File "/x/tf_runner.py", line 1, in main\n\nafter\n')
    assert tf_runner._rewrite_origins(printed, runner_job()) == (
        "first\n" + ALREADY + '\n\n  File "case.scope", line 3, in <module>\n\nafter\n')


def test_runner_words_name_errors_with_the_handles_own_name():
    assert tf_runner._renamed_back("name 'def_' is not defined", {"def": "def_"}) == \
        "name 'def' is not defined"
    assert tf_runner._renamed_back("name 'x' is not defined", {"def": "def_"}) == \
        "name 'x' is not defined"


def test_runner_locates_errors_at_the_innermost_expression():
    """The failing instruction's column picks the `.scope` expression:
    here the unbound handle `missing`, line 2, column 14."""
    from scopesim.emit import emit_program
    emitted = emit_program(parse("a = 1\nx = 2 * (a + missing)", "case.scope"))
    lines = emitted.source.splitlines()
    body_start = lines.index("tf.disable_v2_behavior()") + 1
    runnable = "\n".join([""] * body_start + lines[body_start:])   # same line numbers, no TF
    try:
        exec(compile(runnable, "<emitted case.scope>", "exec"), {"tf": None})
    except NameError as e:
        error = e
    job = tf_runner.job("0", emitted, "case.scope")
    assert tf_runner._error_location(error.__traceback__, job) == (2, 14)


def test_a_long_diff_is_shortened_with_counts_of_what_was_left_out():
    """Issue 11.6: one huge printed line, and many differing ops, are cut."""
    huge = "x" * 2_000_000
    tensorflow = result(output=[huge], ops=[{"name": f"op_{i}", "type": "NoOp"}
                                            for i in range(500)])
    scopesim_result = result(output=[huge + "y"], ops=[])
    outcome = verify.Outcome("p.scope", "differ", compare_results(tensorflow, scopesim_result))
    out = io.StringIO()
    verify._print_outcome(outcome, Console(file=out, width=100, color_system=None))
    printed = out.getvalue()
    assert len(printed) < 30_000
    assert f"  -{'x' * (verify.MAX_DIFF_LINE_CHARS - 1)}… 1,999,761 more characters\n" in printed
    assert "  +" + "x" * (verify.MAX_DIFF_LINE_CHARS - 1) + "… 1,999,762 more characters\n" in printed
    kept = verify.MAX_DIFF_LINES
    assert f"  … {500 + 1 - kept:,} more diff lines\n" in printed   # 500 ops and the @@ line
    assert all(len(line) < 300 for line in printed.splitlines())


def test_shorten_diff_keeps_a_short_diff_as_it_is():
    lines = ["@@ -1 +1 @@", "-a", "+b"]
    assert verify.shorten_diff(lines) == lines
    assert verify.shorten_diff(["-abcdef"], max_chars=3) == ["-ab… 4 more characters"]
    assert verify.shorten_diff(["-a", "+b", " c"], max_lines=2) == ["-a", "+b", "… 1 more diff line"]


def test_a_broken_line_from_the_tensorflow_runner_is_not_a_traceback(tmp_path):
    """A line that starts like a message but is no JSON (a program's huge
    print cut short) is skipped: the job it belonged to is unverifiable."""
    from scopesim import tf_runner
    fake = tmp_path / "python"
    fake.write_text('#!/bin/sh\necho \'{"id": 0, "stdout": "ok"}\'\necho \'{"id": 1, "stdout\'\n')
    fake.chmod(0o755)
    got = list(tf_runner.run_jobs([{"id": 0}, {"id": 1}], str(fake)))
    assert got == [(0, {"stdout": "ok"}), (1, {"unverifiable": "TensorFlow stopped early"})]
