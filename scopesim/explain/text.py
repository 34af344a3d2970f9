"""The text of `scopesim explain`: the explanation dicts of `analysis` and
`error` written for a person, each statement as a trace shows it (its
file, line and column, enclosing blocks, source line and caret)."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from ..render import Wrapped, ellipsis_for, fit_source_line, location_text

_WHAT = {"op": "the op", "tensor": "the tensor", "variable": "the variable",
         "name_scope": "the name scope", "variable_scope": "the variable scope"}
_NAME_REGISTRY = ("the graph's name registry (ops and name scopes share it, names compared "
                  "lower-cased)")


def _say(console: Console, text: str, indent: int = 0) -> None:
    console.print(Wrapped(Text(text), indent=indent))


def print_frames(console: Console, frames, indent: int = 2) -> None:
    """Program frames, outermost first (the calls that led there), as a trace."""
    if not frames:
        _say(console, "(not in the program's own code)", indent)
        return
    ellipsis = ellipsis_for(console)
    for frame in frames:
        scopes = frame["scopes"] or (() if frame["function"] == "<module>"
                                     else (frame["function"],))
        console.print(Wrapped(location_text(frame["file"], frame["line"], frame["column"],
                                            scopes, ellipsis), indent=indent))
        if frame["source"].strip():
            shown, offset, carets = fit_source_line(frame["source"], frame["column"],
                                                    frame["end_column"],
                                                    console.width - indent - 2, ellipsis)
            pad = " " * (indent + 2)
            console.print(Text(pad + shown), no_wrap=True, overflow="crop")
            console.print(Text(pad + " " * offset).append("^" * carets, "bold red"),
                          no_wrap=True, overflow="crop")


def _q(name: str) -> str:
    return f"'{name}'"


def _scope_name(name: str) -> str:
    return _q(name) if name else "the root"


# ------------------------------------------------------------------ names


def print_explanation(console: Console, explanation: dict) -> None:
    """Every entry `Analysis.explain` found for the name."""
    for number, entry in enumerate(explanation["found"]):
        if number:
            console.print()
        _print_entry(console, entry)


def _print_entry(console: Console, entry: dict) -> None:
    kind = entry["kind"]
    if kind == "tensor":
        _say(console, f"{entry['name']} is output {entry['index']} of the op {entry['op']} "
                      f"(type {entry['type']}).")
    elif kind == "op":
        _say(console, f"{entry['name']} is an op of type {entry['type']}.")
    elif kind == "variable":
        _say(console, f"{entry['name']} is a variable made by {entry['made_by']} "
                      f"(its op: {entry['op']}, type {entry['type']}).")
    else:
        _say(console, f"{entry['name']} is {_WHAT[kind]} {_q(entry['name'])}.")
    if "created_at" in entry:
        _say(console, "Created by:")
        print_frames(console, entry["created_at"])
    else:
        openings = entry["openings"]
        count = f" (opened {len(openings)} times; the first:)" if len(openings) > 1 else ":"
        _say(console, "Opened by" + count)
        print_frames(console, entry["opened_at"])
    if kind == "name_scope" and entry["variable_scope"] is not None and \
            entry["variable_scope"] + "/" != entry["name"]:
        _say(console, f"That statement is a variable_scope: its variable scope is "
                      f"{_scope_name(entry['variable_scope'])}, its name scope "
                      f"{_q(entry['name'])}. A variable scope takes the name it is given (or "
                      f"its default name's number); its name scope is numbered by the graph's "
                      f"name registry on every entry.")
    if kind != "name_scope":
        _print_scope(console, "name scope", entry["name_scope"])
    if "variable_scope" in entry and kind != "name_scope":
        _print_scope(console, "variable scope", entry["variable_scope"])
    if "reuse" in entry:
        reuse = entry["reuse"]
        given = "not given to the call" if reuse["argument"] is None else \
            f"reuse={reuse['argument']} given to the call"
        _say(console, f"Reuse: {given}; the variable scope's flag was {reuse['scope']}.")
    for frames in entry.get("shared_by", ()):
        _say(console, "Shared (reuse on) by the later call:")
        print_frames(console, frames)
    print_naming(console, entry["naming"])


def _print_scope(console: Console, label: str, scope: dict) -> None:
    ignored = " (tf.get_variable ignores the name scope: the variable scope names its " \
        "variables)" if scope.get("ignored") else ""
    if not scope["name"]:
        _say(console, f"The {label} then: the root{ignored}.")
        return
    if scope["opened_at"] is None:
        _say(console, f"The {label} then: {_q(scope['name'])}{ignored} (no statement opened "
                      f"it: the name was given with its slashes).")
        return
    _say(console, f"The {label} then: {_q(scope['name'])}{ignored}, opened by:")
    print_frames(console, scope["opened_at"])


def print_naming(console: Console, naming: dict) -> None:
    """Which counter decided the name, and who took the lower numbers."""
    registry = naming["registry"]
    if registry == "none":
        _say(console, f"Its name: given in full as {_q(naming['given'])}; no counter was "
                      f"involved.")
    elif registry == "get_variable":
        scope, key = naming["variable_scope"], naming["store_key"]
        made = f"the variable scope {_q(scope)} + '/' + the name given, {_q(naming['given'])}" \
            if scope else "the name given, at the root variable scope"
        if "partition" in naming:
            whole = f"{scope}/{naming['given']}" if scope else naming["given"]
            _say(console, f"Its name: tf.get_variable names have no counter: {_q(whole)} is "
                          f"{made}; a partitioner cut it into slices, and this is slice "
                          f"{naming['partition']}, {_q(key)}.")
        else:
            _say(console, f"Its name: tf.get_variable names have no counter: {_q(key)} is "
                          f"{made}.")
        op_naming = naming["op_naming"]
        if op_naming.get("registry") == "graph" and op_naming["result"] != key:
            _say(console, f"But its op, and so the variable, is named {_q(op_naming['result'])}, "
                          f"not {_q(key)} (the store still knows it as {_q(key)}):")
            print_naming(console, op_naming)
    elif registry == "graph":
        _print_registry(console, naming)
    else:
        _print_default_name(console, naming)


def _print_registry(console: Console, naming: dict) -> None:
    requested, counter, result = naming["requested"], naming["counter"], naming["result"]
    if counter == 0:
        _say(console, f"Its name: {_q(requested)} was asked for and free in {_NAME_REGISTRY}, "
                      f"so it is kept as it is.")
        return
    times = "once" if counter == 1 else f"{counter} times"
    _say(console, f"Its suffix: {_NAME_REGISTRY} had been asked for {_q(requested)} "
                  f"{times} before, so this request got {_q(result)}.")
    if naming["earlier"]:
        differ = any(e["name"][:len(requested)] != requested for e in naming["earlier"])
        _say(console, "The lower numbers were taken by, in order:")
        for earlier in naming["earlier"]:
            _say(console, f"{earlier['name']} ({earlier['what']}):", 2)
            print_frames(console, earlier["at"], 4)
        if differ:
            _say(console, "(Names that differ only in case are one name to the registry.)")


def _print_default_name(console: Console, naming: dict) -> None:
    prefix, parent, result = naming["default_name"], naming["parent"], naming["result"]
    where = f"in the variable scope {_q(parent)}" if parent else "at the root"
    if not naming["earlier"] and result.rpartition("/")[2] == prefix:
        _say(console, f"Its name: default_name {_q(prefix)}, {where}: no variable scope of "
                      f"that name was open there yet, so it is {_q(result)}.")
        return
    _say(console, f"Its suffix: default_name {_q(prefix)}, {where}: the variable-scope counter "
                  f"(variable_scopes_count) counted these names as open there, so the first "
                  f"free number gave {_q(result)}:")
    for earlier in naming["earlier"]:
        _say(console, f"{earlier['name']} ({earlier['what']}):", 2)
        print_frames(console, earlier["at"], 4)


# ------------------------------------------------------------------ errors


_STEP = {
    "argument": "reuse={value} was given to the tf.get_variable call itself.",
    "reuse_variables": "The variable scope {scope} was set to reuse=True by reuse_variables():",
    "variable_scope": "The variable scope {scope} was opened with reuse={value}:",
    "scope_object": "The variable scope {scope} re-entered the scope object {source} and kept "
                    "its flag, {value}:",
    "inherited": "The variable scope {scope} was opened without reuse and inherited {value} "
                 "from {source}:",
    "not_set": "The variable scope {scope} was opened without reuse, so its flag is that of "
               "{source}:",
    "root": "The root variable scope's flag: False.",
}


def print_error_explanation(console: Console, explanation: dict, trace) -> None:
    """`--error`: the error, then what led to it; `trace(console)` prints
    the error's trace (used for errors that are not about sharing)."""
    error = explanation["error"]
    first = error["message"].split("\n", 1)[0]
    if explanation["kind"] == "already_exists":     # the first definition is shown below
        first = first.removesuffix(" Originally defined at:")
    _say(console, f"{error['type']}: {first}")
    kind = explanation["kind"]
    if kind == "not_simulated":
        _say(console, "This is not an error of the program: scopesim does not simulate this "
                      "TensorFlow feature, so it cannot say what TensorFlow would do. Raised at:")
        trace(console)
        return
    if kind == "other":
        _say(console, "explain --error traces 'already exists' and 'does not exist' back to "
                      "the reuse flag; this error is shown as run shows it:")
        trace(console)
        return
    key = explanation["variable"]
    if kind == "already_exists":
        _say(console, f"The variable {_q(key)} was first defined by:")
        print_frames(console, explanation["first_definition"])
        _say(console, "The failing call, which asked for it again:")
    else:
        _say(console, f"The failing call, which asked for {_q(key)} with reuse set:")
    print_frames(console, explanation["failing_call"])
    chain = explanation["reuse"]
    if chain:
        value = chain[-1]["value"]
        _say(console, f"The reuse flag at the failing call was {value}:")
        for step in chain:
            _say(console, _STEP[step["source"]].format(
                value=step["value"], scope=_scope_name(step["scope"]),
                source=_scope_name(step["from"] or "")), 2)
            if step["at"]:
                print_frames(console, step["at"], 4)
    if kind == "does_not_exist":
        if explanation["made_by_variable"]:
            _say(console, f"{', '.join(explanation['made_by_variable'])} exists, made by "
                          f"tf.Variable: tf.get_variable only finds variables it made.")
        closest = explanation["closest"]
        _say(console, "The get_variable names closest to it: "
                      + (", ".join(closest) if closest else "none") + ".")
        scope = key.rpartition("/")[0]
        same = explanation["same_scope"]
        _say(console, f"The get_variable names in {_scope_name(scope)}: "
                      + (", ".join(same) if same else "none") + ".")
