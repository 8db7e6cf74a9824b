"""Restore full-width Chinese punctuation where a scrape left ASCII marks.

An ASCII ``, : ; ? !`` becomes ``， ： ； ？ ！`` when it touches Chinese text
(an ideograph or a CJK mark on either side; a curly quote or ellipsis only
counts when the surrounding window is mostly Chinese). A pair of ASCII
parentheses becomes ``（ ）`` when the text inside holds an ideograph. Numbers
(``3,000``, ``11:31:35``, ``33.7%``), URLs, ASCII words, English sentences,
``(App)`` and pinyin such as ``(jié)`` never change: their marks touch no
Chinese. A ``?`` glued to ASCII punctuation, a letter or a private-use
character is left alone (that is the trace of GBK byte damage, repaired
elsewhere). Optionally a period after an ideograph at the end of a paragraph
or before a quote becomes ``。``.

Reasons logged: ``fullwidth_comma``, ``fullwidth_colon``, ``fullwidth_semicolon``,
``fullwidth_question``, ``fullwidth_exclamation``, ``fullwidth_parentheses``,
``fullwidth_period``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..cleaner import Cleaner
from ..detect.context import CJK_PUNCT, IDEOGRAPH, PUA, SHARED_PUNCT, chinese_window, in_spans, url_spans
from ..document import Document, Edit

_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）", ".": "。"}
_REASON = {
    ",": "fullwidth_comma",
    ":": "fullwidth_colon",
    ";": "fullwidth_semicolon",
    "?": "fullwidth_question",
    "!": "fullwidth_exclamation",
    "(": "fullwidth_parentheses",
    ")": "fullwidth_parentheses",
    ".": "fullwidth_period",
}
_IDEO = re.compile(f"[{IDEOGRAPH}]")
_ENTITY_TAIL = re.compile(r"&#?[A-Za-z0-9]{1,10}\Z")
# what follows a "?" left by GBK byte damage: the ASCII form of a GBK lead byte (0x21-0x7E), or PUA
_DAMAGE_NEXT = re.compile(f"[!#-&*-@A-\\[\\\\^-|~{PUA}]")


def _mark_pattern(marks: str) -> re.Pattern[str]:
    cls = re.escape(marks)
    strong = f"{IDEOGRAPH}{CJK_PUNCT}"
    # a mark touching Chinese on the left (then with any spaces after it) or on the right;
    # group "weak" when what it touches is only a mark shared with Western text (quotes, dashes)
    # (the mark comes first so the scan can skip to candidate characters)
    return re.compile(f"[{cls}](?:(?<=[{strong}][{cls}]) *|(?=[{strong}])|(?P<weak>(?<=[{SHARED_PUNCT}][{cls}]) *|(?=[{SHARED_PUNCT}])))")


#: two ASCII marks side by side: without one, no restored mark can touch another
_ADJACENT_MARKS = re.compile(r"[,:;?!().][,:;?!().]")
_PARENS = re.compile(r"[(（]([^()（）\n]*)[)）]")
_PERIOD = re.compile(f"\\.(?<=[{IDEOGRAPH}]\\.)(?=\\n|\\Z|[“”‘’])")


@dataclass(frozen=True)
class PunctuationOptions:
    """Options for :class:`RestoreFullwidthPunctuation`.

    ``marks``: which ASCII marks to restore (any of ``,:;?!``);
    ``parentheses``: restore ``( )`` around Chinese content;
    ``period``: ``.`` after an ideograph at a paragraph end or before a quote becomes ``。``;
    ``drop_space_after``: drop spaces between a restored mark and the Chinese text after it.
    """

    marks: str = ",:;?!"
    parentheses: bool = True
    period: bool = True
    drop_space_after: bool = True


class RestoreFullwidthPunctuation(Cleaner):
    """Turn ASCII ``,:;?!()`` in Chinese context into full-width marks.

    >>> from cnnewsclean.document import Document
    >>> RestoreFullwidthPunctuation()(Document("报告指出,迈上新征程(2024年)在11:31:35,占33.7%")).text
    '报告指出，迈上新征程（2024年）在11:31:35，占33.7%'
    """

    name = "restore_fullwidth_punctuation"
    Config = PunctuationOptions

    def __init__(self, config: PunctuationOptions | None = None, /, **options: object) -> None:
        super().__init__(config, **options)
        self._marks = _mark_pattern(self.config.marks) if self.config.marks else None
        self._quick = set(self.config.marks) | ({"(", ")"} if self.config.parentheses else set()) | ({"."} if self.config.period else set())

    def quick_check(self, text: str) -> bool:
        return any(c in text for c in self._quick)

    def find_edits(self, text: str, doc: Document) -> Iterable[Edit]:
        urls = url_spans(text)
        full: dict[int, int] = {}  # position of a restored mark -> end of the span it replaces
        cur = text
        for _ in range(4):  # a restored mark is Chinese context for its neighbours: repeat to a fixpoint
            found: dict[int, int] = {}
            if self._marks is not None:
                self._find_marks(cur, urls, full, found)
            if self.config.parentheses and ("(" in cur or ")" in cur):
                self._find_parens(cur, urls, found)
            if self.config.period and "." in cur:
                for m in _PERIOD.finditer(cur):
                    if not (urls and in_spans(urls, m.start())):
                        found[m.start()] = m.end()
            if full:
                found = {i: e for i, e in found.items() if i not in full}
            if not found:
                break
            full.update(found)
            n = len(cur)
            if not _ADJACENT_MARKS.search(cur):
                break  # no two ASCII marks touch anywhere: nothing more can change
            if not any((i and cur[i - 1] in _FULL) or (i + 1 < n and cur[i + 1] in _FULL) for i in found):
                break  # no restored mark touches another ASCII mark: nothing more can change
            chars = list(cur)
            for i in found:
                chars[i] = _FULL[chars[i]]
            cur = "".join(chars)
        name = self.name
        edits = []
        for i, e in sorted(full.items()):
            ch = text[i]
            edits.append(Edit(name, i, e, text[i:e], _FULL[ch], _REASON[ch]))
        return edits

    def _find_marks(self, text: str, urls: list[tuple[int, int]], done: dict[int, int], found: dict[int, int]) -> None:
        assert self._marks is not None
        skip_after = -1
        n = len(text)
        drop_space = self.config.drop_space_after
        damage_next = _DAMAGE_NEXT.match
        ideo = _IDEO.match
        for m in self._marks.finditer(text):
            i = m.start()
            ch = text[i]
            if i == skip_after:
                skip_after = i + 1
                continue
            if ch == "?" and i + 1 < n and (damage_next(text, i + 1) or (i and "\ue000" <= text[i - 1] <= "\uf8ff")):
                skip_after = i + 1  # GBK damage trace: leave the whole run for the byte repair
                continue
            if (done and i in done) or (urls and in_spans(urls, i)):
                continue
            if ch == ";" and _ENTITY_TAIL.search(text, max(0, i - 12), i):
                continue  # an HTML entity such as &nbsp;
            if m.lastgroup == "weak" and not chinese_window(text, i):
                continue
            end = m.end()
            if end != i + 1 and (not drop_space or end >= n or not ideo(text, end)):
                end = i + 1
            found[i] = end

    def _find_parens(self, text: str, urls: list[tuple[int, int]], found: dict[int, int]) -> None:
        for m in _PARENS.finditer(text):
            inner = m.group(1)
            if not _IDEO.search(inner) or inner[:1] in "\"'":
                continue  # (App), (1), pinyin, code strings
            s, e = m.start(), m.end() - 1
            outside_cjk = (s and _IDEO.match(text, s - 1)) or (e + 1 < len(text) and _IDEO.match(text, e + 1))
            if not outside_cjk and not (chinese_window(text, s) or chinese_window(text, e)):
                continue  # Chinese quoted inside an English sentence
            if urls and (in_spans(urls, s) or in_spans(urls, e)):
                continue
            if text[s] == "(":
                found[s] = s + 1
            if text[e] == ")":
                found[e] = e + 1
