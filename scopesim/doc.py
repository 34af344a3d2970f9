"""The user reference shipped with scopesim (`scopesim doc`).

In a wheel the pages are `scopesim/docs/*.md` (pyproject force-includes
them there, as it does the grammar); in a source checkout they are
`<repo>/docs/*.md`.
"""

from __future__ import annotations

from pathlib import Path

#: The pages `scopesim doc [PAGE]` can show, by the name given on the command line.
PAGES = {
    "language": "language.md",   # the language reference (the default)
    "api": "api.md",             # the tf names scopesim simulates
}


def doc_path(page: str = "language") -> Path | None:
    """Where the page is, or None when this installation lacks it."""
    package = Path(__file__).resolve().parent
    for folder in (package / "docs", package.parent / "docs"):
        path = folder / PAGES[page]
        if path.is_file():
            return path
    return None


def read_doc(page: str = "language") -> str | None:
    path = doc_path(page)
    return None if path is None else path.read_text(encoding="utf-8")
