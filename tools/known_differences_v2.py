#!/usr/bin/env python3
"""Write tests/conformance/handwritten_v2/KNOWN_DIFFERENCES.txt from a fresh run.

Each hand-written version-2 case is run in scopesim and compared with its
TensorFlow recording (exactly as tests/test_conformance.py compares it);
every case that differs is listed, one a line, with the sections that
differ and the first differing line as its reason.  The conformance test
marks those cases xfail(strict=True): a case that starts agreeing fails
until its line is removed (re-run this tool).

    python tools/known_differences_v2.py            # rewrite the list
    python tools/known_differences_v2.py --check    # exit 1 if the list is stale
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scopesim.errors import ScopeSyntaxError  # noqa: E402
from scopesim.parser import parse  # noqa: E402
from scopesim.verify import compare_results, run_scopesim  # noqa: E402

FOLDER = ROOT / "tests" / "conformance" / "handwritten_v2"
LIST = FOLDER / "KNOWN_DIFFERENCES.txt"
HEADER = """\
# Hand-written version-2 cases where scopesim does not agree with TensorFlow yet
# (parts of the API are still being built).  One case a line: NAME  reason.
# tests/test_conformance.py marks them xfail(strict=True): a case that starts
# agreeing must be removed.  Regenerate: python tools/known_differences_v2.py
"""


def reason(expected: dict, differences) -> str:
    """The sections that differ and the first differing line of the first one."""
    sections = ", ".join(d.section for d in differences)
    first = differences[0]
    lines = [line for line in first.unified()[2:] if line[:1] in "+-" and line[1:].strip()]
    detail = lines[0] if lines else ""
    if len(detail) > 110:
        detail = detail[:107] + "..."
    return f"{sections}: {detail}" if detail else sections


def known_differences() -> dict[str, str]:
    found = {}
    for case in sorted(FOLDER.glob("*.scope")):
        expected = json.loads(case.with_name(case.stem + ".expected.json")
                              .read_text(encoding="utf-8"))
        try:
            program = parse(case.read_text(encoding="utf-8"), f"handwritten_v2/{case.name}")
        except ScopeSyntaxError as e:
            found[case.stem] = f"syntax error: {e.message} (line {e.line})"
            continue
        differences = compare_results(expected, run_scopesim(program))
        if differences:
            found[case.stem] = reason(expected, differences)
    return found


def read_list(path: Path = LIST) -> dict[str, str]:
    """NAME -> reason of a KNOWN_DIFFERENCES.txt (`#` lines and blank lines skipped)."""
    entries = {}
    if not path.exists():
        return entries
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, why = line.strip().partition(" ")
            entries[name] = why.strip() or "known difference"
    return entries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only say whether the list is current")
    args = parser.parse_args(argv)
    found = known_differences()
    if args.check:
        listed = read_list()
        stale = sorted(set(listed) ^ set(found))
        for name in stale:
            print(f"{'no longer differs' if name in listed else 'differs, not listed'}: {name}")
        return 1 if stale else 0
    text = HEADER + "".join(f"{name}  {why}\n" for name, why in found.items())
    LIST.write_text(text, encoding="utf-8")
    total = len(list(FOLDER.glob("*.scope")))
    print(f"{len(found)} of {total} case(s) differ; written to {LIST.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
