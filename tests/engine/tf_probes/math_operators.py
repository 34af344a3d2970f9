"""The Python operators + - * / @ and unary - on every kind of operand,
on either side (see math_env.py for the operands)."""
from math_env import *

for symbol in ["+", "-", "*", "/", "@"]:
    for left in TENSORS + OTHERS:
        for right in TENSORS + OTHERS:
            if left in TENSORS or right in TENSORS:
                run("%s %s %s" % (left, symbol, right))
for operand in TENSORS:
    run("-" + operand)
