"""The README's one-screen program runs as documented.

Expected lines: what TensorFlow 2.21 printed for the program's equivalent
(`scopesim emit`, run with tensorflow-cpu 2.21.0), up to the traceback that
follows "Originally defined at:".
"""

from pathlib import Path

from scopesim import parse, run

README = Path(__file__).resolve().parent.parent / "README.md"

TENSORFLOW_PRINTED = [
    "scope1/variable1:0",
    "n/",
    "add:0 mm:0 k:0 (4,)",
    "False  ['dense/kernel:0']",
    "Variable scope1/variable1 already exists, disallowed. Did you mean to set reuse=True or "
    "reuse=tf.AUTO_REUSE in VarScope? Originally defined at:",
]


def one_screen_program() -> str:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## The language in one screen"):]
    return section.split("```\n", 2)[1]


def test_readme_program_prints_what_tensorflow_printed():
    result = run(parse(one_screen_program(), "README.md"))
    assert result.error is None
    assert result.output[:len(TENSORFLOW_PRINTED)] == TENSORFLOW_PRINTED


def test_readme_program_creates_the_variables_it_describes():
    result = run(parse(one_screen_program(), "README.md"))
    assert [v.name for v in result.variables] == [
        "scope1/variable1:0", "rnn/w:0", "dense/kernel:0", "a/b:0", "c:0", "v:0"]


#: What TensorFlow 2.21 printed for the version-2 model's equivalent (`scopesim emit`).
MODEL_TENSORFLOW_PRINTED = [
    "layer_2/dense/Relu:0 (?, 4)",
    "['layer_1/dense/kernel:0', 'layer_1/dense/bias:0']",
    "rnn_2/Tanh:0 7 [<tf.Variable 'rnn/w:0' shape=(4, 4) dtype=float32_ref>]",
]


def model_program() -> str:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## A model in one screen"):]
    return section.split("```\n", 2)[1]


def test_readme_model_prints_what_tensorflow_printed():
    result = run(parse(model_program(), "README.md"))
    assert result.error is None
    assert result.output == MODEL_TENSORFLOW_PRINTED


def test_readme_model_shares_the_rnn_weights_over_time():
    result = run(parse(model_program(), "README.md"))
    assert [v.name for v in result.variables][-1:] == ["rnn/w:0"]
    assert len(result.variables) == 7
