"""Line lookups by position, from one scan of the text.

A page flattened to one huge line can hold thousands of hits; finding each
hit's line with ``rfind``/``find`` would rescan the line every time.

>>> idx = LineIndex("第一行\\n第二行包養網\\n")
>>> idx.number(6), idx.span(6)
(1, (4, 10))
"""

from __future__ import annotations

import bisect
import re

_NEWLINE = re.compile("\n")


class LineIndex:
    """Start of every line of ``text``; ``number`` and ``span`` of the line holding a position."""

    __slots__ = ("_n", "_starts")

    def __init__(self, text: str) -> None:
        self._starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]
        self._n = len(text)

    def number(self, pos: int) -> int:
        """0-based line number of ``pos``."""
        return bisect.bisect_right(self._starts, pos) - 1

    def span(self, pos: int) -> tuple[int, int]:
        """``(start, end)`` of the line holding ``pos``; ``end`` is its newline (or the text's end)."""
        i = bisect.bisect_right(self._starts, pos)
        return self._starts[i - 1], self._starts[i] - 1 if i < len(self._starts) else self._n
