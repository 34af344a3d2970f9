# Q3: tuple and dict literals, (a,) and empty ones, dict methods.
t = (1,)
e = ()
d = {"units": 3, "name": "fc"}
show(t, e, len(t), type(t).__name__)
show(d["units"], d.get("missing"), d.get("missing", 0), list(d.keys()), list(d.values()))
d.update({"units": 4})
show(d, d.pop("name"), d, "units" in d)
show(dict(a=1, b=2), dict([("x", 1)]), {})
