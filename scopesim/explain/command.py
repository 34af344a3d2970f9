"""`scopesim explain FILE NAME` and `scopesim explain --error FILE`.

The program is run once with a `Recorder` installed (a `.scope` program by
the runner's `Session`, a `.py` program by `pyfront.runner.run_python`),
then questioned.  Exit status: 0 the name was explained (also when the
program raised later: a note on stderr says so); 1 (`NOT_FOUND`) no such
name, the closest ones on stderr; with `--error`, the status `run` gives
(0 no error, 1 the program's error, 2 NotSimulated); 2 usage and syntax
errors, as for `run`.
"""

from __future__ import annotations

import json

from ..exitcodes import ExitCode
from .analysis import Analysis, UnknownName, frame_json, graph_of
from .recorder import Recorder, recording


def run_recorded(app, source: str, filename: str, python: bool, argv=(), tf1: bool = False):
    """(RunResult, Analysis) of the program, run under a recorder; a syntax
    error is reported as `run` reports it (exit 2)."""
    recorder = Recorder()
    if python:
        from ..cli import stop
        from ..pyfront.runner import PythonSyntaxError, compile_program, run_python
        from ..render import write_raw
        try:
            code = compile_program(source, filename)
        except PythonSyntaxError as err:
            write_raw(app.err, err.text)
            stop(ExitCode.USAGE)
        with recording(recorder):
            result = run_python(source, filename, list(argv), tf1=tf1, code=code)
        graph = graph_of(recorder, [op.name for op in result.ops])
    else:
        from ..cli import parse_or_exit
        from ..runner import Session
        program = parse_or_exit(app, source, filename)
        session = Session()
        with recording(recorder):
            result = session.execute(program)
        graph = session.graph
    return result, Analysis(recorder, graph)


def explain_or_exit(app, source: str, filename: str, name: str | None, error: bool,
                    python: bool, json_format: bool, argv=(), tf1: bool = False) -> None:
    from ..cli import run_exit_code, stop
    result, analysis = run_recorded(app, source, filename, python, argv, tf1)
    if error:
        stop(_explain_error(app, result, analysis, filename, json_format, run_exit_code))
    try:
        explanation = analysis.explain(name)
    except UnknownName as unknown:
        _unknown(app, unknown, filename, json_format)
        stop(ExitCode.NOT_FOUND)
    if json_format:
        _write_json(app, {"program": filename, **explanation})
    else:
        from .text import print_explanation
        print_explanation(app.out, explanation)
    if result.error is not None:
        _stopped_note(app, result.error, filename)
    stop(ExitCode.OK)


def _write_json(app, value: dict) -> None:
    from ..render import write_raw
    write_raw(app.out, json.dumps(value, indent=2) + "\n")


def _unknown(app, unknown: UnknownName, filename: str, json_format: bool) -> None:
    from ..render import print_usage_problem
    closest = ", ".join(unknown.closest) if unknown.closest else "none"
    print_usage_problem(app.err, f"no op, tensor, variable or scope of {filename} is named "
                                 f"{unknown.name!r}; the closest names: {closest}")
    if json_format:
        _write_json(app, {"program": filename, "query": unknown.name, "found": [],
                          "closest": unknown.closest})


def _stopped_note(app, error, filename: str) -> None:
    from ..render import print_usage_problem
    print_usage_problem(app.err, f"note: the program stopped at {filename}:{error.line}:"
                                 f"{error.column} with {error.type}; what it would have made "
                                 f"after that is not in the graph (`scopesim explain --error "
                                 f"{filename}` explains the error)")


def _explain_error(app, result, analysis, filename: str, json_format: bool,
                   run_exit_code) -> ExitCode:
    from .error import explain_error
    if result.error is None:
        if json_format:
            _write_json(app, {"program": filename, "error": None})
        else:
            app.out.print("The program raised no error.", markup=False, highlight=False)
        return ExitCode.OK
    explanation = explain_error(analysis, result.error)
    fields = result.error.fields or {}
    if json_format:
        trace = {"python_traceback": fields["python_traceback"]} \
            if fields.get("python_traceback") else \
            {"trace": [frame_json(f) for f in fields.get("frames", ())]}
        _write_json(app, {"program": filename, **explanation, **trace})
    else:
        from .text import print_error_explanation
        print_error_explanation(app.out, explanation,
                                lambda console: print_trace(console, result.error))
    return run_exit_code(result)


def print_trace(console, error) -> None:
    """The error's trace as `run` prints it (Python's for a `.py` program)."""
    python_traceback = (error.fields or {}).get("python_traceback")
    if python_traceback:
        from ..render import write_raw
        write_raw(console, python_traceback)
    else:
        from ..render import print_traceback
        print_traceback(console, error)
