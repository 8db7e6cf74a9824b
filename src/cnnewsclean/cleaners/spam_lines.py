"""Remove porn/gambling SEO spam lines (page headers and footers stuffed with search phrases).

A spam line is judged by its shape and its vocabulary together, never by one
keyword: several short phrases joined by ``|``, ``_``, commas or spaces, no
sentence punctuation, and strong spam terms (一区二区, 无码, 手机看片, 百家乐 ...)
that outweigh the ordinary words spam also uses (欧美, 美女 weigh little). A
line in the other script than the rest of the document (Simplified spam on a
Traditional page) needs less vocabulary, and so does a line right next to a spam
line (a header split over several lines). A lone ``?`` line next to a removed
spam line (a broken separator or icon) goes with it.

Reasons logged: ``spam_line`` (kept in ``metadata["removed_spam"]``),
``spam_line_residue`` (the lone ``?`` beside it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..cleaner import Cleaner
from ..detect.script import count_script_chars
from ..detect.spam import SpamScore, score_spam_line, strong_regex
from ..document import Document, Edit

_SENTENCE = re.compile(r"[。！？“”「」『』]")
_RESIDUE = re.compile(r"[?？�\s]+")


@dataclass(frozen=True)
class SpamLinesConfig:
    """Options for :class:`RemoveSpamLines`.

    ``min_strong``/``min_score``: strong terms and total vocabulary weight a line needs;
    ``min_phrases``: separator-joined phrases that make the list shape; ``list_coverage``:
    share of a list-shaped line that spam terms must cover (prose about gambling covers
    little); ``dense_coverage``: the coverage that makes a line spam without the list shape;
    ``mismatch_strong``/``mismatch_score``/``mismatch_coverage``: the lower needs of a
    line whose script differs from the document's, or that sits right next to a spam line;
    ``min_chars``: shorter lines are never examined.
    """

    min_strong: int = 2
    min_score: float = 8.0
    min_phrases: int = 4
    list_coverage: float = 0.4
    dense_coverage: float = 0.6
    mismatch_strong: int = 1
    mismatch_score: float = 4.0
    mismatch_coverage: float = 0.25
    min_chars: int = 8


def line_group_edits(cleaner: Cleaner, text: str, lines: list[tuple[int, int, str, str | None]]) -> list[Edit]:
    """Edits deleting whole lines ``(start, end, reason, moved_to)`` (in text order) with one newline each.

    Lines of a run that reaches the end of the text take the newline before them,
    the others the newline after, so the edits never overlap.
    """
    n = len(text)
    tail_from = len(lines)
    expect_end = n
    for i in range(len(lines) - 1, -1, -1):
        if lines[i][1] != expect_end:
            break
        tail_from = i
        expect_end = lines[i][0] - 1
    edits: list[Edit] = []
    for i, (s, e, reason, moved) in enumerate(lines):
        if i < tail_from:
            span = (s, min(e + 1, n))
        else:
            span = (s - 1, e) if s > 0 else (0, e)
        edits.append(cleaner.edit(text, span[0], span[1], "", reason, moved_to=moved))
    return edits


def _candidate_lines(text: str, min_chars: int) -> Iterable[tuple[int, int, str]]:
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if len(line) >= min_chars and "。" not in line:
            yield pos, end, line
        pos = end + 1


class RemoveSpamLines(Cleaner):
    """Remove porn/gambling SEO spam lines, judged by list shape plus weighted vocabulary.

    >>> from cnnewsclean.document import Document
    >>> spam = "日本中文字幕8区手机看片秋霞92|偷拍美女福利超碰首页中文字幕亚洲|欧韩av日韩av超碰国语在线麻豆|国产9区区综合亚洲天堂.com"
    >>> doc = Document(spam + "\\n?\\n欧美国家的美女运动员参加比赛。")
    >>> out = RemoveSpamLines()(doc)
    >>> out.text
    '欧美国家的美女运动员参加比赛。'
    >>> len(out.metadata["removed_spam"])
    1
    """

    name = "remove_spam_lines"
    Config = SpamLinesConfig

    def quick_check(self, text: str) -> bool:
        return len(text) >= self.config.min_chars

    def _is_spam(self, score: SpamScore, mismatch: bool) -> bool:
        c = self.config
        if mismatch:
            need_strong, need_score, need_cover = c.mismatch_strong, c.mismatch_score, c.mismatch_coverage
        else:
            need_strong, need_score, need_cover = c.min_strong, c.min_score, c.list_coverage
        if score.strong < need_strong or score.score < need_score:
            return False
        return (score.phrases >= c.min_phrases and score.coverage >= need_cover) or score.coverage >= c.dense_coverage

    def find_edits(self, text: str, doc: Document) -> Iterable[Edit]:
        strong = strong_regex()
        c = self.config
        found: list[tuple[int, int]] = []
        weaker: list[tuple[int, int]] = []  # would be spam with the lower bar: kept unless beside spam
        for s, e, line in _candidate_lines(text, c.min_chars):
            if _SENTENCE.search(line) or not strong.search(line):
                continue
            score = score_spam_line(line)
            if score.strong < c.mismatch_strong:
                continue
            if self._is_spam(score, False):
                found.append((s, e))
            elif self._is_spam(score, True):
                if self._script_mismatch(line, text[max(0, s - 3000) : s] + "\n" + text[e : e + 3000]):
                    found.append((s, e))
                else:
                    weaker.append((s, e))
        if not found:
            return []
        found = self._with_neighbours(found, weaker)
        return line_group_edits(self, text, self._with_residue(text, found))

    @staticmethod
    def _with_neighbours(found: list[tuple[int, int]], weaker: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Add the weaker candidates that sit right next to spam lines (a header split over lines)."""
        taken = set(found)
        ends = {e for _, e in found}
        starts = {s for s, _ in found}
        changed = True
        while changed and weaker:
            changed = False
            for s, e in list(weaker):
                if s - 1 in ends or e + 1 in starts:
                    taken.add((s, e))
                    ends.add(e)
                    starts.add(s)
                    weaker.remove((s, e))
                    changed = True
        return sorted(taken)

    @staticmethod
    def _script_mismatch(line: str, context: str) -> bool:
        """True when ``line`` is Simplified and its context Traditional, or the reverse."""
        ls, lt = count_script_chars(line)
        rs, rt = count_script_chars(context)
        if ls > lt and rt > 3 * max(rs, 1) and rt >= 10:
            return True
        return lt > ls and rs > 3 * max(rt, 1) and rs >= 10

    @staticmethod
    def _with_residue(text: str, found: list[tuple[int, int]]) -> list[tuple[int, int, str, str | None]]:
        """Spam lines plus the lone ``?`` lines right after or before them, in text order."""
        out: dict[int, tuple[int, int, str, str | None]] = {}
        for s, e in found:
            out[s] = (s, e, "spam_line", "removed_spam")
        for s, e in found:
            if e < len(text):  # line after
                nxt_end = text.find("\n", e + 1)
                nxt_end = len(text) if nxt_end < 0 else nxt_end
                if e + 1 < nxt_end and _RESIDUE.fullmatch(text, e + 1, nxt_end) and e + 1 not in out:
                    out[e + 1] = (e + 1, nxt_end, "spam_line_residue", None)
            if s > 0:  # line before
                prv_start = text.rfind("\n", 0, s - 1) + 1
                if prv_start < s - 1 and _RESIDUE.fullmatch(text, prv_start, s - 1) and prv_start not in out:
                    out[prv_start] = (prv_start, s - 1, "spam_line_residue", None)
        return [out[k] for k in sorted(out)]
