"""`tf.compat.v1.summary` (`summary/summary.py`): scalar, histogram, image,
merge, merge_all (the rules are in `scopesim.engine.summary`)."""

from __future__ import annotations

from ..engine import summary as _s
from ..engine.graph import get_default_graph


def scalar(name, tensor, collections=None, family=None):
    """`tf.compat.v1.summary.scalar`."""
    return _s.scalar(get_default_graph(), name, tensor, collections, family)


def histogram(name, values, collections=None, family=None):
    """`tf.compat.v1.summary.histogram`."""
    return _s.histogram(get_default_graph(), name, values, collections, family)


def image(name, tensor, max_outputs=3, collections=None, family=None):
    """`tf.compat.v1.summary.image`."""
    return _s.image(get_default_graph(), name, tensor, max_outputs, collections, family)


def merge(inputs, collections=None, name=None):
    """`tf.compat.v1.summary.merge`."""
    return _s.merge(get_default_graph(), inputs, collections, name)


def merge_all(key="summaries", scope=None, name=None):
    """`tf.compat.v1.summary.merge_all`."""
    return _s.merge_all(get_default_graph(), key, scope, name)
