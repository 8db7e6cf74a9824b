"""Main-content extraction and page metadata for HTML input.

>>> page = ("<html><head><title>全省工会工作会议召开_河工新闻网</title></head><body>"
...         "<div class='nav'><a href='/'>首页</a></div><h1>全省工会工作会议召开</h1>"
...         "<div id='zoom'><p>今天上午，全省工会工作会议在石家庄召开，会议总结了去年的工作。</p></div></body></html>")
>>> page_to_article(page).text()
'全省工会工作会议召开\\n今天上午，全省工会工作会议在石家庄召开，会议总结了去年的工作。'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import regex

from .content import Article, find_article
from .dom import EmptyPage, parse_html
from .meta import choose_title, facts_from_line, page_metadata

__all__ = ["Article", "PageArticle", "page_to_article"]

_INLINE_TAG = regex.compile(r"</?(?:font|span|b|strong|i|u|em|small|big|s|strike|ins|del|label)\b[^<>]*>", regex.I)
_HAN = regex.compile(r"\p{Han}")


@dataclass
class PageArticle:
    """Title, paragraphs and metadata of one page."""

    title: str
    article: Article
    metadata: dict[str, Any] = field(default_factory=dict)

    def text(self) -> str:
        """Title line first, then one paragraph per line; empty when no article was found."""
        if not self.article.paragraphs:
            return ""
        lines = [self.title] if self.title else []
        return "\n".join(lines + self.article.paragraphs)


def page_to_article(html: str, *, min_chars: int = 20) -> PageArticle:
    """Parse ``html`` and extract its title, article paragraphs and metadata."""
    try:
        root = parse_html(html)
    except EmptyPage:
        art = Article(reason="empty_page")
        return PageArticle("", art, {})
    info = page_metadata(root)
    title = choose_title(info)
    head = html[:3000].lower()
    fragment = "<body" not in head and "<html" not in head and "<head" not in head
    art = find_article(root, title=title, min_chars=min_chars, fragment=fragment)
    if art.reason == "empty_page" and len(html) > 2000 and _HAN.search(html, 0, 200_000):
        # libxml2 gives up on thousands of nested unclosed <font>/<span> tags: parse again without them
        flat = _INLINE_TAG.sub("", html)
        try:
            retry = find_article(parse_html(flat), title=title, min_chars=min_chars, fragment=fragment)
        except EmptyPage:
            retry = art
        if retry.reason != "empty_page":
            art = retry
            art.dropped["flattened"] += 1
    meta: dict[str, Any] = {}
    if title:
        meta["title"] = title
    for line in art.context + art.bylines:
        for k, v in facts_from_line(line).items():
            old = meta.get(k)
            if old is None or (k == "published" and "T" not in old and v.startswith(old)):
                meta[k] = v
    for k in ("published", "author", "source", "url"):
        if k in info:
            if k == "published" and "T" not in info[k] and meta.get(k, "").startswith(info[k]):
                continue  # the by-line gives the same day with a time
            meta[k] = info[k]  # <meta>/<time> beat by-line text
    if info.get("lang"):
        meta["lang"] = info["lang"]
    if art.captions:
        meta["captions"] = list(art.captions)
    return PageArticle(title, art, meta)
