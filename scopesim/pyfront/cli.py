"""What `scopesim run` does with a Python program (kept here, so that
`scopesim/cli.py` only chooses the language): compile it, report a
`SyntaxError` as Python does (caret included; exit 2), else run it."""

from __future__ import annotations


def run_or_exit(app, source: str, filename: str, argv, tf1: bool, json_errors: bool):
    """The program's RunResult, or exit 2 after reporting its SyntaxError
    (on stderr as Python words it; with `json_errors` as the run JSON)."""
    from ..clibase import stop
    from ..exitcodes import ExitCode
    from .runner import PythonSyntaxError, compile_program, run_python
    try:
        code = compile_program(source, filename)
    except PythonSyntaxError as err:
        if json_errors:
            import json
            app.write_out(json.dumps({"output": [], "variables": [], "ops": [],
                                      "collections": {}, "error": err.to_json()},
                                     indent=2) + "\n")
        else:
            from ..render import write_raw
            write_raw(app.err, err.text)
        stop(ExitCode.USAGE)
    return run_python(source, filename, list(argv), tf1=tf1, code=code)
