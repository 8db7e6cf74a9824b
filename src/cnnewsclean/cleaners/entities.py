"""Decode HTML character references left in plain text (``&amp;`` ``&nbsp;`` ``&#12290;`` ``&#x3002;`` ``&ldquo;``).

Only complete references are decoded: a known HTML5 name with its ``;``, a
decimal or hex reference, or one of the five legacy names (``&nbsp`` ``&amp``
``&lt`` ``&gt`` ``&quot``) written without ``;`` and not followed by a letter,
digit or ``=``. ``AT&T``, ``R&D``, a bare ``&`` and query strings such as
``?a=1&copy=2`` stay. Double escaping (``&amp;ldquo;``) is undone in one edit.

Reasons logged: ``named_entity``, ``numeric_entity``, ``double_escaped_entity``,
``invalid_entity`` (a numeric reference to no character: dropped).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.entities import html5

from ..cleaner import Cleaner
from ..document import Document, Edit

_REF = re.compile(
    r"&(?P<amps>(?:amp;)*)"
    r"(?P<ref>#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};|(?:nbsp|amp|lt|gt|quot)(?![A-Za-z0-9;=]))"
)


@dataclass(frozen=True)
class EntityOptions:
    """Options for :class:`DecodeHtmlEntities`.

    ``nbsp``: what ``&nbsp;`` becomes (default U+00A0, as HTML defines it; ``" "`` for a plain space);
    ``double_escaped``: also undo ``&amp;`` chains in front of a reference (``&amp;ldquo;`` -> ``“``).
    """

    nbsp: str = "\u00a0"
    double_escaped: bool = True


class DecodeHtmlEntities(Cleaner):
    """Decode HTML entities and numeric character references in text.

    >>> from cnnewsclean.document import Document
    >>> DecodeHtmlEntities()(Document("&ldquo;十四五&rdquo;规划&#12290;AT&T公司&#x3002;")).text
    '“十四五”规划。AT&T公司。'
    """

    name = "decode_html_entities"
    Config = EntityOptions

    def quick_check(self, text: str) -> bool:
        return "&" in text

    def find_edits(self, text: str, doc: Document) -> Iterable[Edit]:
        edits: list[Edit] = []
        for m in _REF.finditer(text):
            ref = m.group("ref")
            amps = m.group("amps")
            if amps and not self.config.double_escaped:
                continue
            if ref[0] == "#":
                reason = "numeric_entity"
            elif ref.endswith(";") and ref not in html5:
                continue  # not an HTML entity: leave "&foo;" as written
            else:
                reason = "named_entity"
            after = html.unescape("&" + ref)
            if after == "\ufffd" and ref[0] == "#":
                after, reason = "", "invalid_entity"  # NUL, surrogate or beyond U+10FFFF: no character to keep
            if ref.rstrip(";") == "nbsp":
                after = self.config.nbsp
            if amps:
                reason = "double_escaped_entity"
            edits.append(self.edit(text, m.start(), m.end(), after, reason))
        return edits
