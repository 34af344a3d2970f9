"""The random program generator: reproducible, valid, and aimed at the tricky rules."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scopesim.emit import emit_program
from scopesim.generate import generate
from scopesim.runner import run
from scopesim.parser import parse

SEEDS = range(200)


@pytest.fixture(scope="module")
def programs() -> dict[int, str]:
    return {seed: generate(seed) for seed in SEEDS}


def test_same_seed_same_program(programs):
    assert all(generate(seed) == text for seed, text in list(programs.items())[:20])


def test_different_seeds_different_programs(programs):
    assert len(set(programs.values())) == len(programs)


def test_generated_programs_parse(programs):
    for seed, text in programs.items():
        parse(text, f"seed{seed}.scope")


def test_about_a_quarter_end_in_an_uncaught_error(programs):
    errors = sum(run(parse(text, "g.scope")).error is not None for text in programs.values())
    assert 0.15 <= errors / len(programs) <= 0.40


def test_programs_go_on_after_caught_errors(programs):
    """try/except lets most programs print something after a caught error."""
    caught = sum("except" in text for text in programs.values())
    assert caught / len(programs) > 0.8


def test_nesting_stays_within_one_python_function(programs):
    """Generated programs need no function splitting, so they read like TF code
    and can always be verified."""
    for text in list(programs.values())[:50]:
        assert "def nested_block" not in emit_program(parse(text, "g.scope")).source
        # CPython's static limit of nested blocks in one function is 20.
        assert emit_program(parse(text, "g.scope")).block_depth < 20


@pytest.mark.parametrize("feature", [
    'var A ', 'var a ', "var add ", "var Add ", "var a_1 ",      # case twins, suffix look-alikes
    "reuse=true", "reuse=false", "reuse=none", "reuse=auto", "\nreuse\n", "    reuse\n",
    "scope default=", "aux=false", 'name_scope "a/"', 'name_scope ""', "name_scope none",
    "[None", "dtype=int32", "initializer=", "variable ", "op ",
    "try <", "except ValueError as e", "print e", "global_variables(", "original_name_scope",
])
def test_the_tricky_rules_are_visited(programs, feature):
    assert any(feature in text for text in programs.values())


def test_scope_handles_are_reentered(programs):
    assert any(re.search(r"^\s*scope s\d+", text, re.M) for text in programs.values())


def test_ops_get_number_operands(programs):
    assert any(re.search(r"[a-z]\d+ [-+*/] -?\d", text) for text in programs.values())
    assert any(re.search(r"= -?\d[.\d]* [-+*/] [a-z]\d+", text) for text in programs.values())


# ------------------------------------------------------------------ version 1 is frozen

CORPUS = Path(__file__).parent / "conformance" / "generated"


def test_version_1_is_the_default_and_matches_the_recorded_corpus():
    """The 300 generated cases were recorded from generate(seed): the
    version-2 generator must not change a single version-1 program."""
    cases = sorted(CORPUS.glob("seed*.scope"))
    assert len(cases) >= 300
    for case in cases:
        seed = int(case.stem[len("seed"):])
        text = case.read_text(encoding="utf-8")
        assert generate(seed) == text, case.name
        assert generate(seed, version=1) == text, case.name


def test_version_2_corpus_is_what_the_generator_draws():
    """tests/conformance/generated_v2/ was recorded from generate(seed, version=2)."""
    cases = sorted((CORPUS.parent / "generated_v2").glob("seed*.scope"))
    assert len(cases) >= 300
    for case in cases:
        seed = int(case.stem[len("seed"):])
        assert generate(seed, version=2) == case.read_text(encoding="utf-8"), case.name


def test_unknown_version_is_an_error():
    with pytest.raises(ValueError, match="version 3"):
        generate(0, version=3)


# ------------------------------------------------------------------ version 2

V2_SEEDS = range(300)


@pytest.fixture(scope="module")
def programs_v2() -> dict[int, str]:
    return {seed: generate(seed, version=2) for seed in V2_SEEDS}


def test_version_2_same_seed_same_program(programs_v2):
    assert all(generate(seed, version=2) == text for seed, text in list(programs_v2.items())[:20])


def test_version_2_different_seeds_different_programs(programs_v2):
    assert len(set(programs_v2.values())) == len(programs_v2)


def test_version_2_differs_from_version_1(programs_v2):
    assert all(generate(seed) != programs_v2[seed] for seed in range(20))


@pytest.mark.parametrize("feature", [
    "def ", "return ", "for t in range(", "for i in range(", "reuse=(t > 0)", "reuse=tf.AUTO_REUSE",
    "reuse=reuse", "\nreuse = ", 'f"layer_{i}"', 'f"block{i:02d}"', 'f"{name}_{i}"', 'f"w{i}"',
    "hs = []", "hs.append(", "hs[-1]", ", *rest = ", "[1:]", "len(", "units=", "name=", "shape=",
    "collections=[", "trainable=False", "initializer=tf.", "tf.add_to_collection(",
    "tf.get_collection(", "tf.GraphKeys.", "tf.get_local_variable(", "tf.trainable_variables(\"",
    "tf.make_template(", "create_scope_now_=True", "unique_name_=", "tf.name_scope(",
    "= var ", "try <", "> except ValueError as e <", "break", " if (t == 0) else ",
    "default_name=", "as s",
])
def test_version_2_visits_the_constructs(programs_v2, feature):
    assert any(feature in text for text in programs_v2.values()), feature


def test_version_2_calls_one_def_in_several_scopes(programs_v2):
    """The point of a function: the same def called under different scopes."""
    found = 0
    for text in programs_v2.values():
        calls = re.findall(r"with tf\.variable_scope\(\"([^\"]*)\".*\n\s+h\d+ = (\w+)\(", text)
        by_function = {}
        for scope, function in calls:
            by_function.setdefault(function, set()).add(scope)
        found += any(len(scopes) > 1 for scopes in by_function.values())
    assert found > len(programs_v2) / 4


def _outside_brackets(line: str) -> str:
    """The characters of `line` (strings and comments removed) that stand
    outside every (), [] and {}."""
    code = re.sub(r'"(\\.|[^"\\])*"|\'(\\.|[^\'\\])*\'', '""', line)
    code = re.sub(r"#.*", "", code).rstrip()
    depth, outside = 0, []
    for char in code:
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif depth == 0:
            outside.append(char)
    return "".join(outside)


def test_version_2_comparisons_stand_inside_brackets(programs_v2):
    """LANGUAGE.md 4.1: a bare `<` only opens a block (at the end of a line),
    a bare `>` only closes one (at the start of a line)."""
    for seed, text in programs_v2.items():
        for number, line in enumerate(text.split("\n"), 1):
            bare = _outside_brackets(line).strip()
            if bare.startswith(">"):
                bare = bare[1:]
            if bare.endswith("<"):
                bare = bare[:-1]
            assert "<" not in bare and ">" not in bare, f"seed {seed}, line {number}: {line}"


def test_version_2_blocks_balance(programs_v2):
    for seed, text in programs_v2.items():
        depth = 0
        for line in text.split("\n"):
            bare = _outside_brackets(line).strip()
            depth -= bare.startswith(">")
            assert depth >= 0, seed
            depth += bare.endswith("<")
        assert depth == 0, seed


def test_version_2_programs_parse(programs_v2):
    """Once the version-2 front end exists, every generated program parses."""
    from scopesim.errors import ScopeSyntaxError
    try:
        parse("def f() <\n    return 1\n>\n", "probe.scope")
    except ScopeSyntaxError:
        pytest.skip("the version-2 front end does not parse `def` yet")
    for seed, text in programs_v2.items():
        parse(text, f"seed{seed}.scope")


# A mechanical translation of the generated subset to TensorFlow Python: the
# generator writes only forms whose translation is a line-for-line rewrite.
_TF_PRELUDE = '''\
import tensorflow.compat.v1 as tf
from tensorflow.python.ops import variables as __variables
def show(*values, sep=" ", end="\\n"):
    named = (__variables.Variable, __variables.PartitionedVariable, tf.Tensor, tf.Operation,
             tf.VariableScope)
    print(*[v.name if isinstance(v, named) else str(v) for v in values], sep=sep, end=end)
'''


def translate_v2(text: str) -> str:
    out = []
    for line in text.split("\n"):
        indent = line[: len(line) - len(line.lstrip())]
        statement = line.strip()
        if statement == ">":
            continue
        handler = re.fullmatch(r"> (except .*) <", statement)
        if handler:
            out.append(indent + handler[1] + ":")
            continue
        if statement.endswith(" <"):
            statement = statement[:-2] + ":"
        variable = re.fullmatch(r"(\w+) = var (\w+) (\[[^\]]*\])(?: trainable=(\w+))?", statement)
        if variable:
            statement = (f'{variable[1]} = tf.get_variable("{variable[2]}", {variable[3]}'
                         + (f", trainable={variable[4]}" if variable[4] else "") + ")")
        statement = re.sub(r"^print\(", "show(", statement)
        out.append(indent + statement)
    return _TF_PRELUDE + "\n".join(out) + "\n"


_TF_CHECK = '''\
import contextlib, io, json, os, sys
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
import tensorflow.compat.v1 as tf
tf.disable_v2_behavior()
outcomes = []
for source in json.load(sys.stdin):
    tf.reset_default_graph()
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(source, "generated", "exec"), {"__name__": "__main__"})
        outcomes.append(None)
    except Exception as e:
        outcomes.append(type(e).__name__)
print(json.dumps(outcomes))
'''


@pytest.mark.tf
def test_version_2_programs_run_in_tensorflow(programs_v2):
    """Translated to TensorFlow, the programs run: no NameError or
    SyntaxError (a generator bug), and most end normally (caught errors let
    them go on); some end in TensorFlow's ValueError, as real code does."""
    import json
    import subprocess

    from scopesim.tf_runner import TensorFlowNotFound, find_tensorflow_python
    try:
        python = find_tensorflow_python()
    except TensorFlowNotFound as error:
        pytest.skip(str(error))
    sources = [translate_v2(programs_v2[seed]) for seed in range(100)]
    done = subprocess.run([python, "-c", _TF_CHECK], input=json.dumps(sources),
                          capture_output=True, text=True, timeout=600)
    outcomes = json.loads(done.stdout.strip().splitlines()[-1])
    assert not [o for o in outcomes if o in ("NameError", "SyntaxError", "AttributeError")]
    errors = sum(o is not None for o in outcomes)
    assert 0.03 <= errors / len(outcomes) <= 0.40


