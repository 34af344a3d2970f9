"""scopesim's own `tf.compat.v1`: TensorFlow's API as real Python objects
over `scopesim.engine` (the layout mirrors TensorFlow's: `framework/`,
`ops/`; `compat_v1` assembles the namespace).  See docs/architecture.md."""
