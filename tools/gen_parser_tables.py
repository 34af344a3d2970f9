"""Generate `scopesim/parser_tables.py` from `grammars/scopesim.lark`.

    python tools/gen_parser_tables.py           # rewrite the module
    python tools/gen_parser_tables.py --check   # exit 1 if it is out of date

The grammar file stays the reference: Lark builds its LALR tables and its
contextual lexer from it (the options of `scopesim.parser._lark`), and this
tool writes down what `scopesim/fastparse.py` needs to parse without Lark:

* the parse table (state -> symbol -> shift target or ~rule),
* each rule's shape as Lark's tree builder gives it (size, origin, which
  children are kept, inlined or padded with None, `?rule` expansion),
* the terminals (regexps, as Lark writes them), the first characters each
  can start with (a superset, from the regexp's parse), and for every
  parser state the terminals its contextual lexer tries, in Lark's order.

Lark numbers its states differently from one run to the next, so the module
is not byte-for-byte reproducible: `--check` compares the digests of the
grammar and of this tool recorded in it (tests/test_parser_paths.py runs
it, and compares the fast parser with Lark's on every program).
"""

from __future__ import annotations

import argparse
import hashlib
import zlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET = ROOT / "scopesim" / "parser_tables.py"
#: Characters are bucketed as their code below 128; every other one is 128.
OTHER = 128


def first_chars(regexp: str) -> frozenset[int]:
    """The characters a match of `regexp` can start with (a superset:
    lookarounds are ignored, classes with categories or negation are all)."""
    try:
        import re._parser as sre_parse
        from re._constants import (ANY, ASSERT, ASSERT_NOT, AT, BRANCH, CATEGORY, IN, LITERAL,
                                   MAX_REPEAT, MIN_REPEAT, NEGATE, NOT_LITERAL, RANGE, SUBPATTERN)
    except ImportError:     # Python 3.10
        import sre_parse
        from sre_constants import (ANY, ASSERT, ASSERT_NOT, AT, BRANCH, CATEGORY, IN, LITERAL,
                                   MAX_REPEAT, MIN_REPEAT, NEGATE, NOT_LITERAL, RANGE, SUBPATTERN)
    everything = frozenset(range(OTHER + 1))

    def bucket(code):
        return code if code < OTHER else OTHER

    def sequence(items):
        """(first characters, can be empty)"""
        found = set()
        for op, av in items:
            first, empty = item(op, av)
            found |= first
            if not empty:
                return found, False
        return found, True

    def item(op, av):
        if op is LITERAL:
            return {bucket(av)}, False
        if op in (NOT_LITERAL, ANY, CATEGORY):
            return set(everything), False
        if op is IN:
            found = set()
            for kind, value in av:
                if kind is LITERAL:
                    found.add(bucket(value))
                elif kind is RANGE:
                    low, high = value
                    found.update(bucket(c) for c in range(low, min(high, OTHER) + 1))
                    if high >= OTHER:
                        found.add(OTHER)
                else:           # NEGATE, CATEGORY: anything
                    return set(everything), False
            return found, False
        if op is SUBPATTERN:
            return sequence(av[-1])
        if op is BRANCH:
            found, empty = set(), False
            for alternative in av[1]:
                first, can = sequence(alternative)
                found |= first
                empty = empty or can
            return found, empty
        if op in (MAX_REPEAT, MIN_REPEAT):
            low, _, body = av
            first, empty = sequence(body)
            return first, empty or low == 0
        if op in (ASSERT, ASSERT_NOT, AT):
            return set(), True
        return set(everything), True        # anything else: assume the worst

    first, empty = sequence(sre_parse.parse(regexp))
    return everything if empty else frozenset(first)


