#!/usr/bin/env python
"""Fuzz scopesim in-process: generated and mutated `.scope` programs through
the library (`scopesim.parser.parse`, `scopesim.runner`), looking for
scopesim's own tracebacks.

    python tools/fuzz.py                      # 100,000 inputs, all cores
    python tools/fuzz.py -n 20000 --seed 7    # another stream of inputs
    python tools/fuzz.py --seconds 600        # a time budget instead
    python tools/fuzz.py --replay             # only tests/fuzz_corpus/
    SCOPESIM_TF_PYTHON=~/tfvenv/bin/python python tools/fuzz.py --oracle

An input is fine when parsing raises `ScopeSyntaxError` or when the run ends
with a program error TensorFlow would also raise.  It is a *finding* when

* `parse`, `run`, `RunResult.to_json()` (or the Python front end on the
  emitted program, `--pyfront`) raises anything; or
* the program's uncaught exception was raised inside scopesim's code (the
  innermost frame of its traceback is in the `scopesim` package) by an
  operation rather than by a `raise` statement: a `KeyError` of a dict
  lookup, an `AttributeError`, an `IndexError`... (TensorFlow's errors are
  raised by `raise` of `TFError`s and Python's own, on TensorFlow's objects,
  by `raise` too; a line where scopesim lets Python raise exactly what
  TensorFlow's Python raises is marked `# fuzz: Python's error, as TF's`).
  With `--oracle` (TensorFlow through SCOPESIM_TF_PYTHON), each such
  finding's input is run in TensorFlow as well, and an error TensorFlow
  raises the same (type, message, line, column) is not a finding;
  `--confirm SEED:INDEX...` asks the same of given inputs; or
* an input runs longer than `--timeout` seconds (a hang) *inside scopesim*:
  before the worker is killed, `faulthandler` writes the stacks of its
  threads three times; a hang is the program's own when a dump finds no
  thread in scopesim's code (`x = 2**31**63` computes in CPython as it
  would in TensorFlow's Python) or the dumps find scopesim in different
  functions (a loop over `range(2**63)` calling it), else a finding.

Each finding's input is written to `tests/fuzz_corpus/` (named by a hash of
its text) unless `--no-save`; `tests/test_fuzz.py` replays that folder.

Inputs are a function of (`--seed`, index), so every finding is reproducible:
`python tools/fuzz.py --show SEED:INDEX` prints the input.  Workers are
processes, each running many inputs in-process; a worker that hangs is
killed and restarted after the input that hung.
"""

from __future__ import annotations

import argparse
import faulthandler
import hashlib
import linecache
import multiprocessing as mp
import os
import random
import re
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CORPUS = ROOT / "tests" / "fuzz_corpus"
SEEDS_DIRS = [ROOT / "tests" / "conformance" / "handwritten",
              ROOT / "tests" / "conformance" / "handwritten_v2", ROOT / "samples"]

#: Words and fragments a token mutation inserts or substitutes.
TOKENS = ["scope", "name_scope", "var", "variable", "op", "const", "reuse", "print", "assert",
          "try", "except", "as", "is", "not", "default=", "reuse=", "aux=", "dtype=",
          "initializer=", "init=", "name=", "shape=", "<", ">", "[", "]", "(", ")", ",", ";",
          "\n", '"', "=", "+", "@", "-", "*", "/", ".", ":", "none", "auto", "true", "false",
          "ValueError", "TypeError", "KeyError", "Exception", "x", "w", "0", "1", "-1", "1.5",
          "2**63", "2**64", "-2**63", "1e308", '""', '"a"', '"\\n"', '"a\\n"', '"a/"', '"/"',
          '"_"', '"-a"', '"a b"', "#", "\\", "\t", "é", "\x00", "None", "True", "False",
          "[-1]", "[0]", "[2**62, 4]", "[None]", "[]", "tf.float32", "tf.int32", "tf.string",
          "tf.bool", "tf.zeros_initializer()", "tf.ones_initializer()",
          "tf.constant_initializer(1)", "tf.get_variable", "tf.Variable", "tf.constant",
          "tf.identity", "tf.add", "tf.matmul", "tf.reshape", "tf.zeros", "tf.ones", "tf.fill",
          "tf.name_scope", "tf.variable_scope", "tf.placeholder", "tf.AUTO_REUSE",
          "tf.get_variable_scope()", "tf.global_variables()", "lambda: 1", "def", "for", "in",
          "if", "else", "return", "with", "range(3)", "len", "str", "[1, 2]", "{1: 2}",
          "(1,)", "[[1], [2, 3]]", "'s'", "f\"{1}\"", "x.op", "x.name", "x.shape",
          "x.dtype", "x.graph", ".name", ".op", ".shape", "[0]", "[1:]", "[::-1]"]
