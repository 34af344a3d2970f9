#!/usr/bin/env python3
"""Record real TensorFlow's results for the conformance corpus (tests/conformance/).

For each `.scope` case, the program is emitted as TensorFlow Python
(`scopesim.emit`), run in TensorFlow (`scopesim.tf_runner`: one process for
all the cases, a fresh graph each), and TensorFlow's result is written beside
it as `NAME.expected.json`, in the format of `scopesim run --format json`.
`tests/conformance/TF_VERSION` records which TensorFlow produced them.
The ordinary test run (`tests/test_conformance.py`) then compares scopesim
with these recordings without needing TensorFlow.

    python tools/record_tf.py                       # re-record every case but handwritten_v2/
    python tools/record_tf.py --include-v2          # ... and handwritten_v2/ from emitted code
    python tools/record_tf.py --generate 300        # first write generated/seed0000..0299
    python tools/record_tf.py --generate 150 --kind ops   # write and record generated_ops_v2/
    python tools/record_tf.py --missing             # only cases without a recording
    python tools/record_tf.py CASE.scope ...        # only these cases

TensorFlow is found as `scopesim verify` finds it: this interpreter if it has
TensorFlow, else $SCOPESIM_TF_PYTHON (or --tf-python).  After recording, the
cases where scopesim disagrees with the recording are listed (exit status 1).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scopesim.emit import emit_program  # noqa: E402
from scopesim.errors import ScopeSyntaxError  # noqa: E402
from scopesim.generate import generate  # noqa: E402
from scopesim.parser import parse  # noqa: E402
from scopesim.tf_runner import (TensorFlowNotFound, find_tensorflow_python, job,  # noqa: E402
                                run_jobs, tensorflow_version)
from scopesim.verify import compare_results, run_scopesim  # noqa: E402

CORPUS = ROOT / "tests" / "conformance"
#: Recorded by tools/record_tf_v2.py from hand-written TensorFlow translations
#: (`NAME.tf.py`), not from emitted programs: skipped unless named or asked.
HANDWRITTEN_V2 = CORPUS / "handwritten_v2"


def expected_path(case: Path) -> Path:
    return case.with_name(case.name[: -len(".scope")] + ".expected.json")


def format_result(result: dict) -> str:
    """The contract's JSON object, one output line / variable / op per line."""
    lines = ["{"]
    keys = tuple(k for k in ("output", "variables", "ops", "collections", "error")
                 if k in result)
    for index, key in enumerate(keys):
        comma = "," if index < len(keys) - 1 else ""
        value = result[key]
        if isinstance(value, dict) and value:
            lines.append(f'  "{key}": {{')
            items = [f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}"
                     for k, v in value.items()]
            lines += [f"    {item}," for item in items[:-1]] + [f"    {items[-1]}"]
            lines.append(f"  }}{comma}")
        elif isinstance(value, list) and value:
            lines.append(f'  "{key}": [')
            items = [json.dumps(item, ensure_ascii=False) for item in value]
            lines += [f"    {item}," for item in items[:-1]] + [f"    {items[-1]}"]
            lines.append(f"  ]{comma}")
        else:
            lines.append(f'  "{key}": {json.dumps(value, ensure_ascii=False)}{comma}')
    lines.append("}")
    return "\n".join(lines) + "\n"


#: --kind: the folder of generated cases and the generator's arguments.
GENERATED = {"v1": ("generated", {}), "v2": ("generated_v2", {"version": 2}),
             "ops": ("generated_ops_v2", {"version": 2, "ops": True})}


def write_generated(count: int, start: int, force: bool, kind: str = "v1") -> list[Path]:
    folder_name, arguments = GENERATED[kind]
    folder = CORPUS / folder_name
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for seed in range(start, start + count):
        path = folder / f"seed{seed:04d}.scope"
        if force or not path.exists():
            path.write_text(generate(seed, **arguments), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", nargs="*", type=Path, help="cases to record (default: all)")
    parser.add_argument("--generate", type=int, default=0, metavar="N",
                        help="first write N generated cases (seed START.. START+N-1)")
    parser.add_argument("--start", type=int, default=0, help="first seed for --generate")
    parser.add_argument("--kind", choices=sorted(GENERATED), default="v1",
                        help="which generator --generate draws from (v1: generated/, v2: "
                             "generated_v2/, ops: generated_ops_v2/); only those are recorded")
    parser.add_argument("--force", action="store_true", help="overwrite generated cases")
    parser.add_argument("--missing", action="store_true", help="only cases without a recording")
    parser.add_argument("--include-v2", action="store_true",
                        help=f"also re-record {HANDWRITTEN_V2.relative_to(ROOT)}/ from emitted "
                             "programs (normally recorded by tools/record_tf_v2.py)")
    parser.add_argument("--tf-python", help="the Python interpreter that has TensorFlow")
    args = parser.parse_args(argv)

    try:
        python = args.tf_python or find_tensorflow_python()
    except TensorFlowNotFound as e:
        print(f"record_tf: {e}", file=sys.stderr)
        return 2
    if args.generate:
        written = write_generated(args.generate, args.start, args.force, args.kind)
        if args.kind != "v1" and not args.cases:
            args.cases = written
    if args.cases:
        cases = sorted(args.cases)
    else:
        cases = sorted(case for case in CORPUS.rglob("*.scope")
                       if args.include_v2 or not case.is_relative_to(HANDWRITTEN_V2))
    if args.missing:
        cases = [case for case in cases if not expected_path(case).exists()]
    programs, jobs, unverifiable = {}, [], []
    for case in cases:
        name = case.relative_to(CORPUS).as_posix() if case.is_relative_to(CORPUS) else case.name
        try:
            program = parse(case.read_text(encoding="utf-8"), name)
        except ScopeSyntaxError as e:
            unverifiable.append(f"{case}: not a program: {e.message} (line {e.line})")
            continue
        programs[str(case)] = program
        jobs.append(job(str(case), emit_program(program), name))

    version = tensorflow_version(python)
    (CORPUS / "TF_VERSION").write_text(version + "\n", encoding="utf-8")
    recorded, disagree = 0, []
    for case_id, payload in run_jobs(jobs, python):
        case = Path(case_id)
        if "unverifiable" in payload:
            unverifiable.append(f"{case}: {payload['unverifiable']}")
            continue
        result = payload["result"]
        expected_path(case).write_text(format_result(result), encoding="utf-8")
        recorded += 1
        if compare_results(result, run_scopesim(programs[case_id])):
            disagree.append(str(case.relative_to(CORPUS) if case.is_relative_to(CORPUS) else case))
    print(f"recorded {recorded} case(s) with TensorFlow {version}")
    for line in unverifiable:
        print(f"NOT RECORDED: {line}")
    if disagree:
        print(f"scopesim disagrees with TensorFlow on {len(disagree)} case(s):")
        for name in disagree:
            print(f"  {name}")
    else:
        print("scopesim agrees with TensorFlow on every recorded case")
    return 1 if disagree or unverifiable else 0


if __name__ == "__main__":
    sys.exit(main())
