"""`tensorflow/python/util/`."""
