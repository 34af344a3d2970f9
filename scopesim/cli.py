"""The `scopesim` command line: a thin layer over the library.

Each command reads its input, calls one library entry point and renders the
result; the library modules are imported inside the commands so that start-up
stays fast and a command works as soon as the modules it needs exist.

Two things are done in one place for every command:

* the consoles (`App.consoles`): one rich Console for stdout (the payload)
  and one for stderr (diagnostics), made on first use from `--no-color`,
  `NO_COLOR` and the terminal, or injected by tests through `obj=App(...)`;
* the last line of defence (`ScopesimGroup.invoke`, over
  `clibase.guarded`): no exception of scopesim itself ever reaches the user
  as a Python traceback; it becomes "internal error" and exit code 3.

The parts that need no click live in `scopesim/clibase.py`; the console
script is `scopesim/entry.py`, which serves `--version` and a plain `run`
without importing click and hands everything else to `main` here.
"""

from __future__ import annotations

import sys
from enum import Enum

import click

from . import TENSORFLOW_VERSION, __version__
from .clibase import (STDIN, STDIN_FILENAME, App, Unavailable, fail_usage, guarded, load,
                      parse_or_exit, read_program, run_exit_code, run_file, stop)
from .clibase import os_reason as _os_reason  # noqa: F401  (kept for other modules)
from .exitcodes import EXIT_CODES_HELP, ExitCode


class OutputFormat(str, Enum):
    """What `run` prints on stdout."""

    TEXT = "text"
    JSON = "json"


def _set_no_color(ctx: click.Context, _param, value: bool) -> None:
    if value and isinstance(ctx.obj, App):
        ctx.obj.no_color = True


def no_color_option(command):
    """`--no-color`, accepted both before and after the command name."""
    return click.option("--no-color", is_flag=True, expose_value=False, is_eager=True,
                        callback=_set_no_color,
                        help="Plain text without colors (also: the NO_COLOR variable).")(command)


# -------------------------------------------------------------------- group


class ScopesimGroup(click.Group):
    """A click group that turns scopesim's own failures into exit code 3
    (`clibase.guarded`: the same last line of defence as the fast paths)."""

    def invoke(self, ctx: click.Context):
        result = []
        code = guarded(lambda: result.append(click.Group.invoke(self, ctx)),
                       lambda: ctx.obj if isinstance(ctx.obj, App) else App(),
                       passthrough=(click.exceptions.ClickException, click.exceptions.Exit,
                                    click.exceptions.Abort))
        if code is not None:
            ctx.exit(code)
        return result[0]

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """click's parsing, where `--help` and `--version` write: under the
        same defence, so a closed pipe is the quiet 141 of every command
        (click's own handling of it exits 1)."""
        result = []
        code = guarded(lambda: result.append(click.Group.parse_args(self, ctx, args)),
                       lambda: ctx.obj if isinstance(ctx.obj, App) else App(),
                       passthrough=(click.exceptions.ClickException, click.exceptions.Exit,
                                    click.exceptions.Abort))
        if code is not None:
            ctx.exit(code)
        return result[0]


@click.group(cls=ScopesimGroup, epilog=EXIT_CODES_HELP,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__, "--version", prog_name="scopesim",
    message=f"%(prog)s %(version)s\nreproduces TensorFlow {TENSORFLOW_VERSION} "
            "(tf.compat.v1 graph mode)")
@click.option("--no-color", is_flag=True,
              help="Plain text without colors (also: the NO_COLOR variable).")
@click.pass_context
def cli(ctx: click.Context, no_color: bool) -> None:
    """Simulate TensorFlow 1.x variable scopes, variable sharing and op names.

    A `.scope` program says what TensorFlow 1.x would say: the same printed
    names, variables, ops and error messages.  The language reference:
    `scopesim doc` (`scopesim doc api`: the tf names simulated).

    \b
    Shell completion (click's): add to ~/.bashrc
      eval "$(_SCOPESIM_COMPLETE=bash_source scopesim)"
    (zsh: zsh_source in ~/.zshrc; fish: _SCOPESIM_COMPLETE=fish_source
    scopesim | source in ~/.config/fish/completions/scopesim.fish).
    """
    if not isinstance(ctx.obj, App):
        ctx.obj = App()
    if no_color:
        ctx.obj.no_color = True


# ----------------------------------------------------------------- commands


