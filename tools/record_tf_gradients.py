#!/usr/bin/env python3
"""Record the op types TensorFlow 2.21 registers a gradient for
(`ops.gradient_registry.list()`) into scopesim/engine/tf_gradient_ops.json.

    ~/tfvenv/bin/python tools/record_tf_gradients.py
"""

import json
import os
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")

import tensorflow  # noqa: E402,F401  (registers the gradients)
from tensorflow.python.framework import ops  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "scopesim" / "engine" / "tf_gradient_ops.json"
OUT.write_text(json.dumps(sorted(ops.gradient_registry.list()), indent=0) + "\n",
               encoding="utf-8")
print(f"{len(ops.gradient_registry.list())} op types written to {OUT}")
