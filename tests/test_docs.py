"""The shipped reference pages: docs/api.md is generated from the live
namespace (tools/api_table.py) and must be current; docs/language.md
points at the samples and pages that exist."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _api_table():
    spec = importlib.util.spec_from_file_location("api_table", ROOT / "tools" / "api_table.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_api_page_is_what_the_namespace_simulates():
    expected = _api_table().render()
    actual = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/api.md is stale: run python tools/api_table.py"


def test_api_page_lists_only_names_tensorflow_has():
    from scopesim.tf import compat_v1 as tf
    for path, leaves, _ in _api_table().simulated():
        recorded = set(tf._RECORDED[path]["names"]) | {"__version__"}
        assert {name for name, _ in leaves} <= recorded


def test_language_reference_names_existing_samples():
    text = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    for sample in re.findall(r"samples/(\d\d_\w+\.scope)", text):
        assert (ROOT / "samples" / sample).is_file(), sample
