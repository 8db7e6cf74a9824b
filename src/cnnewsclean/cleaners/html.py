"""HTML input: find the article block of a page and turn it into a title line and paragraphs.

Reasons logged: ``html_to_text`` (one whole-document replacement), or
``html_no_article`` when the page holds no article and the output is empty. What was
set aside is explained in ``metadata["html"]``: the chosen container, blocks
dropped by kind (``script``, ``nav``, ``comment``, ``share``, ``related``,
``footer``, ``ad``, ``links``, ``caption``, ``byline`` ...) and, when no
article was found, ``empty_reason`` (``empty_page``, ``list_page``,
``no_article_text``; also flagged as ``html_no_article``). Title, publish
time, author, source, editor, canonical URL, ``lang`` (as the page says),
``language`` (its primary subtag, or ``zh`` for Chinese text), ``script`` and image
captions go to metadata. Plain text without tags is never touched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from ..cleaner import Cleaner
from ..document import Document, Edit
from ..html import page_to_article

_TAG = regex.compile(
    r"<(?:!doctype\s+html|html|head|body|p|div|br|span|a|table|td|tr|h[1-6]|li|ul|article|section|meta|title|script|style)\b[^<>]*>",
    regex.I,
)


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML page or holds at least two HTML tags.

    >>> looks_like_html("<p>第一段</p><p>第二段</p>"), looks_like_html("1 < 2 > 0")
    (True, False)
    """
    head = text[:2000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return True
    count = 0
    for _ in _TAG.finditer(text, endpos=min(len(text), 200_000)):
        count += 1
        if count >= 2:
            return True
    return False


@dataclass(frozen=True)
class ExtractHtmlConfig:
    """Options for :class:`ExtractHtml`.

    ``min_chars``: fewer body characters than this means "not an article" (empty output).
    ``title_line``: put the page title on the first line.
    """

    min_chars: int = 20
    title_line: bool = True


class ExtractHtml(Cleaner):
    """Turn an HTML page into its article: title line, then one paragraph per line.

    >>> from cnnewsclean.document import Document
    >>> doc = ExtractHtml()(Document("<p>第一段，今天天气很好&amp;晴。</p><script>x()</script><p>第二段，明天有雨。</p>"))
    >>> doc.text, doc.metadata["html"]["dropped"]
    ('第一段，今天天气很好&晴。\\n第二段，明天有雨。', {'script': 1})
    """

    name = "extract_html"
    Config = ExtractHtmlConfig

    def quick_check(self, text: str) -> bool:
        return "<" in text and looks_like_html(text)

    def find_edits(self, text: str, doc: Document) -> Iterable[Edit]:
        page = page_to_article(text, min_chars=self.config.min_chars)
        art = page.article
        if not self.config.title_line:
            page.title = ""
        out = page.text()
        doc.metadata.setdefault("input_format", "html")
        for key, value in page.metadata.items():
            if key == "captions":
                doc.metadata.setdefault("captions", []).extend(value)
            else:
                doc.metadata.setdefault(key, value)
        if out and "script" not in doc.metadata:
            from ..detect.script import script_of

            doc.metadata["script"] = script_of(out[:800])
        if out and "language" not in doc.metadata:
            lang = str(doc.metadata.get("lang", "")).split("-")[0].split("_")[0].lower()
            if lang or doc.metadata.get("script") in ("hans", "hant", "mixed"):
                doc.metadata["language"] = lang or "zh"
        info: dict[str, object] = {"dropped": dict(art.dropped)}
        if art.container:
            info["container"] = art.container
            info["paragraphs"] = len(art.paragraphs)
        if art.bylines:
            info["bylines"] = list(art.bylines)
        if art.reason:
            info["empty_reason"] = art.reason
            doc.flag("html_no_article", reason=art.reason, link_density=art.link_density)
        doc.metadata["html"] = info
        reason = "html_no_article" if art.reason else "html_to_text"
        return [self.edit(text, 0, len(text), out, reason)]