#: Scalars a token mutation swaps in for a number.
ODD_NUMBERS = ["0", "-1", "-2", "2**31", "2**63", "2**63 - 1", "2**64", "10**30", "1.5", "-0.0",
               "1e309", "True", "None", '"1"', "[1]", "()"]

#: CPython's own words when a call does not fit the callee's parameters.
_BINDING = re.compile(r"(got an unexpected keyword argument|missing \d+ required (positional|"
                      r"keyword-only) argument|takes (\d+|from \d+ to \d+) positional argument|"
                      r"got multiple values for argument|takes no (keyword )?arguments|"
                      r"object is not callable)")


# --------------------------------------------------------------- inputs


def _seed_texts() -> list[str]:
    texts = []
    for folder in SEEDS_DIRS:
        if folder.is_dir():
            for path in sorted(folder.rglob("*.scope")):
                try:
                    texts.append(path.read_text(encoding="utf-8"))
                except (OSError, UnicodeDecodeError):
                    pass
    return texts


_SEEDS: list[str] | None = None


def seeds() -> list[str]:
    global _SEEDS
    if _SEEDS is None:
        _SEEDS = _seed_texts()
    return _SEEDS


def _mutate_bytes(rng: random.Random, text: str) -> str:
    data = bytearray(text.encode("utf-8", "surrogatepass"))
    for _ in range(rng.randint(1, 4)):
        i = rng.randint(0, len(data))
        kind = rng.random()
        if kind < 0.3 and data:
            del data[i:i + rng.randint(1, 6)]
        elif kind < 0.55:
            data[i:i] = bytes([rng.randrange(256)])
        elif kind < 0.8 and i < len(data):
            data[i] = rng.randrange(32, 127)
        elif data:
            j = rng.randint(0, len(data))
            data[i:i] = data[j:j + rng.randint(1, 20)]
    return data.decode("utf-8", "replace")


def _mutate_tokens(rng: random.Random, text: str) -> str:
    for _ in range(rng.randint(1, 4)):
        kind = rng.random()
        lines = text.split("\n")
        if kind < 0.3:
            i = rng.randint(0, len(text))
            text = text[:i] + rng.choice(TOKENS) + rng.choice(("", " ")) + text[i:]
        elif kind < 0.45:
            j = rng.randrange(len(lines))
            lines.insert(rng.randrange(len(lines) + 1), lines[j])
            text = "\n".join(lines)
        elif kind < 0.55 and len(lines) > 1:
            del lines[rng.randrange(len(lines))]
            text = "\n".join(lines)
        elif kind < 0.75:
            digits = [i for i, c in enumerate(text) if c.isdigit()]
            if digits:
                i = rng.choice(digits)
                j = i
                while j < len(text) and text[j].isdigit():
                    j += 1
                text = text[:i] + rng.choice(ODD_NUMBERS) + text[j:]
        elif kind < 0.9:
            quotes = [i for i, c in enumerate(text) if c == '"']
            if quotes:
                i = rng.choice(quotes) + 1
                text = text[:i] + rng.choice(("", "\\n", "/", "_1", "-", " ", ".", "A", "\\x00",
                                              "a/", "//", "é", ":0")) + text[i:]
        else:
            # splice: a line from another program
            other = rng.choice(seeds()) if seeds() else text
            olines = other.split("\n")
            lines.insert(rng.randrange(len(lines) + 1), rng.choice(olines))
            text = "\n".join(lines)
    return text


