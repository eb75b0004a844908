"""The article of an HTML page without its page chrome, by the page's own HTML5 landmarks.

A help-centre page saved from the web carries a cookie banner, the site header and navigation,
breadcrumbs, a "related articles" sidebar and a footer around the article. Indexed, they made
every page match questions about cookies or about its sidebar's topics, and the banner was
quoted as the answer. The page says which part is its content: `<main>` (or `role="main"`), else
its one `<article>`; the landmarks around content (`header`, `footer` and `nav` of the page,
`aside`, and the ARIA roles banner, navigation, complementary, contentinfo, search, dialog) are
dropped. No class names are guessed: a page without landmarks is read whole, as before.
"""
from __future__ import annotations

from typing import Any

CHROME_TAGS = ("aside", "nav")
PAGE_LEVEL_TAGS = ("header", "footer")  # chrome when they belong to the page, not to an article or section
CHROME_ROLES = frozenset({"banner", "navigation", "complementary", "contentinfo", "search", "dialog", "alertdialog"})
_SECTIONING = ("article", "section", "main")


def content_root(soup: Any) -> Any:
    """The element holding the page's content, chrome removed from the whole tree (`soup` is changed)."""
    remove_all(soup.find_all(_is_chrome))
    main = soup.find("main") or soup.find(attrs={"role": "main"})
    if main is not None:
        return main
    articles = soup.find_all("article")
    if len(articles) == 1:
        return articles[0]
    return soup.body or soup


def remove_all(tags: list[Any]) -> None:
    """Take `tags` out of the tree, each parent's children looked up once.

    bs4's `decompose`, `replace_with` and `insert_before` find the tag among its siblings one by one:
    quadratic in siblings (8,000 `<p>a</p>` in 64 KB took 8.5 CPU s, a 1 MB page would take hours).
    """
    by_parent: dict[int, tuple[Any, list[Any]]] = {}
    for tag in tags:
        if tag.parent is not None:
            by_parent.setdefault(id(tag.parent), (tag.parent, []))[1].append(tag)
    for parent, children in by_parent.values():
        position = {id(child): i for i, child in enumerate(parent.contents)}
        for child in sorted(children, key=lambda c: position[id(c)], reverse=True):  # later ones first
            child.extract(_self_index=position[id(child)])


def clear(tag: Any) -> None:
    """`tag` without children, last first so that none is looked up among the others."""
    for index in range(len(tag.contents) - 1, -1, -1):
        tag.contents[index].extract(_self_index=index)


def _decomposed(tag: Any) -> bool:
    """bs4's own `tag.decomposed` falls back to `tag.find("_decomposed")`, a walk of the whole subtree
    for every tag that was not decomposed (quadratic on nested pages); its flag is read directly."""
    return bool(vars(tag).get("_decomposed", False))


def _is_chrome(tag: Any) -> bool:
    if _decomposed(tag) or tag.attrs is None:
        return False
    role = str(tag.get("role") or "").strip().lower()
    if role in CHROME_ROLES:
        return True
    if tag.name in CHROME_TAGS:
        return True
    return tag.name in PAGE_LEVEL_TAGS and tag.find_parent(_SECTIONING) is None

