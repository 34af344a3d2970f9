# S4: str methods on TF names.
v = tf.get_variable("Enc/Layer_1/kernel", [1])
name = v.name
show(name.split("/"), name.split(":")[0], name.rsplit("/", 1))
show(name.startswith("Enc"), name.endswith(":0"), name.lower(), name.upper())
show(name.replace("/", "_"), name.find("Layer"), name.count("/"), name.index(":"))
show("  pad ".strip(), "x".join(["a", "b"]), "a,b".partition(","), "7".zfill(3))
show("Layer".isupper(), "abc".isalpha(), "12".isdigit(), "a b".title(), "w".center(5, "*"))
show("{}_{}".format("a", 2), "{name}".format(name="n"), "ab".encode() == "ab".encode())