def make_input(run_seed: int, index: int, short: bool = False) -> str:
    """The input number `index` of the stream `run_seed` (deterministic);
    `short`: always a slice of at most 12 lines (the ordinary test run)."""
    from scopesim.generate import generate
    rng = random.Random(f"{run_seed}:{index}" + (":short" if short else ""))
    kind = rng.random()
    if kind < 0.15 and not short:
        return generate(rng.randrange(2**32), version=rng.choice((1, 2)))
    base = (generate(rng.randrange(2**32), version=rng.choice((1, 2)))
            if kind < 0.6 or not seeds() else rng.choice(seeds()))
    if short:
        lines = base.split("\n")
        start = rng.randrange(len(lines))
        base = "\n".join(lines[start:start + rng.randint(1, 12)])
    elif rng.random() < 0.5:
        # a slice of the program keeps runs short
        lines = base.split("\n")
        start = rng.randrange(len(lines))
        base = "\n".join(lines[start:start + rng.randint(5, 40)])
    mutate = _mutate_bytes if rng.random() < 0.3 else _mutate_tokens
    return mutate(rng, base)


# --------------------------------------------------------------- checking


def _scopesim_frame(filename: str) -> bool:
    return filename.startswith(str(ROOT / "scopesim") + os.sep)


def classify(e: BaseException) -> str | None:
    """None when `e` is a program error; else the signature of an internal error."""
    from scopesim.errors import NotSimulated, TFError
    if isinstance(e, (TFError, NotSimulated)):
        return None
    if isinstance(e, (MemoryError, RecursionError)):
        return None
    tb = e.__traceback__
    last = None
    while tb is not None:
        last = tb
        tb = tb.tb_next
    if last is None:
        return None
    code = last.tb_frame.f_code
    if not _scopesim_frame(code.co_filename):
        return None     # raised by the program's own code, or by the prelude
    if code.co_name == "print" and code.co_filename.endswith("runner.py"):
        return None     # Python's print of the program's values (str() of a huge int)
    if isinstance(e, TypeError) and _BINDING.search(str(e)):
        return None     # a program function (a getter, a template's) called as TF calls it
    line = linecache.getline(code.co_filename, last.tb_lineno).strip()
    if line.startswith("raise") or "# fuzz: Python's error, as TF's" in line:
        return None     # a deliberate error (TensorFlow's or Python's words)
    where = f"{os.path.relpath(code.co_filename, ROOT)}:{last.tb_lineno}"
    return f"{type(e).__name__} at {where} in {code.co_name}: {line}"


def check(text: str, pyfront: bool = False) -> str | None:
    """Run one input; None if scopesim behaved, else a description of the finding."""
    from scopesim.errors import ScopeSyntaxError
    from scopesim.parser import parse
    from scopesim.runner import Session

    found: list[str] = []

    class _Session(Session):
        def program_error(self, program, e):
            sig = classify(e)
            if sig is not None:
                found.append(sig + "\n" + "".join(traceback.format_exception(e)))
            return super().program_error(program, e)

    try:
        try:
            program = parse(text, "fuzz.scope")
        except ScopeSyntaxError as e:
            e.render()
            return None
        result = _Session().execute(program)
        result.to_json()
        if pyfront:
            from scopesim.emit import emit
            from scopesim.pyfront import run_python
            run_python(emit(program), "fuzz.py").to_json()
    except Exception as e:  # noqa: BLE001 - this is what we look for
        sig = f"{type(e).__name__} escaped: {e!s:.200}"
        return sig + "\n" + "".join(traceback.format_exception(e))
    return found[0] if found else None


# --------------------------------------------------------------- workers


def _init_worker(limit_mb: int) -> None:
    try:
        import resource
        if limit_mb:
            resource.setrlimit(resource.RLIMIT_AS, (limit_mb << 20, limit_mb << 20))
    except (ImportError, ValueError, OSError):
        pass
    import scopesim.runner  # noqa: F401 - import once, before the first input
    import warnings
    # CPython's SyntaxWarnings of emitted programs ("fuzz.py:3: 'int' object is
    # not callable") would quote this file's lines, which share the name
    warnings.filterwarnings("ignore", category=SyntaxWarning)
    seeds()


def _dump_path(pid: int) -> Path:
    """Where worker `pid` writes its threads' stacks when an input hangs."""
    import tempfile
    return Path(tempfile.gettempdir()) / f"scopesim-fuzz-{pid}.stacks"