@cli.command("run", context_settings={"ignore_unknown_options": True})
@click.argument("file", type=click.Path(allow_dash=True))
@click.argument("program_args", nargs=-1, type=click.UNPROCESSED)
@click.option("--lang", type=click.Choice(["py", "scope"], case_sensitive=False),
              help="The language of FILE: py (a TF1 Python program) or scope; by default "
                   "py for a .py file, else scope (`-` needs --lang py for Python).")
@click.option("--tf1", is_flag=True,
              help="Python programs: `import tensorflow as tf` gives TF 1.15's top level "
                   "(the tf.compat.v1 API, graph mode on), so code written for TF 1.x runs "
                   "unported.")
@click.option("--format", "output_format", default=OutputFormat.TEXT.value, show_default=True,
              type=click.Choice([f.value for f in OutputFormat], case_sensitive=False),
              help="text: printed lines, then trees of variables and ops (the trace of an "
                   "uncaught error goes to stderr).  json: one JSON object on stdout, as "
                   "in the language contract.")
@click.option("--all-ops", is_flag=True,
              help="Show every op, including those a variable creates for itself "
                   "(Initializer/..., Assign, read).")
@click.option("--collections", "show_collections", is_flag=True,
              help="After the trees of variables and ops, a tree of the graph's "
                   "collections: each non-empty one with a string key, keys sorted, the "
                   "names of its items in order (the JSON always has them).")
@no_color_option
@click.pass_obj
def run_command(app: App, file: str, program_args: tuple[str, ...], lang: str | None,
                tf1: bool, output_format: str, all_ops: bool, show_collections: bool) -> None:
    """Run the program FILE (`-` reads standard input).

    A `.py` FILE is a TF1 Python program, run with scopesim's `tensorflow`
    (arguments after FILE are its sys.argv; `--` before them if one is an
    option of run); an uncaught exception is shown as Python's traceback of
    the program's own frames.

    \b
    Exit status: 0 ok, 1 the program raised an uncaught error,
    2 usage error, unreadable file, syntax error or a TensorFlow feature
    scopesim does not simulate (NotSimulated), 3 internal error.

    With --format json, stdout holds exactly one JSON object, also when the
    program raised (then "error" is set and the exit status is 1).  A
    syntax error is reported there too, as an object with empty "output",
    "variables" and "ops" and an "error" of type "SyntaxError" with its
    line and column; the exit status is then 2.  A file that cannot be
    read is not a program: it is reported on stderr only, in both formats.

    \b
    Examples:
      scopesim run model.scope
      scopesim run --format json model.scope > result.json
      scopesim run train.py --steps 10      arguments after FILE go to the program
      echo 'print var w [2]' | scopesim run -
    The language: `scopesim doc` (docs/language.md); `scopesim doc api`
    lists the tf names simulated.
    """
    run_file(app, file, program_args, lang, tf1,
             OutputFormat(output_format.lower()) is OutputFormat.JSON, all_ops,
             show_collections, loader=load)


@cli.command("emit")
@click.argument("file", type=click.Path(allow_dash=True))
@click.pass_obj
def emit_command(app: App, file: str) -> None:
    """Print the TensorFlow equivalent of the program FILE (`-` = stdin).

    The output is a Python script for TensorFlow 2.x in tf.compat.v1 graph
    mode.  Exit status 2 on a syntax error.

    \b
    Example:
      scopesim emit model.scope > model_tf.py && python model_tf.py
    """
    source, filename = read_program(app, file)
    program = parse_or_exit(app, source, filename, loader=load)
    code = load("emit", "emit")(program)
    from .render import write_raw
    write_raw(app.out, code if code.endswith("\n") else code + "\n")


@cli.command("check")
@click.argument("paths", nargs=-1, type=click.Path(), metavar="PATH...")
@click.option("--update", is_flag=True,
              help="Rewrite the expected output of each sample that differs instead of "
                   "comparing (a file without an expectation block is left alone).")
@click.option("--record-new", is_flag=True,
              help="With or without --update: also record a first expectation block in "
                   "files that have none.")
