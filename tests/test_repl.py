"""The REPL, used as a person uses it.

Three layers of tests:

* a pseudo-terminal (pexpect) drives the real `scopesim repl` process:
  prompts, a multi-line block, an error, carrying on, `:vars`, Ctrl-C,
  history across sessions, Tab, Ctrl-D;
* prompt_toolkit's pipe input and DummyOutput drive `run_repl` in-process,
  for meta-commands, Ctrl-C and `:save`/`:load`;
* standard input from a pipe: no prompts, scriptable.

prompt_toolkit redraws the input line with escape codes (highlighting,
cursor moves), so the pexpect tests wait for what programs print and for
the bare prompt words ("scope>", "..."), never for the echo of the typing.
"""

import io
import os
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from scopesim import repl as repl_module
from scopesim.repl import META_COMMANDS, Repl, default_history_path, run_repl

ROOT = Path(__file__).resolve().parent.parent
CTRL_C = "\x03"
CTRL_D = "\x04"


# ---------------------------------------------------------------- a terminal


def repl_command() -> list[str]:
    """`python -m scopesim repl` once the CLI has the command, else run_repl."""
    try:
        from scopesim.cli import cli
        if "repl" in getattr(cli, "commands", {}):
            return [sys.executable, "-m", "scopesim", "repl"]
    except ImportError:
        pass
    return [sys.executable, "-c", "from scopesim.repl import run_repl; raise SystemExit(run_repl())"]


@pytest.fixture
def terminal(tmp_path):
    """Start the REPL in a pseudo-terminal; yields a function that does it
    (so a test can start two sessions that share a history)."""
    children = []

    def start(*, cpr_env=True, columns=200):
        command = repl_command()
        environment = dict(os.environ, XDG_STATE_HOME=str(tmp_path / "state"),
                           TERM="xterm-256color", PROMPT_TOOLKIT_NO_CPR="1",
                           PYTHONPATH=str(ROOT), COLUMNS=str(columns))
        environment.pop("NO_COLOR", None)
        if not cpr_env:       # a terminal that is asked for the cursor position, never answering
            environment.pop("PROMPT_TOOLKIT_NO_CPR")
        child = pexpect.spawn(command[0], command[1:], env=environment, cwd=str(tmp_path),
                              dimensions=(40, columns), encoding="utf-8", timeout=20)
        children.append(child)
        child.expect_exact("scope>")
        return child

    yield start
    for child in children:
        if child.isalive():
            child.terminate(force=True)


def at_prompt(child) -> None:
    """Wait for a fresh prompt: keys typed before it would reach a terminal
    still in cooked mode, where Ctrl-C and Ctrl-D are signals, not keys."""
    child.expect_exact("scope>")


def leave(child) -> int:
    at_prompt(child)
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


def test_block_error_and_recovery_in_a_terminal(terminal):
    child = terminal()
    # A multi-line block: each Enter inside the open block shows the continuation prompt.
    child.send('scope "scope1" <\r')
    child.expect_exact("...")
    child.send("v1 = var variable1 [1]\r")
    child.expect_exact("...")
    child.send(">\r")
    child.send("print v1\r")
    child.expect_exact("scope1/variable1:0")
    # The duplicate variable: TensorFlow's ValueError, with the trace of `run`.
    child.send('scope "scope1" < v2 = var variable1 [1] >\r')
    child.expect_exact("Traceback (most recent scope last):")
    child.expect_exact("ValueError")
    child.expect_exact("Variable scope1/variable1 already exists, disallowed.")
    # The session goes on, in the state TensorFlow would be in.
    child.send('scope "scope1" reuse=true < v2 = var variable1 [1] >\r')
    child.send("assert v1 is v2; print v2\r")
    child.expect_exact("scope1/variable1:0")
    child.send("w = var other [2, 3]\r")
    child.send(":vars\r")
    child.expect_exact("variables (2)")
    child.expect_exact("variable1:0")
    child.expect_exact("other:0")
    assert leave(child) == 0


def test_ctrl_c_drops_the_unfinished_block(terminal):
    child = terminal()
    child.send('scope "dropped" <\r')
    child.expect_exact("...")
    child.send("var lost [1]\r")
    child.expect_exact("...")
    child.sendcontrol("c")
    child.send(":vars\r")
    child.expect_exact("variables (0)")
    assert leave(child) == 0


