"""`ops/template.py`: `make_template` and `Template` (TF 2.21).

The first call enters `variable_scope(unique_name_, name_)` (a default-name
scope unless `unique_name_` is given) and keeps that scope; every later
call re-enters the kept scope object with `reuse=True`, so its ops go to a
fresh name scope named after the scope's last component.  An error inside
a call gets "\\n\\noriginally defined at:\\n" and the stack of the
`make_template` call appended to its first argument (scopesim appends what
the origin hook returned at construction, if it is text).
"""

from __future__ import annotations

from ...engine.graph import get_default_graph
from ...engine.scopes import variable_scope as _enter_variable_scope
from ...engine.variables import render_stack
from ...errors import NotSimulated
from .. import runtime

__all__ = ["make_template", "Template"]


def make_template(name_, func_, create_scope_now_=False, unique_name_=None,
                  custom_getter_=None, **kwargs):
    """`tf.compat.v1.make_template(name_, func_, create_scope_now_=False,
    unique_name_=None, custom_getter_=None, **kwargs)`: a Template of
    `functools.partial(func_, **kwargs)` when kwargs are given."""
    if kwargs:
        import functools
        func_ = functools.partial(func_, **kwargs)
    return Template(name_, func_, create_scope_now=create_scope_now_,
                    unique_name=unique_name_, custom_getter=custom_getter_)


class Template:
    """`template.Template(name, func, create_scope_now=False, unique_name=None,
    custom_getter=None, create_graph_function=False)`."""

    def __init__(self, name, func, create_scope_now=False, unique_name=None,
                 custom_getter=None, create_graph_function=False):
        if create_graph_function:
            raise NotSimulated("Template(create_graph_function=True)")
        self._func = func
        self._stacktrace = runtime.origin()
        self._name = name
        self._unique_name = unique_name
        self._custom_getter = custom_getter
        if name is None:
            raise ValueError("name cannot be None.")
        if create_scope_now:
            g = get_default_graph()
            scope_name = self._unique_name or g.scope_counts.unique_scope_name(
                g.current_scope.name, self._name)
            from ...engine.scopes import _pure_variable_scope
            vs, close = _pure_variable_scope(g, scope_name, None, None, None, None,
                                             {"custom_getter": self._custom_getter})
            close(False)
            self._variable_scope = vs
        else:
            self._variable_scope = None
        self._variables_created = False
        self._first_call = True

    def _call_func(self, args, kwargs):
        """`Template._call_func`: the first call may create variables; a
        later one must not create trainable ones."""
        try:
            g = get_default_graph()
            if self._variables_created:
                vars_at_start = len(g.get_collection_ref("variables"))
                trainable_at_start = len(g.get_collection_ref("trainable_variables"))
                result = self._func(*args, **kwargs)
                trainable = g.get_collection_ref("trainable_variables")
                if trainable_at_start != len(trainable):
                    raise ValueError(
                        "Trainable variable created when calling a template after the first "
                        "time, perhaps you used tf.Variable when you meant tf.get_variable: "
                        "%s" % (trainable[trainable_at_start:],))
                _ = vars_at_start
            elif self._first_call:
                self._first_call = False
                try:
                    result = self._func(*args, **kwargs)
                except BaseException:
                    self._first_call = True
                    raise
                self._variables_created = True
            else:
                result = self._func(*args, **kwargs)
            return result
        except Exception as exc:
            args_ = exc.args
            arg0 = args_[0] if args_ else ""
            trace = render_stack(self._stacktrace)
            arg0 = "%s\n\noriginally defined at:\n%s" % (arg0, trace)
            exc.args = (arg0,) + tuple(args_[1:])
            if hasattr(exc, "message"):
                exc.message = arg0
            raise

    def __call__(self, *args, **kwargs):
        g = get_default_graph()
        if self._variable_scope:
            scope, close = _enter_variable_scope(g, self._variable_scope, None,
                                                 not self._first_call)
        else:
            scope, close = _enter_variable_scope(g, self._unique_name, self._name, None,
                                                 custom_getter=self._custom_getter)
            self._variable_scope = scope
        try:
            result = self._call_func(args, kwargs)
        except BaseException:
            close(True)
            raise
        close(False)
        return result

    @property
    def name(self):
        """The name given to this Template."""
        return self._name

    @property
    def func(self):
        """The function given to this Template."""
        return self._func

    @property
    def variable_scope(self):
        """The variable scope object created by this Template."""
        return self._variable_scope

    @property
    def var_scope(self):
        """`Template.var_scope`: the variable scope object (as `variable_scope`)."""
        return self._variable_scope

    @property
    def variable_scope_name(self):
        """The variable scope name, with a trailing `/` (None before it exists)."""
        if self._variable_scope:
            name = self._variable_scope.name
            if not name or name[-1] == "/":
                return name
            return name + "/"
        return None

    @property
    def variables(self):
        """The global and local variables created by the Template."""
        return self.global_variables + self.local_variables

    @property
    def trainable_variables(self):
        """The trainable variables created by the Template."""
        if self._variables_created:
            return get_default_graph().get_collection("trainable_variables",
                                                      self.variable_scope_name)
        return []

    @property
    def non_trainable_variables(self):
        """The global variables of the Template that are not trainable."""
        trainable = set(id(v) for v in self.trainable_variables)
        return [x for x in self.global_variables if id(x) not in trainable]

    @property
    def weights(self):
        """`Template.weights`: `variables`."""
        return self.variables

    @property
    def trainable_weights(self):
        """`Template.trainable_weights`: `trainable_variables`."""
        return self.trainable_variables

    @property
    def non_trainable_weights(self):
        """`Template.non_trainable_weights`: `non_trainable_variables`."""
        return self.non_trainable_variables

    @property
    def global_variables(self):
        """The global variables created by the Template."""
        if self._variables_created:
            return get_default_graph().get_collection("variables", self.variable_scope_name)
        return []

    @property
    def local_variables(self):
        """The local variables created by the Template."""
        if self._variables_created:
            return get_default_graph().get_collection("local_variables",
                                                      self.variable_scope_name)
        return []


Template.__module__ = "tensorflow.python.ops.template"