# ------------------------------------------------------------------ version 2, the op library

OPS_SEEDS = range(300)


@pytest.fixture(scope="module")
def programs_ops() -> dict[int, str]:
    return {seed: generate(seed, version=2, ops=True) for seed in OPS_SEEDS}


def test_ops_same_seed_same_program(programs_ops):
    assert all(generate(seed, version=2, ops=True) == text
               for seed, text in list(programs_ops.items())[:20])


def test_ops_programs_differ_by_seed_and_from_version_2(programs_ops, programs_v2):
    assert len(set(programs_ops.values())) == len(programs_ops)
    assert all(programs_ops[seed] != programs_v2[seed] for seed in range(20))


def test_ops_generator_is_version_2_only():
    with pytest.raises(ValueError, match="version 1"):
        generate(0, version=1, ops=True)


def test_ops_corpus_is_what_the_generator_draws():
    """tests/conformance/generated_ops_v2/ was recorded from generate(seed, version=2, ops=True)."""
    cases = sorted((CORPUS.parent / "generated_ops_v2").glob("seed*.scope"))
    assert len(cases) >= 150
    for case in cases:
        seed = int(case.stem[len("seed"):])
        assert generate(seed, version=2, ops=True) == case.read_text(encoding="utf-8"), case.name


@pytest.mark.parametrize("feature", [
    "[None, ", "shape=None", "tf.int64", "tf.bool", "tf.get_variable(",
    "tf.add(", "tf.subtract(", "tf.multiply(", "tf.divide(", "tf.truediv(", "tf.floordiv(",
    "tf.mod(", "tf.pow(", "tf.maximum(", "tf.minimum(", "tf.less(", "tf.greater(", "tf.equal(",
    "tf.not_equal(", " ** ", " // ", " % ", "tf.negative(", "tf.abs(", "tf.square(", "tf.sqrt(",
    "tf.rsqrt(", "tf.exp(", "tf.log(", "tf.sigmoid(", "tf.tanh(", "tf.identity(",
    "tf.nn.relu(", "tf.nn.relu6(", "tf.nn.elu(", "tf.nn.softplus(", "tf.nn.leaky_relu(",
    "tf.nn.softmax(", "tf.nn.log_softmax(", "tf.nn.zero_fraction(", "tf.nn.l2_loss(",
    "tf.matmul(", "transpose_a=True", "transpose_b=True", " @ ",
    "tf.reduce_sum(", "tf.reduce_mean(", "tf.reduce_max(", "tf.reduce_min(", "tf.reduce_prod(",
    "reduction_indices=", "keep_dims=", "keepdims=", "tf.argmax(", "tf.argmin(", "dimension=",
    "tf.reshape(", "[-1", "tf.transpose(", "tf.concat(", "tf.stack(", "tf.split(", "tf.unstack(",
    "tf.expand_dims(", "dim=", "tf.squeeze(", "squeeze_dims=", "tf.tile(", "tf.gather(",
    "tf.cast(", "tf.to_float(", "tf.to_int32(", "tf.shape(", "out_type=", "tf.one_hot(",
    "tf.sequence_mask(", "tf.where(", "tf.clip_by_value(", "tf.slice(", "tf.pad(",
    'mode="REFLECT"', "constant_values=", "tf.zeros(", "tf.ones(", "tf.zeros_like(",
    "tf.ones_like(", "tf.fill(", "tf.range(", "tf.losses.mean_squared_error(",
    "tf.nn.sparse_softmax_cross_entropy_with_logits(", "tf.nn.softmax_cross_entropy_with_logits_v2(",
    "tf.nn.sigmoid_cross_entropy_with_logits(", "tf.summary.scalar(", "tf.summary.histogram(",
    "tf.nn.conv2d(", "tf.nn.max_pool(", "tf.nn.avg_pool(", "tf.nn.bias_add(", "tf.nn.dropout(",
    "tf.nn.batch_normalization(", "tf.nn.moments(", "tf.nn.embedding_lookup(", "tf.tensordot(",
    "tf.constant(", "tf.convert_to_tensor(",
    "tf.summary.merge_all()", 'name="Add"', 'name="add"', 'tf.name_scope("layer")',
    'tf.name_scope("ops/")', 'tf.name_scope("")', 'tf.name_scope(f"step_{j}")', "for j in range(",
    "tf.variable_scope(", "try <", "print(type(e).__name__, e)", ".op.inputs", ".op.type",
])
def test_ops_generator_draws_every_op_and_construct(programs_ops, feature):
    assert any(feature in text for text in programs_ops.values()), feature


def test_ops_programs_parse_and_balance(programs_ops):
    for seed, text in list(programs_ops.items())[:100]:
        parse(text, f"seed{seed}.scope")
        depth = 0
        for line in text.split("\n"):
            bare = _outside_brackets(line).strip()
            depth -= bare.startswith(">")
            assert depth >= 0, seed
            depth += bare.endswith("<")
            inner = bare[1:] if bare.startswith(">") else bare
            inner = inner[:-1] if inner.endswith("<") else inner
            assert "<" not in inner and ">" not in inner, f"seed {seed}: {line}"
        assert depth == 0, seed


def test_ops_programs_mostly_go_on_after_their_errors(programs_ops):
    """Incompatible operands raise inside try/except: most programs end
    normally, a few in an uncaught error, none in NotSimulated."""
    results = [run(parse(programs_ops[seed], "g.scope")) for seed in range(100)]
    outcomes = [r.error for r in results]
    assert not [e for e in outcomes if e is not None and e.type == "NotSimulated"]
    errors = sum(e is not None for e in outcomes)
    assert 0.02 <= errors / len(outcomes) <= 0.30
    caught = sum("Error " in "\n".join(r.output) for r in results)
    assert caught >= 50
