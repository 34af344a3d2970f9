"""`scopesim check`: samples carry their expected output; check compares,
--update records."""

import io
import os
from pathlib import Path

import pytest
from rich.console import Console

from scopesim import check as check_module
from scopesim.check import MARKER, check_paths, split_expectation

PROGRAM = 'scope "s" <\n    v = var w [1]\n>\nprint v\n'
BLOCK = MARKER + "\n#| s/w:0\n"


def run_check_streams(*paths, update=False, record_new=False):
    """(exit status, what check printed on stdout, on stderr)."""
    out, err = io.StringIO(), io.StringIO()
    status = check_paths([str(p) for p in paths], update,
                         Console(file=out, width=200, color_system=None),
                         Console(file=err, width=200, color_system=None),
                         record_new=record_new)
    return status, out.getvalue(), err.getvalue()


def run_check(*paths, update=False, record_new=False):
    """(exit status, what check printed on either stream)."""
    status, out, err = run_check_streams(*paths, update=update, record_new=record_new)
    return status, out + err


@pytest.fixture
def sample(tmp_path):
    def write(text, name="sample.scope"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        return path
    return write


def test_sample_whose_output_matches_passes(sample):
    path = sample(PROGRAM + "\n" + BLOCK)
    status, printed = run_check(path)
    assert status == 0
    assert printed.splitlines()[0] == f"PASS    {path}"


def test_different_output_fails_with_a_unified_diff(sample):
    path = sample(PROGRAM + "\n" + MARKER + "\n#| s/w_1:0\n")
    status, printed = run_check(path)
    assert status == 1
    assert f"FAIL    {path}  (output differs)" in printed
    assert "--- expected" in printed and "+++ actual" in printed
    assert "    -#| s/w_1:0" in printed
    assert "    +#| s/w:0" in printed


def test_sample_without_expectation_fails(sample):
    path = sample(PROGRAM)
    status, printed = run_check(path)
    assert status == 1
    assert "no expected output recorded; --record-new records one" in printed


def test_update_records_the_expectation_and_keeps_the_program_byte_for_byte(sample):
    program = "# a comment\r\nvar w [1]  \n\n\nprint get_name_scope()\n"
    path = sample(program)
    status, printed = run_check(path, update=True, record_new=True)
    assert status == 0
    assert f"UPDATED {path}" in printed
    text = path.read_bytes().decode()
    assert text == program.rstrip("\n") + "\n\n" + MARKER + "\n#|\n"
    assert run_check(path)[0] == 0


def test_update_writes_through_a_temporary_file_and_os_replace(sample, monkeypatch):
    path = sample(PROGRAM + "\n" + MARKER + "\n#| stale\n")
    replaced = []
    real_replace = os.replace

    def spy(source, destination):
        replaced.append((Path(source), Path(destination), Path(source).read_text()))
        real_replace(source, destination)

    monkeypatch.setattr(check_module.os, "replace", spy)
    assert run_check(path, update=True)[0] == 0
    [(temporary, destination, written)] = replaced
    assert destination == path and temporary.parent == path.parent and temporary != path
    assert written == PROGRAM + "\n" + BLOCK
    assert sorted(p.name for p in path.parent.iterdir()) == ["sample.scope"]


def test_update_keeps_the_file_mode(sample):
    path = sample(PROGRAM)
    path.chmod(0o640)
    run_check(path, update=True, record_new=True)
    assert path.stat().st_mode & 0o777 == 0o640


def test_update_leaves_a_passing_sample_alone(sample):
    path = sample(PROGRAM + "\n" + BLOCK)
    before = path.stat().st_mtime_ns
    status, printed = run_check(path, update=True)
    assert status == 0 and printed.startswith("PASS")
    assert path.stat().st_mtime_ns == before


def test_update_never_touches_a_file_that_does_not_parse(sample):
    text = 'scope "s" <\n    var w [1\n>\n' + "\n" + MARKER + "\n#| old\n"
    path = sample(text)
    before = path.stat().st_mtime_ns
    status, printed = run_check(path, update=True)
    assert status == 2                      # not a program: as `run`, a syntax error is 2
    assert "FAIL" in printed and "syntax error, file not updated" in printed
    assert path.read_text() == text and path.stat().st_mtime_ns == before


def test_program_ending_in_an_error_records_it_on_bang_lines(sample):
    path = sample("w = var w [1]\nprint w\nassert w is not w\nprint w\n")
    run_check(path, record_new=True)
    assert path.read_text().endswith(MARKER + "\n#| w:0\n#! AssertionError\n")
    assert run_check(path)[0] == 0


def test_already_exists_message_names_the_sample_by_base_name(sample, tmp_path, monkeypatch):
    path = sample('scope "s" <\n    var w [1]\n    var w [1]\n>\n', name="deep/dup.scope")
    run_check(path, record_new=True)
    block = path.read_text().split(MARKER + "\n")[1]
    assert block.startswith("#! ValueError: Variable s/w already exists, disallowed.")
    assert "dup.scope" in block and "deep/" not in block
    monkeypatch.chdir(tmp_path / "deep")
    assert run_check("dup.scope")[0] == 0


def test_a_folder_is_searched_recursively_one_line_per_file(sample, tmp_path):
    sample(PROGRAM + "\n" + BLOCK, name="a.scope")
    sample(PROGRAM, name="sub/b.scope")
    sample("not a sample", name="sub/notes.txt")
    sample("print 1", name=".venv/hidden.scope")
    status, printed = run_check(tmp_path)
    lines = printed.splitlines()
    assert status == 1
    assert lines[0] == f"PASS    {tmp_path / 'a.scope'}"
    assert lines[1].startswith(f"FAIL    {tmp_path / 'sub' / 'b.scope'}")
    assert lines[-1] == "2 file(s): 1 passed, 1 failed"


def test_a_missing_path_is_a_usage_error(tmp_path):
    status, printed = run_check(tmp_path / "nope")
    assert status == 2 and "no such file or folder" in printed


def test_a_folder_without_samples_is_a_usage_error(tmp_path):
    status, printed = run_check(tmp_path)
    assert status == 2 and "no .scope files" in printed


def test_lines_after_the_marker_must_be_expectation_lines(sample):
    text = PROGRAM + "\n" + BLOCK + "print v\n"
    path = sample(text)
    status, printed = run_check(path, update=True)
    assert status == 1 and "malformed expectation" in printed
    assert path.read_text() == text


def test_one_space_after_the_marker_is_optional(sample):
    path = sample(PROGRAM + "\n" + MARKER + "\n#|s/w:0\n\n")
    assert run_check(path)[0] == 0


def test_split_expectation_takes_the_last_marker_and_skips_blank_lines():
    text = f"{MARKER}\nprint 1\n{MARKER}\n#| a\n\n#!\n"
    program, block = split_expectation(text)
    assert program == f"{MARKER}\nprint 1\n"
    assert block == ["#| a", "#!"]
    assert split_expectation("print 1\n") == ("print 1\n", None)


# ------------------------------------------------- issue 11: 1, 3 and 5


def test_without_a_path_check_asks_for_one_and_walks_nothing(sample, tmp_path, monkeypatch):
    """Issue 11.1: no PATH is not the working directory (from a source
    checkout that took all of tests/conformance/ for samples)."""
    path = sample(PROGRAM)
    monkeypatch.chdir(tmp_path)
    status, out, err = run_check_streams()
    assert status == 2 and out == ""
    assert "Give the files or folders to check" in err
    status, out, err = run_check_streams(update=True)
    assert status == 2 and path.read_text() == PROGRAM


def test_update_leaves_a_file_without_an_expectation_block_alone(sample):
    """Issue 11.1: --update rewrites blocks; recording a first one into a
    file that has none needs --record-new."""
    path = sample(PROGRAM)
    before = path.stat().st_mtime_ns
    status, printed = run_check(path, update=True)
    assert status == 1
    assert "no expected output recorded, file not updated; --record-new" in printed
    assert path.read_text() == PROGRAM and path.stat().st_mtime_ns == before
    assert run_check(path, record_new=True)[0] == 0
    assert path.read_text() == PROGRAM + "\n" + BLOCK


def test_update_still_rewrites_a_stale_block(sample):
    path = sample(PROGRAM + "\n" + MARKER + "\n#| stale\n")
    assert run_check(path, update=True)[0] == 0
    assert path.read_text() == PROGRAM + "\n" + BLOCK


def test_diagnostics_go_to_stderr_and_the_report_to_stdout(sample, tmp_path):
    """Issue 11.3: a path that does not exist is said on stderr."""
    path = sample(PROGRAM + "\n" + BLOCK)
    status, out, err = run_check_streams(path, tmp_path / "nonexist.scope")
    assert status == 2
    assert err == f"ERROR {tmp_path / 'nonexist.scope'}: no such file or folder\n"
    assert out.startswith(f"PASS    {path}\n") and "nonexist" not in out
    empty = tmp_path / "empty"
    empty.mkdir()
    status, out, err = run_check_streams(empty)
    assert status == 2 and out == "" and "no .scope files" in err


def test_an_unreadable_sample_is_said_on_stderr(sample):
    path = sample(PROGRAM)
    path.write_bytes(b"\xff\xfe not utf-8")
    status, out, err = run_check_streams(path)
    assert status == 2
    assert f"ERROR   {path}  (cannot read" in err and "ERROR" not in out


def test_a_syntax_error_exits_2_as_in_run(sample):
    """Issue 11.5: the README's rule (syntax error = 2) holds for check too;
    a difference elsewhere does not lower it."""
    bad = sample("var w [1\n", name="bad.scope")
    differs = sample(PROGRAM + "\n" + MARKER + "\n#| other\n", name="differs.scope")
    status, out, _ = run_check_streams(bad, differs)
    assert status == 2
    assert f"FAIL    {bad}  (syntax error)" in out
