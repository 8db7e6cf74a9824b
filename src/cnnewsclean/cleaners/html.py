"""HTML input: turn a page or fragment into paragraphs of text.

Reasons logged: ``html_to_text``. Detection is cheap: plain text without tags
is never touched.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from ..cleaner import Cleaner
from ..document import Document, Edit

_TAG = regex.compile(r"<(?:!doctype\s+html|html|head|body|p|div|br|span|a|table|td|tr|h[1-6]|li|ul|article|section|meta|title|script|style)\b[^<>]*>", regex.I)
_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "table",
          "ul", "ol", "blockquote", "pre", "header", "footer", "dd", "dt", "figcaption", "title"}


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML page or holds at least two HTML tags.

    >>> looks_like_html("<p>第一段</p><p>第二段</p>"), looks_like_html("1 < 2 > 0")
    (True, False)
    """
    head = text[:2000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    count = 0
    for _ in _TAG.finditer(text, endpos=min(len(text), 200_000)):
        count += 1
        if count >= 2:
            return True
    return False


def html_to_paragraphs(html: str) -> str:
    """Block elements and ``<br>`` become line breaks; scripts and styles go."""
    import lxml.html

    root = lxml.html.document_fromstring(html)
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(el) -> None:  # type: ignore[no-untyped-def]
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag.lower() in _BLOCK:
            parts.append("\n")
        if el.text and tag:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if tag.lower() in _BLOCK:
            parts.append("\n")

    walk(root)
    text = "".join(parts)
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


class ExtractHtml(Cleaner):
    """Turn HTML input into paragraphs (block elements and <br> break lines).

    >>> from cnnewsclean.document import Document
    >>> ExtractHtml()(Document("<p>第一段&amp;</p><script>x()</script><p>第二段</p>")).text
    '第一段&\\n第二段'
    """

    def quick_check(self, text: str) -> bool:
        return "<" in text and looks_like_html(text)

    def find_edits(self, text: str, doc: Document) -> Iterable[Edit]:
        out = html_to_paragraphs(text)
        doc.metadata.setdefault("input_format", "html")
        return [self.edit(text, 0, len(text), out, "html_to_text")]
