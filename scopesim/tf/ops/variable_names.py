"""The names of LANGUAGE.md part 5's "Variables" and "Initializers"
paragraphs, as `tf.compat.v1` (`ROOT`, and `ROOT_ON_USE` for the names of
modules imported on first use) and `tf.compat.v1.initializers`
(`INITIALIZERS`) have them; `compat_v1` adds these to its namespace."""

from __future__ import annotations

from . import init_ops as _i
from . import variable_scope as _vs
from . import variables as _v

ROOT = {
    "get_variable": _vs.get_variable, "get_local_variable": _vs.get_local_variable,
    "variable_scope": _vs.variable_scope, "get_variable_scope": _vs.get_variable_scope,
    "VariableScope": _vs.VariableScope, "AUTO_REUSE": _vs.AUTO_REUSE,
    "Variable": _v.VariableV1, "global_variables": _v.global_variables,
    "local_variables": _v.local_variables, "trainable_variables": _v.trainable_variables,
    "model_variables": _v.model_variables,
    "moving_average_variables": _v.moving_average_variables,
    "all_variables": _v.all_variables,
    "variables_initializer": _v.variables_initializer,
    "global_variables_initializer": _v.global_variables_initializer,
    "local_variables_initializer": _v.local_variables_initializer,
    "initialize_variables": _v.initialize_variables,
    "initialize_all_variables": _v.initialize_all_variables,
    "initialize_local_variables": _v.initialize_local_variables,
    "enable_resource_variables": _vs.enable_resource_variables,
    "disable_resource_variables": _vs.disable_resource_variables,
    "resource_variables_enabled": _vs.resource_variables_enabled,
    "zeros_initializer": _i.zeros_initializer, "ones_initializer": _i.ones_initializer,
    "constant_initializer": _i.constant_initializer,
    "random_normal_initializer": _i.random_normal_initializer,
    "truncated_normal_initializer": _i.truncated_normal_initializer,
    "random_uniform_initializer": _i.random_uniform_initializer,
    "glorot_uniform_initializer": _i.glorot_uniform_initializer,
    "glorot_normal_initializer": _i.glorot_normal_initializer,
    "variance_scaling_initializer": _i.variance_scaling_initializer,
    "orthogonal_initializer": _i.orthogonal_initializer,
    "uniform_unit_scaling_initializer": _i.uniform_unit_scaling_initializer,
}

#: The rest of `ROOT`, whose modules a program that does not use them need
#: not import: name -> (module of scopesim.tf.ops, its attribute).
ROOT_ON_USE = {
    "assign": ("state_ops", "assign"), "assign_add": ("state_ops", "assign_add"),
    "assign_sub": ("state_ops", "assign_sub"),
    "make_template": ("template", "make_template"),
    "fixed_size_partitioner": ("partitioned_variables", "fixed_size_partitioner"),
    "min_max_variable_partitioner": ("partitioned_variables", "min_max_variable_partitioner"),
    "variable_axis_size_partitioner": ("partitioned_variables",
                                       "variable_axis_size_partitioner"),
}

INITIALIZERS = {
    "zeros": _i.Zeros, "ones": _i.Ones, "constant": _i.Constant,
    "random_normal": _i.RandomNormal, "truncated_normal": _i.TruncatedNormal,
    "random_uniform": _i.RandomUniform, "glorot_uniform": _i.GlorotUniform,
    "glorot_normal": _i.GlorotNormal, "variance_scaling": _i.VarianceScaling,
    "orthogonal": _i.Orthogonal, "uniform_unit_scaling": _i.UniformUnitScaling,
    "identity": _i.Identity, "he_normal": _i.he_normal, "he_uniform": _i.he_uniform,
    "lecun_normal": _i.lecun_normal, "lecun_uniform": _i.lecun_uniform,
    "variables": _v.variables_initializer,
    "global_variables": _v.global_variables_initializer,
    "local_variables": _v.local_variables_initializer,
}
