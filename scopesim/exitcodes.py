"""The exit codes of the `scopesim` command, one named constant each.

    0  OK              everything ran; check/verify/diff found no difference
    1  PROGRAM_ERROR   the program raised an uncaught error (ValueError, ...)
       DIFFERENCE      check, verify or diff found a difference (same value)
       NOT_FOUND       `explain FILE NAME`: the program has no such name (same value)
    2  USAGE           bad command line, syntax error, unreadable file,
                       output that cannot be written (a full disk),
                       TensorFlow missing for `verify`, a TensorFlow feature
                       scopesim does not simulate (`NotSimulated`)
    3  INTERNAL        a bug in scopesim itself (never the program's fault)
  141  BROKEN_PIPE     the reader of stdout went away (`scopesim run f | head`):
                       a quiet exit, 128 + SIGPIPE as a Unix tool killed by
                       SIGPIPE reports it

Click's own usage errors also exit with 2, so USAGE covers both.
"""


class ExitCode:
    """The codes by name, as plain ints (the values an IntEnum had: an
    enum's class costs every start-up half a millisecond)."""

    __slots__ = ()
    OK = 0
    PROGRAM_ERROR = 1
    DIFFERENCE = 1
    NOT_FOUND = 1
    USAGE = 2
    INTERNAL = 3
    BROKEN_PIPE = 141


OK = ExitCode.OK
PROGRAM_ERROR = ExitCode.PROGRAM_ERROR
DIFFERENCE = ExitCode.DIFFERENCE
NOT_FOUND = ExitCode.NOT_FOUND
USAGE = ExitCode.USAGE
INTERNAL = ExitCode.INTERNAL
BROKEN_PIPE = ExitCode.BROKEN_PIPE

#: The table above, for `scopesim --help`.
EXIT_CODES_HELP = (
    "Exit codes: 0 ok; 1 the program raised an error, check/verify/diff found a "
    "difference, or explain found no such name; 2 usage error, syntax error, unreadable "
    "file, output that cannot be written, a TensorFlow feature that is not simulated, "
    "or TensorFlow missing for verify; 3 internal error of scopesim; 141 stdout was closed early (a pipe into "
    "head), without a message."
)
