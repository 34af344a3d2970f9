"""The trees of a run (variables, ops, collections), without rich.

A tree is laid out here once, as `Branch`es whose labels are segments
`(text, style)`; `scopesim.render` turns a layout into a rich `Tree` (a
terminal, colors), and `plain_lines` writes it as rich writes such a tree
without colors on a stream that is no terminal (no width limit, so nothing
wraps), so that `scopesim run` to a file or a pipe needs no rich at all.
`plain_possible` says when the two agree: labels of printable ASCII only
(rich would strip control codes and expand tabs; TensorFlow's names are
ASCII, a collection key need not be).

Nothing recurses over the program's nesting depth: chains of single-child
scopes collapse into one `a/b/c/` node, and below a depth that depends on
the width a subtree is listed flat by relative path.
"""

from __future__ import annotations

from .engine.shapes import format_shape

TYPE_CHECKING = False   # typing's names for the annotations only: no import at run time
if TYPE_CHECKING:
    from typing import Callable, Iterator, Mapping, Sequence  # noqa: F401

#: Scope heads or path segments beyond this many are elided in the middle
#: (the first and last `_KEEP` are shown).
_ELIDE_ABOVE = 7
_KEEP = 3
#: A tree label never gets less than this many columns (below it, subtrees
#: are listed flat), and trees never nest deeper than `_MAX_TREE_DEPTH`.
_MIN_LABEL_WIDTH = 16
_MAX_TREE_DEPTH = 24
_GUIDE_WIDTH = 4  # rich's "├── "

Segments = list  # [(text, style or None)]


class Branch:
    """One node of a laid-out tree: its label and its children."""

    __slots__ = ("label", "children")

    def __init__(self, label: Segments):
        self.label = label
        self.children: list[Branch] = []

    def add(self, label: Segments) -> "Branch":
        child = Branch(label)
        self.children.append(child)
        return child


def elide(items: Sequence[str], ellipsis: str = "…") -> list[str]:
    """The first and last few items, with `… N more …` between them."""
    if len(items) <= _ELIDE_ABOVE:
        return list(items)
    hidden = len(items) - 2 * _KEEP
    return [*items[:_KEEP], f"{ellipsis} {hidden:,} more {ellipsis}", *items[-_KEEP:]]