def _worker(conn, run_seed: int, indices: list[int], limit_mb: int, pyfront: bool,
            short: bool = False, timeout: float = 20.0) -> None:
    _init_worker(limit_mb)
    with open(_dump_path(os.getpid()), "w+") as dump:
        for i in indices:
            dump.seek(0)
            dump.truncate()
            # three dumps (at 1/4, 2/4 and 3/4 of the timeout) show where it stays
            faulthandler.dump_traceback_later(timeout / 4, repeat=True, file=dump)
            conn.send(("start", i))
            text = make_input(run_seed, i, short)
            try:
                finding = check(text, pyfront)
            except MemoryError:
                finding = None
            faulthandler.cancel_dump_traceback_later()
            conn.send(("done", i, finding))
    conn.send(("end",))


#: A frame line of faulthandler's dump.
_DUMP_FRAME = re.compile(r'^\s*File "(?P<file>.*)", line (?P<line>\d+) in (?P<func>\S+)')


_THREAD_HEADER = re.compile(r"^(?:Current thread|Thread) (0x[0-9a-f]+)")


def _dumps(stacks: str) -> list[list[re.Match]]:
    """faulthandler's dumps in `stacks` (one per period: a thread seen again
    starts the next), each as the innermost frame of each thread."""
    dumps: list[list[re.Match]] = []
    seen: set[str] = set()
    expect = False
    for line in stacks.splitlines():
        header = _THREAD_HEADER.match(line)
        if header:
            if not dumps or header[1] in seen:
                dumps.append([])
                seen = set()
            seen.add(header[1])
            expect = True
            continue
        match = _DUMP_FRAME.match(line)
        if match and expect:
            dumps[-1].append(match)
            expect = False
    return [d for d in dumps if d]


def _scopesim_place(innermost: list[re.Match]) -> tuple[str, str, str] | None:
    """The first thread whose innermost frame is scopesim's own (not the
    runner's `print` of the program's values): (file, function, line)."""
    for frame in innermost:
        path = frame["file"]
        if _scopesim_frame(path) and not (frame["func"] == "print"
                                          and path.endswith("runner.py")):
            return os.path.relpath(path, ROOT), frame["func"], frame["line"]
    return None


def classify_hang(stacks: str, timeout: float) -> str | None:
    """None when the hang is the program's own: in some dump no thread is in
    scopesim's code (`2**31**63` computing in the program's frame), or the
    dumps find scopesim in different functions (a program looping over
    range(2**63) calls scopesim again and again, as it would call
    TensorFlow).  A finding when every dump finds scopesim in one function
    (stuck there), with the stacks; no stacks at all is a finding too."""
    dumps = _dumps(stacks)
    if not dumps:
        return f"hang: longer than {timeout:g} s (no stacks)\n"
    places = [_scopesim_place(d) for d in dumps]
    if any(p is None for p in places) or len({p[:2] for p in places}) > 1:
        return None
    where = f"{places[-1][0]}:{places[-1][2]} in {places[-1][1]}"
    return f"hang in scopesim at {where}\n{stacks}"


def _hang_finding(pid: int, timeout: float, exitcode: int | None = None) -> str | None:
    """The finding (or None) of a worker killed for a hang, or that died
    (`exitcode`) with an input running: one that died after its stacks were
    first written had run a quarter of the timeout, and is judged as a hang
    (dumping a running process's stacks can itself crash it, as
    faulthandler warns); one that died before is a finding."""
    try:
        stacks = _dump_path(pid).read_text(errors="replace")
    except OSError:
        stacks = ""
    finally:
        try:
            _dump_path(pid).unlink()
        except OSError:
            pass
    if exitcode is not None and not _dumps(stacks):
        return f"worker died (exit {exitcode})\n"
    return classify_hang(stacks, timeout)


def save(text: str) -> Path:
    CORPUS.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    path = CORPUS / f"{digest}.scope"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    return path


