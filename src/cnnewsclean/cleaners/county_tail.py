"""Remove county-name tails: SEO lines that list place names (``集安市| 虞城县| 深泽县| ...``).

A line is a county tail when it has the shape of a bare list (items joined by
``|``, ``、``, commas, slashes or spaces; no sentence punctuation, no colon, no
long item) and most of its items are county-level or higher divisions of China
(``data/counties.tsv``, current and historical names, both scripts). Short
filler items (搜索, 手游) are tolerated; the first and last items must be places.
A sentence that names a few counties (``在集安市、虞城县等地开展…``) stays.

The list may also come one name per line (links flattened by HTML extraction)
or glued after the last sentence of a paragraph (``…发展。集安市| 虞城县| …``).

Reasons logged: ``county_tail`` (whole lines), ``county_tail_inline`` (a tail after
a sentence); both kept in ``metadata["removed_spam"]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .._resources import county_names
from ..cleaner import Cleaner
from ..document import Document, Edit
from .spam_lines import line_group_edits

_SEP = re.compile(r"[|｜丨、,，/／\s\u00a0\u3000]+")
_NOT_LIST = re.compile(r"[。！？!?；;：:“”「」『』《》()（）]")
_SEP_CHARS = "|｜丨、,，/／ \u3000"
_ITEM_STRIP = "|｜丨、,，/／ \t\u3000\u00a0"
_SENTENCE_END = "。！？!?”"
_SUFFIX_CHARS = "县縣区區旗市州盟"
# a place-name ending followed by a list separator or a line end: where county lists can be
_SUFFIX_SEP = re.compile(r"[县縣区區旗市州盟](?=[|｜丨、,，/／ \u3000\n])")


@dataclass(frozen=True)
class CountyTailConfig:
    """Options for :class:`RemoveCountyTail`.

    ``min_items``: list items a line needs; ``min_places``: items that must be place
    names; ``min_share``: place names among all items; ``max_item_chars``: longer
    items that are not place names (积石山保安族东乡族撒拉族自治县 is one) mean prose;
    ``max_filler_chars``: longest tolerated non-place item;
    ``plain_min_items``: items a line needs when only 、, commas or spaces separate them
    (a ``|`` list is SEO for sure, a 、 list may be a table row); ``min_line_items``: lines
    in a run of one-name-per-line lines (a flattened link list), which must touch the
    start or the end of the document.
    """

    min_items: int = 5
    min_places: int = 4
    min_share: float = 0.7
    max_item_chars: int = 12
    max_filler_chars: int = 4
    plain_min_items: int = 8
    min_line_items: int = 8


def _introduced(text: str, line_start: int) -> bool:
    """True when the line before ``line_start`` introduces a list (ends with a colon)."""
    if line_start == 0:
        return False
    prev = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start - 1].rstrip()
    return prev.endswith(("：", ":"))


class RemoveCountyTail(Cleaner):
    """Remove lines that are bare lists of county-level place names (SEO tails).

    >>> from cnnewsclean.document import Document
    >>> text = "如今，雲南省總工會積極推進數字工會建設。\\n集安市| 虞城县| 深泽县| 搜索| 开江县| 勐海县| 永年县| 安西县|"
    >>> RemoveCountyTail()(Document(text)).text
    '如今，雲南省總工會積極推進數字工會建設。'
    """

    name = "remove_county_tail"
    Config = CountyTailConfig

    def quick_check(self, text: str) -> bool:
        return any(c in text for c in "县縣区區旗市州盟")

    def _items_ok(self, items: list[str], min_items: int | None = None) -> bool:
        c = self.config
        if len(items) < (min_items or c.min_items):
            return False
        names = county_names()
        is_place = [x in names for x in items]
        if any(len(x) > c.max_item_chars and not p for x, p in zip(items, is_place, strict=True)):
            return False
        places = sum(is_place)
        if places < c.min_places or places < c.min_share * len(items):
            return False
        if not (is_place[0] and is_place[-1]):
            return False
        return all(p or self._is_filler(x) for x, p in zip(items, is_place, strict=True))

    def _is_filler(self, item: str) -> bool:
        return len(item) <= self.config.max_filler_chars and not any(ch.isdigit() for ch in item) and not _NOT_LIST.search(item)

    def is_county_list(self, line: str) -> bool:
        """True when ``line`` is a bare list whose items are mostly place names."""
        if _NOT_LIST.search(line):
            return False
        piped = any(ch in line for ch in "|｜丨")
        return self._items_ok([x for x in _SEP.split(line) if x], None if piped else self.config.plain_min_items)

    def find_edits(self, text: str, doc: Document) -> Iterable[Edit]:
        c = self.config
        hits = [m.start() for m in _SUFFIX_SEP.finditer(text)]
        if text and text[-1] in _SUFFIX_CHARS:
            hits.append(len(text) - 1)
        if len(hits) < min(c.min_places - 1, c.min_line_items):
            return []
        lines: dict[int, list[int]] = {}  # line start -> hit positions
        for h in hits:
            lines.setdefault(text.rfind("\n", 0, h) + 1, []).append(h)
        found: list[tuple[int, int, str, str | None]] = []
        inline: list[Edit] = []
        short: list[tuple[int, int, str]] = []
        for ls, hs in lines.items():
            le = text.find("\n", hs[-1])
            le = len(text) if le < 0 else le
            line = text[ls:le]
            if len(line) <= c.max_item_chars + 4:
                short.append((ls, le, line.strip(_ITEM_STRIP)))
            elif len(hs) >= c.min_places - 1 and not _introduced(text, ls):
                if "。" not in line:
                    if self.is_county_list(line):
                        found.append((ls, le, "county_tail", "removed_spam"))
                else:  # a tail glued to the last sentence of a paragraph
                    cut = max(line.rfind(p) for p in _SENTENCE_END) + 1
                    tail = line[cut:]
                    if len(tail) >= 2 * c.min_items and self.is_county_list(tail):
                        inline.append(self.edit(text, ls + cut, le, "", "county_tail_inline", moved_to="removed_spam"))
        found.extend(self._name_line_runs(text, short))
        found.sort()
        return inline + (line_group_edits(self, text, found) if found else [])

    def _name_line_runs(self, text: str, short: list[tuple[int, int, str]]) -> list[tuple[int, int, str, str | None]]:
        """Runs of one-name-per-line lines (fillers between them allowed) that make a county list."""
        c = self.config
        names = county_names()
        out: list[tuple[int, int, str, str | None]] = []
        run: list[tuple[int, int, str]] = []

        def flush() -> None:
            at_edge = run and (run[0][0] == 0 or run[-1][1] >= len(text.rstrip()))
            if at_edge and len(run) >= c.min_line_items and not _introduced(text, run[0][0]) and self._items_ok([x for _, _, x in run]):
                out.extend((s, e, "county_tail", "removed_spam") for s, e, _ in run)
            run.clear()

        for ls, le, item in short:
            if item not in names:
                flush()
                continue
            if run:
                gap = self._filler_lines(text, run[-1][1] + 1, ls)
                if gap is None:
                    flush()
                else:
                    run.extend(gap)
            run.append((ls, le, item))
        flush()
        return out

    def _filler_lines(self, text: str, start: int, stop: int) -> list[tuple[int, int, str]] | None:
        """The lines in ``text[start:stop]`` when they are at most two filler items, else None."""
        if start >= stop:
            return [] if start == stop else None
        gap: list[tuple[int, int, str]] = []
        pos = start
        while pos < stop:
            nl = text.find("\n", pos, stop)
            end = stop - 1 if nl < 0 else nl
            item = text[pos:end].strip(_ITEM_STRIP)
            if len(gap) >= 2 or not item or not self._is_filler(item):
                return None
            gap.append((pos, end, item))
            pos = end + 1
        return gap