def max_tree_depth(width: int) -> int:
    """How deep a tree may nest and still leave `_MIN_LABEL_WIDTH` columns."""
    return max(1, min(_MAX_TREE_DEPTH, (width - _MIN_LABEL_WIDTH) // _GUIDE_WIDTH))


# ------------------------------------------------------------- path trees


#: The `index` of a node without children yet (shared, never written to).
_NO_INDEX: dict = {}


class _Node:
    """One path segment of a name tree.  `item` is what sits at this exact
    path (a variable, an op) or None for a pure scope; a node can be both an
    op and the scope of other ops (`add` and `add/x`).  `index` finds a
    child by segment (`_NO_INDEX` until the node has one: most are leaves)."""

    __slots__ = ("segment", "item", "children", "index")

    def __init__(self, segment: str, item: object = None):
        self.segment, self.item = segment, item
        self.children: list[_Node] = []
        self.index: dict[str, _Node] = _NO_INDEX

    def child(self, segment: str) -> "_Node":
        index = self.index
        node = index.get(segment)
        if node is None:
            if index is _NO_INDEX:
                index = self.index = {}
            node = index[segment] = _Node(segment)
            self.children.append(node)
        return node

    def put(self, segments: Sequence[str], item: object, *, leaf: bool) -> None:
        """Place `item` at `segments`.  A leaf (a variable, `w:0`) gets a node
        of its own that is never a scope; otherwise the node at the path
        takes the item (a second item at the same path gets its own node)."""
        node = self
        for segment in segments[:-1]:
            found = node.index.get(segment)
            node = found if found is not None else node.child(segment)
        last = segments[-1]
        if leaf or (last in node.index and node.index[last].item is not None):
            node.children.append(_Node(last, item))
        else:
            node.child(last).item = item


def _collapse(node: _Node) -> tuple[list[str], _Node]:
    """Follow a chain of pure scopes with one pure-scope child each.

    Returns the segments of the chain (ending with the node shown) and the
    node whose children are shown under it.
    """
    segments = [node.segment]
    while (node.item is None and len(node.children) == 1
           and node.children[0].item is None and node.children[0].children):
        node = node.children[0]
        segments.append(node.segment)
    return segments, node


def _descendants(node: _Node) -> Iterator[tuple[list[str], _Node]]:
    """Every descendant that holds an item, in order, with its path relative
    to `node`.  Iterative, since the depth is the program's; the path list
    yielded is shared and only valid until the next item is requested (it
    is consumed at once, which keeps this linear in the number of nodes)."""
    path: list[str] = []
    stack: list[Iterator[_Node]] = [iter(node.children)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            if path:
                path.pop()
            continue
        path.append(child.segment)
        if child.item is not None:
            yield path, child
        if child.children:
            stack.append(iter(child.children))
        else:
            path.pop()


Label = "Callable[[_Node, list[str]], Segments]"  # (a layout function's type)


def _layout(root_label: Segments, root: _Node, label: Label, max_depth: int) -> Branch:
    """A path tree laid out no deeper than `max_depth`.

    `label(node, segments)` draws a node shown under the path `segments`
    (one segment normally; several for a collapsed chain or a flattened
    descendant).  The children of a node just above the deepest allowed
    level would be the last ones drawn as a tree, so such a node gets all
    its descendants listed directly under it instead, by relative path.
    """
    tree = Branch(root_label)
    stack = [(child, tree, 1) for child in reversed(root.children)]
    while stack:
        node, parent, depth = stack.pop()
        children = node.children
        if node.item is not None or len(children) != 1 or children[0].item is not None \
                or not children[0].children:
            segments, shown = [node.segment], node      # nothing to collapse
        else:
            segments, shown = _collapse(node)
        branch = Branch(label(shown, segments))
        parent.children.append(branch)
        if not shown.children:
            continue
        if depth + 1 >= max_depth:
            for path, descendant in _descendants(shown):
                branch.add(label(descendant, path))
        else:
            depth += 1
            stack.extend([(child, branch, depth) for child in reversed(shown.children)])
    return tree


def _path_text(segments: list[str], ellipsis: str, *, scope: bool) -> str:
    text = "/".join(segments if len(segments) <= _ELIDE_ABOVE else elide(segments, ellipsis))
    return text + "/" if scope else text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# ---------------------------------------------------------------- the trees


def variable_details(var) -> Segments:
    """What a variable's leaf says after its name."""
    out = [(format_shape(var.shape), "cyan"), (" ", None), (var.dtype, "magenta"), ("  ", None),
           ("trainable" if var.trainable else "not trainable",
            "green" if var.trainable else "yellow"), ("  ", None),
           ("get_variable" if var.kind == "get_variable" else "tf.Variable", "dim")]
    if var.store_key is not None and var.store_key != var.op_name:
        out += [("  stored as ", None), (var.store_key, "bold")]
    if var.handles:
        out += [("  handles: ", None), (", ".join(var.handles), "blue")]
    return out


def variables_layout(variables, *, width: int = 80, ellipsis: str = "…") -> Branch:
    """Variables grouped by scope path; each leaf says everything about one."""
    root = _Node("")
    for var in variables:
        root.put(var.name.split("/"), var, leaf=True)

    def label(node: _Node, segments: list[str]) -> Segments:
        if node.item is None:
            return [(_path_text(segments, ellipsis, scope=True), "bold blue")]
        return [(_path_text(segments, ellipsis, scope=False), "bold"), ("  ", None),
                *variable_details(node.item)]

    return _layout([(f"variables ({len(variables)})", "bold")], root, label,
                   max_tree_depth(width))


_TWO_SPACES = ("  ", None)


def ops_layout(ops, *, all_ops: bool = False, width: int = 80, ellipsis: str = "…") -> Branch:
    """Op names by name scope (`ops`: OpInfos; see `op_columns_layout`)."""
    return op_columns_layout([op.name for op in ops], [op.type for op in ops],
                             [op.owner for op in ops], all_ops=all_ops, width=width,
                             ellipsis=ellipsis)


def op_columns_layout(names: Sequence[str], types: Sequence[str], owners: Sequence,
                      *, all_ops: bool = False, width: int = 80, ellipsis: str = "…") -> Branch:
    """Op names by name scope, the ops given as three lists (`RunResult.op_columns`:
    no OpInfo needed; a node's item is the op's index).

    Unless `all_ops`, the ops a variable creates for itself (initializer,
    `Assign`, `read`: `owner` names the variable op) are folded into the
    variable's node.  Owned ops whose variable op does not exist (a creation
    that failed half-way) are shown as ordinary ops.
    """
    known = set(names)
    internal: dict[str, int] = {}   # a variable op's name -> how many ops it folds
    root = _Node("")
    for i, (name, owner) in enumerate(zip(names, owners)):
        if not all_ops and owner is not None and owner != name and owner in known:
            internal[owner] = internal.get(owner, 0) + 1
        else:
            root.put(name.split("/"), i, leaf=False)

    def label(node: _Node, segments: list[str]) -> Segments:
        i = node.item
        if i is None:
            return [(_path_text(segments, ellipsis, scope=True), "bold blue")]
        name = segments[0] if len(segments) == 1 else \
            _path_text(segments, ellipsis, scope=False)
        if not all_ops and owners[i] == names[i]:
            hidden = internal.get(names[i], 0)
            return [("variable ", "green"), (name, "bold"),
                    (f" ({types[i]}, +{_plural(hidden, 'internal op')})", "dim")]
        return [(name, None), _TWO_SPACES, (types[i], "dim")]

    return _layout([(f"ops ({len(names)})", "bold")], root, label, max_tree_depth(width))


def collections_layout(collections: Mapping[str, Sequence[str]]) -> Branch:
    """The graph's collections (LANGUAGE.md part 7): one branch per key, in
    the order given (the result's keys are sorted), and under it the name of
    each item in collection order.  Names are listed whole, not as a tree of
    scopes: a collection is an ordered list, and the same name may stand in
    several collections (or twice in one).  Flat, so no depth limit applies.
    """
    tree = Branch([(f"collections ({len(collections)})", "bold")])
    for key, names in collections.items():
        branch = tree.add([(key, "bold blue"), (f" ({len(names)})", "dim")])
        for name in names:
            branch.add([(name, None)])
    return tree


# ------------------------------------------------------------- plain text

#: rich's tree guides (`Tree.TREE_GUIDES[0]`, `Tree.ASCII_GUIDES`): space,
#: continue, fork, end.
_GUIDES = ("    ", "│   ", "├── ", "└── ")
_ASCII_GUIDES = ("    ", "|   ", "+-- ", "`-- ")


def _lines(tree: Branch, ascii_only: bool) -> Iterator[tuple[str, str]]:
    """(guides, label text) of each line of the tree as rich prints it
    (see `plain_lines`): the root's label, then each node under the guides
    of its ancestors."""
    space, cont, fork, end = _ASCII_GUIDES if ascii_only else _GUIDES
    yield "", "".join([text for text, _ in tree.label])
    # per level: an iterator of the children left, and the guide above them
    stack = [(iter(tree.children), len(tree.children))]
    prefix: list[str] = []
    guides = ""
    while stack:
        children, left = stack[-1]
        node = next(children, None)
        if node is None:
            stack.pop()
            if prefix:
                prefix.pop()
                guides = "".join(prefix)
            continue
        left -= 1
        stack[-1] = (children, left)
        last = left == 0
        label = node.label
        yield guides + (end if last else fork), \
            label[0][0] if len(label) == 1 else "".join([text for text, _ in label])
        if node.children:
            prefix.append(space if last else cont)
            guides = "".join(prefix)
            stack.append((iter(node.children), len(node.children)))


def _plain_label(text: str) -> bool:
    """A label rich writes as it is: printable ASCII but for the ellipsis
    of an elided path, and not blank."""
    if "…" in text:
        text = text.replace("…", ".")
    return text.isascii() and text.isprintable() and bool(text.strip())


def plain_possible(tree: Branch) -> bool:
    """Every label is printable ASCII, but for the ellipsis of an elided
    path, and not blank (then `plain_lines` is rich's text)."""
    return all(_plain_label(text) for _, text in _lines(tree, False))


def plain_lines(tree: Branch, ascii_only: bool = False) -> Iterator[str]:
    """The tree as rich prints it without colors and without a width limit:
    the root's label, then each node under the guides of its ancestors
    (`plain_possible` must hold: one line per label)."""
    for guides, text in _lines(tree, ascii_only):
        yield guides + text.rstrip()


def _plain_text(tree: Branch, ascii_only: bool) -> list[str] | None:
    """`plain_lines` with a newline after each, or None unless
    `plain_possible` (the labels' texts made once for both)."""
    out = []
    append = out.append
    for guides, text in _lines(tree, ascii_only):
        if not _plain_label(text):
            return None
        append(guides + text.rstrip() + "\n")
    return out


def plain_run_text(result, *, all_ops: bool = False, collections: bool = False,
                   width: int, encoding: str) -> str | None:
    """The text format of `run` (`render.print_run`) as rich writes it to a
    stream that is no terminal, with `encoding`; None when rich would write
    something else (a label that is not printable ASCII)."""
    utf = encoding.lower().startswith("utf")
    ellipsis = "…" if utf else "..."
    trees = [variables_layout(result.variables, width=width, ellipsis=ellipsis),
             op_columns_layout(*result.op_columns(), all_ops=all_ops, width=width,
                               ellipsis=ellipsis)]
    if collections:
        trees.append(collections_layout(result.collections))
    texts = []
    for tree in trees:
        text = _plain_text(tree, not utf)
        if text is None:
            return None
        texts.append(text)
    parts = [line + "\n" for line in result.output]
    if result.output:
        parts.append("\n")
    for i, text in enumerate(texts):
        if i:
            parts.append("\n")
        parts += text
    return "".join(parts)