def fuzz(count: int, seconds: float | None, run_seed: int, jobs: int, timeout: float,
         limit_mb: int, do_save: bool, pyfront: bool, quiet: bool, short: bool = False,
         oracle: bool = False):
    ctx = mp.get_context("fork" if sys.platform != "win32" else "spawn")
    start = time.monotonic()
    chunk = 200
    next_index = 0
    findings: dict[str, list] = {}
    done = 0
    own_hangs = 0               # inputs that hung in the program's own code
    workers: dict = {}          # conn -> [process, current index, started at]

    def spawn():
        nonlocal next_index
        if next_index >= count or (seconds and time.monotonic() - start > seconds):
            return
        indices = list(range(next_index, min(next_index + chunk, count)))
        next_index = indices[-1] + 1
        parent, child = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_worker, args=(child, run_seed, indices, limit_mb, pyfront,
                                                 short, timeout), daemon=True)
        proc.start()
        child.close()
        workers[parent] = [proc, None, time.monotonic(), indices]

    def record(i: int, finding: str) -> None:
        sig = finding.split("\n", 1)[0]
        text = make_input(run_seed, i, short)
        entry = findings.setdefault(sig, [0, i, finding, None])
        entry[0] += 1
        if do_save and entry[0] == 1:
            entry[3] = save(text)
        if not quiet and entry[0] == 1:
            print(f"FINDING {run_seed}:{i}: {sig}", file=sys.stderr, flush=True)

    for _ in range(jobs):
        spawn()
    last_report = time.monotonic()
    while workers:
        ready = mp.connection.wait(list(workers), timeout=0.5)
        for conn in ready:
            state = workers[conn]
            try:
                msg = conn.recv()
            except (EOFError, OSError):
                proc, current = state[0], state[1]
                proc.join()
                del workers[conn]
                if current is not None:
                    done += 1
                    finding = _hang_finding(proc.pid, timeout, proc.exitcode)
                    if finding is None:
                        own_hangs += 1
                    else:
                        record(current, finding)
                    rest = [i for i in state[3] if i > current]
                    if rest:
                        _respawn(ctx, workers, rest, run_seed, limit_mb, pyfront, short,
                                 timeout)
                else:
                    spawn()
                continue
            if msg[0] == "start":
                state[1], state[2] = msg[1], time.monotonic()
            elif msg[0] == "done":
                done += 1
                state[1] = None
                if msg[2] is not None:
                    record(msg[1], msg[2])
            else:
                state[0].join()
                del workers[conn]
                spawn()
        now = time.monotonic()
        for conn, state in list(workers.items()):
            if state[1] is not None and now - state[2] > timeout:
                state[0].kill()
                state[0].join()
                del workers[conn]
                done += 1
                finding = _hang_finding(state[0].pid, timeout)
                if finding is None:
                    own_hangs += 1
                else:
                    record(state[1], finding)
                rest = [i for i in state[3] if i > state[1]]
                if rest:
                    _respawn(ctx, workers, rest, run_seed, limit_mb, pyfront, short, timeout)
                else:
                    spawn()
        if not quiet and now - last_report > 30:
            last_report = now
            print(f"... {done} inputs, {sum(f[0] for f in findings.values())} findings, "
                  f"{now - start:.0f} s", file=sys.stderr, flush=True)

    elapsed = time.monotonic() - start
    agreed = []
    if oracle:
        candidates = [sig for sig in findings if _raised_inside(sig)]
        verdicts = tensorflow_agrees([make_input(run_seed, findings[sig][1], short)
                                      for sig in candidates]) if candidates else []
        for sig, verdict in zip(candidates, verdicts):
            if verdict:
                agreed.append((sig, findings.pop(sig)))
    total = sum(f[0] for f in findings.values())
    if short:
        return done, findings
    print(f"{done} inputs (stream {run_seed}) in {elapsed:.0f} s: {total} findings, "
          f"{len(findings)} distinct; {own_hangs} hung in the program's own code")
    for sig, (n, i, _finding, _path) in agreed:
        print(f"  not a finding: TensorFlow raises the same error ({n}x {sig}; "
              f"--show {run_seed}:{i})")
    for sig, (n, i, finding, path) in sorted(findings.items(), key=lambda kv: -kv[1][0]):
        print(f"\n[{n}x] {sig}\n  first: --show {run_seed}:{i}" + (f"  saved: "
              f"{os.path.relpath(path, ROOT)}" if path else ""))
        if not quiet:
            print("  " + finding.split("\n", 1)[1].rstrip().replace("\n", "\n  "))
    return 1 if findings else 0