def tables(grammar_text: str) -> dict:
    """Everything `fastparse` reads, from Lark's own construction."""
    from lark.parse_tree_builder import maybe_create_child_filter
    from lark.parsers.lalr_analysis import Shift

    from scopesim.parser import _lark_for
    lark = _lark_for(grammar_text)
    frontend = lark.parser
    table = frontend.parser.parser.parse_table
    contextual = frontend.lexer.lexer
    assert lark.lexer_conf.g_regex_flags == 0
    index = {rule: i for i, rule in enumerate(lark.rules)}
    actions = {state: {str(symbol): (arg if action is Shift else ~index[arg])
                       for symbol, (action, arg) in sorted(row.items())}
               for state, row in sorted(table.states.items())}
    rules = []
    for rule in lark.rules:
        options, expansion = rule.options, rule.expansion
        built = maybe_create_child_filter(expansion, options.keep_all_tokens, False,
                                          options.empty_indices)
        if built is None:
            include, tail = [(i, False, 0) for i in range(len(expansion))], 0
        elif len(built.args) == 2:
            include, tail = built.args
        else:
            include, tail = [(i, x, 0) for i, x in built.args[0]], 0
        terminal = tuple(sym.is_term for sym in expansion)
        include = tuple((i, bool(expand), nones, terminal[i]) for i, expand, nones in include)
        name = rule.alias or options.template_source or rule.origin.name
        rules.append((len(expansion), str(rule.origin.name), terminal, include, tail,
                      bool(options.expand1 and not rule.alias), str(name)))
    terminals, lexers, state_lexer, ignore = {}, [], {}, None
    seen = {}
    for state, lexer in sorted(contextual.lexers.items()):
        scanner = lexer.scanner
        assert not lexer.callback, "terminal callbacks (string terminals inside regexps)"
        assert ignore is None or ignore == lexer.ignore_types
        ignore = lexer.ignore_types
        order = tuple(t.name for t in scanner.terminals)
        for t in scanner.terminals:
            terminals[t.name] = t.pattern.to_regexp()
        if order not in seen:
            seen[order] = len(lexers)
            lexers.append(order)
        state_lexer[state] = seen[order]
    first = {name: "".join(chr(c) for c in sorted(first_chars(regexp)))
             for name, regexp in sorted(terminals.items())}
    return {"START": table.start_states["start"], "END": table.end_states["start"],
            "ACTIONS": actions, "RULES": rules,
            "TERMINALS": dict(sorted(terminals.items())), "FIRST": first,
            "IGNORE": tuple(sorted(ignore)), "LEXERS": lexers, "STATE_LEXER": state_lexer}


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _recorded(module_text: str, name: str) -> str | None:
    for line in module_text.splitlines():
        if line.startswith(f"{name} = "):
            return line.split(" = ", 1)[1].strip("'")
    return None


def render(grammar_text: str) -> str:
    import lark
    digest = _digest(grammar_text)
    out = ['"""Generated by tools/gen_parser_tables.py from grammars/scopesim.lark: do not edit.',
           "",
           "The LALR tables, rule shapes and contextual-lexer terminal orders Lark builds",
           'from the grammar (read by scopesim/fastparse.py; see the tool for each name)."""',
           "",
           f"GRAMMAR_SHA256 = {digest!r}",
           f"GRAMMAR_CRC32 = {zlib.crc32(grammar_text.encode('utf-8'))}  # checked at start-up",
           f"GENERATOR_SHA256 = {_digest(Path(__file__).read_text(encoding='utf-8'))!r}",
           f"LARK_VERSION = {lark.__version__!r}",
           f"OTHER = {OTHER}"]
    for name, value in tables(grammar_text).items():
        out.append(f"{name} = {_literal(value)}")
    return "\n".join(out) + "\n"


def _literal(value) -> str:
    """A Python literal, one entry of a dict or list per line."""
    if isinstance(value, dict) and value:
        return "{\n" + "".join(f"    {k!r}: {v!r},\n" for k, v in value.items()) + "}"
    if isinstance(value, list) and value:
        return "[\n" + "".join(f"    {v!r},\n" for v in value) + "]"
    return repr(value)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    args = parser.parse_args()
    from scopesim.parser import _grammar_text
    grammar = _grammar_text()
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.is_file() else ""
        if (_recorded(current, "GRAMMAR_SHA256"), _recorded(current, "GENERATOR_SHA256")) != \
                (_digest(grammar), _digest(Path(__file__).read_text(encoding="utf-8"))):
            print(f"{TARGET.relative_to(ROOT)} is out of date: run tools/gen_parser_tables.py",
                  file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(render(grammar), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