@no_color_option
@click.pass_obj
def check_command(app: App, paths: tuple[str, ...], update: bool, record_new: bool) -> None:
    """Run samples and compare them with their recorded expected output.

    A sample is a `.scope` file or a Python program (`.py`; in a folder,
    one that ends in an expectation block), its expected output the comment
    block `# --- expected output ---` at its end.  PATH is a file or a
    folder (searched recursively); there is no default, so `scopesim check`
    alone asks for one.

    \b
    Examples:
      scopesim check samples              every sample under samples/
      scopesim check --update a.scope     re-record a.scope's expectation
      scopesim check --record-new new.scope   record a first one

    \b
    Exit status, the worst of any file: 0 all match; 1 a sample differs or
    has no (or a malformed) expectation; 2 usage error, a missing path, an
    unreadable or unwritable file, or a syntax error (as for run);
    3 internal error.
    """
    stop(load("check", "check_paths")(list(paths), update or record_new, app.out, app.err,
                                      record_new=record_new))


@cli.command("verify")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@no_color_option
@click.pass_obj
def verify_command(app: App, paths: tuple[str, ...]) -> None:
    """Run programs both in scopesim and in real TensorFlow and compare.

    A `.py` FILE is a Python program, run as it stands in both (TensorFlow
    with TF_USE_LEGACY_KERAS=1).

    \b
    Examples:
      scopesim verify model.scope
      SCOPESIM_TF_PYTHON=~/tfvenv/bin/python scopesim verify samples/*.scope

    \b
    Exit status: 0 identical, 1 a difference, 2 usage error or
    TensorFlow not installed.
    """
    stop(load("verify", "verify_paths")(list(paths), app.out, app.err))


@cli.command("doc")
@click.argument("page", default="language", metavar="[PAGE]",
                type=click.Choice(["language", "api"], case_sensitive=False))
@click.pass_obj
def doc_command(app: App, page: str) -> None:
    """Show the language reference (`doc api`: the tf names simulated).

    PAGE is `language` (the default: docs/language.md) or `api` (every
    name of the tf namespace that scopesim simulates).  Through a pager ($PAGER, else less or more) when stdout is a terminal,
    as plain Markdown text otherwise (`scopesim doc > language.md`).
    """
    text = load("doc", "read_doc")(page.lower())
    if text is None:
        raise Unavailable(f"the {page.lower()} reference is not part of this installation")
    if _stdout_is_terminal():
        click.echo_via_pager(text)
    else:
        from .render import write_raw
        write_raw(app.out, text)


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


@cli.command("keys")
@click.argument("source", type=click.Path())
@click.option("--format", "output_format", default="text", show_default=True,
              type=click.Choice(["text", "json", "tsv"], case_sensitive=False),
              help="text: aligned columns; json: {\"checkpoint\", \"keys\": [{\"name\", "
                   "\"shape\", \"dtype\"}...]}; tsv: name, shape, dtype.")
@no_color_option
@click.pass_obj
def keys_command(app: App, source: str, output_format: str) -> None:
    """The checkpoint keys of SOURCE: name, shape, dtype, sorted.

    SOURCE is a checkpoint prefix (`train/model.ckpt-1000`), its `.index`
    file, or a directory with a `checkpoint` state file (its latest
    checkpoint): the list is what `tf.train.list_variables` gives, read
    from the `.index` file alone, without TensorFlow.  A program (`.py`,
    `.scope`) is run, and its keys are what `tf.train.Saver()` would save:
    the global variables by op name, a partitioned variable as one key with
    its full shape.

    \b
    Exit status: 0 ok, 2 no checkpoint there, or an index that is truncated,
    corrupt, foreign or compressed (not supported); for a program, as `run`.
    """
    load("checkpoint.cli", "keys_or_exit")(app, source, output_format.lower())


@cli.command("explain", context_settings={"ignore_unknown_options": True})
@click.argument("file", type=click.Path(allow_dash=True))
@click.argument("name", required=False)
@click.argument("program_args", nargs=-1, type=click.UNPROCESSED)
@click.option("--error", "explain_error", is_flag=True,
              help="Explain the program's uncaught error instead of a name.")
@click.option("--lang", type=click.Choice(["py", "scope"], case_sensitive=False),
              help="The language of FILE, as for run.")
@click.option("--tf1", is_flag=True, help="Python programs: as for run.")
@click.option("--format", "output_format", default=OutputFormat.TEXT.value, show_default=True,
              type=click.Choice([f.value for f in OutputFormat], case_sensitive=False),
              help="text, or one JSON object on stdout (docs/explain.md).")
