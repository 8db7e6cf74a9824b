"""Parse a page with lxml, drop what is never article text, and cut the rest into text blocks.

A text block is the text between two block boundaries (block elements and
``<br>``), with the chain of block elements it sits in and how much of it is
link text. Everything the main-content scorer needs comes from one walk.

>>> root = parse_html("<div><p>第一段，<a href='#'>链接</a>。</p><p>第二段<br>第三行</p></div>")
>>> [(b.text, b.link_chars) for b in text_blocks(root)]
[('第一段，链接。', 2), ('第二段', 0), ('第三行', 0)]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import regex
from lxml import etree

BLOCK_TAGS = frozenset(
    "p div td th tr table tbody thead tfoot li ul ol dl dt dd h1 h2 h3 h4 h5 h6 article section main header footer nav "
    "aside blockquote pre form center figure figcaption body html address fieldset hr caption details summary".split()
)
#: elements whose whole subtree is never article text (counted by kind when dropped)
JUNK_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "frame",
    "frameset",
    "svg",
    "canvas",
    "object",
    "embed",
    "select",
    "button",
    "input",
    "textarea",
    "option",
    "map",
    "audio",
    "video",
    "link",
    "meta",
    "head",
    "title",
)
_XML_DECL = regex.compile(r"^\s*<\?xml[^>]*>", regex.I)
# a source line break between two CJK characters, or between CJK and a digit, is no space
_CJK_NEWLINE = regex.compile(
    r"(?<=[\p{Han}\u3000-\u303f\uff00-\uffef])[ \t]*[\r\n]+[ \t]*(?=[\p{Han}\u3000-\u303f\uff00-\uffef0-9])"
    r"|(?<=[0-9%])[ \t]*[\r\n]+[ \t]*(?=[\p{Han}\u3000-\u303f\uff00-\uffef])"
)
_HIDDEN = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.I)
#: Chinese sentence punctuation: its density tells prose from menus and lists
CN_PUNCT = regex.compile(r"[，。！？；：、“”‘’（）《》…,.!?;]")


class EmptyPage(ValueError):
    """The input has no parsable content."""


_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True, huge_tree=True)


def parse_html(html: str) -> Any:
    """Parse a page or fragment into a plain lxml tree (no Python element classes: fast).

    Raises :class:`EmptyPage` when there is nothing to parse.
    """
    if html[:100].lstrip()[:5].lower() == "<?xml":
        html = _XML_DECL.sub("", html, count=1)
    if not html or html.isspace():
        raise EmptyPage("empty input")
    try:
        root = etree.fromstring(html, _PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise EmptyPage(str(exc)) from None
    if root is None:
        raise EmptyPage("no elements")
    return root


def text_content(el: Any) -> str:
    """All text under ``el`` (its tail excluded)."""
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


def drop_tree(el: Any) -> None:
    """Remove ``el`` and its subtree, keeping its tail text in place."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


_JUNK_KIND = {
    "script": "script",
    "style": "script",
    "noscript": "script",
    "template": "script",
    "iframe": "embed",
    "frame": "embed",
    "object": "embed",
    "embed": "embed",
    "svg": "embed",
    "canvas": "embed",
    "audio": "embed",
    "video": "embed",
    "select": "form",
    "button": "form",
    "input": "form",
    "textarea": "form",
}


def drop_junk(root: Any, dropped: Counter[str]) -> None:
    """Remove scripts, styles, form controls, embeds and hidden elements (tails kept; comments go at parse time)."""
    for el in root.iter(*_JUNK_KIND):
        dropped[_JUNK_KIND[el.tag]] += 1
    etree.strip_elements(root, *JUNK_TAGS, with_tail=False)
    hidden = [el for el in root.xpath("//*[@style or @hidden]") if el.get("hidden") is not None or _HIDDEN.search(el.get("style") or "")]
    if not hidden:
        return
    total = len(CN_PUNCT.findall(text_content(root)))
    for el in hidden:
        if el.getparent() is None:
            continue
        punct = len(CN_PUNCT.findall(text_content(el)))
        if punct >= 10 and punct > 0.5 * total:
            continue  # a page that reveals its article by script: keep it
        dropped["hidden"] += 1
        drop_tree(el)


@dataclass(slots=True)
class TextBlock:
    """Text between two block boundaries."""

    text: str
    link_chars: int
    ancestors: tuple  # block elements from the root down to the container
    index: int
    after_image: bool = False
    punct: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def container(self):  # type: ignore[no-untyped-def]
        return self.ancestors[-1]

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


def clean_space(raw: str) -> str:
    """Join source line breaks between Chinese characters, collapse other whitespace.

    >>> clean_space("　　第一句，\\n  第二句。 Hello\\n world")
    '第一句，第二句。 Hello world'
    """
    if "\n" in raw or "\r" in raw:
        raw = _CJK_NEWLINE.sub("", raw)
    return " ".join(raw.split())


def text_blocks(root: Any) -> list[TextBlock]:
    """Walk the tree once and return its text blocks in document order."""
    blocks: list[TextBlock] = []
    stack: list = []
    pieces: list[str] = []
    state = [0, 0, False]  # link chars, raw chars, image seen since the last block

    def flush() -> None:
        raw = "".join(pieces)
        pieces.clear()
        if in_pre[0] and "\n" in raw.strip():
            lines = [clean_space(line) for line in raw.splitlines()]
            for line in lines[:-1]:
                if line:
                    blocks.append(TextBlock(line, 0, tuple(stack), len(blocks), state[2]))
            raw = lines[-1]
        text = clean_space(raw)
        if text:
            link_raw, raw_len = state[0], state[1]
            # link share measured on raw text, applied to the cleaned length
            links = min(round(len(text) * link_raw / raw_len), len(text)) if link_raw else 0
            blocks.append(TextBlock(text, links, tuple(stack), len(blocks), state[2]))
            state[2] = False
        state[0] = state[1] = 0

    a_depth = 0
    in_pre = [0]
    block_tags = BLOCK_TAGS
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag
        if event == "start":
            if tag in block_tags:
                if pieces:
                    flush()
                stack.append(el)
                if tag == "pre":
                    in_pre[0] += 1
            elif tag == "br":
                if pieces:
                    flush()
            elif tag == "a":
                a_depth += 1
            elif tag == "img":
                if pieces and not "".join(pieces).isspace():
                    flush()
                state[2] = True
            s = el.text
        else:
            if tag in block_tags:
                if pieces:
                    flush()
                stack.pop()
                if tag == "pre":
                    in_pre[0] -= 1
            elif tag == "a":
                a_depth -= 1
            s = el.tail
        if s and (pieces or not s.isspace()):
            pieces.append(s)
            state[1] += len(s)
            if a_depth:
                state[0] += len(s)
    if pieces:
        flush()
    for b in blocks:
        b.punct = len(CN_PUNCT.findall(b.text))
    return blocks
