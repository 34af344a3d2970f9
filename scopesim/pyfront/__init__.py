"""The Python front end: `scopesim run model.py` (LANGUAGE.md part 6).

A TF1 Python program runs as real Python with `tensorflow` resolved, by an
import hook installed only for the run, to scopesim's TensorFlow:

    namespace.py   the modules a program gets (tensorflow, tensorflow.compat.v1, tf_keras)
    hook.py        the sys.meta_path finder and the sys.modules save/restore
    runner.py      run_python(source, filename, argv, tf1) -> RunResult
"""

from .runner import PythonSyntaxError, compile_program, run_python

__all__ = ["run_python", "compile_program", "PythonSyntaxError"]