def test_history_is_kept_across_sessions_and_up_recalls_it(terminal, tmp_path):
    child = terminal()
    child.send("w = var remembered [1]; print w\r")
    child.expect_exact("remembered:0")
    assert leave(child) == 0
    history = tmp_path / "state" / "scopesim" / "history"
    assert "w = var remembered [1]; print w" in history.read_text()

    child = terminal()
    child.send("\x1b[A")         # Up: the last input of the previous session
    child.send("\r")
    child.expect_exact("remembered:0")
    assert leave(child) == 0


def test_ctrl_r_finds_an_earlier_input(terminal):
    child = terminal()
    child.send("w = var findme [1]; print w\r")
    child.expect_exact("findme:0")
    at_prompt(child)
    child.send('print "something else"\r')
    child.expect_exact("something else\r")
    at_prompt(child)
    child.sendcontrol("r")
    child.expect_exact("I-search backward:")
    child.send("findme")
    child.expect_exact("findme")
    child.send("\r")           # accept the match
    child.send("\r")           # run it: the same get_variable again
    child.expect_exact("Variable findme already exists")
    assert leave(child) == 0


def test_tab_completes_a_handle(terminal):
    child = terminal()
    child.send("a_long_handle = var tabbed [1]; print a_long_handle\r")
    child.expect_exact("tabbed:0")
    at_prompt(child)
    # Tab then Enter at once: the completion is applied before Enter is read,
    # so what runs is `print a_long_handle` (not a NameError for a_long_h).
    # The test looks at what ran, not at how the line was redrawn.
    child.send("print a_long_h\t\r")
    assert child.expect_exact(["tabbed:0", "NameError"]) == 0
    assert leave(child) == 0


#: What prompt_toolkit writes when a prompt is done (bracketed paste off):
#: keys sent after it are typed ahead, while the input runs.
PROMPT_DONE = "\x1b[?2004l"


def test_ctrl_d_typed_ahead_is_not_lost(terminal):
    """Issue 11.12: Ctrl-D typed right after Enter, before the REPL has
    printed the result, leaves the REPL, also when the terminal does not
    answer cursor-position requests (pexpect's never does)."""
    child = terminal(cpr_env=False)
    child.send('for i in range(10000) < c = const 1.0 >; print "first"\r')
    child.expect_exact(PROMPT_DONE)
    child.sendcontrol("d")          # typed ahead: the result is not printed yet
    child.expect_exact("first")
    child.expect(pexpect.EOF, timeout=10)
    child.close()
    assert child.exitstatus == 0


def test_keys_typed_while_a_program_runs_reach_the_next_prompt(terminal):
    """Issue 11.12: between prompts the terminal is not left in cooked mode,
    where Ctrl-D would be eaten as an end of file by the line discipline."""
    child = terminal()
    child.send('for i in range(10000) < c = const 1.0 >; print "ran"\r')
    child.expect_exact(PROMPT_DONE)     # the prompt has ended: the input runs now
    child.sendcontrol("d")
    child.expect_exact("ran")
    child.expect(pexpect.EOF, timeout=10)
    child.close()
    assert child.exitstatus == 0


