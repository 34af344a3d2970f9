"""Probe: GraphKeys constants, get_collection_ref (the live list, made if
missing), add_to_collections, clear_collection, get_all_collection_keys.
`~/tfvenv/bin/python collections_keys.py > collections_keys.out`;
tests/tf/test_collections.py."""

from probe_common import main, show


def case_graph_keys(T):
    for k in sorted(vars(T.GraphKeys)):
        if k.isupper() and not k.startswith("_"):
            show(k, repr(getattr(T.GraphKeys, k)))
    show(T.GraphKeys._VARIABLE_COLLECTIONS)


def case_collection_ref_is_live_and_made(T):
    g = T.get_default_graph()
    ref = T.get_collection_ref("fresh")
    show(len(ref), g.get_all_collection_keys(), T.get_collection("fresh"))
    ref.append(1)
    show(T.get_collection("fresh"), T.get_collection_ref("fresh") is ref)
    copy = T.get_collection("fresh")
    copy.append(2)
    show(T.get_collection("fresh"), T.get_collection("missing"), g.get_all_collection_keys())


def case_add_to_collections_and_clear(T):
    g = T.get_default_graph()
    T.add_to_collections(["b", "a", "b"], 1)
    T.add_to_collections("c", 2)
    T.add_to_collection("z", 3)
    show(g.get_all_collection_keys(), T.get_collection("b"), T.get_collection("c"))
    g.clear_collection("a")
    g.clear_collection("nope")
    show(g.get_all_collection_keys(), T.get_collection("a"))
    T.get_collection_ref("a")
    show(g.get_all_collection_keys())


if __name__ == "__main__":
    main(globals())
