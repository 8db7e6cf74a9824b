"""Whitespace layout: one paragraph per line, no indentation, no empty lines.

Reasons logged: ``line_ending`` (CR/CRLF to LF), ``indentation`` (leading
spaces, full-width and no-break spaces included), ``trailing_space``,
``empty_lines`` (blank lines between paragraphs), ``edge_space`` (blank lines
and spaces at the start or end of the document), ``zero_width_char``.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from ..cleaner import Cleaner
from ..document import Document, Edit

_WS = r"[ \t\f\v\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]"
_NL = r"(?:\r\n|\r|\n)"
_LAYOUT = regex.compile(
    rf"(?P<head>\A(?:{_WS}|{_NL})+)"
    rf"|(?P<tail>(?:{_WS}|{_NL})+\Z)"
    rf"|(?P<trail>{_WS}+)(?={_NL})"
    rf"|(?P<brk>{_NL}(?:{_WS}*{_NL})*)(?P<indent>{_WS}*)"
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
        for m in _LAYOUT.finditer(text):
            kind = m.lastgroup
            if m.group("head") is not None:
                edits.append(self.edit(text, m.start(), m.end(), "", "edge_space"))
            elif m.group("tail") is not None:
                edits.append(self.edit(text, m.start(), m.end(), "", "edge_space"))
            elif m.group("trail") is not None:
                edits.append(self.edit(text, m.start(), m.end(), "", "trailing_space"))
            else:
                s, e = m.span("brk")
                brk = m.group("brk")
                if brk != "\n":
                    reason = "empty_lines" if brk.count("\n") + brk.count("\r") - brk.count("\r\n") > 1 else "line_ending"
                    edits.append(self.edit(text, s, e, "\n", reason))
                if m.group("indent"):
                    s2, e2 = m.span("indent")
                    edits.append(self.edit(text, s2, e2, "", "indentation"))
            del kind
        if "\u200b" in text or "\ufeff" in text or "\u200c" in text or "\u2060" in text:
            taken = [(e.start, e.end) for e in edits]
            for m in _ZERO_WIDTH.finditer(text):
                if not any(a <= m.start() < b for a, b in taken):
                    edits.append(self.edit(text, m.start(), m.end(), "", "zero_width_char"))
        return edits