def test_quit_command_leaves(terminal):
    child = terminal()
    child.send(":quit\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


# ---------------------------------------------------------------- pipe input


def drive(keys: str, tmp_path: Path) -> str:
    """Type `keys` into run_repl through a prompt_toolkit pipe; what it printed."""
    out = io.StringIO()
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        status = run_repl(Console(file=out, width=200, color_system=None),
                          input=pipe, output=DummyOutput(),
                          history_path=tmp_path / "history")
    assert status == 0
    return out.getvalue()


def test_statements_run_as_entered_and_a_block_waits_for_its_end(tmp_path):
    printed = drive('scope "a" <\rv = var w [1]\rprint "inside"\r>\rprint v\r' + CTRL_D,
                    tmp_path)
    assert printed.splitlines()[1:] == ["inside", "a/w:0"]


def test_help_lists_every_meta_command(tmp_path):
    printed = drive(":help\r" + CTRL_D, tmp_path)
    assert f"The history is kept in {default_history_path()}." in printed
    for name, command in META_COMMANDS.items():
        assert f":{name}" in printed and command.help in printed


def test_scope_shows_the_root_between_statements(tmp_path):
    printed = drive(":scope\r" + CTRL_D, tmp_path)
    assert 'variable scope: ""  (the root)' in printed
    assert 'name scope: ""  (the root)' in printed


def test_unknown_and_ambiguous_meta_commands_are_reported(tmp_path):
    printed = drive(":frobnicate\r:s\r:va\r" + CTRL_D, tmp_path)
    assert "unknown command :frobnicate" in printed
    assert "ambiguous command :s (could be :scope, :save)" in printed
    assert "variables (0)" in printed


def test_ops_shows_the_op_tree_folded_or_all(tmp_path):
    """Op names as TensorFlow makes them (catalogue E4, B1): the glorot initializer
    ops under w/Initializer/random_uniform, and `v + 1.0` at the root is `add` with `add/y`."""
    printed = drive("v = var w [1]\rx = v + 1.0\r:ops\r:ops all\r" + CTRL_D, tmp_path)
    assert "internal error" not in printed
    assert "variable w (VariableV2, +9 internal ops)" in printed
    assert "random_uniform  AddV2" in printed and "RandomUniform  RandomUniform" in printed
    assert "add  AddV2" in printed and "y  Const" in printed


def test_ctrl_c_drops_the_current_input(tmp_path):
    printed = drive('scope "a" <\rvar w [1]\r' + CTRL_C + 'print "fresh"\r:vars\r' + CTRL_D,
                    tmp_path)
    assert "fresh" in printed and "variables (0)" in printed


def test_quit_stops_reading(tmp_path):
    printed = drive(':quit\rprint "never"\r', tmp_path)
    assert "never" not in printed


def test_reset_forgets_the_graph_and_the_handles(tmp_path):
    printed = drive("v = var w [1]\r:reset\rprint v\rv = var w [1]\rprint v\r" + CTRL_D,
                    tmp_path)
    assert "NameError: name 'v' is not defined" in printed
    assert printed.rstrip().endswith("w:0")


def test_save_then_load_rebuilds_the_same_state(tmp_path):
    saved = tmp_path / "session.scope"
    keys = ('w = var w [1]; print w\r'
            'scope "a" <\rv = var x [1]\rvar x [1]\r>\r'       # raises after creating a/x
            'print v\r'
            'scope "broken" <\r'                               # a syntax error: not saved
            f'var ok [1] foo\r:save {saved}\r:reset\r:load {saved}\r:vars\r' + CTRL_D)
    printed = drive(keys, tmp_path)
    text = saved.read_text()
    assert "try <" in text and "> except ValueError" in text
    assert "foo" not in text
    after_load = printed.split("a fresh graph")[1]
    assert "w:0" in after_load and "a/x:0" in after_load
    assert "variables (2)" in after_load
    assert "Traceback" not in after_load


def test_save_keeps_the_raising_statement_in_try_and_drops_what_never_ran():
    session = Repl(Console(file=io.StringIO()))
    session.submit('w = var w [1]; var w [1]; print "never"')
    assert session.saved_text() == ("w = var w [1]\n"
                                    "# raised ValueError when entered; kept for what it created\n"
                                    "try <\n    var w [1]\n> except ValueError\n")


def test_load_of_a_missing_file_says_so(tmp_path):
    printed = drive(f":load {tmp_path / 'nope.scope'}\r" + CTRL_D, tmp_path)
    assert "cannot read" in printed


def test_emit_prints_the_tensorflow_program(tmp_path):
    pytest.importorskip("scopesim.emit")
    printed = drive('scope "a" < v = var w [1] >\rprint v\r:emit\r' + CTRL_D, tmp_path)
    assert "with tf.variable_scope('a'):" in printed
    assert "v = tf.get_variable('w', [1])" in printed


def test_an_internal_error_is_reported_and_the_repl_goes_on(tmp_path, monkeypatch):
    def broken(self, text, filename=None):
        raise RuntimeError("boom")

    monkeypatch.setattr(Repl, "run_source", broken)
    printed = drive("print 1\r:help\r" + CTRL_D, tmp_path)
    assert "internal error: RuntimeError: boom" in printed
    assert ":quit" in printed


def test_history_goes_to_xdg_state_home_or_local_state(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    assert default_history_path() == tmp_path / "scopesim" / "history"
    monkeypatch.setenv("XDG_STATE_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_history_path() == tmp_path / "home" / ".local/state/scopesim/history"


def test_completion_offers_keywords_handles_names_and_attributes(tmp_path):
    from prompt_toolkit.document import Document

    session = Repl(Console(file=io.StringIO()))
    session.submit('scope "scope1" < handle = var variable1 [1] >')
    completer = repl_module._make_completer(session)

    def complete(text):
        return [c.text for c in completer.get_completions(Document(text), None)]

    assert "name_scope" in complete("na")
    assert "handle" in complete("print han")
    assert "scope1" in complete('scope "sco')
    assert "scope1/variable1" in complete('print "scope1/v')
    assert complete("print handle.sh") == ["shape"]
    assert complete(":lo") == [":load"]


def test_completion_after_a_dot_offers_tf_names_and_the_values_attributes():
    from prompt_toolkit.document import Document

    session = Repl(Console(file=io.StringIO()))
    session.submit("v = tf.get_variable('v', [2])")
    completer = repl_module._make_completer(session)

    def complete(text):
        return [c.text for c in completer.get_completions(Document(text), None)]

    assert "get_variable" in complete("w = tf.get_var")
    assert "variable_scope" in complete("with tf.variable_s")
    assert "relu" in complete("h = tf.nn.re")
    assert "get_shape" in complete("print v.get_sh")
    assert "range" in complete("for i in ran")
    assert all(not name.startswith("_") for name in complete("tf."))


def test_multi_line_def_for_and_if_blocks():
    out = io.StringIO()
    session = Repl(Console(file=out, width=200, color_system=None))
    assert session.needs_more("def f(x) <")
    assert session.needs_more("def f(x) <\n    for i in range(x) <")
    assert not session.needs_more("def f(x) <\n    for i in range(x) < print i >\n>")
    assert session.needs_more("if (t > 0) < print 1 >")          # an elif or else may follow
    assert session.needs_more("if (t > 0) < print 1 >\nelif t < print 2 >")
    assert not session.needs_more("if (t > 0) < print 1 >\n")    # a blank line ends it
    assert not session.needs_more("if (t > 0) < print 1 >\nelse < print 2 >")
    assert not session.needs_more("scope \"a\" <\nvar ok [1] foo")   # more cannot mend it
    assert repl_module.block_depth("def f(x) <\n    if (x > 0) <") == 2
    session.submit("def f(n) <\n    for i in range(n) <\n        if (i > 0) < print i >\n    >\n>")
    session.submit("f(3)")
    assert out.getvalue().splitlines() == ["1", "2"]


# ---------------------------------------------------------------- piped stdin


RUN_REPL = [sys.executable, "-c", "from scopesim.repl import run_repl; raise SystemExit(run_repl())"]


def run_piped(text: str, command=RUN_REPL) -> subprocess.CompletedProcess:
    return subprocess.run(command, input=text, capture_output=True, text=True,
                          cwd=ROOT, timeout=60, env=dict(os.environ, PYTHONPATH=str(ROOT)))


def test_piped_stdin_runs_without_prompts():
    done = run_piped("w = var w [1]; print w\n")
    assert done.stdout == "w:0\n"
    assert done.stderr == ""
    assert done.returncode == 0


def test_scopesim_repl_command_reads_piped_stdin():
    done = run_piped('scope "a" <\n  w = var w [1]\n>\nprint w\n', command=repl_command())
    assert done.stdout.startswith("a/w:0\n")
    assert done.returncode == 0


def test_piped_stdin_blocks_errors_and_exit_status():
    done = run_piped('scope "s" <\n  v = var w [1]\n>\nscope "s" < var w [1] >\nprint v\n')
    assert done.stdout == "s/w:0\n"
    assert "ValueError" in done.stderr
    assert done.returncode == 1


def test_piped_stdin_reports_a_block_left_open():
    done = run_piped('scope "s" <\n  var w [1]\n')
    assert "'<' was never closed" in done.stderr
    assert done.returncode == 1


# ---------------------------------------------------------------- issue 11: 10, 11, 13


def completions(session, text):
    from prompt_toolkit.document import Document
    completer = repl_module._make_completer(session)
    return [c.text for c in completer.get_completions(Document(text), None)]


def test_completion_follows_the_grammar_at_the_cursor():
    """Issue 11.10: an option's values after `dtype=`/`initializer=`, and no
    bare initializer where an expression stands."""
    session = Repl(Console(file=io.StringIO()))
    session.submit("global_step = var gs [1]")
    assert completions(session, "var w [1] dtype=") == list(repl_module.DTYPES)
    assert completions(session, "var w [1] dtype=float6") == ["float64"]
    assert completions(session, "var w [1] initializer=glo") == ["glorot_uniform"]
    assert completions(session, 'scope "a" reuse=a') == ["auto"]
    offered = completions(session, "print glo")
    assert "global_variables" in offered and "global_step" in offered
    assert "glorot_uniform" not in offered
    assert "float32" not in completions(session, "x = flo")


def test_tab_inserts_the_completion_before_the_next_key(tmp_path):
    """Issue 11.14's root: prompt_toolkit completes in a background task, so
    Enter right after Tab ran the text as typed."""
    printed = drive("a_long_handle = var tabbed [1]\rprint a_long_h\t\r" + CTRL_D, tmp_path)
    assert "tabbed:0" in printed and "NameError" not in printed


def test_soft_wrapped_lines_get_no_continuation_prompt():
    """Issue 11.11: only a new line of the input gets `  ... `."""
    assert repl_module.continuation_prompt(40, 1, is_soft_wrap=False) == "  ... "
    assert repl_module.continuation_prompt(40, 0, is_soft_wrap=True) == ""


def test_a_long_line_at_a_narrow_width_shows_no_continuation_prompt(terminal):
    child = terminal(columns=40)
    child.send('print "' + "x" * 70 + '"\r')
    child.expect_exact("x" * 39)            # the printed result: written verbatim
    assert "..." not in child.before
    assert leave(child) == 0


def test_a_syntax_error_at_a_narrow_width_keeps_its_caret_visible():
    """Issue 11.11: the source line is windowed around the caret, which
    stays on the line below it, inside the width."""
    out = io.StringIO()
    session = Repl(Console(file=out, width=24, color_system=None))
    session.submit('scope "abcdefgh" < scope "ijklmnop" < q = 1.0 + ) > >')
    lines = out.getvalue().splitlines()
    source, caret = lines[-2:]
    assert all(len(line) <= 24 for line in lines)
    assert caret.strip() == "^" and source[caret.index("^")] == ")"


def test_ctrl_d_inside_an_open_block_ends_the_session(terminal):
    """Issue 11.13: the auto-indent makes the buffer non-empty; Ctrl-D on
    the blank line of an open block still leaves, saying the block did not run."""
    child = terminal()
    child.send('scope "a" <\r')
    child.expect_exact("...")
    child.sendcontrol("d")
    child.expect_exact("(the open block was not run)")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_a_cancelled_input_keeps_a_marker(terminal):
    child = terminal()
    child.send('print "never run"')
    child.sendcontrol("c")
    child.expect_exact("^C (input dropped)")
    assert leave(child) == 0


def test_python_repl_words_give_a_hint_not_a_name_error(tmp_path):
    printed = drive("exit\rquit()\rhelp\r" + CTRL_D, tmp_path)
    assert "NameError" not in printed
    assert printed.count("use :quit or Ctrl-D to leave the REPL") == 2
    assert ":help lists the REPL's commands" in printed
    # a handle of that name is the handle
    assert "1" in drive("help = 1\rprint help\r" + CTRL_D, tmp_path).splitlines()


def test_meta_commands_complain_about_an_extra_argument(tmp_path):
    printed = drive(':quit now\r:vars extra\r:ops all\r:ops x\rprint "still here"\r' + CTRL_D,
                    tmp_path)
    assert ":quit takes no argument 'now'" in printed
    assert ":vars takes no argument 'extra'" in printed
    assert ":ops takes no argument 'x' (only `:ops all`)" in printed
    assert "still here" in printed and "ops (0)" in printed


def test_a_meta_command_inside_an_open_block_keeps_the_block(tmp_path):
    printed = drive('scope "a" <\rv = var w [1]\r:scope\rprint v\r>\rprint v\r' + CTRL_D,
                    tmp_path)
    assert "variable scope:" in printed
    assert printed.splitlines()[-2:] == ["a/w:0", "a/w:0"]
    assert "SyntaxError" not in printed and "syntax error" not in printed


def test_piped_a_meta_command_inside_an_open_block_keeps_the_block():
    done = run_piped('scope "a" <\n  v = var w [1]\n:vars\n  print v\n>\n')
    assert "variables (0)" in done.stdout
    assert done.stdout.endswith("a/w:0\n") and done.returncode == 0, done.stderr