def _respawn(ctx, workers, indices, run_seed, limit_mb, pyfront, short=False,
             timeout=20.0) -> None:
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_worker, args=(child, run_seed, indices, limit_mb, pyfront, short,
                                             timeout), daemon=True)
    proc.start()
    child.close()
    workers[parent] = [proc, None, time.monotonic(), indices]


def tensorflow_agrees(texts: list[str]) -> list[bool | None]:
    """For each input, whether TensorFlow, running the emitted program
    (`scopesim.verify`, one TensorFlow process), raises the very error
    scopesim raised (type, message, line and column): then the exception
    raised inside scopesim is TensorFlow's too, the program's own error.
    None when it cannot tell (no TensorFlow: set SCOPESIM_TF_PYTHON; a
    program Python cannot compile)."""
    from scopesim.parser import parse
    from scopesim.tf_runner import TensorFlowNotFound
    from scopesim.verify import verify_programs
    programs = [parse(text, "fuzz.scope") for text in texts]
    try:
        outcomes = list(verify_programs(programs))
    except TensorFlowNotFound:
        return [None] * len(texts)
    return [None if o.status == "unverifiable" else
            not any(d.section == "error" for d in o.differences) for o in outcomes]


def _raised_inside(sig: str) -> bool:
    """A finding of an exception raised inside scopesim (what TensorFlow may
    raise too), not an escape, a hang or a dead worker."""
    return re.match(r"\w+ at scopesim/", sig) is not None


def replay(pyfront: bool) -> int:
    bad = 0
    for path in sorted(CORPUS.glob("*.scope")):
        text = path.read_bytes().decode("utf-8", "surrogatepass")
        finding = check(text, pyfront)
        if finding is not None:
            bad += 1
            print(f"{os.path.relpath(path, ROOT)}: {finding}")
    print(f"{len(list(CORPUS.glob('*.scope')))} corpus inputs: {bad} findings")
    return 1 if bad else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", "--count", type=int, default=100_000, help="inputs (default 100000)")
    ap.add_argument("--seconds", type=float, help="stop starting new inputs after this long")
    ap.add_argument("--seed", type=int, default=0, help="the stream of inputs (default 0)")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds per input (a hang)")
    ap.add_argument("--memory-mb", type=int, default=6144, help="address space per worker")
    ap.add_argument("--no-save", action="store_true", help="do not write tests/fuzz_corpus/")
    ap.add_argument("--pyfront", action="store_true",
                    help="also run each emitted program through the Python front end")
    ap.add_argument("--replay", action="store_true", help="check tests/fuzz_corpus/ only")
    ap.add_argument("--show", metavar="SEED:INDEX", help="print one input and exit")
    ap.add_argument("--oracle", action="store_true",
                    help="ask TensorFlow (SCOPESIM_TF_PYTHON) about each exception raised inside "
                         "scopesim: the same error in TensorFlow is not a finding")
    ap.add_argument("--confirm", metavar="SEED:INDEX", nargs="+",
                    help="say whether TensorFlow raises the same error for these inputs")
    ap.add_argument("-q", "--quiet", action="store_true")
    args = ap.parse_args(argv)
    if args.show:
        s, i = args.show.split(":")
        sys.stdout.write(make_input(int(s), int(i)))
        return 0
    if args.replay:
        return replay(args.pyfront)
    if args.confirm:
        keys = [tuple(int(x) for x in key.split(":")) for key in args.confirm]
        verdicts = tensorflow_agrees([make_input(s, i) for s, i in keys])
        words = {True: "TensorFlow raises the same error (not a finding)",
                 False: "TensorFlow differs", None: "cannot tell (no TensorFlow?)"}
        for key, verdict in zip(args.confirm, verdicts):
            print(f"{key}: {words[verdict]}")
        return 0 if all(verdicts) else 1
    count = args.count if args.seconds is None or args.count != 100_000 else 10**12
    return fuzz(count, args.seconds, args.seed, max(1, args.jobs), args.timeout,
                args.memory_mb, not args.no_save, args.pyfront, args.quiet, oracle=args.oracle)


if __name__ == "__main__":
    sys.exit(main())
