"""scopesim: TensorFlow 1.x variable-scope and op naming, simulated exactly.

The stages, each with one entry point:

    program = parse(text, filename)      # scopesim.parser  -> ast.Program
    result = run(program)                # scopesim.interpreter -> RunResult

`Session` keeps interpreter state across several programs (the REPL).
"""

__version__ = "0.1.0"

#: The TensorFlow release whose behaviour scopesim reproduces (graph mode,
#: tf.compat.v1 with disable_v2_behavior()).
TENSORFLOW_VERSION = "2.21.0"

_EXPORTS = {"parse": "parser", "run": "interpreter", "Session": "interpreter",
            "RunResult": "result"}


def __getattr__(name):
    """Import the stages on first use, so that `import scopesim.engine` stays light."""
    if name in _EXPORTS:
        import importlib
        return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'scopesim' has no attribute {name!r}")


__all__ = ["parse", "run", "Session", "RunResult", "__version__", "TENSORFLOW_VERSION"]
