"""Whitespace layout: one paragraph per line, no indentation, no empty lines.

Reasons logged: ``line_ending`` (CR/CRLF to LF), ``indentation`` (leading
spaces, full-width and no-break spaces included), ``trailing_space``,
``empty_lines`` (blank lines between paragraphs), ``edge_space`` (blank lines
and spaces at the start or end of the document), ``zero_width_char``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import regex

from ..cleaner import Cleaner
from ..document import Document, Edit

_WS = r"[ \t\f\v\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]"
_NL = r"(?:\r\n|\r|\n)"
#: ``re`` (not ``regex``) with a first-character lookahead: the scan skips ordinary text fastest
_LAYOUT = re.compile(
    rf"(?=[{_WS[1:-1]}\r\n])(?:"
    rf"(?P<head>\A(?:{_WS}|{_NL})+)"
    rf"|(?P<tail>(?:{_WS}|{_NL})+\Z)"
    rf"|(?P<trail>{_WS}+)(?={_NL})"
    # a line break that needs no edit (one ``\n`` before text) is not matched at all
    rf"|(?=\r|\n(?:{_WS}|\r|\n))(?P<brk>{_NL}(?:{_WS}*{_NL})*)(?P<indent>{_WS}*)"
    ")"
)
_ZERO_WIDTH = regex.compile(r"[\u200b\u200c\u2060\ufeff]+")


class NormalizeLayout(Cleaner):
    """Strip indentation and trailing space, drop empty lines: one paragraph per line.

    >>> from cnnewsclean.document import Document
    >>> NormalizeLayout()(Document("\\n　　殷殷囑託。  \\r\\n\\n  五年來。\\n")).text
    '殷殷囑託。\\n五年來。'
    """

    def find_edits(self, text: str, doc: Document) -> Iterable[Edit]:
        edits: list[Edit] = []
        name = self.name
        for m in _LAYOUT.finditer(text):
            kind = m.lastgroup  # "indent" closes last in a line-break match, even when empty
            if kind == "indent":
                s, e = m.span("brk")
                brk = text[s:e]
                if brk != "\n":
                    reason = "empty_lines" if brk.count("\n") + brk.count("\r") - brk.count("\r\n") > 1 else "line_ending"
                    edits.append(Edit(name, s, e, brk, "\n", reason))
                s2, e2 = m.span("indent")
                if e2 > s2:
                    edits.append(Edit(name, s2, e2, text[s2:e2], "", "indentation"))
            else:
                s, e = m.span()
                edits.append(Edit(name, s, e, text[s:e], "", "trailing_space" if kind == "trail" else "edge_space"))
        if "\u200b" in text or "\ufeff" in text or "\u200c" in text or "\u2060" in text:
            taken = [(e.start, e.end) for e in edits]
            for m in _ZERO_WIDTH.finditer(text):
                if not any(a <= m.start() < b for a, b in taken):
                    edits.append(self.edit(text, m.start(), m.end(), "", "zero_width_char"))
        return edits