@no_color_option
@click.pass_obj
def explain_command(app: App, file: str, name: str | None, program_args: tuple[str, ...],
                    explain_error: bool, lang: str | None, tf1: bool,
                    output_format: str) -> None:
    """Why NAME of the program FILE is what it is, or (--error) why it failed.

    NAME is an op (`a/add_1`), a tensor (`a/add_1:0`), a variable (`a/w` or
    `a/w:0`) or a scope (`a/` or `a`).  The program is run, and for NAME
    it shows the statement that made it (through the calls that led
    there), the name scope and variable scope then and where each was
    opened, and for a `_N` suffix the counter that decided it and the
    statements that took the lower numbers.  With --error (no NAME): for
    "already exists", the first definition and where the reuse flag came
    from; for "does not exist", the variables there are nearby.

    \b
    Examples:
      scopesim explain model.scope dense_1/kernel
      scopesim explain model.py 'net/MatMul_1:0'
      scopesim explain --error model.scope
      scopesim explain --format json model.scope net/
      scopesim explain --error train.py --steps 10   arguments go to the program

    \b
    Exit status: 0 explained; 1 no such name (the closest are listed), or
    with --error the program's error; 2 usage or syntax error, or with
    --error a NotSimulated; 3 internal error.
    """
    python = (lang or ("py" if file.endswith(".py") else "scope")).lower() == "py"
    if explain_error and python and name is not None:     # the program's first argument
        name, program_args = None, (name, *program_args)
    if explain_error == (name is not None):
        fail_usage(app, "give either a NAME or --error (explain FILE NAME, explain --error FILE)")
    if (program_args or tf1) and not python:
        fail_usage(app, "arguments after NAME and --tf1 are for Python programs "
                        "(a .py file, or --lang py)")
    source, filename = read_program(app, file)
    load("explain.command", "explain_or_exit")(
        app, source, filename, name, explain_error, python,
        OutputFormat(output_format.lower()) is OutputFormat.JSON, program_args, tf1)


@cli.command("diff")
@click.argument("a", type=click.Path())
@click.argument("b", type=click.Path())
@click.option("--model-only", is_flag=True,
              help="Leave out optimizer slots, beta powers, global_step and moving averages.")
@click.option("--suggest-map", is_flag=True,
              help="Also the smallest assignment_map for tf.train.init_from_checkpoint that "
                   "loads B's checkpoint into A's graph, proven by init_from_checkpoint's checks.")
@click.option("--format", "output_format", default="text", show_default=True,
              type=click.Choice(["text", "json"], case_sensitive=False),
              help="json: {\"only_in_a\", \"only_in_b\", \"mismatched\": [{\"key\", \"a\", "
                   "\"b\"}...], \"assignment_map\"}.")
@no_color_option
@click.pass_obj
def diff_command(app: App, a: str, b: str, model_only: bool, suggest_map: bool,
                 output_format: str) -> None:
    """Compare the checkpoint keys of A and B: only in A, only in B, other shape or dtype.

    Each side is a program (`.py`, `.scope`: the keys `tf.train.Saver()`
    would save), a checkpoint (prefix, `.index` or directory), or a saved
    key list (the JSON, TSV or text of `keys`, the printed
    `tf.train.list_variables(path)`, the output of TensorFlow's
    inspect_checkpoint tool, or one name per line).  With `--suggest-map`,
    A is the model and B the checkpoint.

    \b
    Example:
      scopesim diff new_model.py train/ --model-only --suggest-map

    \b
    Exit status: 0 the keys match (with --suggest-map: the map loads every
    variable of A), 1 they differ, 2 a side that cannot be read; for a
    program, as `run`.
    """
    load("checkpoint.diff", "diff_or_exit")(app, a, b, model_only, suggest_map,
                                            output_format.lower())


@cli.command("repl")
@click.option("--python", "python", is_flag=True,
              help="A Python REPL instead, with tf (tf.compat.v1, graph mode on) imported.")
@no_color_option
@click.pass_obj
def repl_command(app: App, python: bool) -> None:
    """Type statements and see their effect at once (state is kept).

    The history of typed lines is kept in $XDG_STATE_HOME/scopesim/history
    (by default ~/.local/state/scopesim/history); `:help` lists the REPL's
    commands.
    """
    if python:
        stop(load("pyfront.repl", "run_python_repl")())
    stop(load("repl", "run_repl")(console=app.out, error_console=app.err))


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    cli.main(args=argv, prog_name="scopesim")


#: The name the brief and the tests use for the group.
scopesim = cli
